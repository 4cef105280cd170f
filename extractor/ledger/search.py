"""`extractor search`: claims by words (SQLite FTS5 over claim, sentence, source and relay
text) and by source, type, stance, relay, date, publisher and confidence.

`--source` means the canonical source: "Qaani" also finds the claims written "Ghaani" or
"the Iranian general", through the claim -> source map the last ledger saved
(`stats.save_entities`; built here once when missing or out of date).
"""

from __future__ import annotations

import json
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


RANK_CAP = 2_000  # matches ranked by relevance (bm25) up to here; more are shown in the order recorded
VARIANT_CAP = 300  # a source written more ways than this is not narrowed by its spellings in FTS


def _source_entities(conn: sqlite3.Connection, run_id: int, run: str, source: str) -> list[tuple[str, str, str]]:
    """(entity key, type, variants JSON) of every canonical source whose name or a spelling contains `source`."""
    if not entities_current(conn, run_id):
        save_entities(conn, run, build(conn, run))
    want = fold(source)
    out = []
    for entity, name, type_, variants in conn.execute(
            "SELECT entity, name, type, variants FROM ledger_sources WHERE run_id = ? AND entity != ''", (run_id,)):
        if want in fold(name) or want in fold(variants) or want == entity:
            out.append((entity, type_, variants))
    return out


def _phrase(text: str) -> str:
    return '"' + " ".join(re.findall(r"[\w'’-]+", text)).replace('"', '""') + '"'


