"""Which verbs are act cues: the shapes that make a common verb a public act.

"issued passports", "placed the box on the table", "decided to leave" and "committed a crime"
are not attributions; "issued a hurricane warning", "placed the county under a storm warning",
"the court decided that ..." and "committed to holding a trial" are (evals/GUIDELINES.md §1,
§9.1). Each shape is a small test on the parse; `is_act_cue` is asked by cues.is_cue_verb,
and acts.py cuts the content of the same shapes. (Kept apart from acts.py, which needs the
phrase cutters, so that cues.py can import it.)
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .legal_cues import LEGAL_SHAPES
from .position_cues import POSITION_SHAPES
from .syntax import is_passive, ruling_body_subject  # noqa: F401  (is_passive: asked here and by acts.py)

# ---- which tokens are act cues ------------------------------------------------------------


def prep_after(verb: Token, words: frozenset[str] | set[str]) -> Token | None:
    """The verb's prepositional phrase (with an object) opened by one of `words`, after it."""
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in words and c.i > verb.i
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)


def direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)


def not_performed(verb: Token) -> bool:
    """"asked the agency to issue a warning", "if the court rules that ...": an act asked
    for, planned or supposed is not one reported (as guards.act_not_performed for official acts)."""
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    supposed = any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)
    # "would consider charging the gunman with terrorism": an act another verb only weighs
    considered = verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in lx.CATENATIVE_VERBS
    return infinitive or supposed or considered


def issued_act_noun(verb: Token) -> Token | None:
    """"issued a hurricane warning", "put out an alert": the act noun an authority issues."""
    lemma = verb.lemma_.lower()
    issuing = lemma in lx.ISSUING_VERBS or lemma == "put" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    obj = direct_object(verb) if issuing else None
    return obj if obj is not None and (obj.lower_ in lx.ACT_NOUNS or obj.lemma_.lower() in lx.ACT_NOUNS) else None


def placed_under(verb: Token) -> Token | None:
    """"placed Palm Beach County under a tropical storm warning":
    the preposition whose object is the act."""
    if verb.lemma_.lower() not in lx.PLACING_VERBS or direct_object(verb) is None:
        return None
    prep = prep_after(verb, lx.PLACING_PREPS)
    if prep is None:
        return None
    pobj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
    # (the parser may read "storm warning" as "storm" with a participle "warning")
    return prep if any(t.lower_ in lx.ACT_NOUNS or t.lemma_.lower() in lx.ACT_NOUNS for t in pobj.subtree) else None


def not_excluded(verb: Token) -> Token | None:
    """"The study didn't exclude the possibility of human-to-human transmission": the
    possibility not excluded (a hedge, like "did not rule out")."""
    if verb.lemma_.lower() != "exclude" or not any(c.dep_ == "neg" for c in verb.children):
        return None
    obj = direct_object(verb)
    return obj if obj is not None and obj.lemma_.lower() in lx.POSSIBILITY_NOUNS else None


def committed_to(verb: Token) -> Token | None:
    """"McConnell committed to holding a trial": a public commitment (like "pledged to"), not
    "committed a crime", "committed troops to the region" or "is committed to" (a state)."""
    if verb.lemma_.lower() != "commit" or is_passive(verb) or direct_object(verb) is not None or verb.dep_ in ("amod", "acl") \
            or verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return None
    return prep_after(verb, {"to"})


def referred_to_as(verb: Token) -> Token | None:
    """"referred to the vote as 'The Impeachment Hoax'": a description, like "described X as Y"."""
    if verb.lemma_.lower() != "refer":
        return None
    to = prep_after(verb, {"to"})
    if to is None:
        return None
    as_ = prep_after(verb, {"as"}) or next((g for t in to.subtree for g in t.children if g.dep_ == "prep" and g.lower_ == "as"), None)
    return as_ if as_ is not None and as_.i > to.i else None


def ruling_clause(verb: Token) -> Token | None:
    """"The court ruled that the search was unlawful", "the panel decided that ...": a ruling
    is a public act. "decided to leave", "she decided that she would stay" (a private
    decision) are not: "decide" needs a court, judge or official body in its subject."""
    lemma = verb.lemma_.lower()
    if lemma not in ("rule", "decide"):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or is_passive(verb):
        return None
    return clause if lemma == "rule" or ruling_body_subject(verb) else None


def ruled_for_or_against(verb: Token) -> Token | None:
    """"The court ruled against the government", "the judge ruled in favour of the tenants":
    whom the ruling goes for or against."""
    if verb.lemma_.lower() != "rule" or is_passive(verb):
        return None
    against = prep_after(verb, {"against"})
    if against is not None:
        return against
    in_ = prep_after(verb, {"in"})
    pobj = next((g for g in in_.children if g.dep_ == "pobj"), None) if in_ is not None else None
    return in_ if pobj is not None and pobj.lower_ in ("favor", "favour") else None


def described_as(verb: Token) -> Token | None:
    """"The ad portrays the senator as a career politician", "critics painted the plan as a tax
    rise", "branded the mayor a liar": a description, like "described X as Y". Not "portrays
    the life of a miner", "painted the fence", "branded its new phone" (no predicate)."""
    if verb.lemma_.lower() not in lx.DESCRIBING_VERBS or is_passive(verb):
        return None
    obj = direct_object(verb)
    if obj is None:
        return None
    as_ = prep_after(verb, {"as"}) or prep_after(obj, {"as"})  # (the parser may hang "as" on the object)
    if as_ is not None and as_.i > obj.i:
        return as_
    pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "npadvmod") and c.i > obj.i
                 and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
    return pred if pred is not None and verb.lemma_.lower() == "brand" else None


ACT_SHAPES = (described_as, issued_act_noun, placed_under, not_excluded, committed_to, referred_to_as, ruling_clause, ruled_for_or_against,
              *POSITION_SHAPES, *LEGAL_SHAPES)


def is_act_cue(tok: Token) -> bool:
    """Is `tok` the verb of one of the act constructions above?"""
    if tok.lemma_.lower() not in lx.ACT_CUE_LEMMAS or not_performed(tok):
        return False
    return any(shape(tok) is not None for shape in ACT_SHAPES)
