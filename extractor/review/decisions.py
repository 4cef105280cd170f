"""The review queue: which claims a person should check, and what their decisions make.

Pure functions over `DocumentResult`s and stored decisions; the web app and the CLI do
the I/O. A claim is queued when its confidence is below the threshold or it carries any
flag (a flag is a stated reason for doubt even when the number looks fine). The queue is
ordered lowest confidence first, so the time a reviewer has goes where doubt is largest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..confidence import REVIEW_THRESHOLD
from ..grounding import ground_claim, verify
from ..models import Claim, DocumentResult, Region, Relay, Source, Span
from . import sentences

ACTIONS = ("accept", "reject", "edit", "skip")
FIELDS = ("content", "quote", "cue", "source")  # spans a reviewer may re-select (keys 1-4)
RELAY_TYPES = ("person", "organization", "media", "anonymous")
# Flags that describe grounding: after a person re-selects spans they are recomputed.
_GROUNDING_FLAGS = {"fuzzy_span", "unverified_span", "normalized_span"}


@dataclass(frozen=True)
class QueueItem:
    doc_id: str
    index: int  # the claim's position in its document's `claims`
    key: str
    claim: Claim
    result: DocumentResult = field(repr=False, compare=False)

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.claim.flags]


class DecisionLike(Protocol):
    """What `reviewed_result` needs of a stored decision (store.Decision fits)."""

    action: str
    claim: str | None


def claim_key(claim: Claim) -> str:
    """Identifies a claim across reloads: its content span and source mention."""
    m = claim.source.mention
    parts = [claim.content.text, str(claim.content.start), str(claim.content.end),
             m.text if m else "", str(m.start if m else "")]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def is_flagged(claim: Claim, threshold: float = REVIEW_THRESHOLD) -> bool:
    return claim.confidence < threshold or bool(claim.flags)


def build_queue(
    results: Iterable[DocumentResult],
    threshold: float = REVIEW_THRESHOLD,
    flag: str | None = None,
    source_type: str | None = None,
    doc: str | None = None,
) -> list[QueueItem]:
    """Flagged claims matching the filters, lowest confidence first (ties: document order)."""
    items: list[tuple[float, int, QueueItem]] = []
    for n, r in enumerate(results):
        if r.failed or (doc and r.doc_id != doc):
            continue
        for i, c in enumerate(r.claims):
            if not is_flagged(c, threshold):
                continue
            if flag and flag not in {f.code for f in c.flags}:
                continue
            if source_type and c.source.type != source_type:
                continue
            items.append((c.confidence, n, QueueItem(r.doc_id, i, claim_key(c), c, r)))
    items.sort(key=lambda t: (t[0], t[1], t[2].index))
    return [t[2] for t in items]


def facets(queue: Iterable[QueueItem]) -> dict[str, list[str]]:
    """The values the filters can take, for the queue page's drop-downs."""
    flags: set[str] = set()
    types: set[str] = set()
    docs: dict[str, None] = {}
    for it in queue:
        flags.update(it.flag_codes)
        types.add(it.claim.source.type)
        docs[it.doc_id] = None
    return {"flag": sorted(flags), "type": sorted(types), "doc": list(docs)}


# ---- highlighting ------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of raw text [start, end) covered by the same set of labels."""

    start: int
    end: int
    text: str
    labels: tuple[str, ...]


def labelled_spans(claim: Claim, prefix: str = "") -> list[tuple[str, int, int]]:
    """(label, start, end) for every located span of a claim; fragments replace covers."""
    out: list[tuple[str, int, int]] = []
    frags = claim.fragments or {}
    for name, span in claim.spans():
        label = prefix + name
        pieces = frags.get(name) if name in frags else [span]
        for p in pieces:
            if p.located:
                out.append((label, p.start, p.end))  # type: ignore[arg-type]
    return out


