"""Merging stores: the shards of one run, made on several machines, become one run."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable

from .queue import index_item
from .runs import Run, _run, get_run
from .schema import StoreError, open_store, transaction


# ---- merging -------------------------------------------------------------------------


def merge(target: sqlite3.Connection, sources: Iterable[str]) -> dict[str, int]:
    """Copy runs from other stores into `target`; same-named runs (shards of one job) become one.

    A document present in several stores keeps its successful copy (or the latest one),
    so merging twice, or merging overlapping shards, never duplicates anything.
    """
    counts = {"runs": 0, "documents": 0}
    for path in sources:
        if not os.path.exists(path):
            raise StoreError(f"no such store: {path}")
        src = open_store(path)
        try:
            for run_row in src.execute("SELECT * FROM runs ORDER BY id").fetchall():
                theirs = _run(run_row)
                mine = get_run(target, theirs.name)
                if mine is None:
                    with transaction(target):
                        target.execute(
                            """INSERT INTO runs (name, engine, model, prompt_version, settings, started_at, ended_at, status)
                               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                            (theirs.name, theirs.engine, theirs.model, theirs.prompt_version,
                             json.dumps(theirs.settings, sort_keys=True), theirs.started_at, theirs.ended_at, theirs.status),
                        )
                    mine = get_run(target, theirs.name)
                    counts["runs"] += 1
                elif (mine.engine, mine.model, mine.prompt_version) != (theirs.engine, theirs.model, theirs.prompt_version):
                    raise StoreError(f"{path}: run {theirs.name!r} has different engine/model/prompt than the one already merged")
                else:
                    with transaction(target):
                        target.execute(
                            "UPDATE runs SET started_at = MIN(started_at, ?), ended_at = MAX(COALESCE(ended_at, ''), COALESCE(?, '')) WHERE id = ?",
                            (theirs.started_at, theirs.ended_at, mine.id),
                        )
                counts["documents"] += _merge_documents(src, target, theirs.id, mine)
            with transaction(target):
                for h, text in src.execute("SELECT content_hash, text FROM texts"):
                    target.execute("INSERT OR IGNORE INTO texts (content_hash, text) VALUES (?, ?)", (h, text))
        finally:
            src.close()
    return counts


def _merge_documents(src: sqlite3.Connection, target: sqlite3.Connection, src_run_id: int, run: Run) -> int:
    n = 0
    items = src.execute("SELECT DISTINCT item_key FROM documents WHERE run_id = ?", (src_run_id,)).fetchall()
    for (item_key,) in items:
        docs = src.execute("SELECT * FROM documents WHERE run_id = ? AND item_key = ? ORDER BY seq", (src_run_id, item_key)).fetchall()
        src_failed = any(d["status"] == "failed" for d in docs)
        existing = target.execute(
            "SELECT COUNT(*), SUM(status = 'failed'), MAX(finished_at) FROM documents WHERE run_id = ? AND item_key = ?",
            (run.id, item_key),
        ).fetchone()
        if existing[0]:
            tgt_failed = bool(existing[1])
            # keep a success over a failure; between equals, the newer one
            if (not tgt_failed and src_failed) or (tgt_failed == src_failed and existing[2] >= docs[-1]["finished_at"]):
                continue
        results = {r["doc_id"]: r["result"] for r in src.execute(
            "SELECT doc_id, result FROM results WHERE run_id = ? AND item_key = ?", (src_run_id, item_key))}
        fails = src.execute("SELECT * FROM failures WHERE run_id = ? AND item_key = ?", (src_run_id, item_key)).fetchall()
        text = src.execute("SELECT text FROM texts WHERE content_hash = ?", (docs[0]["content_hash"],)).fetchone()
        with transaction(target):
            if text:
                target.execute("INSERT OR IGNORE INTO texts (content_hash, text) VALUES (?, ?)", (docs[0]["content_hash"], text[0]))
            target.execute("DELETE FROM documents WHERE run_id = ? AND item_key = ?", (run.id, item_key))
            target.execute("DELETE FROM failures WHERE run_id = ? AND item_key = ?", (run.id, item_key))
            for d in docs:
                cols = [k for k in d.keys() if k != "run_id"]
                target.execute(
                    f"INSERT INTO documents (run_id, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
                    (run.id, *[d[k] for k in cols]),
                )
                target.execute("INSERT INTO results (run_id, item_key, doc_id, result) VALUES (?, ?, ?, ?)",
                               (run.id, item_key, d["doc_id"], results[d["doc_id"]]))
                n += 1
            index_item(target, run.id, item_key)  # the review queue's membership
            for f in fails:
                cols = [k for k in f.keys() if k != "run_id"]
                target.execute(
                    f"INSERT INTO failures (run_id, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
                    (run.id, *[f[k] for k in cols]),
                )
    return n
