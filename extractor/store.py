"""The run store: one SQLite file holding runs, their documents, results and failures.

Why SQLite: one file a user can copy, WAL so readers (`extractor runs`, the review UI)
never block the writer, and transactions so a kill at any instant leaves the store
consistent. Every input is written in ONE transaction (its documents, results and
failures together), so after a SIGKILL an input is either fully recorded or absent.

Counts, tokens and cost of a run are derived from its document rows when asked, never
kept as running totals: there is nothing to drift out of step after a crash.

Unit of work: an *item* is one input (a file, a JSONL line) identified by `item_key`
(its source, id and content hash); an item yields one or more documents (articles).
Resume and cache work on items, because splitting an input into articles is a pure
function of its text.

Migrations: `MIGRATIONS` is an ordered list; entry N (1-based) brings the schema to
version N. To change the schema, append a new list of SQL statements; never edit an
applied one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .models import DocumentResult

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
]

# Setting names that could hold a secret are never written to the store.
_SECRET = re.compile(r"(api_?key|secret|password|token$|authorization|bearer)", re.I)


class StoreError(Exception):
    """A store or run problem the user can fix (wrong run name, settings mismatch): exit 2."""


@dataclass(frozen=True)
class Run:
    id: int
    name: str
    engine: str
    model: str | None
    prompt_version: str | None
    settings: dict[str, Any]
    started_at: str
    ended_at: str | None
    status: str


@dataclass(frozen=True)
class RunStats:
    run: Run
    documents: int
    ok: int
    failed: int
    cached: int
    claims: int
    requests: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    seconds: float | None  # wall time from start to end (or to the last document)


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


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def sha256(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")  # separator: ("ab","c") and ("a","bc") must differ
    return h.hexdigest()


def make_item(input_id: str, source_file: str | None, text: str, ordinal: int | None = None) -> Item:
    content = sha256(text)
    return Item(key=sha256(source_file or "", input_id, content)[:32], input_id=input_id,
                source_file=source_file, content_hash=content, ordinal=ordinal, text=text)


def cache_key(text: str, engine: str, model: str | None, prompt_version: str | None, settings: dict[str, Any]) -> str:
    """Same text + engine + model + prompt version + output-affecting settings -> same key."""
    return sha256(text, engine, model or "", prompt_version or "", json.dumps(settings, sort_keys=True, default=str))


def scrub(settings: dict[str, Any]) -> dict[str, Any]:
    """Settings as stored: anything named like a credential is dropped, recursively."""
    out: dict[str, Any] = {}
    for k, v in settings.items():
        if _SECRET.search(str(k)):
            continue
        out[k] = scrub(v) if isinstance(v, dict) else v
    return out


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


# ---- runs ----------------------------------------------------------------------------


def _run(row: sqlite3.Row) -> Run:
    return Run(id=row["id"], name=row["name"], engine=row["engine"], model=row["model"],
               prompt_version=row["prompt_version"], settings=json.loads(row["settings"]),
               started_at=row["started_at"], ended_at=row["ended_at"], status=row["status"])


def auto_run_name() -> str:
    return f"run-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def get_run(conn: sqlite3.Connection, name: str) -> Run | None:
    row = conn.execute("SELECT * FROM runs WHERE name = ?", (name,)).fetchone()
    return _run(row) if row else None


def start_run(
    conn: sqlite3.Connection,
    name: str | None,
    engine: str,
    model: str | None,
    prompt_version: str | None,
    settings: dict[str, Any] | None = None,
    resume: bool = False,
) -> Run:
    """Create a run, or with `resume` reopen one made with the same engine, model and prompt.

    A name that exists without `resume` is refused: two invocations silently sharing a
    run would make its counts meaningless.
    """
    name = name or auto_run_name()
    settings = scrub(settings or {})
    existing = get_run(conn, name)
    if existing:
        if not resume:
            raise StoreError(f"run {name!r} already exists in this store; add --resume to continue it or pick another --run name")
        mine = (engine, model, prompt_version)
        theirs = (existing.engine, existing.model, existing.prompt_version)
        if mine != theirs:
            raise StoreError(
                f"run {name!r} was made with engine/model/prompt {'/'.join(str(x) for x in theirs)}, "
                f"not {'/'.join(str(x) for x in mine)}; resume it with the same settings or start a new run"
            )
        with transaction(conn):
            conn.execute("UPDATE runs SET status = 'running', ended_at = NULL WHERE id = ?", (existing.id,))
        return get_run(conn, name)  # type: ignore[return-value]
    with transaction(conn):
        conn.execute(
            "INSERT INTO runs (name, engine, model, prompt_version, settings, started_at) VALUES (?, ?, ?, ?, ?, ?)",
            (name, engine, model, prompt_version, json.dumps(settings, sort_keys=True, default=str), now()),
        )
    return get_run(conn, name)  # type: ignore[return-value]


def finish_run(conn: sqlite3.Connection, run: Run, status: str = "done") -> None:
    with transaction(conn):
        conn.execute("UPDATE runs SET ended_at = ?, status = ? WHERE id = ?", (now(), status, run.id))


def list_runs(conn: sqlite3.Connection) -> list[RunStats]:
    rows = conn.execute(
        """SELECT r.*,
                  COUNT(d.doc_id) AS documents,
                  COALESCE(SUM(d.status = 'ok'), 0) AS ok,
                  COALESCE(SUM(d.status = 'failed'), 0) AS failed,
                  COALESCE(SUM(d.cached), 0) AS cached_docs,
                  COALESCE(SUM(d.claims), 0) AS claims,
                  COALESCE(SUM(d.requests), 0) AS requests,
                  COALESCE(SUM(d.prompt_tokens), 0) AS prompt_tokens,
                  COALESCE(SUM(d.completion_tokens), 0) AS completion_tokens,
                  COALESCE(SUM(d.cost_usd), 0) AS cost_usd,
                  MAX(d.finished_at) AS last_at
           FROM runs r LEFT JOIN documents d ON d.run_id = r.id
           GROUP BY r.id ORDER BY r.id"""
    ).fetchall()
    out = []
    for row in rows:
        end = row["ended_at"] or row["last_at"]
        secs = (datetime.fromisoformat(end) - datetime.fromisoformat(row["started_at"])).total_seconds() if end else None
        out.append(RunStats(
            run=_run(row), documents=row["documents"], ok=row["ok"], failed=row["failed"],
            cached=row["cached_docs"], claims=row["claims"], requests=row["requests"],
            prompt_tokens=row["prompt_tokens"], completion_tokens=row["completion_tokens"],
            cost_usd=row["cost_usd"], seconds=secs,
        ))
    return out


def run_stats(conn: sqlite3.Connection, run: Run) -> RunStats:
    return next(s for s in list_runs(conn) if s.run.id == run.id)


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


def record_result(conn: sqlite3.Connection, run: Run, item: Item, result: DocumentResult, **kw: Any) -> None:
    """One-document convenience over `record_item`."""
    record_item(conn, run, item, [result], **kw)


def record_failure(conn: sqlite3.Connection, run: Run, item: Item, code: str, reason: str) -> None:
    """Record an input that failed before producing any document (e.g. the runner itself)."""
    from .models import Flag

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
    return [DocumentResult.model_validate_json(r[0]) for r in rows]


def iter_results(conn: sqlite3.Connection, run: Run, status: str | None = None) -> Iterator[DocumentResult]:
    """A run's results in input order, streamed (constant memory)."""
    sql = """SELECT r.result FROM documents d JOIN results r USING (run_id, item_key, doc_id)
             WHERE d.run_id = ?"""
    args: list[Any] = [run.id]
    if status:
        sql += " AND d.status = ?"
        args.append(status)
    sql += " ORDER BY d.ordinal, d.item_key, d.seq"
    # A separate cursor so a caller may write to the store while iterating.
    for row in conn.cursor().execute(sql, args):
        yield DocumentResult.model_validate_json(row[0])