def _months(since: str, until: str) -> list[str] | None:
    """The month words from `since` to `until` (both YYYY-MM...), or None if unbounded or too many."""
    a, b = re.match(r"(\d{4})-?(\d{2})?", since), re.match(r"(\d{4})-?(\d{2})?", until)
    if not a or not b:
        return None
    y, m = int(a.group(1)), int(a.group(2) or 1)
    end = (int(b.group(1)), int(b.group(2) or 12))
    out = []
    while (y, m) <= end and len(out) <= 240:
        out.append(f"m{y}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out if len(out) <= 240 else None


def match_terms(run_id: int, f: Filters, entities: list[tuple[str, str, str]] | None, meta: bool,
                sole_run: bool = False) -> str:
    """The FTS5 query: the words, the relay, and one facet term per filter (store/ledger_fts.py).

    Every term admits a superset of what its filter wants; the exact test is made again on
    the rows (`search`), so a term only has to narrow."""
    run_term = f"facets : r{run_id}"
    # the run's word is in every row of a store holding one run: AND-ing with it would walk
    # the whole index for nothing (a search for a rare word went from 0.3 s to a few ms)
    terms = [] if sole_run else [run_term]
    if f.query and fts_query(f.query):
        terms.append(fts_query(f.query))
    terms += [f"relays : {t}" for t in (fts_query(f.relay).split(" ") if f.relay and fts_query(f.relay) else [])]
    words = [f"t{t}" for t in f.types or [] if re.fullmatch(r"\w+", t)]
    if words and len(words) == len(f.types or []):  # a type that is not one word is left to the exact test
        terms.append("facets : (" + " OR ".join(words) + ")")
    if f.stance and re.fullmatch(r"\w+", f.stance):
        terms.append(f"facets : s{f.stance}")
    if f.min_confidence is not None and f.min_confidence > 0:
        low = max(0, int(f.min_confidence * 10) - 1)  # one decile lower: float rounding never loses a claim
        terms.append("facets : (" + " OR ".join(f"c{d}" for d in range(low, 11)) + ")" if low <= 10 else "facets : cnone")
    if not meta:  # a --meta CSV changes publishers and dates after indexing
        if f.publisher and fts_query(f.publisher):
            terms.append(f"publisher : {_phrase(f.publisher)}")
        months = _months(f.since, f.until) if f.since and f.until else None
        if months:
            terms.append("facets : (" + " OR ".join(months + ["m0"]) + ")")
    if entities:
        spellings = [v for _e, t, vs in entities if t != "unattributed" for v in json.loads(vs)]
        if len(spellings) <= VARIANT_CAP and not any(t == "unattributed" for _e, t, _v in entities):
            phrases = sorted({_phrase(v) for v in spellings if fts_query(v)})
            if phrases:
                terms.append("source : (" + " OR ".join(phrases) + ")")
    return " AND ".join(f"({t})" for t in terms or [run_term])


def search(conn: sqlite3.Connection, run: str, f: Filters,
           meta: dict[str, tuple[str | None, str | None]] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """(number of matching claims, up to COUNT_CAP + 1, and the first `f.limit` of them, best first).

    One FTS5 MATCH carries every filter (`match_terms`), then the matching claim rows are
    read by rowid and tested exactly. Up to RANK_CAP matches are ranked by relevance; a
    broader search lists them in the order they were recorded (ranking a fifth of a large
    corpus costs seconds and says little: narrow the search to rank it)."""
    # long: one WHERE clause per filter, kept together so the SQL reads in one place
    from ..batch.store.claims_index import ensure_indexed

    run_id = _run_id(conn, run)
    # A run never indexed (a store from before the index, a run merged in) is indexed now;
    # results recorded since keep the index current in their own transaction, so a search
    # does not pay for a full check (`extractor sources` and `report` make one).
    if conn.execute("SELECT 1 FROM ledger_docs WHERE run_id = ? LIMIT 1", (run_id,)).fetchone() is None:
        ensure_indexed(conn, run_id)
    entities = _source_entities(conn, run_id, run, f.source) if f.source else None
    if f.source and not entities:
        return 0, []
    # two queries: SQLite answers a lone MIN or MAX from the index, both together by a scan
    lo = conn.execute("SELECT MIN(run_id) FROM ledger_claims").fetchone()[0]
    hi = conn.execute("SELECT MAX(run_id) FROM ledger_claims").fetchone()[0]
    where, args = ["c.run_id = ?"], [match_terms(run_id, f, entities, bool(meta), lo == hi == run_id), run_id]
    if entities:
        where.append(f"EXISTS (SELECT 1 FROM ledger_entities e WHERE e.run_id = c.run_id AND e.claim_id = c.id "
                     f"AND e.entity IN ({', '.join('?' * len(entities))}))")
        args.extend(e for e, _t, _v in entities)
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
    # FTS first (CROSS JOIN keeps that order): one MATCH, then the claim rows by id
    body = f"""FROM (SELECT rowid AS fid FROM claims_fts WHERE claims_fts MATCH ?) f
              CROSS JOIN ledger_claims c ON c.id = f.fid
              JOIN ledger_docs d ON d.run_id = c.run_id AND d.item_key = c.item_key AND d.doc_id = c.doc_id
              WHERE {' AND '.join(where)}"""
    if meta:
        return _search_with_meta(conn, f, body, args, meta)
    if _fts_is_exact(f):  # every filter is an exact FTS term: count in the FTS index alone
        total = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? "
                             f"LIMIT {COUNT_CAP + 1})", args[:1]).fetchone()[0]
    else:
        total = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 {body} LIMIT {COUNT_CAP + 1})", args).fetchone()[0]
    cols = "c.*, d.publisher, d.date, d.input_id, d.source_file"
    if total <= RANK_CAP and f.query and fts_query(f.query):
        # bm25 over the whole MATCH: the facet terms are in every matching row alike, so they barely move it
        ranked = body.replace("SELECT rowid AS fid FROM claims_fts WHERE claims_fts MATCH ?",
                              "SELECT rowid AS fid, bm25(claims_fts) AS score FROM claims_fts WHERE claims_fts MATCH ?")
        rows = conn.execute(f"SELECT {cols} {ranked} ORDER BY f.score, c.id LIMIT ?", [*args, f.limit])
    else:
        rows = conn.execute(f"SELECT {cols} {body} ORDER BY f.fid LIMIT ?", [*args, f.limit])
    return total, [dict(r) for r in rows]


def _fts_is_exact(f: Filters) -> bool:
    """Whether the MATCH alone decides every filter: words, relay, run, type and stance are
    exact words; confidence deciles, months, publisher words and spellings only narrow."""
    return not (f.source or f.min_confidence is not None or f.publisher or f.since or f.until) \
        and all(re.fullmatch(r"\w+", t) for t in (f.types or [])) and (not f.stance or re.fullmatch(r"\w+", f.stance))


def _search_with_meta(conn: sqlite3.Connection, f: Filters, body: str, args: list[Any],
                      meta: dict[str, tuple[str | None, str | None]]) -> tuple[int, list[dict[str, Any]]]:
    """Publisher and date from a --meta CSV: tested on each matching row in Python."""
    hits, total = [], 0
    for row in conn.execute(f"SELECT c.*, d.publisher, d.date, d.input_id, d.source_file {body} ORDER BY f.fid", args):
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
