"""Span and mention matching: character Dice and the one-to-one pairing built on it.

Everything the scorer measures sits on these pairings, so they live apart from the
metrics: what counts as "the same content", "the same source" or "the same relays"
is decided here and only here.
"""

from __future__ import annotations

from collections.abc import Callable

import re
from dataclasses import dataclass
from typing import Iterable

from ..models import Claim, Span

DEFAULT_DICE = 0.5

def located(span: Span | None) -> bool:
    return span is not None and span.start is not None and span.end is not None and span.end > span.start


def dice(a: Span | None, b: Span | None) -> float:
    """Character Dice of two spans' offset ranges; 0 when either is missing or unlocated."""
    if not (located(a) and located(b)):
        return 0.0
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))  # type: ignore[union-attr,arg-type]
    return 2 * inter / ((a.end - a.start) + (b.end - b.start))  # type: ignore[union-attr,operator]


def exact(a: Span | None, b: Span | None) -> bool:
    return located(a) and located(b) and (a.start, a.end) == (b.start, b.end)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Pair:
    gold: int
    pred: int
    dice: float


def match(gold: list[Span | None], pred: list[Span | None], threshold: float,
          prefer: Callable[[int, int], bool] | None = None) -> list[Pair]:
    """One-to-one matching, greedy by Dice. Ties go first to the pairs `prefer` likes (the
    same source: a relay's claim and the relayed source's claim share one content, and
    pairing them crosswise would count two right claims wrong), then to the earlier gold and
    the earlier prediction."""
    candidates = [
        Pair(g, p, d)
        for g, gs in enumerate(gold)
        for p, ps in enumerate(pred)
        if (d := dice(gs, ps)) >= threshold and d > 0
    ]
    candidates.sort(key=lambda x: (-x.dice, not (prefer and prefer(x.gold, x.pred)), x.gold, x.pred))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for c in candidates:
        if c.gold not in used_g and c.pred not in used_p:
            used_g.add(c.gold)
            used_p.add(c.pred)
            out.append(c)
    return sorted(out, key=lambda x: x.gold)


def distinct(spans: Iterable[Span | None]) -> list[Span]:
    """Located spans, one per offset range (one source mention may serve many claims)."""
    seen: dict[tuple[int, int], Span] = {}
    for s in spans:
        if located(s):
            seen.setdefault((s.start, s.end), s)  # type: ignore[union-attr,index]
    return list(seen.values())


def same_mention(a: Span | None, b: Span | None, threshold: float) -> bool:
    """Two mentions of one source: Dice >= threshold, or one is the other's core phrase.

    Annotators differ on how much of a source phrase to take: PolNeAR keeps appositions and
    relative clauses ("Ortiz, who ran the harbour board until May"), our guideline
    does not ("Ortiz"). The shorter mention counts when it lies inside the longer one and
    the longer one only adds leading words, or after it a comma/parenthesis extension or a
    relative clause ("Republicans" vs "Republicans who critiqued the speech").
    """
    if dice(a, b) >= threshold:
        return True
    if not (located(a) and located(b)):
        return False
    short, long_ = sorted((a, b), key=lambda s: s.end - s.start)  # type: ignore[union-attr,operator]
    if not (long_.start <= short.start and short.end <= long_.end):  # type: ignore[union-attr,operator]
        return False
    after = long_.text[short.end - long_.start :].lstrip()  # type: ignore[union-attr,operator]
    return not after or after[0] in ",(" or re.match(r"(who|whom|whose|which|that)\b", after) is not None


def source_matches(gold: Claim, pred: Claim, threshold: float) -> bool:
    """Same source: the mentions are one source's (see same_mention), or neither names one."""
    g, p = gold.source.mention, pred.source.mention
    if g is None and not located(p):
        return p is None
    return same_mention(g, p, threshold)


def relay_matches(gold: Claim, pred: Claim, threshold: float) -> bool:
    """Same relays: each gold relay matched one-to-one by mention overlap or by name."""
    if len(gold.via) != len(pred.via):
        return False
    left = list(pred.via)
    for g in gold.via:
        hit = next((p for p in left if dice(g.mention, p.mention) >= threshold
                    or (g.name and p.name and g.name.casefold() == p.name.casefold())), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def has_unverified(claim: Claim) -> bool:
    return any(span.match == "unverified" for _, span in claim.spans())