def iter_failures(conn: sqlite3.Connection, run: Run) -> Iterator[sqlite3.Row]:
    yield from conn.execute(
        "SELECT doc_id, input_id, code, reason, attempts, last_at FROM failures WHERE run_id = ? ORDER BY last_at",
        (run.id,),
    )


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
            for f in fails:
                cols = [k for k in f.keys() if k != "run_id"]
                target.execute(
                    f"INSERT INTO failures (run_id, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
                    (run.id, *[f[k] for k in cols]),
                )
    return n


# ---- texts and review decisions ----------------------------------------------------------


def iter_documents(
    conn: sqlite3.Connection, run: Run, doubtful_below: float | None = None
) -> Iterator[tuple[DocumentResult, str]]:
    """A run's successful results with the content hash of their raw text, in input order.

    With `doubtful_below`, only documents with a claim under that confidence or with a
    flag: SQLite's JSON functions pick them, so a review of a 100k-document run parses
    the few thousand it needs, not every result."""
    sql = """SELECT r.result, d.content_hash FROM documents d JOIN results r USING (run_id, item_key, doc_id)
             WHERE d.run_id = ? AND d.status = 'ok'"""
    args: list[Any] = [run.id]
    if doubtful_below is not None:
        sql += """ AND EXISTS (SELECT 1 FROM json_each(r.result, '$.claims') c
                              WHERE json_extract(c.value, '$.confidence') < ?
                                 OR json_array_length(c.value, '$.flags') > 0)"""
        args.append(doubtful_below)
    for row in conn.cursor().execute(sql + " ORDER BY d.ordinal, d.item_key, d.seq", args):
        yield DocumentResult.model_validate_json(row[0]), row[1]


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
        from .loading import decode

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


def latest_decisions(conn: sqlite3.Connection, run: Run) -> dict[tuple[str, int], Decision]:
    """The live decision per (doc_id, claim_index): the latest one not undone."""
    out: dict[tuple[str, int], Decision] = {}
    for row in conn.execute("SELECT * FROM decisions WHERE run_id = ? AND undone = 0 ORDER BY id", (run.id,)):
        d = _decision(row)
        out[(d.doc_id, d.claim_index)] = d
    return out
