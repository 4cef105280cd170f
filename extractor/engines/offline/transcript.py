"""Interview transcripts: every answer paragraph is a claim of the person answering.

A question-and-answer interview carries no cue words; its layout says who speaks. A turn
opens with a speaker label (Wikinews writes `((Ana Ruiz))  The data.` and `((WN))  Why?`,
other outlets `Ana Ruiz: ...`, `AR: ...`, `Q: ...` / `A: ...`, or a bare question paragraph
before a labelled answer), and a paragraph without a label goes on with the turn above it.
Read sentence by sentence, such an article gave almost nothing (the answers have no cue) or
the wrong things (cue words inside the questions, "we have shown" inside an answer, read as
if the article reported them). evals/GUIDELINES.md section 9.8 says what to annotate: each
answer paragraph is one claim of the answerer, source mention = the turn's label, cue and
quote null; the interviewer's questions and thanks are no claims.

The layout is read once per article, before the walk (`transcript_turns`), because whether
`NG:` is a speaker label is only clear from the whole article (it recurs, or stands for the
`Natasha Gownaris:` of the first answer). Each paragraph is then settled after the sentence
rules have read it (`answer_turn`, asked by continuation.py): an answer paragraph becomes one
claim with the flag `inferred_speaker`, and what the rules found inside it that is only the
answerer (or the interviewer) speaking is dropped; a question keeps nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import copy
from dataclasses import dataclass
from typing import Any

from ...models import Flag, Region
from .records import Found, Mention
from .source_words import NAME_TITLES

# "((Ana Ruiz))  ..." (Wikinews), "((WN))  ...": the double brackets make it a label wherever it stands.
BRACKET_LABEL = re.compile(r"[ \t\u00a0]*\(\(\s*([^()\n]{1,60}?)\s*\)\)[ \t\u00a0]*:?[ \t\u00a0]*")
# "Ana Ruiz: ...", "DR. ANA RUIZ: ...", "NG: ...", "Q: ...": up to four capitalized words, a colon and words.
_NAME_WORD = r"[A-Z][\w'’.-]*"
COLON_LABEL = re.compile(rf"[ \t\u00a0]*({_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{0,3}})[ \t\u00a0]*:[ \t\u00a0]+(?=\S)")
NAME = re.compile(rf"{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD})+")
# Labels of the one asking: the publication, "Q", "Interviewer".
INTERVIEWER_LABELS = frozenset({"wn", "wikinews", "q", "question", "interviewer", "int"})
# Labels of the one answering that do not name them: the interviewee is the article's.
ANSWER_LABELS = frozenset({"a", "answer", "ans"})
# Run-in heads that are not speakers ("Update: the vote was moved", "Note: ...").
NOT_SPEAKERS = frozenset({"update", "note", "correction", "clarification", "background", "source", "sources", "photo",
                          "warning", "disclaimer", "editor's note", "editor’s note"})
# Sentences of courtesy, not of substance: an answer made only of them is no claim ("Thank you. I enjoyed it.").
COURTESY = re.compile(r"(?i)^\W*(thanks?( you)?( so much| very much| again)?( for [\w ,'’]{0,60})?|you'?’?re welcome|"
                      r"(it was |it's been |it has been )?(my|a|a great|a real) pleasure|no problem|"
                      r"(it was )?(nice|good|great) (talking|speaking) (to|with) you|you too|okay|ok|hi|hello|"
                      r"good (morning|afternoon|evening)|"
                      r"(good)?bye|cheers|have a (good|nice|great) (day|evening|weekend|one)|"
                      r"i (really )?enjoyed (it|this|talking)( as well| too)?|likewise)[\s.!,]*$")
# The introduction of an interview says so; without it `A:` and unlabelled answers are nobody's (an
# explainer's "Q: What happens next?" is answered by the publication, not the person it mentions most).
INTERVIEW_WORDS = re.compile(r"(?i)\b(interview\w*|spoke (with|to)|talked (with|to)|answered|questions|Q&A|"
                             r"conversation|discuss\w*|caught up with|sat down with|asked)\b")
INFERRED = "An interview answer with no cue; the speaker is the turn's label (or the interviewee)."


@dataclass(frozen=True)
class Label:
    """A speaker label opening a paragraph: the speaker's words in it, and where the turn's words begin."""

    start: int
    end: int
    text: str
    body: int
    bracketed: bool


@dataclass
class Turn:
    """What a paragraph of a transcript is: a question (no claim) or an answer by `speaker`."""

    role: str  # "question" or "answer"
    speaker: Mention | None = None
    content: tuple[int, int] | None = None


def read_label(raw: str, region: Region) -> Label | None:
    """The speaker label a paragraph opens with, if any."""
    text = raw[region.start : region.end]
    m = BRACKET_LABEL.match(text)
    bracketed = m is not None
    if m is None:
        m = COLON_LABEL.match(text)
        if m is None or m.group(1).lower() in NOT_SPEAKERS:
            return None
    return Label(region.start + m.start(1), region.start + m.end(1), m.group(1), region.start + m.end(), bracketed)


def label_key(text: str) -> str:
    return " ".join(text.lower().replace(".", "").split())


def asks(text: str) -> bool:
    """Does the paragraph end in a question (the interviewer's part, or a bare question)?"""
    return text.rstrip(" \t\n\u00a0\"'”’)]").endswith("?")


def only_questions(text: str) -> bool:
    """Every sentence a question ("Why I am interested in astronomy?"): an answer that asserts nothing."""
    parts = sentences_of(text)
    return bool(parts) and all(asks(p) for p in parts)


def sentences_of(text: str) -> list[str]:
    return [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p.strip()]


def courtesy(text: str) -> bool:
    """Only thanks, greetings and goodbyes ("Yeah! Thank you. Have a good day.")."""
    parts = [p for p in sentences_of(text) if not re.fullmatch(r"(?i)\W*(yeah|yes|oh|well|so|sure)\W*", p)]
    return bool(parts) and all(COURTESY.match(p) for p in parts)


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def speaker_name(text: str, people: dict[str, str]) -> str:
    """The canonical name a label stands for: "NG" -> "Natasha Gownaris" (her initials), "Kurtzer" or
    "GREGORY KURTZER" -> "Gregory Kurtzer" (the article's full name), titles left out."""
    words = [w for w in text.split() if w.lower() not in NAME_TITLES]
    if not words:
        return text
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 4:
        full = next((n for n in dict.fromkeys(people.values()) if initials(n) == words[0]), None)
        if full:
            return full
    full = people.get(words[-1].lower().strip(".’'"))
    if full and (len(words) == 1 or full.split()[0].lower() == words[0].lower()):
        return full
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in words)


