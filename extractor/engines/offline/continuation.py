"""Cue-less quotation paragraphs: a paragraph that is only a quotation continues the last speaker.

Feature and sports writing runs a speaker's words on as their own paragraph:
`"We were slow in the first half," she said.` then `"Next week will be different."` with no
cue at all. When nothing intervenes (the previous paragraph ends with that speaker's
attribution, no other speaker, no heading in between), the quotation is theirs: same source,
cue null, and the flag `inferred_speaker` (evals/GUIDELINES.md section 9.3). A quotation left
open that already runs on into the paragraph (quotes.py) is not claimed twice, and another actor
named after the attribution ('..., the mayor said, but the opposition leader disagreed.') leaves
the next quotation's speaker unknown.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from ...models import Flag
from .records import Found
from .spans import trim
from .transcript import answer_turn


def whole_quotation(text: str, base: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation a paragraph consists of, if it is nothing else ("..." or "...", and a
    closing mark); None when words of the author stand outside it."""
    stripped = text.strip()
    if not stripped or len(quotes) != 1:
        return None
    qs, qe = quotes[0]
    lead = len(text) - len(text.lstrip())
    outside = text[: qs - base - 1].strip() + text[qe - base + 1 :].strip(" \t\"”’'.")
    return (qs, qe) if qs - base - lead <= 2 and not outside.strip() else None


def continue_speaker(state: Any, region: Any, text: str, quotes: list[tuple[int, int]], found_before: int) -> None:
    """After a paragraph is read: a whole-quotation paragraph with no attribution of its own
    goes to the speaker the previous paragraph ended with; then remember who ends this one.
    In an interview transcript the turn's label says who speaks instead (transcript.py)."""
    if answer_turn(state, region, found_before):
        return
    speaker = state.paragraph_speaker
    state.paragraph_speaker = None
    own = state.found[found_before:]
    if own:
        last = own[-1]
        # Only a quoted speaker goes on in a quotation paragraph ("The union disagreed, saying it was
        # not." followed by a quotation is not the union speaking again). Section 9.3 also names a
        # statement; continuing statements too cost PolNeAR dev linked precision (0.845 -> 0.842).
        quoted = last.quote is not None or bool(last.pieces)
        speaks_last = last.source is not None and quoted and not someone_after(state, last, region.end)
        state.paragraph_speaker = last if speaks_last else None
        return
    q = whole_quotation(text, region.start, quotes)
    if q is None or speaker is None:
        return
    if any(f.content[0] < q[1] and q[0] < f.content[1] for f in state.found):
        state.paragraph_speaker = speaker  # a quotation left open ran on into this paragraph: still theirs
        return
    between = state.raw[state.paragraph_end : region.start]
    if between.strip():
        return  # a heading or a caption stands between them
    cs, ce = trim(state.raw, *q, drop_that=False)
    while ce < q[1] and state.raw[ce] in ".!?…":
        ce += 1  # the quotation's own full stop is part of it
    if ce - cs < 3:
        return
    f = Found(content=(cs, ce), cue=None, source=copy(speaker.source), quote=(cs, ce), confidence=0.6,
              how="inferred", stance="asserted",
              flags=[Flag(code="inferred_speaker",
                          message="A quotation paragraph with no cue; the speaker is inferred from the paragraph before.")])
    state.found.append(f)
    state.paragraph_speaker = f


def someone_after(state: Any, last: Found, end: int) -> bool:
    """Another actor is the subject of a clause after the attribution ('"We will rebuild," the mayor
    said, but the opposition leader disagreed.'): the next quotation may be theirs, so it is nobody's."""
    src = last.source
    done = max(last.content[1], last.cue[1] if last.cue else 0, src.end if src else 0)
    return any(done <= m.start < end and not (src and (m.name and m.name == src.name)) and main_clause(m)
               for m in state.recent)


def main_clause(m: Any) -> bool:
    """The subject of a sentence or of a clause joined to it ("but the union disagreed"), not of a
    relative or adverbial clause ("..., she said at the hall, where residents gathered")."""
    verb = m.head.head if m.head is not None else None
    return verb is None or verb.dep_ in ("ROOT", "conj")
