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

from .models import Claim, Flag, Region, Span

from .locating import (  # noqa: F401  ground, normalize, normalize_text, verify: the stage's public names
    FUZZY_END,
    FUZZY_LONG,
    GROUNDING_CODES,
    Occurrence,
    _span,
    ground,
    holds,
    normalize,
    normalize_text,
    occurrences,
    verify,
)


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
