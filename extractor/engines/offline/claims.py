"""From what the rules found to the output contract's `Claim`.

The rules work in offsets and mentions (records.py); this is the one place that turns
them into spans, a source, relays, flags and the readable claim sentence.
"""

from __future__ import annotations

from typing import Any

from ...models import Claim, Flag, Relay, Source, Span
from .records import Found
from .sentences import claim_sentence
from .source_phrase import strip_det


def _span(raw: str, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(text=raw[se[0] : se[1]], start=se[0], end=se[1], match="exact")


def to_claim(raw: str, f: Found, state: Any) -> Claim:
    src = f.source
    source = Source(
        mention=_span(raw, (src.start, src.end)) if src else None,
        name=src.name if src else None,
        type=src.type if src else "unattributed",  # type: ignore[arg-type]
        descriptor=src.descriptor if src else None,
        role=src.role if src else None,
    )
    via = [Relay(mention=_span(raw, (v.start, v.end)), name=v.name or v.descriptor or strip_det(v.text),
                 type=v.type if v.type != "unattributed" else "anonymous") for v in f.via]  # type: ignore[arg-type]
    claim_text = claim_sentence(raw, f)
    flags = list(f.flags)
    if f.stance == "hedged":
        flags.append(Flag(code="hedged", message="The source hedges (e.g. 'claimed', 'did not rule out', 'suggest')."))
    fragments = None
    if f.pieces:
        pieces = [_span(raw, p) for p in f.pieces]
        fragments = {"content": pieces, "quote": pieces}
    return Claim(
        fragments=fragments,  # type: ignore[arg-type]
        claim=claim_text,
        content=_span(raw, f.content),  # type: ignore[arg-type]
        quote=_span(raw, f.quote),
        cue=_span(raw, f.cue),
        source=source,
        via=via,
        stance=f.stance,  # type: ignore[arg-type]
        confidence=max(0.05, min(1.0, f.confidence)),
        flags=flags,
    )