def interviewee(raw: str, before: int, people: dict[str, str]) -> str | None:
    """The person an interview is with, for `A:` labels and bare answers: the full name the
    introduction mentions most (surname or full name)."""
    counts: Counter[str] = Counter()
    intro = raw[:before]
    for surname, full in people.items():
        if not NAME.fullmatch(full):
            continue  # (a tagger's PERSON in a passage of another script)
        counts[full] += len(re.findall(rf"\b{re.escape(surname)}\b", intro, re.I))
    best = [n for n, c in counts.most_common() if c]
    return best[0] if best else None


def latest_mention(raw: str, before: int, name: str) -> tuple[int, int] | None:
    """The name's most recent mention before `before` (the full name, else the surname)."""
    surname = name.split()[-1]
    hits = list(re.finditer(rf"\b(?:{re.escape(name)}|{re.escape(surname)})\b", raw[:before]))
    return (hits[-1].start(), hits[-1].end()) if hits else None


def source_type(name: str, known: dict[str, tuple[str, str]]) -> str:
    kind = known.get(name.lower())
    return kind[0] if kind else "person"


def transcript_turns(raw: str, regions: list[Region], people: dict[str, str],
                     known: dict[str, tuple[str, str]]) -> dict[int, Turn]:
    """Which paragraphs (by start offset) are questions and answers of an interview; empty when
    the article is not a transcript (fewer than two answers, or nobody asks)."""
    labels = [read_label(raw, r) for r in regions]
    names = {label_key(lab.text): speaker_name(lab.text, people) for lab in labels if lab}
    accepted, askers = speaker_labels(raw, regions, labels, names)
    first = next((lab.start for lab in labels if lab and label_key(lab.text) in accepted), len(raw))
    guest = interviewee(raw, first, people) if INTERVIEW_WORDS.search(raw[:first]) else None
    bare = not accepted - askers  # only questions are labelled: the paragraphs after them answer

    turns: dict[int, Turn] = {}
    speaker: Mention | None = None
    asked = False  # the last turn was a labelled question: an unlabelled paragraph answers it
    answers = 0  # turns answered (not their continuation paragraphs)
    for i, (region, lab) in enumerate(zip(regions, labels)):
        text = raw[region.start : region.end]
        key = label_key(lab.text) if lab else ""
        if lab and key in accepted:
            asked = key in askers
            speaker = None if asked else label_speaker(raw, lab, key, names, guest, known)
            turns[region.start] = Turn("question") if asked else Turn("answer", speaker, (lab.body, region.end))
            answers += speaker is not None
        elif asks(text) and next_is_answer(labels, i, accepted, askers) \
                or speaker is None and not asked and opens_interview(raw, regions, labels, i, accepted):
            turns[region.start] = Turn("question")  # a bare question, or the interviewer's opening words
            speaker, asked = None, False
        elif names_first(text, speaker.name if speaker else guest):
            speaker, asked = None, False  # "Ana Ruiz also spoke about ...": the publication's words between turns
        elif speaker is not None:
            turns[region.start] = Turn("answer", speaker, (region.start, region.end))
        elif asked and bare and guest and replies(text):  # "Q: Why now?", then the answer with no label
            at = latest_mention(raw, region.start, guest)
            speaker = Mention(at[0], at[1], raw[at[0] : at[1]], name=guest, type=source_type(guest, known)) if at else None
            turns[region.start] = Turn("answer", speaker, (region.start, region.end))
            answers += speaker is not None
            asked = False
    if answers < 2 or not any(t.role == "question" for t in turns.values()):
        return {}
    return turns


