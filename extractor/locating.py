"""Finding a proposed string in the raw text: exact, normalized (typographic variants mapped
back to raw offsets), or fuzzy (rapidfuzz alignment near the claim), each giving a `Span`
whose offsets index the raw text. Which of several occurrences belongs to a claim is
`grounding`'s decision, not this module's."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .models import Flag, Region, Span

FUZZY_THRESHOLD = 90.0  # rapidfuzz partial-ratio score (0-100) a fuzzy match must reach
FUZZY_WINDOW = 2000  # chars either side of the claim's anchor searched for fuzzy matches
# rapidfuzz's alignment grows ~8x each time the needle doubles (70 ms at 2,000 chars, 15 s
# at 16,000): a longer proposal is aligned by its first and last FUZZY_END chars only.
FUZZY_LONG = 600
FUZZY_END = 240
GROUNDING_CODES = {"fuzzy_span", "unverified_span", "normalized_span", "ambiguous_span"}

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
_SPECIAL = re.compile("[" + "".join(_CHAR_MAP) + "]|[^\\S ]|  |\\.\\.\\.")


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
    if not _SPECIAL.search(raw):  # the common case, ~50x faster: nothing to fold
        return Normalized(raw, tuple(range(offset, offset + n)), tuple(range(offset + 1, offset + n + 1)))
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


@lru_cache(maxsize=1024)
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


def _all_occurrences(hay: str, needle: str, start: int, end: int) -> list[int]:
    # Every occurrence: a cap could leave out the one that belongs to the claim.
    found: list[int] = []
    i = hay.find(needle, start, end)
    while i != -1:
        found.append(i)
        i = hay.find(needle, i + 1, end)
    return found


Occurrence = tuple[int, int, str]  # start, end, match: plain tuples, there may be thousands


def occurrences(raw: str, needle: str, region: Region) -> list[Occurrence]:
    """Every place `needle` occurs in raw[region], in order: exact ones, or else the
    ones equal after normalizing (mapped back to raw offsets)."""
    if not needle:
        return []
    hits = _all_occurrences(raw, needle, region.start, region.end)
    if hits:
        n = len(needle)
        return [(i, i + n, "exact") for i in hits]
    target = normalize_text(needle)
    if not target:
        return []
    norm = _normalized_region(raw, region.start, region.end)
    out = []
    for h in _all_occurrences(norm.text, target, 0, len(norm.text)):
        a, b = norm.starts[h], norm.ends[h + len(target) - 1]
        out.append((a, b, "exact" if raw[a:b] == needle else "normalized"))
    return out


def _span(needle: str, occ: Occurrence) -> Span:
    return Span(text=needle, start=occ[0], end=occ[1], match=occ[2])  # type: ignore[arg-type]


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


@lru_cache(maxsize=256)
def _align(target: str, raw: str, lo: int, hi: int, threshold: float) -> tuple[int, int] | None:
    # Cached: the engine grounds a claim off the event loop and the pipeline checks it
    # again; the second lookup of the same proposal costs nothing.
    norm = _normalized_region(raw, lo, hi)
    res = fuzz.partial_ratio_alignment(target, norm.text, score_cutoff=threshold)
    if res is None or res.dest_end <= res.dest_start:
        return None
    return norm.starts[res.dest_start], norm.ends[res.dest_end - 1]


def _align_long(target: str, raw: str, lo: int, hi: int, threshold: float) -> tuple[int, int] | None:
    """A long proposal aligned by its two ends: bounded cost whatever its length. The
    ends must be found in order, about as far apart as the proposal is long."""
    head = _align(target[:FUZZY_END], raw, lo, min(hi, lo + 2 * FUZZY_WINDOW + FUZZY_END), threshold)
    if head is None:
        return None
    slack = len(target) // 10 + FUZZY_END
    t_lo = max(head[0], head[0] + len(target) - FUZZY_END - slack)
    tail = _align(target[-FUZZY_END:], raw, t_lo, min(hi, head[0] + len(target) + slack), threshold)
    if tail is None or tail[1] <= head[0]:
        return None
    if abs((tail[1] - head[0]) - len(target)) > slack:
        return None
    return head[0], tail[1]


def find_fuzzy(
    raw: str,
    needle: str,
    region: Region,
    anchor: int | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> Span | None:
    """The best approximate match near `anchor`. A proposal longer than FUZZY_LONG is
    matched by its ends only, and its span says so (`fuzzy`, `long` in the flag)."""
    target = normalize_text(needle)
    if len(target) < 8:  # short strings match everywhere; not evidence of anything
        return None
    lo, hi = region.start, region.end
    if anchor is not None:
        lo, hi = max(lo, anchor - FUZZY_WINDOW), min(hi, anchor + FUZZY_WINDOW + len(needle))
    found = (_align_long if len(target) > FUZZY_LONG else _align)(target, raw, lo, hi, threshold)
    if found is None:
        return None
    return _mapped_span(raw, needle, found[0], found[1], "fuzzy")


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


def holds(raw: str, span: Span) -> bool:
    return span.located and raw[span.start : span.end] == span.text  # type: ignore[index]


def verify(raw: str, span: Span, region: Region | None = None, anchor: int | None = None) -> Span:
    """Trust offsets an engine supplies only if they hold; otherwise search for the text."""
    if holds(raw, span):
        return span.model_copy(update={"match": "exact"})
    return ground(raw, span.text, region, anchor if anchor is not None else span.start)
