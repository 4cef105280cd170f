"""A second cue the parser hung inside the first one's reported clause speaks for the first speaker.

"The mayor maintained that she had balanced the budget, arguing that ...", "Ruiz repeats
that he has no debts and urged the auditors to ...", "The coach said Brandt had a bad game,
repeating a complaint ...": the small model hangs the coordinated verb or the participle on
the last verb of the reported clause, so the subject search (subjects.find_subject) climbs
only to that clause's subject ("she", "he", "Brandt"). The speaker of the second cue is
the first cue's: both readings of "he" name the same person, but the mention the
annotators give is the subject of the sentence (evals/GUIDELINES.md §5: the noun phrase
naming the source), and a name in the reported clause ("Brandt") is not the one repeating.

`hung_cue_speaker` is asked first by `find_subject`; each construction is a rule in
`SHARED_SPEAKER_RULES`, asked with the cue, the reported clause's verb it hangs from, and
the first cue. `speaker_inside_own_report` is asked during find_subject's climb for the same
idea when the reported clause's subject is the speaker's own pronoun ("He says he would
release them, calling them boring"). The two were written apart and overlap; dropping the
second changes one PolNeAR dev claim (a named speaker becomes "it"), so both stay.

Tried and left out: a conjunct whose verb form is that of a cue higher up rather than of
the verb it hangs from ("X said the audit proved that Y had lost the files, and blamed
..."), taken as that cue's: Wikinews dev F1 0.7804 -> 0.7783, PolNeAR dev unchanged.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from . import lexicon as lx
from .cues import is_cue_verb
from .syntax import own_subject

# Pronouns that may repeat the speaker, with their number.
SINGULAR = frozenset({"he", "she", "it"})
PLURAL = frozenset({"they"})
# Speaking without a cue of its own: "Y spoke for an hour, saying ..." is Y's saying.
TALK_VERBS = frozenset({"speak", "talk", "testify", "appear", "address"})
# Deps the climb from the hung cue to the reported clause's top may pass through.
CLAUSE_CLIMB = ("conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "pobj", "prep", "dobj", "acomp")


def plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("they", "we") or any(c.dep_ == "conj" for c in tok.children)


def same_speaker_pronoun(pron: Token, speaker: Token) -> bool:
    """"he" for "The mayor", "they" for "The unions", "she" for "she": the pronoun can stand
    for the speaker (number agrees; a pronoun speaker is the same pronoun)."""
    low = pron.lower_
    if low not in SINGULAR | PLURAL:
        return False
    if speaker.lower_ in lx.PRONOUNS:
        return speaker.lower_ == low
    if low == "it":
        return not plural(speaker) and speaker.ent_type_ != "PERSON"
    return plural(speaker) == (low in PLURAL)


def inherited_subject(verb: Token) -> Token | None:
    """The subject the hung cue would inherit: the nearest own subject up its chain."""
    v = verb.head
    for _ in range(4):
        subject = own_subject(v)
        if subject is not None or v.head.i == v.i:
            return subject
        v = v.head
    return None


def reported_top(verb: Token) -> tuple[Token, Token] | None:
    """(top of the reported clause, the cue reporting it) above the hung cue, or None: the
    first verb up the chain that is the complement of an earlier cue."""
    v = verb.head
    for _ in range(5):
        if v.head.i == v.i or v.dep_ not in CLAUSE_CLIMB:
            return None
        if v.dep_ in ("ccomp", "xcomp", "dobj") and v.head.i < v.i and is_cue_verb(v.head):
            return v, v.head
        v = v.head
    return None


def repeated_pronoun(verb: Token, top: Token, cue: Token, speaker: Token) -> bool:
    """"Ruiz repeats that he has no debts and urged the auditors to ...", "The mayor maintained
    that she had balanced the budget, arguing that ...": the reported clause's subject is a
    pronoun for the speaker, so the second cue is the speaker's either way; its mention is
    the speaker's."""
    inner = inherited_subject(verb)
    return inner is not None and inner.i > cue.i and same_speaker_pronoun(inner, speaker)


def set_off_participle(verb: Token, top: Token, cue: Token, speaker: Token) -> bool:
    """"The coach said Brandt had a bad game, repeating a complaint ...", "The coach said Brandt
    had “a dreadful game,” adding, ...": a participle of saying set off by a comma after the
    reported clause goes with the main clause, unless the reported clause is itself a report
    ("X said Y spoke for an hour, saying ...": Y may be the one saying)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in lx.SPEECH_VERBS:
        return False
    doc = verb.doc
    i = verb.left_edge.i - 1
    if i > 0 and doc[i].is_quote and doc[i - 1].text == ",":
        i -= 1  # ('had "a dreadful game," adding, ...': the comma inside the closing quote)
    if i < 0 or doc[i].text != ",":
        return False
    reports = [verb.head] + [a for a in verb.head.ancestors if cue.i < a.i < verb.i]
    return not any(is_cue_verb(a) or a.lemma_.lower() in TALK_VERBS for a in reports)


def speaker_inside_own_report(verb: Token, inner: Token, subject: Token) -> bool:
    """"He says he would release the returns on Friday, calling them boring", "Trump insisted
    that he had expanded the party, claiming that ...", "She says she respects him and calls
    him ...": the parser hung the speaker's next act (a participle, or a verb in the report's
    tense) on the reported clause, whose subject is the speaker's own pronoun. The act is the
    speaker's, so the source is the report's speaker, not the pronoun inside the report. A
    different pronoun ("He said she had lied and called him a liar") is someone else's act."""
    outer = inner.head
    if inner.dep_ != "ccomp" or outer.i > inner.i or not is_cue_verb(outer) or subject.lower_ not in SPEAKER_PRONOUNS:
        return False
    speaker = own_subject(outer)
    if speaker is None or speaker.i > inner.i or speaker.tag_ in ("WDT", "WP"):
        return False
    if verb.tag_ == "VBG":
        if verb.dep_ not in ("advcl", "xcomp") or verb.head.i != inner.i:
            return False
    elif not (verb.dep_ == "conj" and verb.head.i == inner.i and verb.tag_ == outer.tag_):
        return False
    if speaker.lower_ in SPEAKER_PRONOUNS:
        return speaker.lower_ == subject.lower_
    return speaker.pos_ in ("PROPN", "NOUN")


# The pronouns by which a report names its own speaker ("Ruiz says she ...", "the firm said it ...").
SPEAKER_PRONOUNS = frozenset("he she they it we i".split())


SHARED_SPEAKER_RULES: tuple[Callable[[Token, Token, Token, Token], bool], ...] = (repeated_pronoun, set_off_participle)


def hung_cue_speaker(verb: Token, find_subject: Callable[[Token], Token | None]) -> Token | None:
    """The first cue's speaker, when `verb` is a second cue hung inside its reported clause."""
    if verb.dep_ not in ("conj", "advcl") or own_subject(verb) is not None:
        return None
    found = reported_top(verb)
    if found is None:
        return None
    top, cue = found
    speaker = find_subject(cue)
    if speaker is None or speaker.i > cue.i:
        return None
    return speaker if any(rule(verb, top, cue, speaker) for rule in SHARED_SPEAKER_RULES) else None
