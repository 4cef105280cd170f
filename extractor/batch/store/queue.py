"""The review queue's membership, decided when results are written and indexed.

Finding the doubtful claims of a 100,000-document run by parsing its results took
seconds per request. Instead every claim of a successful document gets one small row
here when the document is recorded (`index_item`, called from `record_item` and
`merge`), holding what the queue filters and sorts on. `member_below` is the claim's
confidence, or -1 when it carries a flag: a claim is queued at threshold t exactly when
`member_below < t`, so one indexed range picks the queue at any threshold the reviewer
chooses. Rows go with their document (foreign key, ON DELETE CASCADE), so a replaced or
resumed document is re-indexed by the same insert.

The same SELECT fills the table for stores recorded before it existed (migration 5).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

# Imports nothing of the store (schema imports this module for migration 5); `run` is a store.Run.
Run = Any

TABLE = """CREATE TABLE review_claims (
    run_id INTEGER NOT NULL,
    item_key TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    claim_index INTEGER NOT NULL,
    ordinal INTEGER,
    seq INTEGER NOT NULL,
    confidence REAL NOT NULL,
    member_below REAL NOT NULL,
    flags TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source TEXT NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY (run_id, item_key, doc_id, claim_index),
    FOREIGN KEY (run_id, item_key, doc_id) REFERENCES documents(run_id, item_key, doc_id) ON DELETE CASCADE
)"""

# flags as ' code code ' so a filter is one LIKE '% code %'
_SELECT = """INSERT OR REPLACE INTO review_claims
    SELECT d.run_id, d.item_key, d.doc_id, CAST(c.key AS INTEGER), d.ordinal, d.seq,
        COALESCE(json_extract(c.value, '$.confidence'), 1.0),
        CASE WHEN json_array_length(c.value, '$.flags') > 0 THEN -1
             ELSE COALESCE(json_extract(c.value, '$.confidence'), 1.0) END,
        COALESCE((SELECT ' ' || group_concat(json_extract(f.value, '$.code'), ' ') || ' '
                  FROM json_each(c.value, '$.flags') f), ' '),
        COALESCE(json_extract(c.value, '$.source.type'), 'unattributed'),
        COALESCE(json_extract(c.value, '$.source.name'), json_extract(c.value, '$.source.mention.text'), ''),
        COALESCE(json_extract(c.value, '$.claim'), '')
    FROM documents d JOIN results r USING (run_id, item_key, doc_id), json_each(r.result, '$.claims') c
    WHERE d.status = 'ok'"""

# Covering index: the queued rows are a tenth of a big table, scattered over its pages;
# reading them from the table cost ~16 ms per 1,000. Everything the queue sorts, filters
# (but the text search) and joins on is in the index, so a page is an index range.
INDEX = ("CREATE INDEX review_claims_queue ON review_claims(run_id, member_below, confidence, ordinal, item_key, "
         "seq, claim_index, doc_id, source_type, flags)")

MIGRATION = [TABLE, INDEX, "CREATE INDEX review_claims_doc ON review_claims(run_id, doc_id, claim_index)", _SELECT]


def index_item(conn: sqlite3.Connection, run_id: int, item_key: str) -> None:
    """(Re)index one recorded input's claims; call inside the transaction that wrote it."""
    conn.execute(_SELECT + " AND d.run_id = ? AND d.item_key = ?", (run_id, item_key))


# ---- reading the queue ---------------------------------------------------------------

STATUSES = ("undecided", "decided", "accept", "reject", "edit", "skip")


@dataclass(frozen=True)
class QueueRow:
    pos: int
    item_key: str
    doc_id: str
    claim_index: int
    confidence: float
    flags: tuple[str, ...]
    source_type: str
    source: str
    claim: str
    action: str | None  # the live decision, if any


# MATERIALIZED: built once per query and joined through an automatic index; inlined, SQLite
# probed every live decision for every queued row (a count over 10,000 rows took ~100 ms).
_LIVE = """live AS MATERIALIZED (SELECT doc_id, claim_index, action FROM decisions WHERE id IN
            (SELECT MAX(id) FROM decisions WHERE run_id = :run AND undone = 0 GROUP BY doc_id, claim_index))"""
_ORDER = "q.confidence, q.ordinal, q.item_key, q.seq, q.claim_index"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(run: Run, threshold: float, f: dict[str, str]) -> tuple[str, dict[str, Any]]:
    sql = ["q.run_id = :run", "q.member_below < :t"]
    args: dict[str, Any] = {"run": run.id, "t": threshold}
    if f.get("flag"):
        sql.append("q.flags LIKE :flag")
        args["flag"] = f"% {f['flag']} %"
    if f.get("type"):
        sql.append("q.source_type = :type")
        args["type"] = f["type"]
    if f.get("doc"):
        sql.append("q.doc_id = :doc")
        args["doc"] = f["doc"]
    if f.get("source"):
        # the claims of a canonical source, by the ledger's last claim -> source map
        # (`ledger.stats.save_entities`): its key as the report links it, or words of its
        # name or a spelling, as `extractor search --source` takes them
        sql.append("""(q.item_key, q.doc_id, q.claim_index) IN (SELECT c.item_key, c.doc_id, c.claim_index
            FROM ledger_entities e JOIN ledger_claims c ON c.id = e.claim_id WHERE e.run_id = :run AND e.entity IN
              (SELECT entity FROM ledger_sources WHERE run_id = :run AND entity != '' AND
                (entity = :source OR name LIKE :source_like ESCAPE '\\' OR variants LIKE :source_like ESCAPE '\\')))""")
        args["source"] = f["source"]
        args["source_like"] = "%" + _escape_like(f["source"]) + "%"
    if f.get("q"):
        sql.append("(q.claim LIKE :q ESCAPE '\\' OR q.source LIKE :q ESCAPE '\\')")
        args["q"] = "%" + _escape_like(f["q"]) + "%"
    status = f.get("status")
    if status == "undecided":
        sql.append("l.action IS NULL")
    elif status == "decided":
        sql.append("l.action IS NOT NULL AND l.action != 'skip'")
    elif status in STATUSES:
        sql.append("l.action = :status")
        args["status"] = status
    return " AND ".join(sql), args


