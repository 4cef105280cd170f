"""Cut an article's body into sentence-aligned chunks that fit the model's context.

A chunk is a run of whole sentences from the body paragraphs (never a cut mid-sentence),
shown to the model as the paragraphs' own text joined by blank lines. Consecutive chunks
overlap by a sentence or two, and each carries a little preceding text so "he said" at
the top of a chunk can be resolved. Claims from different chunks are merged by where
their content lies in the raw text.

The preceding text (the `<context>` block) is the neighbour's text: the chunk before
was asked about it, with all of its sentence. A claim a model still extracts from the
block is usually a partial copy of the neighbour's (the block starts mid-sentence). The
rule: a claim whose every verbatim field lies in the block and whose content is not in
the chunk itself is *borrowed* (`borrowed_from_context`); it is dropped when the chunk
that owns that text was answered (its claims stand for it), and kept, pinned where it
lies, when that chunk was not (timed out or failed): nothing is lost. A claim that only
reaches into the block (content there, cue in the chunk: "...taxes will rise." / "She
said so on Monday.") is not borrowed; it is merged with the neighbour's by span overlap
(`merge_claims`) like any claim found twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...grounding import ground, normalize_text
from ...models import Article, Claim, Region

CHARS_PER_TOKEN = 4  # rough for English news; only sizes chunks, never bills
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital,
# digit or opening quote. Abbreviations like "U.S. officials" may split; harmless here.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Chunk:
    units: tuple[Region, ...]  # sentences, in order
    context: str  # text just before the first sentence, for pronouns
    index: int = 1
    total: int = 1

    @property
    def region(self) -> Region:
        return Region(start=self.units[0].start, end=self.units[-1].end)

    def text(self, raw: str, paragraphs: list[Region]) -> str:
        """Sentences of one paragraph keep their raw text between them; paragraphs are
        joined by a blank line, so chrome between paragraphs is not shown."""
        groups: list[list[Region]] = []
        for u in self.units:
            para = _paragraph_of(u, paragraphs)
            if groups and _paragraph_of(groups[-1][-1], paragraphs) == para:
                groups[-1].append(u)
            else:
                groups.append([u])
        return "\n\n".join(raw[g[0].start : g[-1].end] for g in groups)


def _paragraph_of(unit: Region, paragraphs: list[Region]) -> int:
    for i, p in enumerate(paragraphs):
        if p.start <= unit.start < p.end:
            return i
    return -1


def sentences(raw: str, paragraph: Region) -> list[Region]:
    text = raw[paragraph.start : paragraph.end]
    out, pos = [], 0
    for m in SENTENCE_END.finditer(text):
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        out.append(Region(start=paragraph.start + pos, end=paragraph.start + end))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append(Region(start=paragraph.start + pos, end=paragraph.end))
    return out


def estimate_tokens(text: str) -> int:
    return len(text) // CHARS_PER_TOKEN + 1


def chunk_article(
    raw: str,
    article: Article,
    budget_tokens: int,
    overlap_sentences: int = 1,
    context_chars: int = 400,
) -> list[Chunk]:
    """Sentence-aligned chunks of at most `budget_tokens` (a single longer sentence
    becomes a chunk of its own rather than being cut)."""
    units = [s for p in article.body for s in sentences(raw, p)]
    if not units:
        return []
    budget_chars = max(1, budget_tokens) * CHARS_PER_TOKEN
    groups: list[list[Region]] = []
    i = 0
    while i < len(units):
        group = [units[i]]
        size = units[i].end - units[i].start
        j = i + 1
        while j < len(units) and size + (units[j].end - units[j].start) + 2 <= budget_chars:
            group.append(units[j])
            size += units[j].end - units[j].start + 2
            j += 1
        groups.append(group)
        if j >= len(units):
            break
        # Step back for overlap, but always advance by at least one sentence.
        i = max(i + 1, j - overlap_sentences)
    return make_chunks(raw, article, groups, context_chars)


def make_chunks(raw: str, article: Article, groups: list[list[Region]], context_chars: int = 400) -> list[Chunk]:
    total = len(groups)
    return [
        Chunk(units=tuple(g), context=preceding(raw, article, g[0].start, context_chars) if n > 1 or g[0].start > article.body[0].start else "",
              index=n, total=total)
        for n, g in enumerate(groups, 1)
    ]


def preceding(raw: str, article: Article, start: int, chars: int) -> str:
    """Up to `chars` of body text before `start`, cut at a word boundary."""
    parts = [raw[p.start : min(p.end, start)] for p in article.body if p.start < start]
    text = "\n\n".join(parts)[-chars:]
    if len(text) == chars and " " in text:
        text = text[text.index(" ") + 1 :]
    return text.strip()


def split_chunk(raw: str, article: Article, chunk: Chunk) -> list[Chunk] | None:
    """Halve a chunk whose answer was cut off (finish_reason=length); None if it is one sentence."""
    if len(chunk.units) < 2:
        return None
    mid = len(chunk.units) // 2
    halves = [list(chunk.units[:mid]), list(chunk.units[mid:])]
    return [
        Chunk(units=tuple(h), context=preceding(raw, article, h[0].start, len(chunk.context) or 400), index=chunk.index, total=chunk.total)
        for h in halves
    ]


# ---- merging claims across chunks ------------------------------------------------------


def locate(raw: str, claim: Claim, region: Region) -> Claim:
    """Pin the content span inside the chunk it came from, if it is there exactly.

    Only an exact match gets offsets (the pipeline's grounding re-checks them); anything
    else stays unlocated for the pipeline to search and flag.
    """
    span = ground(raw, claim.content.text, region, fuzzy=False)
    if span.match != "exact":
        return claim
    return claim.model_copy(update={"content": span})


def borrowed_from_context(raw: str, claim: Claim, chunk: Chunk) -> Region | None:
    """Where a claim taken from the chunk's `<context>` block lies (the module's rule),
    or None for a claim of the chunk's own text. Run after `locate`: a content found in
    the chunk is located, so it is the chunk's own."""
    if not chunk.context or claim.content.located:
        return None
    if not all(s.text in chunk.context for _, s in claim.spans() if s.text):
        return None
    start = raw.rfind(claim.content.text, 0, chunk.region.start)  # the block is the text just before
    return None if start < 0 else Region(start=start, end=start + len(claim.content.text))


