"""What a public act in one shape is about: the content families of position_cues.py.

Each shape there (questioning, challenging, comparing, agreeing, reminding, ruling X Y,
appealing, voicing, suing to, nominating) has its content cut here, registered with
acts.ACT_CONTENT_RULES so that they answer before the clause families. The cut follows
evals/GUIDELINES.md §1 and §9.1: the complement after the cue, addressee included
("challenged | the governor to a debate", "compared | the tax plan to highway robbery",
"ruled | the evidence inadmissible", "nominated | Ortiz for president"); a that-clause
without its "that" ("agreed | the offer was fair"); a preposition that opens a call stays
with the content ("appealed | for calm", as "called | for ...", §4).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import act_words as aw
from .act_cues import not_performed
from .cues import is_cue_verb
from .phrases import NOTHING, Answer, Cue, complement_tokens, light_content
from .position_cues import credited, attacked_at, sued_to, nominated, appealed, voiced_feeling, agreed, challenged_to, compared, questioned_quality, reminded_that, ruled_predicate
from .spans import up_to_aside


def lawsuit_aim(c: Cue) -> Answer | None:
    """"sued to stop publication of the book" -> "to stop publication of the book"."""
    inf = sued_to(c.verb)
    if inf is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    return up_to_aside(c.verb.doc, inf.left_edge.i, inf.right_edge.i), "object"


def nomination(c: Cue) -> Answer | None:
    """"nominated Jo Jorgensen, the party's 1996 nominee, for president on the fourth ballot"
    -> the person and the role ("Jo Jorgensen ... for president"); a role before the verb
    ("For vice president, the party chose X") leaves the person."""
    obj = nominated(c.verb)
    if obj is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    toks = complement_tokens(c.verb)
    if not toks or toks[0].i > obj.left_edge.i:
        toks = list(c.verb.doc[obj.left_edge.i : obj.right_edge.i + 1])
    return toks, "object"


def appeal(c: Cue) -> Answer | None:
    """"appealed for calm after the riots" -> "for calm"; "appealed to residents to stay
    indoors" -> from "to" (as "called | for ..." and "called on X to ...", §4)."""
    prep = appealed(c.verb)
    if prep is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    doc = c.verb.doc
    if prep.lower_ == "for":
        return up_to_aside(doc, prep.i, prep.right_edge.i), "object"
    inf = max((x for x in list(c.verb.children) + list(prep.subtree) if x.dep_ in ("xcomp", "advcl") and x.i > prep.i), key=lambda x: x.i)
    return up_to_aside(doc, prep.i, max(inf.right_edge.i, prep.right_edge.i)), "object"


def voiced(c: Cue) -> Answer | None:
    """"voiced support for the new stadium" -> "for the new stadium" (the light-verb cut)."""
    noun = voiced_feeling(c.verb)
    if noun is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    if noun.lemma_.lower() in aw.VOICED_INTENTS:  # "signalled | an intent to run": the plan with its noun
        return up_to_aside(c.verb.doc, noun.left_edge.i, noun.right_edge.i), "object"
    toks = light_content(c.verb, noun)
    return (toks, "object") if toks else NOTHING


def questioned(c: Cue) -> Answer | None:
    """"questioned the mayor's honesty during the debate": the quality doubted, with what
    the object carries ("the accuracy of the flood maps"), not when or where."""
    obj = questioned_quality(c.verb)
    if obj is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    return up_to_aside(c.verb.doc, obj.left_edge.i, obj.right_edge.i), "object"


def _object_through(c: Cue, shape) -> Answer | None:
    """The direct object and the complement the shape found after it, as one span: "challenged
    | the governor to a debate", "compared | the tax plan to highway robbery", "ruled | the
    evidence inadmissible"."""
    tail = shape(c.verb)
    if tail is None:
        return None
    obj = next(x for x in c.verb.children if x.dep_ == "dobj")
    return up_to_aside(c.verb.doc, obj.left_edge.i, max(tail.right_edge.i, obj.right_edge.i)), "object"


def challenge_to(c: Cue) -> Answer | None:
    """"challenged the governor to a debate": the person challenged and to what."""
    return _object_through(c, challenged_to)


def comparison(c: Cue) -> Answer | None:
    """"compared the tax plan to highway robbery": what is compared, and to what."""
    return _object_through(c, compared)


def agreement(c: Cue) -> Answer | None:
    """"agreed that the offer was fair": the clause."""
    comp = agreed(c.verb)
    if comp is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    doc = c.verb.doc
    if comp.dep_ == "ccomp":
        lo = next((m.i + 1 for m in comp.children if m.dep_ == "mark" and m.lower_ == "that"), comp.left_edge.i)
        return up_to_aside(doc, lo, _before_own_act(comp)), "clause"
    return up_to_aside(doc, comp.left_edge.i, comp.right_edge.i), "object"


def _before_own_act(clause: Token) -> int:
    """Where an agreed clause ends: "agreed the book may have contained secrets but ruled that
    ...": a conjunct that is the source's own next act (a cue verb with no subject of its
    own, hung on the clause by the parser) is a claim of its own."""
    act = next((x for x in clause.children if x.dep_ == "conj" and x.i > clause.i and is_cue_verb(x)
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in x.children)), None)
    if act is None:
        return clause.right_edge.i
    cut = act.left_edge.i - 1
    while cut > clause.i and (clause.doc[cut].dep_ == "cc" or clause.doc[cut].is_punct):
        cut -= 1
    return cut


def reminder(c: Cue) -> Answer | None:
    """"reminded voters that the economy had grown": the clause, without "that"."""
    clause = reminded_that(c.verb)
    if clause is None:
        return None
    lo = next((m.i + 1 for m in clause.children if m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i),
              clause.left_edge.i)
    return up_to_aside(c.verb.doc, lo, clause.right_edge.i), "clause"


def ruling_predicate(c: Cue) -> Answer | None:
    """"ruled the evidence inadmissible": the object and its predicate."""
    return _object_through(c, ruled_predicate)


def _object_and_complement(verb: Token, obj: Token) -> list[Token]:
    """The object and what the act's complement adds after it ("Ortiz for mayor"), else the
    object alone."""
    toks = complement_tokens(verb)
    if toks and toks[0].i <= obj.left_edge.i:
        return toks
    return up_to_aside(verb.doc, obj.left_edge.i, obj.right_edge.i)


def credit_object(c: Cue) -> Answer | None:
    """"credited the new curfew with cutting street crime": the cause and what it is credited
    with."""
    obj = credited(c.verb)
    if obj is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    return _object_and_complement(c.verb, obj), "object"


def attack_target(c: Cue) -> Answer | None:
    """"lashed out at the council over the delays" -> "at the council over the delays": the
    target and what follows it in the clause."""
    prep = attacked_at(c.verb)
    if prep is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    return up_to_aside(c.verb.doc, prep.i, max(prep.right_edge.i, c.verb.right_edge.i)), "object"


POSITION_CONTENT_RULES = (attack_target, credit_object, lawsuit_aim, nomination, appeal, voiced, questioned, challenge_to, comparison, agreement, reminder, ruling_predicate)