def rows(conn: sqlite3.Connection, run: Run, threshold: float, f: dict[str, str], offset: int = 0,
         limit: int = 100) -> list[QueueRow]:
    """One page of the filtered queue, lowest confidence first (ties: document order)."""
    where, args = _where(run, threshold, f)
    # pick the page's rowids from the index first, then read only those rows
    sql = f"""WITH {_LIVE}, page AS (SELECT q.rowid AS rid, l.action AS action FROM review_claims q
                  LEFT JOIN live l ON l.doc_id = q.doc_id AND l.claim_index = q.claim_index
                  WHERE {where} ORDER BY {_ORDER} LIMIT :lim OFFSET :off)
              SELECT q.*, page.action FROM page JOIN review_claims q ON q.rowid = page.rid ORDER BY {_ORDER}"""
    out = conn.execute(sql, {**args, "lim": limit, "off": max(0, offset)}).fetchall()
    return [QueueRow(offset + n, r["item_key"], r["doc_id"], r["claim_index"], r["confidence"],
                     tuple(r["flags"].split()), r["source_type"], r["source"], r["claim"], r["action"])
            for n, r in enumerate(out)]


def row_of(conn: sqlite3.Connection, run: Run, doc_id: str, claim_index: int, pos: int) -> QueueRow | None:
    """One claim's queue row (a form names its claim; no need to sort the queue to find it)."""
    r = conn.execute(f"""WITH {_LIVE} SELECT q.*, l.action FROM review_claims q
                         LEFT JOIN live l ON l.doc_id = q.doc_id AND l.claim_index = q.claim_index
                         WHERE q.run_id = :run AND q.doc_id = :d AND q.claim_index = :i""",
                     {"run": run.id, "d": doc_id, "i": claim_index}).fetchone()
    return None if r is None else QueueRow(pos, r["item_key"], r["doc_id"], r["claim_index"], r["confidence"],
                                           tuple(r["flags"].split()), r["source_type"], r["source"], r["claim"],
                                           r["action"])


def counts(conn: sqlite3.Connection, run: Run, threshold: float, f: dict[str, str]) -> tuple[int, int]:
    """(claims in the filtered queue, of which decided other than skip)."""
    where, args = _where(run, threshold, f)
    row = conn.execute(f"""WITH {_LIVE} SELECT COUNT(*), SUM(l.action IS NOT NULL AND l.action != 'skip')
                           FROM review_claims q LEFT JOIN live l ON l.doc_id = q.doc_id AND l.claim_index = q.claim_index
                           WHERE {where}""", args).fetchone()
    return row[0], row[1] or 0


def position(conn: sqlite3.Connection, run: Run, threshold: float, f: dict[str, str], doc_id: str,
             claim_index: int) -> int | None:
    """Where a claim stands in the filtered queue now (None if it is not in it)."""
    where, args = _where(run, threshold, f)
    key = conn.execute(f"""WITH {_LIVE} SELECT q.confidence, q.ordinal, q.item_key, q.seq, q.claim_index
                           FROM review_claims q LEFT JOIN live l ON l.doc_id = q.doc_id AND l.claim_index = q.claim_index
                           WHERE {where} AND q.doc_id = :d AND q.claim_index = :i""",
                       {**args, "d": doc_id, "i": claim_index}).fetchone()
    if key is None:
        return None
    before = conn.execute(f"""WITH {_LIVE} SELECT COUNT(*) FROM review_claims q
                              LEFT JOIN live l ON l.doc_id = q.doc_id AND l.claim_index = q.claim_index
                              WHERE {where} AND ({_ORDER}) < (:c, :o, :k, :s, :i)""",
                          {**args, "c": key[0], "o": key[1], "k": key[2], "s": key[3], "i": key[4]}).fetchone()
    return before[0]


def facets(conn: sqlite3.Connection, run: Run, threshold: float) -> dict[str, list[str]]:
    """The values the queue's filters can take (over the whole queue, not the filtered one)."""
    args = {"run": run.id, "t": threshold}
    types = [r[0] for r in conn.execute("SELECT DISTINCT source_type FROM review_claims q WHERE run_id = :run "
                                        "AND member_below < :t ORDER BY 1", args)]
    flags: set[str] = set()
    for (fl,) in conn.execute("SELECT DISTINCT flags FROM review_claims WHERE run_id = :run AND member_below < 0", args):
        flags.update(fl.split())
    return {"flag": sorted(flags), "type": types}


def doc_claims(conn: sqlite3.Connection, run: Run, doc_id: str) -> list[int]:
    """Indexes of one document's claims that are queued at any threshold below 1 (for tests/tools)."""
    return [r[0] for r in conn.execute("SELECT claim_index FROM review_claims WHERE run_id = ? AND doc_id = ? "
                                       "ORDER BY claim_index", (run.id, doc_id))]


def document(conn: sqlite3.Connection, run: Run, item_key: str, doc_id: str) -> tuple[str, str] | None:
    """One document's result JSON and the content hash of its raw text."""
    row = conn.execute("""SELECT r.result, d.content_hash FROM documents d JOIN results r USING (run_id, item_key, doc_id)
                          WHERE d.run_id = ? AND d.item_key = ? AND d.doc_id = ?""", (run.id, item_key, doc_id)).fetchone()
    return (row[0], row[1]) if row else None
