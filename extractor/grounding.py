"""Pin every verbatim string an engine proposes to raw offsets, or say that we could not.

Order of attempts: exact -> normalized (typographic variants mapped back to raw offsets)
-> fuzzy (rapidfuzz alignment near the claim's other spans) -> unverified. The result
records which one matched; nothing is rewritten, nothing is dropped.

A short string ("said", "the minister") occurs many times in an article; `ground_claim`
picks the occurrence that belongs to the claim: in or next to the content's sentence,
nearest to the content and to the claim's other spans, every occurrence considered.
Two equally good candidates are flagged `ambiguous_span`, never silently exact.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .models import Claim, Flag, Region, Span

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


# ---- sentences: where a claim's spans belong -------------------------------------------

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital
# or digit, or an opening quote (a quote may start lowercase: "the deal is dead," he said);
# a blank line ends one too. Abbreviations like "U.S. officials"
# may split; harmless for choosing between occurrences.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9]|[\"“‘][a-z])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


@lru_cache(maxsize=16)
def _sentence_starts(raw: str) -> tuple[int, ...]:
    starts = {0} | {m.end() for m in SENTENCE_END.finditer(raw)} | {m.end() for m in _BLANK_LINE.finditer(raw)}
    return tuple(sorted(starts))


def sentence_of(raw: str, pos: int) -> int:
    """The index of the sentence holding raw[pos] (monotonic in `pos`)."""
    return bisect_right(_sentence_starts(raw), pos) - 1


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _inside_word(raw: str, start: int, end: int) -> int:
    # "he" inside "the", "said" inside "unsaid": a whole-word occurrence is the likelier one.
    return int((start > 0 and raw[start - 1].isalnum() and raw[start].isalnum())
               or (end < len(raw) and raw[end].isalnum() and raw[end - 1].isalnum()))


def _key(raw: str, ss: tuple[int, ...], cand: Occurrence | tuple[int, int], content: tuple[int, int],
         placed: list[tuple[int, int]]) -> tuple[int, ...]:
    """How well a candidate fits a claim whose content is at `content`: whole words first,
    then sentences away from the content's sentence(s), then characters away from the
    content plus away from the spans already placed (a cue sits between its content and
    its source, not inside a nested claim's words). Smaller is better; equal keys are
    equally plausible. `ss`: the article's sentence starts."""
    lo, hi = bisect_right(ss, content[0]), bisect_right(ss, max(content[0], content[1] - 1))
    cs, ce = bisect_right(ss, cand[0]), bisect_right(ss, max(cand[0], cand[1] - 1))
    sdist = 0 if ce >= lo and cs <= hi else min(abs(cs - hi), abs(ce - lo))
    # Spans inside the content (a quote) add nothing the content's own distance does not say.
    other = min((_gap(cand, p) for p in placed if not content[0] <= p[0] < p[1] <= content[1]), default=0)
    return _inside_word(raw, cand[0], cand[1]), sdist, _gap(cand, content) + other


class Candidates:
    """Every occurrence of one proposed string, with their starts for bisecting."""

    def __init__(self, spans: list[Occurrence]) -> None:
        self.spans = spans
        self.starts = [c[0] for c in spans]  # sorted

    def near(self, content: tuple[int, int]) -> list[Occurrence]:
        """The candidates that can be best for a claim at `content`: those overlapping it
        and the nearest one on each side (sentence and character distance grow with position)."""
        k = bisect_left(self.starts, content[0])
        j = bisect_left(self.starts, content[1])
        while k > 0 and self.spans[k - 1][1] > content[0]:
            k -= 1
        return self.spans[max(0, k - 1) : j + 1]

    def pick(self, raw: str, content: tuple[int, int], placed: list[tuple[int, int]]
             ) -> tuple[Occurrence, tuple[int, ...], bool]:
        """The best candidate, its key, and whether another one is exactly as good."""
        ss = _sentence_starts(raw)
        scored = sorted(((_key(raw, ss, c, content, placed), c) for c in self.near(content)), key=lambda kc: kc[0])
        best_key, best = scored[0]
        return best, best_key, len(scored) > 1 and scored[1][0] == best_key


def _flag_for(field: str, span: Span) -> Flag | None:
    if span.match == "fuzzy":
        return Flag(
            code="fuzzy_span",
            message=f"The {field} text was only found approximately in the article "
            f"(it reads {span.text!r} in the answer)"
            + (f"; it is long, so only its first and last {FUZZY_END} characters were aligned."
               if len(span.text) > FUZZY_LONG else "."),
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


def _ambiguous(field: str, span: Span) -> Flag:
    return Flag(code="ambiguous_span", message=f"The {field} span {span.text!r} occurs more than once "
                "where it could belong to this claim; check that the highlighted one is right.")


class _Placer:
    """Places the non-content spans of one claim around its content, in order."""

    def __init__(self, raw: str, region: Region, content: Span) -> None:
        self.raw, self.region = raw, region
        self.content = (content.start, content.end) if content.located else None
        self.placed: list[tuple[int, int]] = []
        self.ambiguous: list[str] = []
        self._cands: dict[str, Candidates] = {}

    def candidates(self, text: str) -> Candidates:
        if text not in self._cands:
            self._cands[text] = Candidates(occurrences(self.raw, text, self.region))
        return self._cands[text]

    def place(self, field: str, span: Span | None) -> Span | None:
        if span is None:
            return None
        if holds(self.raw, span):  # an engine's own offsets, when they hold, are kept
            out = span.model_copy(update={"match": "exact"})
        elif self.content is None:
            out = ground(self.raw, span.text, self.region)
        else:
            cands = self.candidates(span.text)
            if cands.spans:
                best, _, tie = cands.pick(self.raw, self.content, self.placed)
                out = _span(span.text, best)
                if tie:
                    self.ambiguous.append(field)
            else:
                out = ground(self.raw, span.text, self.region, self.content[0])
        if out.located:
            self.placed.append((out.start, out.end))  # type: ignore[arg-type]
        return out


def _content_of(raw: str, claim: Claim, region: Region) -> tuple[Span, bool]:
    """The content's occurrence: its own offsets if they hold; the one occurrence; or the
    one around which the claim's other spans fit best (a tie is ambiguous)."""
    if holds(raw, claim.content):
        return claim.content.model_copy(update={"match": "exact"}), False
    cands = occurrences(raw, claim.content.text, region)
    if not cands:
        return ground(raw, claim.content.text, region, claim.content.start), False
    if len(cands) == 1:
        return _span(claim.content.text, cands[0]), False
    lists = [Candidates(occurrences(raw, s.text, region)) for _, s in claim.spans()[1:]]
    scored = []
    for c in cands:
        keys = [lst.pick(raw, (c[0], c[1]), [])[1] for lst in lists if lst.spans]
        scored.append((sum(k[0] + k[1] for k in keys), sum(k[2] for k in keys), c))
    scored.sort(key=lambda x: x[:2])
    # Equally plausible: the other spans fit as well (sentence-wise) around another occurrence.
    return _span(claim.content.text, scored[0][2]), scored[1][0] == scored[0][0]


def ground_claim(raw: str, claim: Claim, region: Region | None = None) -> Claim:
    """Ground every verbatim field of a claim, flagging whatever is not exact.

    The content span is grounded first; the others are placed around it (`_Placer`), so a
    cue like "said" lands in its own claim's sentence, not at another "said" nearby.
    """
    region = region or Region(start=0, end=len(raw))
    content, content_tie = _content_of(raw, claim, region)
    placer = _Placer(raw, region, content)
    quote = placer.place("quote", claim.quote)
    source = claim.source.model_copy(update={"mention": placer.place("source", claim.source.mention)})
    cue = placer.place("cue", claim.cue)
    via = [r.model_copy(update={"mention": placer.place("via", r.mention)}) for r in claim.via]
    grounded = claim.model_copy(update={"content": content, "quote": quote, "cue": cue, "source": source, "via": via})
    searched = {f for f, s in claim.spans() if not holds(raw, s)}
    # An ambiguity found earlier (the engine grounds before the pipeline checks) stays
    # with the offsets it was found for.
    kept = [f for f in claim.flags if f.code not in GROUNDING_CODES
            or (f.code == "ambiguous_span" and f.message.split()[1] not in searched)]
    flags = list(kept)
    ambiguous = (["content"] if content_tie else []) + placer.ambiguous
    for field, span in grounded.spans():
        flag = _flag_for(field, span)
        if flag:
            flags.append(flag)
        if field in ambiguous and field in searched:
            flags.append(_ambiguous(field, span))
            ambiguous.remove(field)
    return grounded.model_copy(update={"flags": flags})
