"""Cue guards: constructions where a cue word is there but nothing is attributed.

A guard is asked before anything else is read from a cue verb (attributions.cue_verb):
True rules the cue out. Each guard names one construction of English with an example
("claimed 41 percent of the vote", "wrote a children's book"); word lists are in
lexicon.py. The guards read only the verb and its paragraph, so they sit below the
source and content rules (the `Reading` they get is attributions.Reading).

Issue 14 (precision) added the acts that are there but not performed: supposed under a modal
inside another clause, wanted or planned ("plans to call for"), extraposed ("it's fair to
say"), named as a reason ("criticized him for saying"), and set phrases ("That said,").
"""

from __future__ import annotations

import re
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
    return any(c.dep_ == "aux" and c.lower_ in MODALS and not name_will(c) for c in r.verb.children)


def name_will(tok: Any) -> bool:
    """"Will Estrada said ...": a capitalized "Will" before a name is the name, not the modal."""
    doc = tok.doc
    return tok.text == "Will" and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper()


def act_not_performed(r: Any) -> bool:
    """"asked Lebanon to declare a ceasefire", "if the league named a new coach": an official
    act asked for, planned or supposed is not one reported."""
    verb = r.verb
    if r.lemma not in lx.OFFICIAL_ACTS:
        return False
    # (a purpose clause reports an act done: "took the stage to declare his candidacy")
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and verb.dep_ != "advcl"
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
    "write off the costs": the object is the piece written, not what it says; "wrote for the
    Chronicle" says who one writes for. (A clause or a quotation after the cue, "wrote that
    ...", 'wrote: "..."', is content and stays.)"""
    verb = r.verb
    if r.lemma != "write":
        return False
    if any(c.dep_ == "prt" and c.lower_ in ("off", "down", "in") for c in verb.children):
        return True  # "write off the costs", "write in a candidate"
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp", "parataxis") for c in verb.children) \
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        # "wrote for the Chronicle", "also wrote for other artists": who one writes for (a
        # quotation in the sentence, '"...," she wrote for the Chronicle', is what was written)
        s0, s1 = r.base + r.sent.start_char, r.base + r.sent.end_char
        return not any(qs < s1 and s0 < qe for qs, qe in r.quotes)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lemma_.lower() not in lx.WRITTEN_WORKS | lx.MORE_WRITTEN_WORKS:
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


def supposed_in_clause(r: Any) -> bool:
    """"Clinton says she would order regulators to ...", "no idea if he would have told her",
    "hopes its diplomats can make the case": under would/could/can/must inside another clause,
    the act is supposed, promised or wished for, not reported. (A main clause stays: "Rubio can
    ask them to ..." is a claim about him; so does a refusal, "he would not say whether ...".)"""
    verb = r.verb
    if verb.dep_ == "ROOT" or any(c.dep_ == "neg" or c.lower_ == "only" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in lx.SUPPOSING_MODALS for c in verb.children)


def infinitive(verb: Any) -> bool:
    """Is the verb a "to"-infinitive ("plans to call", "hard to answer")?"""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def wanted_not_performed(r: Any) -> bool:
    """"Clinton plans to call for ...", "asked her to condemn the attack", "wants voters to
    recall that ...", "prompted him to say": the infinitive of a verb of wanting, planning,
    asking or causing names an act not (yet) performed. ("continued to say", "declined to
    say", "was quick to point out" are acts performed and stay.)"""
    verb = r.verb
    return infinitive(verb) and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in lx.UNPERFORMED_HEADS


def extraposed_infinitive(r: Any) -> bool:
    """"It's hard to answer no", "it's fair to say that ...", "it was inappropriate for her to
    criticize him": an infinitive after "it is ADJ" says what doing it would be, not that it
    was done."""
    verb = r.verb
    if not infinitive(verb):
        return False
    head = verb.head
    be = head if head.lemma_.lower() == "be" else head.head if head.pos_ == "ADJ" else None
    if be is None or be.lemma_.lower() != "be":
        return False
    return any(c.lower_ == "it" and c.dep_ in ("expl", "nsubj") for c in be.children)


def set_phrase(r: Any) -> bool:
    """"That said, the plan may still pass", "needless to say", "so to speak": a set phrase
    built on "say" attributes nothing. ("signs that said 'Go home'" stay.)"""
    if r.lemma != "say":
        return False
    text, at = r.sent.text.lower(), r.verb.idx - r.sent.start_char
    # The phrase is set off: it opens the sentence or follows a comma, dash or "but"/"and"
    # ("bottles that said 'Welcome'" is a relative clause, not the phrase).
    return any(m.start(1) <= at < m.end(1) for idiom in lx.SAY_IDIOMS
               for m in re.finditer(r"(?:^|[,;:(—–]\s*|\b(?:but|and)\s+)(" + idiom + r")\b", text))


def act_named_as_reason(r: Any) -> bool:
    """"criticized him for saying he had served", "praised the mayor for speaking out",
    "unlikely to win support without naming a site", "talks about her endorsing the nominee":
    a gerund after "for", "without" or "about" names an act as the reason for, the lack of,
    or the topic of another predicate; the sentence reports that predicate, not the act.
    ("quoted X as saying" and "by saying" stay: they report the words.)"""
    verb = r.verb
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in lx.REASON_PREPS


def question_put_aside(r: Any) -> bool:
    """"Ms. Alvarez, asked whether the plant was safe, said ...": a participle aside set off by
    commas tells what the speaker was asked; the parser may read "asked" as her own past-tense
    verb (a clause of the later "said"), but a question put to a source is not a claim
    (evals/GUIDELINES.md section 1)."""
    verb, doc = r.verb, r.verb.doc
    if r.lemma != "ask" or verb.i < 2 or doc[verb.i - 1].text != "," or any(c.dep_ == "aux" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    head = verb.head
    return subj is not None and subj.right_edge.i in (verb.i - 2, verb.i - 1) and head.i > verb.i \
        and head.lemma_.lower() in lx.SPEECH_VERBS and not any(c.dep_ == "nsubj" for c in head.children) \
        and doc[head.left_edge.i if head.left_edge.i > verb.right_edge.i else verb.right_edge.i + 1].text == ","


CUE_GUARDS: tuple[Callable[[Any], bool], ...] = (
    inside_quotation, announced_not_reported, act_not_performed, claimed_a_win, wrote_a_work, editors_note,
    supposed_in_clause, wanted_not_performed, extraposed_infinitive, set_phrase,
    act_named_as_reason, question_put_aside,
)
