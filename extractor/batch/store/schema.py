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

from . import ledger_fts as _ledger_fts
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
    # 4: who owns a running run (locks.py): one row per run being processed, refreshed by
    # a heartbeat, so a second process is refused and a dead one's lock can be taken over.
    [
        """CREATE TABLE run_locks (
            run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            since TEXT NOT NULL,
            heartbeat TEXT NOT NULL
        )""",
    ],
    # 5: the review queue's membership, one indexed row per claim of a successful
    # document, written with the document (see store/queue.py); filled here for old stores.
    _queue.MIGRATION,
    # 6: the source ledger's index (batch/store/claims_index.py): one flat row per claim
    # with the sentence around it, one row per document with its publisher, date and the
    # person names its text introduces, and FTS5 over the claims for `extractor search`.
    # Derived from `results` + `texts`, so it can always be rebuilt; stores made before
    # this migration are indexed on first use.
    [
        """CREATE TABLE ledger_docs (
            run_id INTEGER NOT NULL,
            item_key TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            input_id TEXT NOT NULL,
            source_file TEXT,
            publisher TEXT,
            date TEXT,
            names TEXT NOT NULL DEFAULT '[]',
            finished_at TEXT,
            PRIMARY KEY (run_id, item_key, doc_id)
        )""",
        """CREATE TABLE ledger_claims (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL,
            item_key TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            claim_index INTEGER NOT NULL,
            source_type TEXT NOT NULL,
            source_name TEXT,
            mention TEXT,
            mention_start INTEGER,
            descriptor TEXT,
            role TEXT,
            stance TEXT NOT NULL,
            confidence REAL NOT NULL,
            via TEXT NOT NULL DEFAULT '[]',
            claim TEXT NOT NULL,
            sentence TEXT NOT NULL,
            start INTEGER,
            end INTEGER,
            line INTEGER
        )""",
        "CREATE INDEX ledger_claims_item ON ledger_claims(run_id, item_key)",
        # The last ledger built for a run: which canonical source each claim went to, so
        # `extractor search --source Qaani` finds "Ghaani" too without rebuilding it.
        """CREATE TABLE ledger_entities (
            run_id INTEGER NOT NULL,
            claim_id INTEGER NOT NULL,
            entity TEXT NOT NULL,
            PRIMARY KEY (run_id, claim_id)
        )""",
        "CREATE INDEX ledger_entities_entity ON ledger_entities(run_id, entity)",
        """CREATE TABLE ledger_sources (
            run_id INTEGER NOT NULL,
            entity TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            variants TEXT NOT NULL,
            PRIMARY KEY (run_id, entity)
        )""",
        """CREATE VIRTUAL TABLE claims_fts USING fts5(
            claim, sentence, source, relays, tokenize = 'unicode61 remove_diacritics 2'
        )""",
    ],
    # 7: facet words in the FTS table (every search filter is a MATCH term) and the claim ->
    # source map keyed by source (store/ledger_fts.py says why).
    _ledger_fts.MIGRATION,
]

# The tables a run store has; a SQLite file holding other tables and none of ours belongs
# to another application and is never written to.
OUR_TABLES = {"schema_version", "runs", "documents", "results", "failures", "texts", "decisions"}


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


def open_store(path: str | os.PathLike[str] = "extractor.db", readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and migrate a store. Raises StoreError if unusable.

    `readonly` (runs, export, show): never writes, so a store on a read-only disk, or one
    another process is writing, can be read; nothing is created or migrated."""
    name = os.fspath(path)
    try:
        conn = _connect_readonly(name) if readonly else sqlite3.connect(name, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        _check_ours(conn, name)
        _check_version(conn, name)
        if readonly:
            return conn
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a crash of the process loses nothing committed; only a power
        # cut can lose the last transactions, and never leaves the file inconsistent.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.DatabaseError as e:
        raise StoreError(describe(name, e)) from None
    return conn


def _connect_readonly(name: str) -> sqlite3.Connection:
    from urllib.parse import quote

    uri = "file:" + quote(os.path.abspath(name))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, timeout=30)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        # A WAL store on a read-only disk: without a writable -shm file SQLite cannot
        # coordinate readers; nobody can be writing it there, so read it as immutable.
        conn.close()
        conn = sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)
    return conn


def _check_ours(conn: sqlite3.Connection, name: str) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and not tables & OUR_TABLES:
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{name} is another application's SQLite file (tables: {shown}), not a run store; "
                         "left untouched: pass --store with a new file name")


def _check_version(conn: sqlite3.Connection, name: str) -> int:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone()
    current = 0
    if has:
        current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
    if current > len(MIGRATIONS):
        raise StoreError(f"{name} has store schema version {current}, newer than this extractor knows "
                         f"({len(MIGRATIONS)}); upgrade extractor to use it")
    return current


def _read_only_place(name: str) -> bool:
    folder = os.path.dirname(os.path.abspath(name))
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY) or not os.access(folder, os.W_OK)
    except OSError:
        return False


def describe(name: str, e: BaseException) -> str:
    """One line a user can act on for a SQLite or OS error on the store file."""
    text = str(e)
    low = text.lower()
    if "unable to open" in low and _read_only_place(name):
        low = "read-only"
    if "full" in low or getattr(e, "errno", None) == 28:
        return f"{name}: the disk is full ({text}); free some space, then continue the run with --resume"
    if "readonly" in low or "read-only" in low:
        return (f"{name}: the store is read-only ({text}); `runs`, `export` and `show` can read it, "
                "a run needs a writable store (--store elsewhere)")
    if "not a database" in low or "malformed" in low or "encrypted" in low:
        return f"{name}: not a usable run store ({text}); pass --store with another file"
    return f"{name}: the run store failed ({text}); check the disk, then continue with --resume"


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, migrations: Sequence[Sequence[str]] = MIGRATIONS) -> int:
    """Apply the migrations the store has not seen, each in its own transaction."""
    current = schema_version(conn)
    if current > len(migrations):
        raise StoreError(f"the store has schema version {current}, newer than this extractor knows ({len(migrations)}); "
                         "upgrade extractor to use it")
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