def keep_borrowed(raw: str, borrowed: list[tuple[Claim, Region]], answered: list[Region]) -> list[Claim]:
    """The borrowed claims no answered chunk owns, pinned where they lie."""
    return [locate(raw, c, where) for c, where in borrowed
            if not any(r.start <= where.start and where.end <= r.end for r in answered)]


def _overlap(a: Claim, b: Claim) -> bool:
    x, y = a.content, b.content
    if x.located and y.located:
        inter = min(x.end, y.end) - max(x.start, y.start)  # type: ignore[operator, type-var]
        shorter = min(x.end - x.start, y.end - y.start)  # type: ignore[operator]
        return shorter > 0 and inter >= 0.5 * shorter
    return normalize_text(x.text) == normalize_text(y.text)


def _same_source(a: Claim, b: Claim) -> bool:
    def key(c: Claim) -> str:
        s = c.source
        return normalize_text((s.mention.text if s.mention else "") or (s.name or "")).lower()

    ka, kb = key(a), key(b)
    return not ka or not kb or ka in kb or kb in ka


def _richness(c: Claim) -> int:
    return sum(x is not None for x in (c.quote, c.cue, c.source.mention, c.source.name)) + len(c.via)


def merge_claims(claims: list[Claim]) -> list[Claim]:
    """De-duplicate claims found twice (chunk overlap): same content span, same source.
    The fuller of the two is kept, with the flags of both."""
    kept: list[Claim] = []
    for c in claims:
        for i, k in enumerate(kept):
            if _overlap(c, k) and _same_source(c, k):
                best, other = (c, k) if _richness(c) > _richness(k) else (k, c)
                codes = {f.code for f in best.flags}
                flags = best.flags + [f for f in other.flags if f.code not in codes]
                kept[i] = best.model_copy(update={"flags": flags})
                break
        else:
            kept.append(c)
    return kept
