"""Reviewed decisions as gold: which documents are complete, and what each claim becomes.

Apart from `decisions` (the queue and edit logic) because gold has its own rules: a
document is exported only when every queued claim of it has a decision other than skip
(else scoring another run against it counts that run's unreviewed claims as errors),
a claim a person accepted or corrected loses the machine's doubt (its flags except the
grounding ones, its confidence), and each decision's reviewer and time go with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..confidence import REVIEW_THRESHOLD
from ..models import Claim, DocumentResult
from .decisions import _GROUNDING_FLAGS, ACTIONS, DecisionLike, is_flagged


def _as_gold(c: Claim) -> Claim:
    # Grounding flags state a fact about the offsets (rule 5), not doubt: they stay.
    return c.model_copy(update={"flags": [f for f in c.flags if f.code in _GROUNDING_FLAGS], "confidence": 1.0})


def reviewed_result(
    result: DocumentResult,
    decisions: Mapping[int, DecisionLike],
    include_unflagged: bool = True,
    threshold: float = REVIEW_THRESHOLD,
    complete: bool = True,
) -> DocumentResult | None:
    """The document as gold, or None when it is not (yet) gold.

    complete (the default): only when every queued claim has a decision other than skip;
    then every claim is in it: accepted, corrected, added (decisions past the last
    index), and the claims that never needed review; rejected ones are removed.
    Partial (`complete=False`): any document with a decision other than skip; only the
    decided claims, plus the unqueued ones if `include_unflagged`.
    """
    live = {i: d for i, d in decisions.items() if d.action != "skip"}
    if not live:
        return None  # nothing, or only skips: not gold
    n = len(result.claims)
    if complete and any(is_flagged(c, threshold) and i not in live for i, c in enumerate(result.claims)):
        return None
    claims: list[Claim] = []
    record: list[dict] = []
    for i in [*range(n), *sorted(k for k in live if k >= n)]:
        d = live.get(i)
        if d is None:
            if (complete or include_unflagged) and not is_flagged(result.claims[i], threshold):
                claims.append(result.claims[i])
            continue
        if d.action == "accept" and i < n:
            claims.append(_as_gold(result.claims[i]))
        elif d.action == "edit" and d.claim:
            claims.append(_as_gold(Claim.model_validate_json(d.claim)))
        record.append({"claim": len(claims) - 1 if d.action in ("accept", "edit") else None, "index": i,
                       "action": "add" if i >= n else d.action, "reviewer": getattr(d, "reviewer", None),
                       "decided_at": getattr(d, "decided_at", None)})
    meta = dict(result.metadata)
    meta["reviewed"] = {a: sum(1 for d in decisions.values() if d.action == a) for a in ACTIONS}
    meta["gold"] = "complete" if complete else "partial"
    meta["decisions"] = record
    return result.model_copy(update={"claims": claims, "metadata": meta, "usage": None})


def write_reviewed(conn, run, out, include_unflagged: bool = True, threshold: float = REVIEW_THRESHOLD,
                   texts_dir: str | None = None, complete: bool = True) -> tuple[int, int, int]:
    """Write the run's reviewed documents as gold JSONL (the format `gold.load_gold` reads).

    With `texts_dir`, each document's raw text is also written there under its input id,
    so `extractor eval --gold OUT --texts DIR` works where the original files are gone.
    Returns (documents, claims written, documents with decisions left out as unfinished).
    """
    from ..batch import store as st

    by_doc: dict[str, dict[int, st.Decision]] = {}
    for (doc_id, idx), d in st.latest_decisions(conn, run).items():
        by_doc.setdefault(doc_id, {})[idx] = d
    docs = claims = unfinished = 0
    with open(out, "w", encoding="utf-8") as f:
        for result, content_hash in st.iter_documents(conn, run):
            decided = by_doc.get(result.doc_id, {})
            gold = reviewed_result(result, decided, include_unflagged, threshold, complete)
            if gold is None:
                unfinished += any(d.action != "skip" for d in decided.values())
                continue
            f.write(gold.model_dump_json() + "\n")
            docs += 1
            claims += len(gold.claims)
            if texts_dir:
                _write_text(st.get_text(conn, content_hash, result.source_file), texts_dir, result.input_id)
    return docs, claims, unfinished


def _write_text(text: str | None, texts_dir: str, input_id: str) -> None:
    root = os.path.realpath(texts_dir)
    dest = os.path.realpath(os.path.join(root, input_id.lstrip("/")))  # a path-keyed id (loading.Identities) stays inside
    if text is not None and dest.startswith(root + os.sep):  # an id never escapes DIR
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8", newline="") as t:
            t.write(text)
