"""What an act of taking a position is about: the content families of position_cues.py.

Each shape there (backing, opposing, defending, doubting, challenging, comparing, agreeing,
reminding, ruling X Y, suing and filing) has its content cut here, registered with
acts.ACT_CONTENT_RULES so that they answer before the clause families. The cut follows
evals/GUIDELINES.md §1 and §9.1: the complement after the cue, addressee included
("backing | Ortiz for mayor", "compared | the tax plan to highway robbery", "ruled | the
evidence inadmissible", "filed | a lawsuit against the developer over the flooding"); a
that-clause without its "that" ("agreed | the offer was fair"), and an infinitive from its
"to" ("agreed | to pay $4 million"), as for "pledged to".
"""

from __future__ import annotations

from spacy.tokens import Token

from .act_cues import not_performed
from .phrases import NOTHING, Answer, Cue, complement_tokens
from .position_cues import (agreed, backed, challenged_to, compared, defended, doubted, filed_suit, opposed, reminded_that,
                            ruled_predicate)
from .spans import aside_cut


def _span(doc, lo: int, hi: int) -> list[Token]:
    return list(doc[lo : aside_cut(doc, lo, hi) + 1])


def _object_and_complement(verb: Token, obj: Token) -> list[Token]:
    """The object and what the act's complement adds after it ("Ortiz for mayor", "the
    landlord for negligence"), else the object alone."""
    toks = complement_tokens(verb)
    if toks and toks[0].i <= obj.left_edge.i:
        return toks
    return _span(verb.doc, obj.left_edge.i, obj.right_edge.i)


def position_object(c: Cue) -> Answer | None:
    """"is backing Ortiz for mayor", "opposed the nomination", "defended her vote on the
    pipeline", "questioned the mayor's honesty", "sued the landlord for negligence", "filed a
    lawsuit against the developer": what the position is taken on, with its complement."""
    verb = c.verb
    for shape in (backed, opposed, defended, doubted, filed_suit):
        obj = shape(verb)
        if obj is None:
            continue
        if not_performed(verb):
            return NOTHING
        if obj.dep_ == "xcomp":  # "has opposed defunding the agency"
            return _span(verb.doc, obj.i, obj.right_edge.i), "object"
        return _object_and_complement(verb, obj), "object"
    return None


def challenge_to(c: Cue) -> Answer | None:
    """"challenged the governor to a debate": the person challenged and to what."""
    to = challenged_to(c.verb)
    if to is None:
        return None
    obj = next(x for x in c.verb.children if x.dep_ == "dobj")
    return _span(c.verb.doc, obj.left_edge.i, max(to.right_edge.i, obj.right_edge.i)), "object"


def comparison(c: Cue) -> Answer | None:
    """"compared the tax plan to highway robbery": what is compared, and to what."""
    prep = compared(c.verb)
    if prep is None:
        return None
    obj = next(x for x in c.verb.children if x.dep_ == "dobj")
    return _span(c.verb.doc, obj.left_edge.i, max(prep.right_edge.i, obj.right_edge.i)), "object"


def agreement(c: Cue) -> Answer | None:
    """"agreed that the offer was fair" (the clause), "agreed to pay $4 million" (from "to")."""
    comp = agreed(c.verb)
    if comp is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    doc = c.verb.doc
    if comp.dep_ == "ccomp":
        lo = next(m.i + 1 for m in comp.children if m.dep_ == "mark" and m.lower_ == "that")
        return _span(doc, lo, comp.right_edge.i), "clause"
    return _span(doc, comp.left_edge.i, comp.right_edge.i), "object"


def reminder(c: Cue) -> Answer | None:
    """"reminded voters that the economy had grown": the clause, without "that"."""
    clause = reminded_that(c.verb)
    if clause is None:
        return None
    lo = next((m.i + 1 for m in clause.children if m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i),
              clause.left_edge.i)
    return _span(c.verb.doc, lo, clause.right_edge.i), "clause"


def ruling_predicate(c: Cue) -> Answer | None:
    """"ruled the evidence inadmissible": the object and its predicate."""
    pred = ruled_predicate(c.verb)
    if pred is None:
        return None
    obj = next(x for x in c.verb.children if x.dep_ == "dobj")
    return _span(c.verb.doc, obj.left_edge.i, max(pred.right_edge.i, obj.right_edge.i)), "object"


POSITION_CONTENT_RULES = (position_object, challenge_to, comparison, agreement, reminder, ruling_predicate)
