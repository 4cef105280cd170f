"""Documents: recording one input's results (in one transaction) and reading them back,
by run, by status or from the cache."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...cleaning import CLEANING_VERSION
from ...models import DocumentResult, Flag
from . import claims_index, queue
from .runs import Run
from .schema import now, sha256, transaction


@dataclass(frozen=True)
class Item:
    """What the store needs to know about one input to record it or look it up."""

    key: str
    input_id: str
    source_file: str | None
    content_hash: str
    ordinal: int | None = None
    # The raw text, kept so the review UI can show the article its offsets index.
    text: str | None = field(default=None, repr=False, compare=False)


def make_item(input_id: str, source_file: str | None, text: str, ordinal: int | None = None) -> Item:
    content = sha256(text)
    return Item(key=sha256(source_file or "", input_id, content)[:32], input_id=input_id,
                source_file=source_file, content_hash=content, ordinal=ordinal, text=text)


def cache_key(text: str, engine: str, model: str | None, prompt_version: str | None, settings: dict[str, Any]) -> str:
    """Same text + engine + model + prompt version + output-affecting settings -> same key.
    The cleaning version is in it too: a change to what cleaning keeps changes every engine's
    output, and a cache must not hand back what the old cleaning left out."""
    return sha256(text, engine, model or "", prompt_version or "", json.dumps(settings, sort_keys=True, default=str),
                  f"cleaning-{CLEANING_VERSION}")


# ---- documents -----------------------------------------------------------------------


def item_state(conn: sqlite3.Connection, run: Run, item: Item) -> str | None:
    """'ok' if every document of the item succeeded in this run, 'failed' if any failed, None if absent."""
    row = conn.execute(
        "SELECT COUNT(*), SUM(status = 'failed') FROM documents WHERE run_id = ? AND item_key = ?",
        (run.id, item.key),
    ).fetchone()
    if not row[0]:
        return None
    return "failed" if row[1] else "ok"


def record_item(
    conn: sqlite3.Connection,
    run: Run,
    item: Item,
    results: Sequence[DocumentResult],
    key: str | None = None,
    cached: bool = False,
    seconds: float = 0.0,
    text: str | None = None,
) -> None:
    """Record all documents of one input in one transaction, replacing any earlier attempt.

    Replacing (not appending) is what makes resume and --retry-failed idempotent: an
    item is present at most once per run, whatever happened before.
    """
    stamp = now()
    with transaction(conn):
        if item.text is not None:
            conn.execute("INSERT OR IGNORE INTO texts (content_hash, text) VALUES (?, ?)", (item.content_hash, item.text))
        attempts = dict(conn.execute(
            "SELECT doc_id, attempts FROM failures WHERE run_id = ? AND item_key = ?", (run.id, item.key)
        ).fetchall())
        if text is not None:  # kept once per content: the review UI shows it, offsets index it
            conn.execute("INSERT OR IGNORE INTO texts (content_hash, text) VALUES (?, ?)", (item.content_hash, text))
        conn.execute("DELETE FROM documents WHERE run_id = ? AND item_key = ?", (run.id, item.key))
        conn.execute("DELETE FROM failures WHERE run_id = ? AND item_key = ?", (run.id, item.key))
        per_doc = seconds / max(1, len(results))
        for seq, doc in enumerate(results):
            u = doc.usage
            charged = u is not None and not cached  # a cache hit cost nothing this time
            conn.execute(
                """INSERT INTO documents (run_id, item_key, doc_id, seq, ordinal, input_id, source_file,
                       content_hash, cache_key, status, cached, claims, requests, prompt_tokens,
                       completion_tokens, cost_usd, seconds, finished_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (run.id, item.key, doc.doc_id, seq, item.ordinal, item.input_id, item.source_file,
                 item.content_hash, key, "failed" if doc.failed else "ok", int(cached), len(doc.claims),
                 u.requests if charged else 0, u.prompt_tokens if charged else 0,
                 u.completion_tokens if charged else 0, u.cost_usd if charged else 0.0, per_doc, stamp),
            )
            conn.execute(
                "INSERT INTO results (run_id, item_key, doc_id, result) VALUES (?, ?, ?, ?)",
                (run.id, item.key, doc.doc_id, doc.model_dump_json()),
            )
            if doc.failed:
                first = doc.errors[0]
                conn.execute(
                    """INSERT INTO failures (run_id, item_key, doc_id, input_id, code, reason, attempts, last_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    (run.id, item.key, doc.doc_id, item.input_id, first.code,
                     "; ".join(e.message for e in doc.errors), attempts.get(doc.doc_id, 0) + 1, stamp),
                )
        claims_index.index_item(conn, run.id, item.key, results, item.text if item.text is not None else text, stamp)
        queue.index_item(conn, run.id, item.key)  # the review queue's membership, decided now


def record_result(conn: sqlite3.Connection, run: Run, item: Item, result: DocumentResult, **kw: Any) -> None:
    """One-document convenience over `record_item`."""
    record_item(conn, run, item, [result], **kw)


def record_failure(conn: sqlite3.Connection, run: Run, item: Item, code: str, reason: str) -> None:
    """Record an input that failed before producing any document (e.g. the runner itself)."""
    doc = DocumentResult(doc_id=item.input_id, input_id=item.input_id, source_file=item.source_file,
                         errors=[Flag(code=code, message=reason)])
    record_item(conn, run, item, [doc])


def cached_results(conn: sqlite3.Connection, key: str) -> list[DocumentResult] | None:
    """The results of the most recent fully successful item with this cache key, if any."""
    row = conn.execute(
        """SELECT run_id, item_key FROM documents WHERE cache_key = ?
           GROUP BY run_id, item_key HAVING SUM(status != 'ok') = 0
           ORDER BY MAX(finished_at) DESC LIMIT 1""",
        (key,),
    ).fetchone()
    if not row:
        return None
    rows = conn.execute(
        """SELECT r.result FROM results r JOIN documents d USING (run_id, item_key, doc_id)
           WHERE r.run_id = ? AND r.item_key = ? ORDER BY d.seq""",
        (row["run_id"], row["item_key"]),
    ).fetchall()
    try:
        return [DocumentResult.model_validate_json(r[0]) for r in rows]
    except ValueError:  # a corrupt stored row is no answer: compute it again
        return None


def parse_result(row: sqlite3.Row) -> DocumentResult:
    """A stored result, or, if its row is corrupt, that document's error: the rest of the
    run still exports and reviews. `row` has result, doc_id, input_id, source_file."""
    try:
        return DocumentResult.model_validate_json(row["result"])
    except ValueError as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        return DocumentResult(doc_id=row["doc_id"], input_id=row["input_id"], source_file=row["source_file"],
                              errors=[Flag(code="corrupt_row", message=f"{row['doc_id']}: its stored result is "
                                           f"corrupt ({reason}); rerun it with --resume --retry-failed after "
                                           "deleting the row, or run the input again")])


def iter_results(conn: sqlite3.Connection, run: Run, status: str | None = None) -> Iterator[DocumentResult]:
    """A run's results in input order, streamed (constant memory)."""
    sql = """SELECT r.result, d.doc_id, d.input_id, d.source_file FROM documents d
             JOIN results r USING (run_id, item_key, doc_id) WHERE d.run_id = ?"""
    args: list[Any] = [run.id]
    if status:
        sql += " AND d.status = ?"
        args.append(status)
    sql += " ORDER BY d.ordinal, d.item_key, d.seq"
    # A separate cursor so a caller may write to the store while iterating.
    for row in conn.cursor().execute(sql, args):
        yield parse_result(row)


def iter_failures(conn: sqlite3.Connection, run: Run) -> Iterator[sqlite3.Row]:
    yield from conn.execute(
        "SELECT doc_id, input_id, code, reason, attempts, last_at FROM failures WHERE run_id = ? ORDER BY last_at",
        (run.id,),
    )
