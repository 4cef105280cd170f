"""Where a content after its cue ends: general cuts asked after any content family.

Why a module of its own: the content families (content.py, content_objects.py, acts.py)
each cut their phrase from the parse, and the parser often hangs on that phrase words
that belong to the source's sentence, not to what was said (the source's next verb
phrase, when and where the act was done), or ends it before words that are (a second
quoted part joined by "and"). The cuts here look at the tokens a family chose and move
their end, whatever family chose them; `content_tokens` (content.py) asks them in the
order of `CONTENT_ENDS`. Each is a construction of English with its examples.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from . import lexicon as lx

# The tense of a conjunct that cannot be a bare infinitive: "decided", "goes" (not "give",
# "spend", which the tagger often reads as present in "to amend the law and give ...").
TENSES = {"VBD": "past", "VBZ": "present", "VBG": "gerund"}


def finite(v: Token) -> bool:
    """A verb with a tense: its own finite form, or an auxiliary or modal ("would vote")."""
    return v.tag_ in ("VBD", "VBZ", "VBP") or any(a.dep_ in ("aux", "auxpass") and a.tag_ != "TO" and a.i < v.i for a in v.children)


def infinitive(v: Token) -> bool:
    """"to run", "to coalesce": a verb with no tense, opened by "to"."""
    return v.tag_ == "VB" and any(a.dep_ == "aux" and a.tag_ == "TO" and a.i < v.i for a in v.children)


def inside_quotation(verb: Token, t: Token) -> bool:
    """Is `t` inside a quotation opened after the cue? (A quotation is the speaker's words,
    whatever their verbs.)"""
    marks = [x for x in verb.doc[verb.i + 1 : t.i] if x.is_quote and x.text not in ("'", "’", "‘")]
    return len(marks) % 2 == 1


def before_own_next_act(verb: Token, toks: list[Token]) -> list[Token]:
    """"had signalled an intent to run but ultimately decided against it", "vowed to fight
    the ruling and appealed it the next day": the parser hangs the source's second verb
    phrase on the infinitive the content ends with. A conjunct with no subject or auxiliary
    of its own, in the cue's tense, hung on an infinitive ("to run ... decided", "to
    coalesce ... and tried") cannot go with it; it is the source's next act, not what was
    said, and the content ends before it. (A conjunct of a verb with a tense, "said he would
    not vote for either but planned to write in a name", shares the reported subject; a
    present form that may be a bare infinitive, "to amend the law and give ...", stays.)"""
    if not toks or min(t.i for t in toks) <= verb.i:
        return toks
    inside = {t.i for t in toks}
    tense = "past" if verb.tag_ == "VBN" and finite(verb) else TENSES.get(verb.tag_)  # ("had signalled")
    if tense is None:
        return toks
    doc = verb.doc
    for t in sorted(toks, key=lambda x: x.i):
        # (the parser may hang it on the infinitive's noun instead: "an intent to run but
        # decided", with "decided" a second modifier of "intent")
        cc = doc[t.left_edge.i - 1]
        if t.dep_ not in ("conj", "acl", "advcl", "relcl") or t.pos_ != "VERB" or cc.dep_ != "cc" or cc.i not in inside:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark") for c in t.children) or TENSES.get(t.tag_) != tense:
            continue
        if t.lower_ == t.lemma_.lower():
            continue  # ("beat", "put", "cut": a past form that may be the infinitive itself)
        before = t.head if t.dep_ == "conj" else next((x for x in t.head.children if x.dep_ == t.dep_ and x.i < cc.i), None)
        if before is None or before.i not in inside or not infinitive(before) or inside_quotation(verb, t):
            continue
        cut = t.left_edge.i
        kept = [x for x in toks if x.i < cut]
        while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
            kept = kept[:-1]
        return kept or toks
    return toks


# Prepositions that, hung on the cue, say when the act was done ("railed against the rioters
# during his first rally", "praised the crew amid the flooding"), whatever their noun.
WHEN_PREPS = frozenset("during amid since".split())
# Prepositions that do so with a noun of occasion or place ("at a rally", "in a speech", "in Tulsa").
OCCASION_PREPS = frozenset("at in on after before".split())
# Marks of a clause that says when the act was done ("... as the vote neared", "... when he
# spoke in Tulsa"): a reason or condition is part of what was said (phrases.reason_after).
WHEN_MARKS = frozenset("when while after before as since until once".split())


def act_circumstance(c: Token) -> bool:
    """Does the cue's own phrase `c` say when or where the act was done?"""
    if c.dep_ == "prep":
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None:
            return False
        occasion = pobj.lemma_.lower() in lx.OCCASION_NOUNS | lx.WHEN_OR_WHERE_NOUNS or pobj.ent_type_ in ("GPE", "LOC", "FAC")
        # (a date stays unless set off by a comma: "denied responsibility for the attack on
        # Saturday" dates the attack, evals/GUIDELINES.md section 1)
        timed = pobj.ent_type_ in ("DATE", "TIME") and c.i > 0 and c.doc[c.i - 1].text == ","  # (", on June 20")
        return c.lower_ in WHEN_PREPS or c.lower_ in OCCASION_PREPS and (occasion or timed)
    if c.dep_ == "advcl":  # (a clause of its own: not "described the dinner as Washington celebrating itself")
        return c.pos_ in ("VERB", "AUX") and finite(c) and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) and any(m.dep_ == "mark" and m.lower_ in WHEN_MARKS for m in c.children) and not any(
            m.dep_ == "mark" and m.lower_ in lx.REASON_WORDS for m in c.children)
    return False