def speaker_labels(raw: str, regions: list[Region], labels: list[Label | None],
                   names: dict[str, str]) -> tuple[set[str], set[str]]:
    """The labels that are speakers, and those of them that ask.

    A label is one when it is bracketed, recurs, or is the long form of a recurring one
    ("Natasha Gownaris:" once, then "NG:"); "Frido Welker: he ran the tests" inside an answer is
    not. The asker is the publication or `Q`, else the named speaker whose turns are questions."""
    counts = Counter(label_key(lab.text) for lab in labels if lab)
    accepted = {label_key(lab.text) for lab in labels if lab and lab.bracketed} | {k for k, c in counts.items() if c >= 2}
    accepted |= {k for k in counts if names[k] in {names[r] for r in accepted} and k not in INTERVIEWER_LABELS | ANSWER_LABELS}
    asking = Counter(label_key(lab.text) for lab, r in zip(labels, regions) if lab and asks(raw[r.start : r.end]))
    # (A second interviewer, "((RS))", asks too; and "((WSS)) : Why?" alone, its answers lost, is no transcript.)
    return accepted, {k for k in accepted if k in INTERVIEWER_LABELS
                      or k not in ANSWER_LABELS and asking[k] * 2 > counts[k]}


def opens_interview(raw: str, regions: list[Region], labels: list[Label | None], i: int, accepted: set[str]) -> bool:
    """The interviewer's opening words just before the first turn ("Thank you for agreeing to talk. I'd like
    to ask you about ..."): they thank or greet, and a labelled turn follows."""
    lab = labels[i + 1] if i + 1 < len(labels) else None
    if lab is None or label_key(lab.text) not in accepted or any(x and label_key(x.text) in accepted for x in labels[:i]):
        return False
    first = sentences_of(raw[regions[i].start : regions[i].end])[:1]
    return bool(first) and bool(COURTESY.match(first[0]) or re.match(r"(?i)\W*(thanks?|thank you)\b", first[0]))


