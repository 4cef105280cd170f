"""Which verbs are acts of taking a position: endorsing, backing, opposing, defending,
doubting, comparing, agreeing, reminding, ruling X Y, and suing or filing a complaint.

Politics and court copy credit positions to people through acts, not verbs of saying
(evals/GUIDELINES.md §1, §9.1): "The governor is backing Ortiz for mayor", "Senator Voss
questioned the mayor's honesty", "Rep. Alvarez defended her vote on the pipeline", "She
compared the plan to highway robbery", "The union agreed that the offer was fair", "The
judge ruled the evidence inadmissible", "The city filed a lawsuit against the developer".
The same words usually name something else ("backed the car into a wall", "police questioned
the driver", "defended his title", "compared prices", "ruled the country", "filed a
report"), so each is a cue only in the shape that makes it a position: the complement it
takes and, for some, the kind of thing it takes a position on. Asked by
act_cues.is_act_cue; position_acts.py cuts the content of the same shapes. (Apart from the
content cutters, which need phrases.py, so that cues.py can import this.)
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx


REFLEXIVES = frozenset("himself herself itself themselves myself ourselves yourself".split())


def _active_object(verb: Token) -> Token | None:
    """The direct object after an active, finite or participial verb that heads a clause (not
    "an Iranian-backed militia", "the plan backed by the mayor")."""
    if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)


def _particle(verb: Token) -> bool:
    """"backed down", "backed away from", "back up the claim": another verb."""
    return any(c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in ("away", "down", "off", "out", "up") and c.i == verb.i + 1
               for c in verb.children)


def is_person(tok: Token) -> bool:
    """A person or a group of people as an object: "questioned the driver", "challenged him"."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in lx.PRONOUNS_OBJECT | lx.PRONOUNS \
        or lemma in lx.PERSON_NOUNS or lemma in lx.ROLE_NOUNS or lemma in lx.PEOPLE_OBJECTS


def backed(verb: Token) -> Token | None:
    """"The governor is backing Ortiz for mayor", "the union backed the proposal": an
    endorsement (not "backed down", "backed the truck into the gate")."""
    if verb.lemma_.lower() not in lx.BACKING_VERBS or _particle(verb):
        return None
    obj = _active_object(verb)
    return obj if obj is not None and obj.lemma_.lower() not in lx.VEHICLE_NOUNS else None


def opposed(verb: Token) -> Token | None:
    """"The senator opposed the nomination", "has opposed defunding the agency": a stand
    against (not "is opposed to", an adjective, or "the opposing team")."""
    if verb.lemma_.lower() != "oppose":
        return None
    obj = _active_object(verb)
    if obj is not None:
        return obj
    if verb.dep_ in ("amod", "acl") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)


def defended(verb: Token) -> Token | None:
    """"defended her vote on the pipeline", "defended himself against the charge": a
    position, a record or oneself against criticism (not "defended his title", "defended the
    city", "the lawyer defending him")."""
    if verb.lemma_.lower() != "defend":
        return None
    obj = _active_object(verb)
    if obj is None:
        return None
    if obj.lemma_.lower() in lx.POSITION_NOUNS or obj.lower_ in lx.POSITION_NOUNS:
        return obj
    reflexive = obj.lower_ in REFLEXIVES
    return obj if reflexive and any(c.dep_ == "prep" and c.lower_ in ("against", "for", "over") for c in verb.children) else None


def doubted(verb: Token) -> Token | None:
    """"questioned the mayor's honesty", "challenged the findings": doubt cast on a claim or a
    quality (not "police questioned the driver", a person; "challenged him to a debate" is
    `challenged_to`)."""
    if verb.lemma_.lower() not in lx.DOUBTING_VERBS:
        return None
    obj = _active_object(verb)
    if obj is None or is_person(obj) or obj.ent_type_ in ("ORG", "GPE", "DATE", "TIME", "CARDINAL", "MONEY"):
        return None
    return obj if obj.pos_ == "NOUN" else None


def challenged_to(verb: Token) -> Token | None:
    """"challenged the governor to a debate", "challenged his bishops to be humbler": a call
    addressed to someone (not "is challenging the incumbent", an election)."""
    if verb.lemma_.lower() != "challenge":
        return None
    obj = _active_object(verb)
    if obj is None:
        return None
    inf = next((c for c in list(verb.children) + list(obj.children) if c.dep_ in ("xcomp", "advcl", "acl") and c.i > obj.i
                and any(a.tag_ == "TO" for a in c.children if a.i < c.i)), None)
    if inf is not None:
        return inf
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i
                 and any(g.dep_ == "pobj" for g in c.children)), None)


def compared(verb: Token) -> Token | None:
    """"compared the tax plan to highway robbery", "likened him to a dictator": a description
    (as "described X as Y"); the "to" or "with" phrase after the object (not "compared with
    last year", where "compared" is a preposition, nor "the study compared two groups")."""
    if verb.lemma_.lower() not in lx.COMPARING_VERBS or verb.dep_ == "prep":
        return None
    obj = _active_object(verb)
    if obj is None or obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY") or obj.lower_ in REFLEXIVES \
            or any(c.dep_ == "neg" for c in verb.children):
        return None  # ("compared himself to Lincoln" is a boast PolNeAR leaves out; "doesn't compare X to Y")
    return next((c for c in list(verb.children) + list(obj.children) if c.dep_ == "prep" and c.lower_ in ("to", "with")
                 and c.i > obj.i and any(g.dep_ == "pobj" for g in c.children)), None)


def agreed(verb: Token) -> Token | None:
    """"The union agreed that the offer was fair": a view given (not "agreed with her",
    "agreed on a date")."""
    if verb.lemma_.lower() != "agree":
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    # ("agreed to pay $4 million", a settlement's terms, is left out: PolNeAR train marks about
    # half of them, and on dev they cost precision)
    return clause


def reminded_that(verb: Token) -> Token | None:
    """"Clinton reminded voters that the economy had grown": a clause told (as "told X that")."""
    if verb.lemma_.lower() != "remind":
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)


def ruled_predicate(verb: Token) -> Token | None:
    """"The judge ruled the evidence inadmissible", "the board ruled Cruz eligible": the
    ruling's predicate (not "ruled the country", "ruled out").""" 
    if verb.lemma_.lower() != "rule" or _particle(verb):
        return None
    obj = _active_object(verb)
    if obj is None:
        return None
    pred = next((c for c in list(verb.children) + list(obj.children) if c.dep_ in ("oprd", "amod", "acomp", "ccomp", "xcomp")
                 and c.i > obj.i and c.pos_ == "ADJ"), None)
    return pred


def filed_suit(verb: Token) -> Token | None:
    """"The city filed a lawsuit against the developer", "lodged a complaint with the
    regulator": a legal accusation (not "filed
    a report", "filed for bankruptcy"). ("sued the landlord" and "brought a lawsuit" are left
    out: PolNeAR train leaves most of them out.)"""
    lemma = verb.lemma_.lower()
    obj = _active_object(verb)
    if obj is None:
        return None
    if lemma in lx.FILING_VERBS and (obj.lemma_.lower() in lx.LEGAL_ACTION_NOUNS or obj.lower_ in lx.LEGAL_ACTION_NOUNS):
        return obj
    return None


POSITION_SHAPES = (backed, opposed, defended, doubted, challenged_to, compared, agreed, reminded_that, ruled_predicate, filed_suit)
