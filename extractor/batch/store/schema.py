"""The store's tables and how a file becomes a usable, current store: the migrations,
opening, and the transaction every write goes through. The other store modules build on
these; this one imports none of them.

Migrations: `MIGRATIONS` is an ordered list; entry N (1-based) brings the schema to
version N. To change the schema, append a new list of SQL statements; never edit an
applied one.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timezone

from . import queue as _queue

MIGRATIONS: list[list[str]] = [
    # 1: runs, documents, results, failures
    [
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            engine TEXT NOT NULL,
            model TEXT,
            prompt_version TEXT,
            settings TEXT NOT NULL DEFAULT '{}',
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'running'
        )""",
        """CREATE TABLE documents (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL DEFAULT 0,
            ordinal INTEGER,
            input_id TEXT NOT NULL,
            source_file TEXT,
            content_hash TEXT NOT NULL,
            cache_key TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
            cached INTEGER NOT NULL DEFAULT 0,
            claims INTEGER NOT NULL DEFAULT 0,
            requests INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            cost_usd REAL NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0,
            finished_at TEXT NOT NULL,
            PRIMARY KEY (run_id, item_key, doc_id)
        )""",
        "CREATE INDEX documents_cache ON documents(cache_key)",
        "CREATE INDEX documents_order ON documents(run_id, ordinal, seq)",
        """CREATE TABLE results (
            run_id INTEGER NOT NULL,
            item_key TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            result TEXT NOT NULL,
            PRIMARY KEY (run_id, item_key, doc_id),
            FOREIGN KEY (run_id, item_key, doc_id) REFERENCES documents(run_id, item_key, doc_id) ON DELETE CASCADE
        )""",
        """CREATE TABLE failures (
            run_id INTEGER NOT NULL,
            item_key TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            input_id TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            last_at TEXT NOT NULL,
            PRIMARY KEY (run_id, item_key, doc_id)
        )""",
    ],
    # 2: raw texts (the review UI shows the article; offsets index this text) and review
    # decisions. Texts are keyed by content hash so reruns of one input share one copy.
    # Decisions are append-only; undo marks the latest one `undone`, so history is kept.
    [
        """CREATE TABLE texts (
            content_hash TEXT PRIMARY KEY,
            text TEXT NOT NULL
        )""",
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            claim_index INTEGER NOT NULL,
            claim_key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'skip')),
            claim TEXT,
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX decisions_claim ON decisions(run_id, doc_id, claim_index)",
    ],
    # 3: OpenAI Batch API jobs. The inputs are kept until collected: answers arrive hours
    # later and must be grounded against exactly the text that was sent.
    [
        """CREATE TABLE batch_jobs (
            batch_id TEXT PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            input_file_id TEXT NOT NULL,
            requests INTEGER NOT NULL,
            status TEXT NOT NULL,
            output_file_id TEXT,
            error_file_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            collected_at TEXT
        )""",
        """CREATE TABLE batch_inputs (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            batch_id TEXT,
            ordinal INTEGER,
            input TEXT NOT NULL,
            PRIMARY KEY (run_id, item_key)
        )""",
        "CREATE INDEX batch_inputs_batch ON batch_inputs(batch_id)",
        """CREATE TABLE batch_outputs (
            batch_id TEXT NOT NULL,
            custom_id TEXT NOT NULL,
            line TEXT NOT NULL,
            PRIMARY KEY (batch_id, custom_id)
        )""",
    ],
    [],  # 4: reserved (issue 13)
    # 5: the review queue's membership, one indexed row per claim of a successful
    # document, written with the document (see store/queue.py); filled here for old stores.
    _queue.MIGRATION,
]


class StoreError(Exception):
    """A store or run problem the user can fix (wrong run name, settings mismatch): exit 2."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def sha256(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")  # separator: ("ab","c") and ("a","bc") must differ
    return h.hexdigest()


# ---- opening and migrating -----------------------------------------------------------


def open_store(path: str | os.PathLike[str] = "extractor.db") -> sqlite3.Connection:
    """Open (creating if needed) and migrate a store. Raises StoreError if unusable."""
    try:
        conn = sqlite3.connect(os.fspath(path), isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a crash of the process loses nothing committed; only a power
        # cut can lose the last transactions, and never leaves the file inconsistent.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{os.fspath(path)}: not a usable run store ({e})") from None
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, migrations: Sequence[Sequence[str]] = MIGRATIONS) -> int:
    """Apply the migrations the store has not seen, each in its own transaction."""
    current = schema_version(conn)
    if current > len(migrations):
        raise StoreError(f"the store has schema version {current}, newer than this extractor knows ({len(migrations)}); upgrade extractor")
    for version in range(current + 1, len(migrations) + 1):
        with transaction(conn):
            for statement in migrations[version - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, now()))
    return len(migrations)


class transaction:
    """`with transaction(conn):` BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