def replies(text: str) -> bool:
    """An unlabelled paragraph after a question answers it when it speaks as "I" or "we" or opens with a
    reply; the publication's own paragraphs between interviews (their answers not kept) do neither."""
    return bool(re.search(r"\b(I|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|[Uu]s)\b", text)  # (also "I'm", "we've")
                or re.match(r"\W*(Yes|No|Well|Sure|Absolutely|Definitely|Not really)\b", text))


def names_first(text: str, name: str | None) -> bool:
    """A paragraph that opens with the speaker's name speaks of them, it is not them speaking."""
    if not name:
        return False
    head = " ".join(text.split()[:3])
    return bool(re.match(rf"(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b", head))


def next_is_answer(labels: list[Label | None], i: int, accepted: set[str], askers: set[str]) -> bool:
    lab = labels[i + 1] if i + 1 < len(labels) else None
    return lab is not None and label_key(lab.text) in accepted - askers


def label_speaker(raw: str, lab: Label, key: str, names: dict[str, str], guest: str | None,
                  known: dict[str, tuple[str, str]]) -> Mention | None:
    """Who answers in a turn: the label itself, or for `A:` the interviewee's latest mention."""
    if key in ANSWER_LABELS:
        if guest is None:
            return None
        at = latest_mention(raw, lab.start, guest)
        if at is None:
            return None
        return Mention(at[0], at[1], raw[at[0] : at[1]], name=guest, type=source_type(guest, known))
    name = names[key]
    return Mention(lab.start, lab.end, lab.text, name=name, type=source_type(name, known))


def answer_turn(state: Any, region: Region, found_before: int) -> bool:
    """Settle a transcript paragraph once its sentences are read; False when it is none.

    A question keeps none of what the rules found in it. An answer becomes one claim of its
    speaker (a paragraph broken by a single line break stays one claim), and keeps only what
    it credits to someone else ("the ministry told us ..."), not the answerer's own "we found".
    """
    turn = state.turns.get(region.start) if state.turns else None
    if turn is None:
        return False
    state.paragraph_speaker = None
    if turn.role == "question" or turn.speaker is None:
        del state.found[found_before:]
        return True
    speaker = turn.speaker
    state.found[found_before:] = [f for f in state.found[found_before:] if credits_another(f, speaker)]
    cs, ce = stripped(state.raw, *turn.content)  # type: ignore[misc]
    words = state.raw[cs:ce]
    if not re.search(r"\w\w", re.sub(r"\[[^\]]*\]", "", words)) or courtesy(words) or only_questions(words):
        return True
    prev = next((f for f in reversed(state.found) if f.how == "turn"), None)
    if prev is not None and prev.source and prev.source.name == speaker.name \
            and re.fullmatch(r"[ \t\u00a0]*\n?[ \t\u00a0]*", state.raw[prev.content[1] : cs]):
        prev.content = (prev.content[0], ce)  # a line break inside a paragraph, not a new paragraph
        return True
    state.found.append(Found(content=(cs, ce), cue=None, source=copy(speaker), confidence=0.6, how="turn",
                             stance="asserted", flags=[Flag(code="inferred_speaker", message=INFERRED)]))
    return True


def stripped(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


# The answerer's own side and the interviewer's ("we found", "our team proposes", "as you said",
# "your friend says", "people like me say"); "my father told me" credits someone else.
FIRST_AND_SECOND = frozenset("i we me us our myself ourselves you your".split())
PRONOUNS = frozenset("he she it they him her them his its their who which that this these those one".split())


def credits_another(f: Found, speaker: Mention) -> bool:
    """An attribution inside an answer that credits someone the answerer names or singles out
    ("Rubenwardy has said ...", "the ministry told us ...", "my father always said ..."); not the
    answerer or the interviewer, and not the generic or hypothetical speakers of talk ("people
    say", "your friend says", "it tells us")."""
    src = f.source
    if src is None or src.name == speaker.name or (src.start, src.end) == (speaker.start, speaker.end):
        return False
    low = src.text.lower()
    if set(re.findall(r"[\w']+", low)) & FIRST_AND_SECOND or low in PRONOUNS:
        return False
    named = bool(src.name) and src.name[:1].isupper()
    definite = low.startswith(("the ", "my ")) and not src.plural
    return named and src.type in ("person", "organization", "media") or definite
