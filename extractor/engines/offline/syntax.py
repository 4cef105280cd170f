"""Shapes of a clause around a cue: its subject, and whether the cue trails, interrupts
or follows a quotation.

These are questions about the dependency parse that several rule families ask (the
content rules, the subject search, the cue reading); they use only the word lists and
the parse, so any rule module can import them.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .people_words import MORE_PEOPLE

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp", "parataxis")
SOURCE_EXCLUDE_DEPS = {"relcl", "appos", "acl", "advcl"}
TEMPORAL_MARKS = {"after", "before", "while", "because", "since", "when", "though", "although", "until", "once", "as", "if"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "PRON", "ADV", "CCONJ", "PART"}


def coordinated_sibling(tok: Token) -> list[Token]:
    """'The sources close to the factions and Tehran continued ...', parsed as two subjects
    of one verb with the "and" hung on the first: the second belongs to the first's phrase."""
    cc = next((c for c in tok.children if c.dep_ == "cc" and c.i > tok.i), None)
    if cc is None or tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    sib = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.left_edge.i == cc.i + 1), None)
    return list(sib.subtree) if sib is not None else []


def own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a mis-parse of '"That," he said, "is ..."'), the nearer one."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) == 2 and coordinated_sibling(subjects[0]):
        return subjects[0]  # one coordinated phrase, not two subjects
    # On a tie the one after the verb: "The plan, said Ana Ruiz, would cost ..." parses both
    # "plan" and "Ruiz" as subjects of "said", and the inverted one is its speaker.
    return min(subjects, key=lambda c: (abs(verb.i - c.i), c.i < verb.i)) if subjects else None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def ruling_body_subject(verb: Token) -> bool:
    """The verb's subject names a court, a judge or another body that rules ("the Supreme
    Court", "a federal judge", "the electoral commission")."""
    subj = own_subject(verb)
    words = {w for t in subj.subtree for w in (t.lemma_.lower(), t.lower_)} if subj is not None else set()
    return bool(words & lx.RULING_BODIES)


def has_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)


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
        # plurals of the same heads: "the parties nominated", "the unions condemned", "the
        # governments agreed" (the lists hold singulars)
        or tok.tag_ in ("NNS", "NNPS") and (tok.lemma_.lower() in lx.ORGANIZATION_HEADS or tok.lemma_.lower() in lx.MEDIA_HEADS)
        or tok.lemma_.lower() in lx.TITLE_HEADS
        or low in lx.PERSON_NOUNS
        or tok.lemma_.lower() in MORE_PEOPLE and tok.pos_ == "NOUN"  # ("rescuers warned", people_words.py)
    )


def inverted_subject_like(tok: Token) -> bool:
    """An object that may really be an inverted subject ('..., reported the New York Times').
    Never after a participle ('..., calling the mayor a failure') and never an object-case
    pronoun ('..., calling him a failure', '..., declaring it a success')."""
    verb = tok.head
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return False
    return agent_capable(tok) and tok.lower_ not in lx.PRONOUNS_OBJECT | {"it", "you"}


def is_trailing(verb: Token) -> bool:
    """'..., the sources said.': the cue clause hangs off the clause it reports, after it."""
    if verb.head is verb or verb.head.i > verb.i or verb.dep_ not in ("ccomp", "parataxis", "conj", "advcl"):
        return False
    if own_subject(verb) is None and not any(c.dep_ in ("dobj", "attr") and inverted_subject_like(c) for c in verb.children):
        return False
    first = verb.left_edge
    if first.i == first.sent.start:
        return False
    if first.text in (",", "—", "–"):
        return True  # the setting-off comma hangs off the cue itself
    prev = verb.doc[first.i - 1]
    return prev.text in (",", "—", "–") or prev.is_quote


def is_trailing_shape(cue: Token, clause: Token) -> bool:
    """Is `cue` a trailing cue clause (', two politicians said Monday') after `clause`?"""
    first = min(t.i for t in cue.subtree if t.i > clause.right_edge.i) if cue.i > clause.right_edge.i else None
    return first is not None and cue.doc[first].text in (",", "—", "–")


