"""Pin every verbatim string an engine proposes to raw offsets, or say that we could not.

Order of attempts: exact -> normalized (typographic variants mapped back to raw offsets)
-> fuzzy (rapidfuzz alignment near the claim's other spans) -> unverified. The result
records which one matched; nothing is rewritten, nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .models import Claim, Flag, Region, Span

FUZZY_THRESHOLD = 90.0  # rapidfuzz partial-ratio score (0-100) a fuzzy match must reach
FUZZY_WINDOW = 2000  # chars either side of the claim's anchor searched for fuzzy matches

# One raw character -> its normalized form. Multi-char outputs (the ellipsis) keep
# pointing at the single raw char they came from.
_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
}
_WS = re.compile(r"\s")


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, per normalized char, the raw [start, end) it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def normalize(raw: str, offset: int = 0) -> Normalized:
    """Fold typographic variants so that equal-looking strings compare equal.

    Whitespace runs become one space, runs of 3+ dots become "...", curly quotes and
    dashes become ASCII. Offsets into the result map back to raw text exactly.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if _WS.match(ch):
            j = i + 1
            while j < n and _WS.match(raw[j]):
                j += 1
            out.append(" ")
            starts.append(offset + i)
            ends.append(offset + j)
            i = j
            continue
        if ch == "." and raw.startswith("...", i):
            j = i
            while j < n and raw[j] == ".":
                j += 1
            for _ in range(3):
                out.append(".")
                starts.append(offset + i)
                ends.append(offset + j)
            i = j
            continue
        mapped = _CHAR_MAP.get(ch, ch)
        for c in mapped:
            out.append(c)
            starts.append(offset + i)
            ends.append(offset + i + 1)
        i += 1
    return Normalized("".join(out), tuple(starts), tuple(ends))


def normalize_text(s: str) -> str:
    return normalize(s).text.strip()


@lru_cache(maxsize=64)
def _normalized_region(raw: str, start: int, end: int) -> Normalized:
    # Cached because every span of a document is grounded against the same region.
    return normalize(raw[start:end], start)


def _nearest(positions: list[int], anchor: int | None) -> int:
    if anchor is None or len(positions) == 1:
        return positions[0]
    return min(positions, key=lambda p: abs(p - anchor))


def _all_occurrences(hay: str, needle: str, start: int, end: int, limit: int = 50) -> list[int]:
    found: list[int] = []
    i = hay.find(needle, start, end)
    while i != -1 and len(found) < limit:
        found.append(i)
        i = hay.find(needle, i + 1, end)
    return found


def find_exact(raw: str, needle: str, region: Region, anchor: int | None = None) -> Span | None:
    if not needle:
        return None
    hits = _all_occurrences(raw, needle, region.start, region.end)
    if not hits:
        return None
    i = _nearest(hits, anchor)
    return Span(text=needle, start=i, end=i + len(needle), match="exact")


def find_normalized(raw: str, needle: str, region: Region, anchor: int | None = None) -> Span | None:
    target = normalize_text(needle)
    if not target:
        return None
    norm = _normalized_region(raw, region.start, region.end)
    hits = _all_occurrences(norm.text, target, 0, len(norm.text))
    if not hits:
        return None
    if anchor is not None:
        hits = [min(hits, key=lambda h: abs(norm.starts[h] - anchor))]
    h = hits[0]
    start, end = norm.starts[h], norm.ends[h + len(target) - 1]
    return _mapped_span(raw, needle, start, end, "normalized")


def find_fuzzy(
    raw: str,
    needle: str,
    region: Region,
    anchor: int | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> Span | None:
    target = normalize_text(needle)
    if len(target) < 8:  # short strings match everywhere; not evidence of anything
        return None
    lo, hi = region.start, region.end
    if anchor is not None:
        lo, hi = max(lo, anchor - FUZZY_WINDOW), min(hi, anchor + FUZZY_WINDOW + len(needle))
    norm = _normalized_region(raw, lo, hi)
    res = fuzz.partial_ratio_alignment(target, norm.text, score_cutoff=threshold)
    if res is None or res.dest_end <= res.dest_start:
        return None
    start, end = norm.starts[res.dest_start], norm.ends[res.dest_end - 1]
    return _mapped_span(raw, needle, start, end, "fuzzy")


def _mapped_span(raw: str, proposed: str, start: int, end: int, match: str) -> Span:
    # The offsets point at the raw text; if that raw text equals the proposal after all
    # (e.g. stray whitespace at the ends), the match is exact.
    if raw[start:end] == proposed:
        return Span(text=proposed, start=start, end=end, match="exact")
    return Span(text=proposed, start=start, end=end, match=match)  # type: ignore[arg-type]


def ground(
    raw: str,
    needle: str,
    region: Region | None = None,
    anchor: int | None = None,
    fuzzy: bool = True,
) -> Span:
    """Locate `needle` in raw[region]; never raises, never returns None."""
    region = region or Region(start=0, end=len(raw))
    for finder in (find_exact, find_normalized):
        span = finder(raw, needle, region, anchor)
        if span:
            return span
    if fuzzy:
        span = find_fuzzy(raw, needle, region, anchor)
        if span:
            return span
    return Span(text=needle, match="unverified")


def verify(raw: str, span: Span, region: Region | None = None, anchor: int | None = None) -> Span:
    """Trust offsets an engine supplies only if they hold; otherwise search for the text."""
    if span.located and raw[span.start : span.end] == span.text:  # type: ignore[index]
        return span.model_copy(update={"match": "exact"})
    return ground(raw, span.text, region, anchor if anchor is not None else span.start)


def _flag_for(field: str, span: Span) -> Flag | None:
    if span.match == "fuzzy":
        return Flag(
            code="fuzzy_span",
            message=f"The {field} text was only found approximately in the article "
            f"(it reads {span.text!r} in the answer).",
        )
    if span.match == "unverified":
        return Flag(
            code="unverified_span",
            message=f"The {field} text {span.text!r} was not found in the article.",
        )
    if span.match == "normalized":
        return Flag(
            code="normalized_span",
            message=f"The {field} text matched only after normalizing quotes, dashes or spaces.",
        )
    return None


def ground_claim(raw: str, claim: Claim, region: Region | None = None) -> Claim:
    """Ground every verbatim field of a claim, flagging whatever is not exact.

    The content span is grounded first; the others are searched nearest to it, so a
    cue like "said" lands next to its own content, not at the first "said" in the text.
    """
    content = verify(raw, claim.content, region)
    anchor = content.start if content.located else None

    def g(span: Span | None) -> Span | None:
        return verify(raw, span, region, anchor) if span else None

    source = claim.source.model_copy(update={"mention": g(claim.source.mention)})
    via = [r.model_copy(update={"mention": g(r.mention)}) for r in claim.via]
    grounded = claim.model_copy(
        update={"content": content, "quote": g(claim.quote), "cue": g(claim.cue), "source": source, "via": via}
    )
    flags = [f for f in claim.flags if f.code not in {"fuzzy_span", "unverified_span", "normalized_span"}]
    for field, span in grounded.spans():
        flag = _flag_for(field, span)
        if flag:
            flags.append(flag)
    return grounded.model_copy(update={"flags": flags})