def segments(text: str, spans: Iterable[tuple[str, int, int]], region: Region | None = None) -> list[Segment]:
    """Cut raw[region] at every span boundary; each piece knows which spans cover it.

    Overlapping spans (a quote inside content) simply give a piece several labels, so
    the template never has to nest or reorder markup around untrusted text.
    """
    lo, hi = (region.start, region.end) if region else (0, len(text))
    spans = [(lab, max(lo, s), min(hi, e)) for lab, s, e in spans if e > lo and s < hi and e > s]
    cuts = sorted({lo, hi, *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        labels = tuple(sorted({lab for lab, s, e in spans if s <= a and b <= e}))
        out.append(Segment(a, b, text[a:b], labels))
    return out


# ---- edits and decisions -------------------------------------------------------------------


def reground_selection(raw: str, start: int, end: int, selected: str | None = None) -> Span:
    """The span a reviewer selected, pinned to raw offsets.

    The browser reports offsets and the selected text; offsets are trusted only if the
    text there equals the selection (else the selection is searched nearest to them).
    Surrounding whitespace is trimmed so a sloppy drag still yields a clean span.
    """
    start, end = max(0, min(start, len(raw))), max(0, min(end, len(raw)))
    if end < start:
        start, end = end, start
    text = selected if selected is not None else raw[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return verify(raw, Span(text=text, start=start + lead, end=start + lead + len(text), match="exact"))


def edit_claim(
    raw: str,
    claim: Claim,
    *,
    claim_text: str | None = None,
    source_name: str | None = None,
    source_type: str | None = None,
    stance: str | None = None,
    spans: Mapping[str, Span | None] | None = None,
    region: Region | None = None,
    descriptor: str | None = None,
    role: str | None = None,
    relays: str | None = None,
) -> Claim:
    """A corrected copy of `claim`; every span is grounded again and flagged if not exact.

    When the source, content, cue or relays change and the reviewer left the claim sentence
    as it was, the sentence is rewritten from the new fields: "According to they, ..."
    must not survive a corrected source into the gold."""
    # long: one field after another, each optional; splitting would only scatter them
    src = claim.source
    upd_src: dict = {}
    if source_name is not None:
        upd_src["name"] = source_name.strip() or None
    if source_type:
        upd_src["type"] = source_type
    for key, val in (("descriptor", descriptor), ("role", role)):
        if val is not None:
            upd_src[key] = val.strip() or None
    changes: dict = {}
    for name, span in (spans or {}).items():
        if name == "source":
            upd_src["mention"] = span
        elif name in ("content", "cue", "quote"):
            if name == "content" and span is None:
                continue  # a claim always has content
            changes[name] = span
            if claim.fragments and name in claim.fragments:
                changes["fragments"] = {k: v for k, v in claim.fragments.items() if k != name} or None
    if upd_src or "source" in (spans or {}):
        changes["source"] = Source.model_validate({**src.model_dump(), **upd_src})
    if relays is not None:
        changes["via"] = parse_relays(relays, claim.via)
    if claim_text is not None and claim_text.strip():
        changes["claim"] = claim_text.strip()
    if stance:
        changes["stance"] = stance
    edited = Claim.model_validate({**claim.model_dump(), **{k: (v.model_dump() if hasattr(v, "model_dump") else
                                                               [x.model_dump() for x in v] if k == "via" else v)
                                                           for k, v in changes.items()}})
    edited = edited.model_copy(update={"flags": [f for f in edited.flags if f.code not in _GROUNDING_FLAGS]})
    if edited.claim == claim.claim and _sentence_fields(edited) != _sentence_fields(claim):
        edited = edited.model_copy(update={"claim": sentences.rewrite(claim, edited, raw)})
    return ground_claim(raw, edited, region)


def _sentence_fields(c: Claim) -> tuple:
    m = c.source.mention
    return (c.source.name, c.source.descriptor, m.text if m else None, c.content.text,
            c.cue.text if c.cue else None, tuple(r.name for r in c.via))


def parse_relays(text: str, old: Iterable[Relay] = ()) -> list[Relay]:
    """One relay per line, "name (type)"; a name the claim already had keeps its mention."""
    known = {(r.name or ""): r for r in old}
    out: list[Relay] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        name, rtype = line, None
        if line.endswith(")") and "(" in line:
            name, rtype = line[: line.rindex("(")].strip(), line[line.rindex("(") + 1 : -1].strip()
        prev = known.get(name)
        out.append(Relay(name=name, mention=prev.mention if prev else None,
                         type=rtype if rtype in RELAY_TYPES else (prev.type if prev else "media")))
    return out


def relays_text(c: Claim) -> str:
    return "\n".join(f"{r.name or (r.mention.text if r.mention else '')} ({r.type})" for r in c.via)


def new_claim(raw: str, spans: Mapping[str, Span | None], region: Region | None = None, **fields) -> Claim:
    """A claim the engine missed, built from the reviewer's selections (content required)."""
    content = spans.get("content")
    if content is None or not content.text:
        raise ValueError("select the claim's content in the article first")
    base = Claim(claim="", content=content, confidence=1.0)
    made = edit_claim(raw, base, spans={k: v for k, v in spans.items() if k != "content"}, region=region, **fields)
    if not made.claim:
        made = made.model_copy(update={"claim": sentences.build(made, raw)})
    return made


def why_low(c: Claim, engine: str | None) -> list[str]:
    """Why a claim scored what it did, in words: flag penalties, then what the offline
    engine's learned model held against it."""
    from ..confidence import DEFAULT_PENALTY, PENALTY

    out = [f"flag {f.code}: x{PENALTY.get(f.code, DEFAULT_PENALTY)}" for f in c.flags]
    if engine != "offline":
        out.append("the model's own estimate" + (", lowered by the flags above" if c.flags else ""))
        return out
    from ..engines.offline.calibration import features, load_model

    weights = load_model()["weights"]
    hits = sorted(((weights.get(k, 0.0), k) for k, v in features(c).items() if v), key=lambda t: t[0])
    out += [f"{_FEATURE_WORDS.get(k, k)}: {w:+.2f}" for w, k in hits if w < 0]
    return out or ["nothing held against it; the model's base rate"]


_FEATURE_WORDS = {
    "source_pronoun": "the source is a pronoun", "source_none": "no source mention", "content_short": "short content",
    "content_long": "very long content", "fragments": "content in fragments", "hedged_or_denied": "hedged or denied",
    "cue_said": "cue 'said'", "cue_told": "cue 'told'", "cue_according": "cue 'according to'", "quote": "quoted",
}
