"""A second opinion: run the offline engine on the same article and compare, per claim.

Two claims agree when their content spans overlap in the raw text and their sources are
the same or overlap (overlapping mention spans, or one name containing the other, or
both without a source). A claim the offline engine did not find, or credits to someone
else, gets a `cross_check_disagrees` flag so it lands in the review queue.
"""

from __future__ import annotations

from typing import Any

from ...grounding import ground_claim, normalize_text
from ...models import Article, Claim, Flag, Span
from ...settings import SettingsError

CODE = "cross_check_disagrees"


def offline_engine() -> Any:
    """The offline engine, or a usage error saying why it cannot be had."""
    try:
        # Imported here: spaCy loads only when a cross-check is asked for. From the offline
        # package itself, not the engine registry (`engines.get_engine`), which imports this one.
        from ..offline import OfflineEngine

        return OfflineEngine()
    except Exception as e:  # missing spaCy model, import error: say so up front
        raise SettingsError(f"--cross-check needs the offline engine, which failed to load: {type(e).__name__}: {e}") from None


def _spans_overlap(a: Span | None, b: Span | None) -> bool:
    if not (a and b and a.located and b.located):
        return False
    return min(a.end, b.end) > max(a.start, b.start)  # type: ignore[type-var, operator]


def _name_of(c: Claim) -> str:
    s = c.source
    return normalize_text(s.name or (s.mention.text if s.mention else "")).lower()


def same_source(a: Claim, b: Claim) -> bool:
    if _spans_overlap(a.source.mention, b.source.mention):
        return True
    na, nb = _name_of(a), _name_of(b)
    if not na and not nb:
        return True
    if na and nb and (na in nb or nb in na):
        return True
    # Anonymous sources are described loosely ("sources" vs "political sources").
    return a.source.type == b.source.type == "anonymous"


def agrees(a: Claim, b: Claim) -> bool:
    return _spans_overlap(a.content, b.content) and same_source(a, b)


def disagreement(claim: Claim, others: list[Claim]) -> Flag | None:
    """None if some other claim agrees; else a flag saying how they differ."""
    overlapping = [o for o in others if _spans_overlap(claim.content, o.content)]
    if any(same_source(claim, o) for o in overlapping):
        return None
    if not claim.content.located:
        return Flag(code=CODE, message="Not cross-checked: the claim's content was not found in the article.")
    if not overlapping:
        return Flag(code=CODE, message="The offline engine found no claim at this place in the article.")
    names = sorted({o.source.name or (o.source.mention.text if o.source.mention else o.source.type) for o in overlapping})
    return Flag(code=CODE, message="The offline engine credits this passage to " + ", ".join(repr(n) for n in names) + ".")


def cross_check(raw: str, article: Article, claims: list[Claim], engine: Any) -> list[Claim]:
    """`claims` with a flag on each one the other engine does not confirm.

    Both sides are grounded here only to compare offsets; the returned claims are the
    input claims plus flags, so the pipeline's own grounding still decides their spans.
    """
    out = engine.extract(raw, article, include_unattributed=True)
    others = [ground_claim(raw, c, article.span) for c in out.claims]
    result = []
    for c in claims:
        flag = disagreement(ground_claim(raw, c, article.span), others)
        flags = [f for f in c.flags if f.code != CODE] + ([flag] if flag else [])
        result.append(c.model_copy(update={"flags": flags}))
    return result
