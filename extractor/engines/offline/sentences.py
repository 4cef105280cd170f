"""The `claim` field: one grammatical, self-contained English sentence per attribution.

A fact-checker reads `claim` first, so it must say who claimed what with the cue's own
meaning: "The White House blamed Hezbollah for the strike.", "Mikati welcomed the call for
a truce.", "A source said Qaani often steps in ...", not "According to source, the call for
a truce". It is built from what the rules found (records.Found): the source named as a
reader needs it (canonical name, or the description with its article), the cue verb as
written (a participle or a passive turned into a finite active verb), then the content: a
noun phrase straight after the verb, a clause after "that", a quotation in quotation marks.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .records import Found, Mention

IRREGULAR_PAST = {
    "say": "said", "tell": "told", "write": "wrote", "speak": "spoke", "give": "gave", "make": "made",
    "hold": "held", "take": "took", "put": "put", "set": "set", "send": "sent", "lead": "led",
    "bring": "brought", "think": "thought", "find": "found", "know": "knew", "see": "saw", "begin": "began",
    "forecast": "forecast", "read": "read", "mean": "meant", "leave": "left", "draw": "drew", "seek": "sought",
    "throw": "threw", "cast": "cast", "hear": "heard", "teach": "taught", "stand": "stood", "swear": "swore",
    "foresee": "foresaw", "bid": "bid", "broadcast": "broadcast", "lay": "laid", "pay": "paid", "go": "went",
    "admit": "admitted", "commit": "committed", "refer": "referred", "plan": "planned", "ban": "banned",
    "regret": "regretted", "omit": "omitted", "label": "labelled", "signal": "signalled", "rule": "ruled",
}
AUXILIARIES = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "did", "does", "do", "will", "would", "could", "can"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this"}
ARTICLE = re.compile(r"^(the|a|an|one|two|three|four|five|six|several|some|many|most|other|another|his|her|its|their|our|"
                     r"these|those|all|both|each|[0-9]+)\b", re.I)
QUOTE_MARKS = "\"“”'‘’«»„"
FUNCTION_WORD = re.compile(r"(The|A|An|In|On|At|For|This|That|These|Those|There|It|Its|If|When|While|After|Before|Since|"
                           r"Although|During|Once|Some|Many|Most|Both|All|Any|Such|One|No)\b")
# Content rules whose content is a reported clause ("said the bridge would reopen"); the others
# give a noun phrase or a complement that follows the verb directly ("urged restraint").
CLAUSE_HOWS = {"clause", "trailing", "inverted", "parenthetical", "relative", "surface", "colon", "before", "as", "echo"}
CLAUSE_OPENERS = re.compile(r"^(that|whether|if|how|why|what|when|where|who|to|for|of|about|on|against|with|at)\b", re.I)


def past(lemma: str) -> str:
    """The simple past of a verb lemma ("calling" -> "called", "saying" -> "said")."""
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def source_phrase(m: Mention | None) -> str:
    """Who claimed it, as a reader needs it: "Ismail Qaani", "The White House", "A source",
    "Two Iraqi politicians"."""
    if m is None:
        return ""
    text = m.text.strip()
    low = text.lower()
    if m.name and " and " in m.name and re.sub(r"\bthe\s+", "", text, flags=re.I) == m.name:
        return text  # a group as written keeps its articles: "Israel and the United States"
    if m.name and (low in PRONOUNS or m.type in ("person",) or not ARTICLE.match(text)):
        name = m.name
        # An institution keeps its article ("The White House", "The foreign ministry").
        if m.type != "person" and ARTICLE.match(text) and low.startswith("the ") and not name.lower().startswith("the "):
            name = "The " + name
        return name
    if low in PRONOUNS:
        if m.descriptor:
            d = m.descriptor
            plural = d.split(" and ")[0].endswith("s") and " and " not in d or m.plural and " and " not in d
            return d if plural or ARTICLE.match(d) else ("An " if d[:1].lower() in "aeiou" else "A ") + d
        if m.role:
            return m.role if ARTICLE.match(m.role) else "The " + m.role  # "she" after "The coach said ..."
        return {"it": "It", "they": "They", "we": "We", "i": "I", "you": "You"}.get(low, "An unnamed source")
    if m.type == "anonymous" and not ARTICLE.match(text) and not m.plural and text[:1].islower():
        return ("An " if low[:1] in "aeiou" else "A ") + text
    return text


def verb_phrase(f: Found, cue_text: str) -> str:
    """The cue as a finite verb: as written, except participles ("saying") and passives
    ("was described by") that become the simple past, and cues that need a rewrite."""
    if f.lemma == "according to":
        return "said"
    if f.lemma == "quote":
        return "said"
    if not f.lemma:
        return cue_text
    if f.passive:
        return past(f.lemma)  # "was communicated by X" -> "X communicated"
    words = cue_text.split()
    first = words[0].lower() if words else ""
    if first in AUXILIARIES:
        return cue_text  # "has been pushing", "had been blamed": already finite
    at = next((i for i, w in enumerate(words) if f.cue_tag == "VBG" and w.lower().endswith("ing")
               or f.cue_tag == "VBN" and w.lower().startswith(f.lemma[:3])), None)
    if at is not None:
        # "placing the blame squarely" -> "placed the blame squarely", "also expressing support" -> "also expressed support"
        words[at] = past(f.lemma)
    return " ".join(words)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def claim_sentence(raw: str, f: Found) -> str:
    """One sentence saying who claimed what."""
    # long: one branch per kind of content (none, quotation, noun phrase, clause) and source (none, pronoun, named)
    if f.pieces:
        content = " ... ".join(raw[s:e] for s, e in f.pieces)
    else:
        content = raw[f.content[0] : f.content[1]]
    cue_text = " ".join(raw[f.cue[0] : f.cue[1]].split()) if f.cue else ""
    if f.cue and not f.pieces and f.content[0] < f.cue[1] <= f.content[1] and f.cue[0] <= f.content[0]:
        content = raw[f.cue[1] : f.content[1]]  # "expressed concern" + "concern at ...": the cue already says it
    elif f.cue and f.source and not f.pieces and f.content[0] < f.cue[0] and f.source.end < f.content[1]:
        content = without_aside(raw, f)  # "The second matter, as outlined by the source, is ..."
    content = balanced(" ".join(content.split()).strip(" ,;:"))

    if f.how == "unsourced" and f.sentence and not raw[f.content[0]].isupper():
        return end(" ".join(raw[f.sentence[0] : f.sentence[1]].split()))  # "... arrested for allegedly selling ...": the sentence
    if f.source is None:  # "Reportedly, ...", "They had been blamed for ...", "It was revealed that ..."
        if f.cue and f.cue[0] >= f.content[0] and f.cue[1] <= f.content[1] or not cue_text:
            return end(cap(content))
        if cue_text.lower().startswith(("it ", "was ", "is ", "were ", "has been ", "had been ")):
            return end(f"It {cue_text.removeprefix('It ').removeprefix('it ')} that {content}")
        return end(f"{cap(cue_text)}, {content}")
    who = closed_apposition(cap(with_article(raw, f.source, source_phrase(f.source))))
    if f.how == "turn":  # an interview answer (transcript.py): the paragraph as said, its own quotes nested
        return end(f'{who} said: "{nested(content)}"')
    opened = raw[max(0, f.content[0] - 1) : f.content[0]] in QUOTE_MARKS
    quoted = (opened or f.quote is not None and f.quote[0] <= f.content[0] + 1 and f.quote[1] >= f.content[1] - 1) \
        and not any(q in content for q in QUOTE_MARKS[:3])
    if not quoted:
        content = re.sub(r"^(But|And|So|Yet|However,?)\s+", "", content)
    if not quoted and f.cue and re.match(r"(was|is|were|are|had been|has been|would be)\b", content):
        content = "it " + content  # "in what observers said was a sign": the clause has lost its "what"
    if not quoted and FUNCTION_WORD.match(content):
        content = content[:1].lower() + content[1:]  # "said the commander ...", not "said The commander ..."
    verb = verb_phrase(f, cue_text) if f.cue else "said"
    relay = [r for v in f.via if (r := relay_phrase(v))]
    told = addressee(raw, f) if f.cue and f.lemma == "tell" and not f.passive else ""  # (passive: the addressee is the subject)
    if told and len(told.split()) <= 8 and not any(q in told for q in QUOTE_MARKS):
        verb = f"{cue_text} {told}"  # "told the Daily Ledger", "told reporters"
        relay = [r for r, v in zip(relay, f.via) if not (told and v.text in told)]
    if f.lemma == "speak" and not re.match(r"(of|about|on)\b", content):
        verb += " of"
    say_like = bool(re.match(r"(said|says|say|told|tell|of|about|on|for|at)$", verb.split()[-1]))
    if f.cue and f.content[0] < f.cue[0] < f.content[1] and content == raw[f.cue[0] : f.cue[1]]:
        body = verb
    elif quoted or not f.cue:
        body = f'{verb}: "{content}"' if say_like or not f.cue or content[:1].isupper() else f'{verb} that "{content}"'
    elif f.how not in CLAUSE_HOWS or CLAUSE_OPENERS.match(content) or say_like \
            or f.lemma in lx.RECIPIENT_VERBS and not verb.startswith(("told ", "tells ")):
        body = f"{verb} {content}"
    else:
        body = f"{verb} that {content}"
    tail = f", according to {', '.join(relay)}" if relay else ""
    return end(f"{who} {body}{tail}")


def with_article(raw: str, m: Mention, who: str) -> str:
    """A pronoun standing for an institution the article wrote with "the" keeps it: "it" after
    "the White House blamed ..." is "The White House", not "White House"."""
    if m.text.lower() not in PRONOUNS or who != m.name or m.type == "person" or who.lower().startswith("the "):
        return who
    return "The " + who if re.search(r"\bthe\s+" + re.escape(who) + r"\b", raw[: m.start], re.I) else who


def closed_apposition(who: str) -> str:
    """"The striker, 24" and "Tom Reyes, the union leader" before a verb need their closing
    comma ("The striker, 24, told ..."); a list ("Smith, Jones and Brown") does not."""
    if "," not in who or who.endswith(","):
        return who
    last = who.rsplit(",", 1)[1]
    return who if re.search(r"\b(and|or)\b", last) else who + ","


def addressee(raw: str, f: Found) -> str:
    """Whom a source told: the words between "told" and what was told ("told the Daily
    Ledger that ..."), or, when the quotation comes first, those after "told" up to the
    sentence's next mark ('"We will rebuild," Ruiz told reporters on Tuesday.')."""
    if f.cue[1] < f.content[0]:  # type: ignore[index]
        words = raw[f.cue[1] : f.content[0]]  # type: ignore[index]
    else:
        words = re.split(r"[.,;:!?\"“”]", raw[f.cue[1] : f.cue[1] + 120])[0]  # type: ignore[index]
    return re.sub(r"\s*\bthat$", "", " ".join(words.split()).strip(" ,:\"“”‘’'"))


def relay_phrase(v: Mention) -> str:
    """A relay inside the sentence: its name, or its description in lower case ("other political sources")."""
    if v.name and v.type != "anonymous":
        # an outlet or institution keeps its article: "according to the Harbour Gazette"
        if v.type != "person" and v.text.lower().startswith("the ") and not v.name.lower().startswith("the "):
            return "the " + v.name
        return v.name
    text = v.text
    if text.lower() in PRONOUNS:  # "it quoted ...": the relay's description, else nothing
        text = source_phrase(v) if v.descriptor or v.name else ""
    return text[:1].lower() + text[1:] if ARTICLE.match(text) else text


def without_aside(raw: str, f: Found) -> str:
    """The content without the cue clause set off inside it by commas."""
    a, b = min(f.cue[0], f.source.start), max(f.cue[1], f.source.end)  # type: ignore[index, union-attr]
    left = raw[f.content[0] : a]
    cut = max(left.rfind(","), 0)
    right = raw[b : f.content[1]]
    return (left[:cut] if cut else left).rstrip() + " " + right.lstrip(" ,")


def balanced(text: str) -> str:
    """Quotation marks in pairs: a content cut inside a quotation gets the mark it lost."""
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text + '"' if last == 0 or text[last - 1].isspace() else '"' + text  # an opener lost its closer, or the reverse
    opens, closes = text.count("“"), text.count("”")
    if closes > opens and text.find("”") < (text.find("“") if "“" in text else len(text)):
        text = "“" + text
    elif opens > closes:
        text = text + "”"
    return text


def nested(text: str) -> str:
    """Double quotation marks inside a quoted paragraph become single ones."""
    return text.replace('"', "'").replace("“", "‘").replace("”", "’")


def end(sentence: str) -> str:
    """Close the sentence with a period unless it ends in its own mark."""
    sentence = sentence.rstrip()
    if sentence.endswith('"'):
        inner = sentence[:-1].rstrip()
        return sentence if inner.endswith((".", "!", "?", "…")) else inner + '."'
    return sentence if sentence.endswith((".", "!", "?", "…")) else sentence + "."