def before_act_circumstance(verb: Token, toks: list[Token]) -> list[Token]:
    """"railed against the rioters during his first campaign rally, on June 20 in Tulsa",
    "lashed out at the council at a rally in Ohio", "praised the firefighters as the
    flames died down": a phrase or clause of the cue's own, after the content, that says when
    or at what occasion the act was done is the author's circumstance, not what was said; the
    content ends before it. (Only the cue's own phrases: "condemned the attack on Monday's
    march" keeps a phrase of its object, and "reported a rise in prices during May" one the
    parser hung on the reported noun.)"""
    if not toks or min(t.i for t in toks) <= verb.i:
        return toks
    inside = {t.i for t in toks}
    first = min(inside)
    # Only phrases that end the content: "blasted the agency Tuesday for its decision" keeps
    # what comes after the time.
    cut = max(inside) + 1
    for c in sorted((c for c in verb.children if c.i in inside and c.left_edge.i > first and not c.is_punct), key=lambda c: -c.left_edge.i):
        if c.left_edge.i >= cut or any(i in inside and not (verb.doc[i].is_punct or verb.doc[i].dep_ == "cc")
                                       for i in range(c.right_edge.i + 1, cut)):
            break
        if not act_circumstance(c) or inside_quotation(verb, c):
            break
        cut = c.left_edge.i
    if cut > max(inside):
        return toks
    kept = [x for x in toks if x.i < cut]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept = kept[:-1]
    return kept or toks


def with_quoted_second_part(verb: Token, toks: list[Token]) -> list[Token]:
    """'said he was "humbled" by the results and "we will never take your support for
    granted."', 'said he had received offers, but "the offers were not serious."': a reported
    clause joined by "and" or "but" to a quotation of the same speaker; the parser ends the
    clause before the quotation (or the sentence splitter cuts inside it), but both are what
    was said (one content, evals/GUIDELINES.md section 2). The content goes on to the
    quotation's closing mark."""
    if not toks or min(t.i for t in toks) <= verb.i:
        return toks
    doc = verb.doc
    end = max(t.i for t in toks)
    j = end
    while j > verb.i and (doc[j].dep_ == "cc" or doc[j].is_punct) and doc[j].lower_ not in ('"', "“"):
        j -= 1
    k = j + 1
    while k < len(doc) and doc[k].text == ",":
        k += 1
    if not (k + 1 < len(doc) and doc[k].lower_ in ("and", "but") and opening_mark(doc[k + 1])) or inside_quotation(verb, doc[k]):
        return toks
    close = next((t for t in doc[k + 2 :] if t.is_quote and t.text not in ("'", "’", "‘")), None)
    if close is None or close.i - k > 120:
        return toks
    return [t for t in toks if t.i <= j] + list(doc[j + 1 : close.i + 1])


def opening_mark(t: Token) -> bool:
    """A double quotation mark that opens: after a space, stuck to the next word."""
    return t.is_quote and t.text not in ("'", "’", "‘", "”") and t.i > 0 and t.doc[t.i - 1].whitespace_ != "" and t.whitespace_ == ""


# Verbs of talking whose "about X" only names a topic (content_guards.TALKING_VERBS): their
# preposition stays, so that the guard can drop the cue.
TOPIC_ONLY = frozenset({"speak", "talk", "tweet", "post", "chat", "testify"})


def without_of_or_about(verb: Token, toks: list[Token]) -> list[Token]:
    """"warned of potential flash floods", "boasted about his record", "complained of
    delays": the preposition right after the cue goes with the cue (evals/GUIDELINES.md
    section 4, "has spoken of"); what was warned of is the content. ("called for a
    ceasefire" and "railed against the ruling" keep theirs, as the guideline says.)"""
    if len(toks) < 2 or verb.lemma_.lower() in TOPIC_ONLY:
        return toks
    first = min(toks, key=lambda t: t.i)
    if first.lower_ in ("of", "about") and first.dep_ == "prep" and first.head.i == verb.i and first.i == verb.i + 1 \
            and any(g.dep_ in ("pobj", "pcomp") for g in first.children):
        return [t for t in toks if t.i != first.i]
    return toks


CONTENT_ENDS: tuple[Callable[[Token, list[Token]], list[Token]], ...] = (before_own_next_act, before_act_circumstance, with_quoted_second_part, without_of_or_about)


def content_end(verb: Token, toks: list[Token]) -> list[Token]:
    """The content tokens with every cut of `CONTENT_ENDS` made."""
    for cut in CONTENT_ENDS:
        toks = cut(verb, toks)
    return toks