def aside_left(verb: Token) -> Token:
    """Where a cue set off by commas begins: its phrase's left edge, except in the inverted
    "The plan, said Ana Ruiz, would cost ...", where the parser hangs "The plan" on "said" as
    a second subject; there the aside begins at the comma after it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) == 2 and subjects[0].i < verb.i - 1 < verb.i < subjects[1].i and verb.doc[verb.i - 1].text == ",":
        return verb.doc[verb.i - 1]
    return verb.left_edge


def inverted_aside(verb: Token) -> bool:
    """"..., said a spokesman for the union, ...": the cue's phrase ends with the subject
    after it, however long that subject is."""
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    end = verb.right_edge.i - (1 if verb.right_edge.is_punct else 0)
    return bool(after) and end == after[-1].right_edge.i


def is_parenthetical(verb: Token) -> bool:
    """'In his state, Christie said, offenders are sent ...': the cue set off by commas,
    before the clause it reports."""
    if verb.head is verb or verb.head.i < verb.i or verb.dep_ not in ("ccomp", "parataxis", "advcl"):
        return False
    if own_subject(verb) is None or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return False
    if verb.right_edge.i - verb.i > (10 if inverted_aside(verb) else 4):
        return False  # "The US has been pushing for a truce ..., sources told Reuters": a clause, not an aside
    doc = verb.doc
    left, right = aside_left(verb), verb.right_edge
    closed_right = right.text == "," or (right.i + 1 < len(doc) and doc[right.i + 1].text == ",")
    open_left = left.text == "," or left.i == verb.sent.start or doc[left.i - 1].text == ","
    return closed_right and open_left


def after_quote(verb: Token, cue_left: int) -> bool:
    """Does the cue clause follow a closing quote ('...," said X')?"""
    i = cue_left - 1
    while i >= 0 and verb.doc[i].text in (",", "."):
        i -= 1
    return i >= 0 and (verb.doc[i].is_quote or verb.doc[i].text in ("''", "``"))


def starts_with_wh(toks: list[Token]) -> bool:
    """Does the clause open with a relative/question word ("what he wants")? A leading
    "that" is the complementizer the small model sometimes tags WDT ("said during the
    hearing that the plan is ..."): a reported clause never opens with relative "that"."""
    if not toks:
        return False
    first = min(toks, key=lambda t: t.i)
    return first.tag_ in ("WP", "WDT") and first.lower_ != "that"


def asked_passively(verb: Token) -> bool:
    """'Asked whether ..., X said', 'when asked about ...', 'X was asked if ...': the asker is
    not the one the question is put to (PolNeAR leaves the source empty unless "by X")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    has_aux = any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and not has_aux and own_subject(verb) is None


def plainly_passive(verb: Token) -> bool:
    """'They had been blamed for ...', 'He is said to have met ...': a passive that reports a
    claim, not one the parser made of "she's reported from Kyiv" (has) or a hypothetical
    ("so she would not be blamed for ..."). Verbs of saying and thinking need their
    infinitive ("is said to", "is believed to")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if any(c.dep_ == "neg" or c.lower_ in ("'s", "’s") or c.tag_ == "MD" for c in aux):
        return False
    if verb.lemma_.lower() in lx.AGENTLESS_NEED_INFINITIVE:
        return any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children) \
            or reported_state(verb) or figure_at(verb)
    return True


def figure_at(verb: Token) -> bool:
    """"Damage is estimated at $3 million": an estimate with its figure (lexicon.AGENTLESS_FIGURE_VERBS;
    not "estimated at the time" or "at 3 p.m.")."""
    return verb.lemma_.lower() in lx.AGENTLESS_FIGURE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "at" and c.i > verb.i and any(t.like_num or t.tag_ == "CD" for t in c.subtree)
        and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in verb.children)


def reported_state(verb: Token) -> bool:
    """"33 were reported hospitalised", "two were reported missing": a passive "reported"
    with the state it reports as its predicate, no infinitive (evals/GUIDELINES.md §9.2)."""
    return verb.lemma_.lower() in lx.STATE_REPORTING_VERBS and any(
        c.dep_ in ("xcomp", "oprd", "acomp") and c.i > verb.i and (c.tag_ in ("VBN", "JJ") or c.lower_ in lx.REPORTED_STATES)
        and not any(a.tag_ == "TO" for a in c.children) for c in verb.children)
