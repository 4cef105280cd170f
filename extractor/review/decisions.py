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
from ..models import Claim, DocumentResult, Region, Source, Span

ACTIONS = ("accept", "reject", "edit", "skip")
FIELDS = ("content", "cue", "source", "quote")  # spans a reviewer may re-select
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
) -> Claim:
    """A corrected copy of `claim`; every span is grounded again and flagged if not exact."""
    src = claim.source
    upd_src: dict = {}
    if source_name is not None:
        upd_src["name"] = source_name.strip() or None
    if source_type:
        upd_src["type"] = source_type
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
    if source_name is not None or source_type or "source" in (spans or {}):
        changes["source"] = Source.model_validate({**src.model_dump(), **upd_src})
    if claim_text is not None and claim_text.strip():
        changes["claim"] = claim_text.strip()
    if stance:
        changes["stance"] = stance
    edited = Claim.model_validate({**claim.model_dump(), **{k: (v.model_dump() if hasattr(v, "model_dump") else v)
                                                           for k, v in changes.items()}})
    edited = edited.model_copy(update={"flags": [f for f in edited.flags if f.code not in _GROUNDING_FLAGS]})
    return ground_claim(raw, edited, region)


def reviewed_result(
    result: DocumentResult,
    decisions: Mapping[int, DecisionLike],
    include_unflagged: bool = False,
    threshold: float = REVIEW_THRESHOLD,
) -> DocumentResult | None:
    """The document as gold: accepted claims as they were, edited claims as corrected.

    Rejected and skipped claims are left out, as are undecided ones (unless
    `include_unflagged`, which keeps claims that never needed review). None if nothing
    remains and nothing was decided.
    """
    claims: list[Claim] = []
    for i, c in enumerate(result.claims):
        d = decisions.get(i)
        if d is None:
            if include_unflagged and not is_flagged(c, threshold):
                claims.append(c)
            continue
        if d.action == "accept":
            claims.append(c)
        elif d.action == "edit" and d.claim:
            claims.append(Claim.model_validate_json(d.claim))
    if not decisions:
        return None
    meta = dict(result.metadata)
    meta["reviewed"] = {a: sum(1 for d in decisions.values() if d.action == a) for a in ACTIONS}
    return result.model_copy(update={"claims": claims, "metadata": meta, "usage": None})



# ---- the I/O edge: export ---------------------------------------------------------------


def write_reviewed(conn, run, out, include_unflagged: bool = False, threshold: float = REVIEW_THRESHOLD,
                   texts_dir: str | None = None) -> tuple[int, int]:
    """Write the run's reviewed documents as gold JSONL (the format `gold.load_gold` reads).

    With `texts_dir`, each document's raw text is also written there under its input id,
    so `extractor eval --gold OUT --texts DIR` works where the original files are gone.
    Returns (documents, claims) written.
    """
    import os

    from ..batch import store as st

    by_doc: dict[str, dict[int, st.Decision]] = {}
    for (doc_id, idx), d in st.latest_decisions(conn, run).items():
        by_doc.setdefault(doc_id, {})[idx] = d
    docs = claims = 0
    with open(out, "w", encoding="utf-8") as f:
        for result, content_hash in st.iter_documents(conn, run):
            gold = reviewed_result(result, by_doc.get(result.doc_id, {}), include_unflagged, threshold)
            if gold is None:
                continue
            f.write(gold.model_dump_json() + "\n")
            docs += 1
            claims += len(gold.claims)
            if texts_dir:
                text = st.get_text(conn, content_hash, result.source_file)
                root = os.path.realpath(texts_dir)
                dest = os.path.realpath(os.path.join(root, result.input_id.lstrip("/")))  # a path-keyed id (loading.Identities) stays inside
                if text is not None and dest.startswith(root + os.sep):  # an id never escapes DIR
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    with open(dest, "w", encoding="utf-8", newline="") as t:
                        t.write(text)
    return docs, claims
