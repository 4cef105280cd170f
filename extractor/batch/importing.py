"""`extractor import`: the shards of a Ray run into a run store, so `review`, `export`
and `eval` work on it as on a local run.

Why a separate step: workers on a cluster cannot share one SQLite file; the shards are
the run's output and this is its merge. Importing is idempotent: each input is recorded
with `record_item`, which replaces an earlier copy, so importing twice (or after a
resumed run added shards) never duplicates a document.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from collections.abc import Iterator

from ..models import DocumentResult
from . import shards
from . import store as st


def _inputs(out_dir: str) -> Iterator[tuple[list[DocumentResult], str | None]]:
    """The documents of each input together (they are adjacent in a shard), with its text."""
    group: list[DocumentResult] = []
    text: str | None = None
    for doc, doc_text in shards.read_shards_with_text(out_dir):
        if group and (doc.input_id, doc.source_file) != (group[0].input_id, group[0].source_file):
            yield group, text
            group, text = [], None
        group.append(doc)
        text = text if text is not None else doc_text
    if group:
        yield group, text


def import_shards(conn: sqlite3.Connection, out_dir: str, run_name: str) -> dict[str, int]:
    """Record every document of `out_dir` in run `run_name` (created, or reopened if its
    engine, model and prompt version agree). Returns counts of inputs and documents."""
    counts = {"inputs": 0, "documents": 0, "failed": 0}
    run = None
    early: list[tuple[st.Item, list[DocumentResult], str | None]] = []  # unreadable inputs name no engine
    for ordinal, (docs, text) in enumerate(_inputs(out_dir)):
        # Without the raw text (JSONL shards), the item is keyed by its identity only.
        item = replace(st.make_item(docs[0].input_id, docs[0].source_file, text or "", ordinal), text=text)
        early.append((item, docs, text))
        named = next((d for d in docs if d.engine), None)
        if run is None and named is not None:
            run = st.start_run(conn, run_name, named.engine, named.model, named.prompt_version,  # type: ignore[arg-type]
                               {"executor": "ray", "imported_from": out_dir}, resume=st.get_run(conn, run_name) is not None)
        if run is not None:
            for item, group, group_text in early:
                st.record_item(conn, run, item, group, text=group_text)
                counts["inputs"] += 1
                counts["documents"] += len(group)
                counts["failed"] += sum(d.failed for d in group)
            early.clear()
    if run is None:
        if early:
            raise st.StoreError(f"{out_dir}: every document in the shards failed before reaching an engine; nothing to import")
        raise st.StoreError(f"{out_dir}: no shards (part-*.parquet or part-*.jsonl) to import")
    st.finish_run(conn, run, "done")
    return counts
