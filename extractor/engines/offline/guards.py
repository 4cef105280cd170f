"""Cue guards: constructions where a cue word is there but nothing is attributed.

A guard is asked before anything else is read from a cue verb (attributions.cue_verb):
True rules the cue out. Each guard names one construction of English with an example
("claimed 41 percent of the vote", "wrote a children's book"); word lists are in
lexicon.py. The guards read only the verb and its paragraph, so they sit below the
source and content rules (the `Reading` they get is attributions.Reading).
"""

from __future__ import annotations

from typing import Any, Callable

from . import lexicon as lx
from .cues import MODALS


def inside_quotation(r: Any) -> bool:
    """'"They said it would never happen," she recalled': a cue inside a quotation belongs
    to the speaker, not to the article."""
    at = r.base + r.verb.idx
    return any(qs <= at < qe for qs, qe in r.quotes)


def announced_not_reported(r: Any) -> bool:
    """"will declare", "may say", "Ortiz says he'll welcome volunteers": an act announced,
    not one reported."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in r.verb.children)


def act_not_performed(r: Any) -> bool:
    """"asked Lebanon to declare a ceasefire", "if the league named a new coach": an official
    act asked for, planned or supposed is not one reported."""
    verb = r.verb
    if r.lemma not in lx.OFFICIAL_ACTS:
        return False
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    supposed = any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)
    return infinitive or supposed


def claimed_a_win(r: Any) -> bool:
    """"Sanders won Minnesota, claiming his third victory", "claimed 41 percent of the vote",
    "the blast claimed 20 lives": claiming a prize, a share or lives is taking it, not saying
    something. ("claimed responsibility", a bare "claiming victory" and "claimed that ..." stay
    cues.)"""
    if r.lemma != "claim":
        return False
    obj = next((c for c in r.verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lx.WON_THINGS:
        return False
    # A bare "claiming victory" declares a win (a speech act); "his third victory", "a
    # victory in the primary", "some victories" count a win taken.
    counted = any(c.dep_ in ("det", "poss", "nummod", "amod", "quantmod") for c in obj.children)
    return counted or obj.lemma_.lower() not in ("victory", "win", "defeat")


def wrote_a_work(r: Any) -> bool:
    """"She wrote a children's book", "writes a weekly column", "wrote the letter Feb. 2",
    "write off the costs": the object is the piece written, not what it says. (A clause or a
    quotation after the cue, "wrote that ...", 'wrote: "..."', is content and stays.)"""
    verb = r.verb
    if r.lemma != "write":
        return False
    if any(c.dep_ == "prt" and c.lower_ in ("off", "down", "in") for c in verb.children):
        return True  # "write off the costs", "write in a candidate"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lemma_.lower() not in lx.WRITTEN_WORKS:
        return False
    # "wrote a letter saying ...", "wrote an op-ed arguing that ...": the participle is the
    # cue; "wrote a short note on the ruling": a piece on a topic is a written comment on it.
    topic = [c for c in list(obj.children) + list(verb.children) if c.i > obj.i and c.dep_ == "prep" and c.lower_ in ("on", "about")]
    return not topic and not any(c.dep_ == "acl" for c in obj.children)


def editors_note(r: Any) -> bool:
    """"Editor’s note: Donald Trump is a serial liar ... who has repeatedly pledged to ban
    ...": the outlet's standing note appended to many articles is its boilerplate, not an
    attribution the article reports."""
    start = r.state.raw[r.base : r.base + 16].lstrip("\"'“ *_").lower().replace("’", "'")
    return start.startswith(("editor's note", "editors' note", "editor's note:"))


CUE_GUARDS: tuple[Callable[[Any], bool], ...] = (
    inside_quotation, announced_not_reported, act_not_performed, claimed_a_win, wrote_a_work, editors_note,
)
