"""What the review UI reads and writes in the store: a run's documents with their raw
texts, and the reviewers' append-only decisions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...models import DocumentResult
from .documents import parse_result
from .runs import Run
from .schema import now, sha256, transaction


# ---- texts and review decisions ----------------------------------------------------------


def iter_documents(
    conn: sqlite3.Connection, run: Run, doubtful_below: float | None = None
) -> Iterator[tuple[DocumentResult, str]]:
    """A run's successful results with the content hash of their raw text, in input order.

    With `doubtful_below`, only documents with a claim under that confidence or with a
    flag: SQLite's JSON functions pick them, so a review of a 100k-document run parses
    the few thousand it needs, not every result."""
    sql = """SELECT r.result, d.content_hash, d.doc_id, d.input_id, d.source_file FROM documents d
             JOIN results r USING (run_id, item_key, doc_id)
             WHERE d.run_id = ? AND d.status = 'ok'"""
    args: list[Any] = [run.id]
    if doubtful_below is not None:
        # A corrupt row (not JSON) is kept, as that document's error, not a failed query.
        sql += """ AND (NOT json_valid(r.result) OR EXISTS (SELECT 1 FROM json_each(r.result, '$.claims') c
                              WHERE json_extract(c.value, '$.confidence') < ?
                                 OR json_array_length(c.value, '$.flags') > 0))"""
        args.append(doubtful_below)
    for row in conn.cursor().execute(sql + " ORDER BY d.ordinal, d.item_key, d.seq", args):
        yield parse_result(row), row[1]


def results_version(conn: sqlite3.Connection, run: Run) -> tuple[Any, ...]:
    """Changes whenever a document of the run is recorded or replaced: the key for
    views derived from its results (the review queue)."""
    return tuple(conn.execute("SELECT COUNT(*), MAX(rowid), MAX(finished_at) FROM documents WHERE run_id = ?",
                              (run.id,)).fetchone())


def get_text(conn: sqlite3.Connection, content_hash: str, source_file: str | None = None) -> str | None:
    """The raw text with this hash: from the store, else from the recorded source file if it
    still hashes the same (runs recorded before texts were kept). Never any other path."""
    row = conn.execute("SELECT text FROM texts WHERE content_hash = ?", (content_hash,)).fetchone()
    if row:
        return row[0]
    if source_file and os.path.isfile(source_file):
        from ...loading import decode

        try:
            with open(source_file, "rb") as f:
                raw = decode(f.read(), source_file, source_file)
        except OSError:
            return None
        if not raw.error and sha256(raw.text) == content_hash:
            return raw.text
    return None


@dataclass(frozen=True)
class Decision:
    id: int
    doc_id: str
    claim_index: int
    claim_key: str
    action: str
    claim: str | None  # the edited claim's JSON, for `edit`
    reviewer: str
    decided_at: str


def add_decision(conn: sqlite3.Connection, run: Run, doc_id: str, claim_index: int, claim_key: str,
                 action: str, reviewer: str, claim_json: str | None = None) -> Decision:
    with transaction(conn):
        stamp = now()
        cur = conn.execute(
            """INSERT INTO decisions (run_id, doc_id, claim_index, claim_key, action, claim, reviewer, decided_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (run.id, doc_id, claim_index, claim_key, action, claim_json, reviewer, stamp),
        )
    return Decision(cur.lastrowid or 0, doc_id, claim_index, claim_key, action, claim_json, reviewer, stamp)


def undo_decision(conn: sqlite3.Connection, run: Run, reviewer: str | None = None) -> Decision | None:
    """Mark the latest live decision of the run (of this reviewer, if given) undone."""
    sql = "SELECT * FROM decisions WHERE run_id = ? AND undone = 0"
    args: list[Any] = [run.id]
    if reviewer is not None:
        sql += " AND reviewer = ?"
        args.append(reviewer)
    with transaction(conn):
        row = conn.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        if not row:
            return None
        conn.execute("UPDATE decisions SET undone = 1 WHERE id = ?", (row["id"],))
    return _decision(row)


def _decision(row: sqlite3.Row) -> Decision:
    return Decision(row["id"], row["doc_id"], row["claim_index"], row["claim_key"], row["action"], row["claim"],
                    row["reviewer"], row["decided_at"])


def latest_decisions(conn: sqlite3.Connection, run: Run, doc_id: str | None = None) -> dict[tuple[str, int], Decision]:
    """The live decision per (doc_id, claim_index): the latest one not undone; with `doc_id`,
    one document's only (an item page must not read a whole day's decisions)."""
    out: dict[tuple[str, int], Decision] = {}
    sql, args = "SELECT * FROM decisions WHERE run_id = ? AND undone = 0", [run.id]
    if doc_id is not None:
        sql, args = sql + " AND doc_id = ?", args + [doc_id]
    for row in conn.execute(sql + " ORDER BY id", args):
        d = _decision(row)
        out[(d.doc_id, d.claim_index)] = d
    return out
