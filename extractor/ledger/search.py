"""`extractor search`: claims by words (SQLite FTS5 over claim, sentence, source and relay
text) and by source, type, stance, relay, date, publisher and confidence.

`--source` means the canonical source: "Qaani" also finds the claims written "Ghaani" or
"the Iranian general", through the claim -> source map the last ledger saved
(`stats.save_entities`; built here once when missing or out of date).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from .names import fold
from .stats import UNKNOWN, _run_id, build, entities_current, month_of, save_entities


COUNT_CAP = 10_000  # matches counted exactly up to here; more print as "10000+"


@dataclass
class Filters:
    query: str | None = None
    source: str | None = None
    types: list[str] | None = None
    stance: str | None = None
    relay: str | None = None
    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    min_confidence: float | None = None
    limit: int = 20


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms (all must occur): no FTS syntax leaks
    through, so `"` or `AND` in a query can never be a syntax error."""
    terms = re.findall(r"[\w'’-]+", text)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _source_entities(conn: sqlite3.Connection, run_id: int, run: str, source: str) -> list[str]:
    if not entities_current(conn, run_id):
        save_entities(conn, run, build(conn, run))
    want = fold(source)
    out = []
    for entity, name, variants in conn.execute(
            "SELECT entity, name, variants FROM ledger_sources WHERE run_id = ? AND entity != ''", (run_id,)):
        if want in fold(name) or want in fold(variants):
            out.append(entity)
    return out


def search(conn: sqlite3.Connection, run: str, f: Filters,
           meta: dict[str, tuple[str | None, str | None]] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """(number of matching claims, up to COUNT_CAP + 1, and the first `f.limit` of them, best first)."""
    # long: one WHERE clause per filter, each with its own join, kept together so the SQL reads in one place
    from ..batch.store.claims_index import ensure_indexed

    run_id = _run_id(conn, run)
    # A run never indexed (a store from before the index, a run merged in) is indexed now;
    # results recorded since keep the index current in their own transaction, so a search
    # does not pay for a full check (`extractor sources` and `report` make one).
    if conn.execute("SELECT 1 FROM ledger_docs WHERE run_id = ? LIMIT 1", (run_id,)).fetchone() is None:
        ensure_indexed(conn, run_id)
    where, args, joins = ["c.run_id = ?"], [run_id], []
    order = "c.doc_id, c.claim_index"
    head = "ledger_claims c"
    relay_terms = fts_query(f.relay).split(" ") if f.relay and fts_query(f.relay) else []
    match = " AND ".join(([fts_query(f.query)] if f.query and fts_query(f.query) else [])
                         + [f"relays : {t}" for t in relay_terms])
    if match:
        # FTS first (CROSS JOIN keeps that order): one MATCH, then the claim rows by id
        head = "(SELECT rowid AS fid, rank FROM claims_fts WHERE claims_fts MATCH ?) f CROSS JOIN ledger_claims c ON c.id = f.fid"
        args.insert(0, match)
        order = "f.rank"
    if f.source:
        entities = _source_entities(conn, run_id, run, f.source)
        if not entities:
            return 0, []
        joins.append("JOIN ledger_entities e ON e.run_id = c.run_id AND e.claim_id = c.id")
        where.append(f"e.entity IN ({', '.join('?' * len(entities))})")
        args.extend(entities)
    if f.types:
        where.append(f"c.source_type IN ({', '.join('?' * len(f.types))})")
        args.extend(f.types)
    if f.stance:
        where.append("c.stance = ?")
        args.append(f.stance)
    if f.min_confidence is not None:
        where.append("c.confidence >= ?")
        args.append(f.min_confidence)
    if not meta:  # with a --meta CSV, publisher and date are known only after the join below
        if f.publisher:
            where.append("d.publisher LIKE ?")
            args.append(f"%{f.publisher}%")
        if f.since:
            where.append("d.date >= ?")
            args.append(f.since)
        if f.until:
            where.append("substr(d.date, 1, ?) <= ?")
            args.extend([len(f.until), f.until])
    body = f"""FROM {head} {' '.join(joins)}
              JOIN ledger_docs d ON d.run_id = c.run_id AND d.item_key = c.item_key AND d.doc_id = c.doc_id
              WHERE {' AND '.join(where)}"""
    select = f"SELECT c.*, d.publisher, d.date, d.input_id, d.source_file {body} ORDER BY {order}"
    if not meta:
        total = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 {body} LIMIT {COUNT_CAP + 1})", args).fetchone()[0]
        return total, [dict(r) for r in conn.execute(select + " LIMIT ?", [*args, f.limit])]
    hits, total = [], 0
    for row in conn.execute(select, args):
        hit = dict(row)
        given = meta.get(hit["doc_id"]) or meta.get(hit["input_id"]) or meta.get(hit["source_file"] or "")
        if given:
            hit["publisher"], hit["date"] = given[0] or hit["publisher"], given[1] or hit["date"]
        if not _meta_ok(hit, f):
            continue
        total += 1
        if len(hits) < f.limit:
            hits.append(hit)
    return total, hits


def _meta_ok(hit: dict[str, Any], f: Filters) -> bool:
    if f.publisher and fold(f.publisher) not in fold(hit["publisher"] or UNKNOWN):
        return False
    date = hit["date"] or ""
    if f.since and (not date or date < f.since):
        return False
    if f.until and (not date or date[:len(f.until)] > f.until):
        return False
    return True


def location(hit: dict[str, Any]) -> str:
    """Where a hit is: the document, the line of the raw text, and the content's offsets."""
    where = f"{hit['doc_id']}"
    if hit.get("line"):
        where += f" line {hit['line']}"
    if hit.get("start") is not None:
        where += f" [{hit['start']}:{hit['end']}]"
    return where


__all__ = ["Filters", "fts_query", "location", "month_of", "search"]
