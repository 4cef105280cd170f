"""Unsourced hedges: "The driver had reportedly fallen asleep", "allegedly providing the weapon",
"33 were reported hospitalised".

Wire copy often reports a claim nobody is named for with an adverb alone. It is an
attribution all the same (evals/GUIDELINES.md section 9.2): no source (type `unattributed`,
flag `no_source`), the adverb as the cue, the clause it modifies as the content (the adverb
sits inside it, so the covering span holds it), stance `hedged`. An agentless passive of
reporting ("33 were reported hospitalised", "Dorian was forecast to reach ...", "X has been
charged with Y") is the same with the verb group as the cue: `agentless_report` gives the
content rules (content.py) its clause, and attributions.agentless_passive leaves the source empty.
A leading adverb is left out of the content; one inside the clause splits it into two pieces
(`hedge_pieces`); an adverb on an adjective hedges only the adjective ("reportedly peaceful
protesters"). "As revealed at trial, ..." credits its main clause to nobody (`agentless_as`).
Agentless orders, findings and estimates ("residents were told to leave", "the driver was
identified as ...", "damage is estimated at $3 million", §9.9) are agentless reports too.

Tried and left out: the hedging adjectives of §9.9 ("the alleged bribe" -> cue "alleged",
pieces "the" + "bribe"; "alleged", "purported", "reputed"): Wikinews dev R +0.002 but P
-0.004 (F1 unchanged), PolNeAR dev F1 -0.001 (PolNeAR does not annotate them).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span as TokSpan, Token

from ...models import Flag
from . import lexicon as lx
from .cues import is_cue_verb
from .phrases import NOTHING, Answer, Cue
from .records import Found
from .spans import trim

REPORT_ADVERBS = frozenset("reportedly allegedly purportedly supposedly".split())


def unsourced_hedge(state: Any, tok: Token, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> Found | None:
    """A hedging adverb of reporting: the clause it modifies is the claim, with no source."""
    if any(qs <= base + tok.idx < qe for qs, qe in quotes):
        return None  # inside a quotation it is the speaker's word
    toks = hedged_words(tok, sent)
    if not toks:
        return None
    cue = (base + tok.idx, base + tok.idx + len(tok))
    cs, ce = trim(state.raw, base + toks[0].idx, base + toks[-1].idx + len(toks[-1]), drop_that=False)
    pieces = None
    if cs >= cue[0]:
        # "Reportedly, the driver had ...": the adverb is no part of the claim (§9.2)
        cs, ce = trim(state.raw, cue[1], ce, drop_that=False)
    elif cue[1] < ce:
        pieces = hedge_pieces(state.raw, (cs, ce), cue)
    if ce - cs < (4 if tok.head.dep_ == "amod" else 8):
        return None
    found = Found(content=(cs, ce), cue=cue, source=None, stance="hedged", confidence=0.6, cue_token=cue[0],
                  how="unsourced", lemma=tok.lower_, cue_tag=tok.tag_,
                  sentence=(base + sent.start_char, base + sent.end_char),
                  flags=[Flag(code="no_source", message="The claim is hedged ('reportedly', 'allegedly') and names no source.")])
    if pieces:
        found.pieces = pieces
    return found


def hedged_words(tok: Token, sent: TokSpan) -> list[Token]:
    """What a hedging adverb qualifies: the adjective it sits on ("reportedly peaceful
    protesters": only "peaceful" is reported), otherwise its clause."""
    if tok.dep_ != "advmod":
        return []
    if tok.head.dep_ == "amod" and tok.head.pos_ == "ADJ":
        return [t for t in tok.head.subtree if t.i > tok.i]
    return hedged_clause(tok, sent)


def hedged_clause(tok: Token, sent: TokSpan) -> list[Token]:
    """The clause a hedging adverb modifies, up to a coordinated clause of its own."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head is not head and head.dep_ not in ("ROOT",):
        head = head.head  # "reportedly due to COVID-19": the clause of "died"
    while head.dep_ in ("aux", "auxpass") and head.head is not head:
        head = head.head  # "who reportedly has been itching to ...": the clause of "itching"
    toks = [t for t in head.subtree if sent.start <= t.i < sent.end]
    if head.dep_ == "prep" and toks:
        # "closing stores, reportedly including last year its depot": the parser hangs the
        # phrase's object elsewhere; the phrase runs on to the next punctuation.
        doc, end = head.doc, toks[-1].i
        while end + 1 < sent.end and not doc[end + 1].is_punct and doc[end + 1].dep_ != "cc":
            end += 1
        toks = list(doc[toks[0].i : end + 1])
    # The clause ends before a coordinated clause of its own ("..., and officials said ...").
    conj = next((c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > tok.i), None)
    if conj is not None:
        toks = [t for t in toks if t.i < conj.left_edge.i]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    return toks


def hedge_pieces(raw: str, content: tuple[int, int], cue: tuple[int, int]) -> list[tuple[int, int]] | None:
    """"The driver had reportedly fallen asleep": the adverb sits inside the clause, so the
    claim is the two pieces around it, "The driver had" and "fallen asleep", with the covering
    span as the content (evals/GUIDELINES.md §9.2, §2)."""
    left = trim(raw, content[0], cue[0], drop_that=False)
    right = trim(raw, cue[1], content[1], drop_that=False)
    return [left, right] if left[1] > left[0] and right[1] > right[0] else None


def agentless_report(c: Cue) -> Answer | None:
    """"33 were reported hospitalised", "Dorian was forecast to reach the coast": a passive of
    reporting with no agent; the clause is the claim (attributions.agentless_passive cuts it
    and leaves the source empty, evals/GUIDELINES.md §9.2)."""
    verb = c.verb
    if c.lemma not in lx.AGENTLESS_CUES or any(x.dep_ == "agent" for x in c.children):
        return None
    patient = next((x for x in c.children if x.dep_ == "nsubjpass"), None)
    if patient is None or patient.lower_ == "it" or patient.tag_ in ("WDT", "WP"):
        return None
    if not any(x.dep_ in ("xcomp", "oprd", "acomp", "prep") and x.i > verb.i for x in c.children):
        return None
    if c.lemma in lx.AGENTLESS_NEED_AS and not any(x.dep_ == "prep" and x.lower_ == "as" and x.i > verb.i for x in c.children):
        return NOTHING  # ("the gene was identified in 2005": no one reported it as anything)
    if c.lemma == "confirm" and verb.dep_ == "ccomp" and is_cue_verb(verb.head):
        return NOTHING  # "Officials said 39 are confirmed dead": the officials' count, already theirs
    return list(verb.subtree), "agentless"


def agentless_as(r: Any) -> bool | None:
    """"As revealed at trial, the couple had kept ...", "As disclosed in the filing, the firm
    lost ...": an as-clause of a revealing participle with no agent, saying where it came
    out, credits the main clause to nobody named (evals/GUIDELINES.md §9.2, like "it was
    revealed that"); the subject of the main clause did not report it. (With an agent, "as
    reported by the paper", the agent speaks: attributions.subject_or_agent.)"""
    verb = r.verb
    if r.how != "as" or verb.tag_ != "VBN" or r.lemma not in lx.REVEALING_PARTICIPLES \
            or any(c.dep_ in ("agent", "nsubj", "nsubjpass", "aux") for c in verb.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("at", "in", "during") for c in verb.children):
        return None  # ("as mentioned above", "as reported earlier": the article pointing at itself)
    r.subj, r.source = None, None
    return True



def named_elsewhere(hedge: Found, found: list[Found]) -> bool:
    """Is an unsourced hedge really a named source's? §9.2 takes "reportedly" and "allegedly"
    as claims of nobody only "with no named source": inside what a named source reports
    ("Weiner allegedly sent the messages, the Post reported"; "the lawsuit alleges violations
    supposedly committed against him") the hedge is that source's word, and a hedge on a
    named source's own report ("the senator reportedly told donors that ...") qualifies that
    report, which is the claim."""
    if hedge.how != "unsourced":
        return False
    for g in found:
        if g is hedge or g.source is None:
            continue
        lo, hi = g.scope or g.content
        if lo <= hedge.cue[0] < hi:
            return True  # inside the named source's content
        if hedge.content[0] <= g.source.start and g.cue[1] <= hedge.content[1] and hedge.content[0] <= g.cue[0]:
            return True  # the hedged clause is the named source's report itself
    return False
