"""Cue shapes outside the speech verbs that give out a figure, a forecast or an unsourced
report: "the ministry put the death toll at 37", "the budget office projected that the
deficit will double", "it is understood that the talks will resume".

Why a module of its own: cues.is_cue_verb must ask these shapes, and it sits below the
content rules (phrases.py, evidence.py import it), so the shapes use only the parse and the
word lists. The content of a tally is in evidence.tally_content; a forecast's clause is
read by the ordinary clause rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .syntax import agent_capable, own_subject


def tally_figure(verb: Token) -> Token | None:
    """"The ministry put the death toll at 37", "analysts estimate the market at $30 billion",
    "police placed the crowd at about 5,000": setting a figure on a measured thing is a count
    the subject gives out. The "at" phrase must hold a number (not "put the town at risk",
    "placed the bomb at the door") and not a time ("set the meeting at 3 p.m."), and the object
    must be a measure (lexicon.MEASURE_NOUNS: "put the bomb at 5 Main Street" sets no figure).
    Returns the "at" phrase."""
    if verb.lemma_.lower() not in lx.TALLY_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lemma_.lower() not in lx.MEASURE_NOUNS and obj.lower_ not in lx.MEASURE_NOUNS:
        return None
    at = next((c for c in list(verb.children) + list(obj.children) if c.dep_ == "prep" and c.lower_ == "at" and c.i > obj.i), None)
    if at is None or not any(t.like_num or t.tag_ == "CD" for t in at.subtree) \
            or any(t.ent_type_ in ("DATE", "TIME") for t in at.subtree):
        return None
    return at


def forecast_clause(verb: Token) -> Token | None:
    """"The budget office projected that the deficit will double by 2030": a forecast given out,
    with its clause (not "projected confidence", "projected its worldview onto voters")."""
    if verb.lemma_.lower() not in lx.FORECAST_CLAUSE_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subj = own_subject(verb)
    return clause if clause is not None and subj is not None and agent_capable(subj) else None


def understood_that(verb: Token) -> Token | None:
    """"It is understood that the talks will resume": wire copy's formula for what the
    reporter was told by someone unnamed, an agentless report like "it was reported that"
    (evals/GUIDELINES.md §9.2); attributions.agentless_passive leaves the source empty. Not
    "I understand that ..." or "it is understood as ..." (no clause)."""
    if verb.lemma_.lower() != "understand" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def rumored_to(verb: Token) -> Token | None:
    """"The aide was rumored to be leaving": an agentless report like "is said to" (the
    passive with its infinitive; attributions.agentless_passive cuts it). Not "the rumored
    merger" (no clause)."""
    if verb.lemma_.lower() not in ("rumor", "rumour") or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)), None)


def is_figure_cue(tok: Token) -> bool:
    """A tally, a forecast, "it is understood that" or "is rumored to" (cues.is_cue_verb asks)."""
    return any(shape(tok) is not None for shape in (tally_figure, forecast_clause, understood_that, rumored_to))
