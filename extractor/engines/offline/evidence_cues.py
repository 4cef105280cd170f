"""Cue shapes outside the speech verbs that give out a forecast or an unsourced report:
"the budget office projected that the deficit will double", "it is understood that the
talks will resume", "the aide was rumored to be leaving".

Why a module of its own: cues.is_cue_verb must ask these shapes, and it sits below the
content rules (phrases.py, evidence.py import it), so the shapes use only the parse and the
word lists. Their clauses are read by the ordinary clause and agentless rules.

Tried and left out: estimates with a noun phrase and a figure ("officials estimated the damage
at $3 million", "the ministry put the death toll at 42") and listings ("listed the vessel as
anchored"): Wikinews tune and dev unchanged, PolNeAR dev P -0.0006.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .syntax import agent_capable, own_subject


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


def is_evidence_cue(tok: Token) -> bool:
    """A forecast, "it is understood that" or "is rumored to" (cues.is_cue_verb asks)."""
    return any(shape(tok) is not None for shape in (forecast_clause, understood_that, rumored_to))
