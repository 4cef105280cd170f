"""The ledger of one run: canonical sources with their claims, and the figures a
researcher asks for (claims per source and type, anonymous share per publisher / month /
document, who relays whom, stance per source, top anonymous descriptors).

Reads only the index tables (`batch/store/claims_index.py`), one article at a time, and
keeps per claim only what the figures need, so 100,000 documents fit in memory and in a
minute (benchmarks/ledger.py).
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..batch import store as st
from ..batch.store.claims_index import ensure_indexed
from .canonical import Canonicalizer, Entity

UNKNOWN = "(unknown)"


@dataclass
class Ledger:
    run: str
    entities: list[Entity]
    claims: int
    documents: int
    by_type: Counter
    # claim id -> (entity key, doc_id, publisher, month, stance)
    claim_facts: dict[int, tuple[str, str, str, str, str]]
    relays: Counter  # (relay entity key, source entity key) -> claims
    claim_relays: dict[int, list[str]] = field(default_factory=dict)  # claim id -> relay entity keys, in `via` order
    anonymous: dict[str, dict[str, Counter]] = field(default_factory=dict)  # "publisher"/"month"/"document" -> value -> {anon,total}

    def entity(self, key: str) -> Entity:
        return self._by_key[key]

    def __post_init__(self) -> None:
        self._by_key = {e.key: e for e in self.entities}

    def find(self, text: str) -> list[Entity]:
        """Entities whose name or a variant contains `text` (case-insensitive)."""
        from .names import fold

        t = fold(text)
        return [e for e in self.entities
                if t in fold(e.name) or any(t in fold(v) for v in e.all_variants()) or t in e.key]


@lru_cache(maxsize=1 << 16)  # many articles share a day
def month_of(date: str | None) -> str:
    """"2019-01-04", "2019-01-04T10:00Z" or an RFC 2822 date -> "2019-01"."""
    if not date:
        return UNKNOWN
    m = re.match(r"(\d{4})-(\d{2})", date)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    try:
        return parsedate_to_datetime(date).strftime("%Y-%m")
    except (TypeError, ValueError):
        return UNKNOWN


def read_meta(path: Path | None) -> dict[str, tuple[str | None, str | None]]:
    """A `--meta` CSV: a column `id` (or `input_id`, `source_file`, `doc_id`) and `publisher`
    and/or `date` columns. Raises ValueError with a one-line reason when unusable."""
    if path is None:
        return {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as e:
        raise ValueError(f"cannot read --meta {path}: {e.strerror or e}") from None
    if not rows:
        return {}
    cols = set(rows[0])
    keys = [k for k in ("id", "input_id", "doc_id", "source_file") if k in cols]
    if not keys or not cols & {"publisher", "date"}:
        raise ValueError(f"--meta {path}: needs an id column (id, input_id, doc_id or source_file) and publisher and/or date")
    out = {}
    for r in rows:
        for k in keys:
            if r.get(k):
                out[r[k]] = (r.get("publisher") or None, r.get("date") or None)
    return out


def _run_id(conn: sqlite3.Connection, run: str) -> int:
    found = st.get_run(conn, run)
    if found is None:
        names = ", ".join(r.run.name for r in st.list_runs(conn)[-5:]) or "none"
        raise st.StoreError(f"no run named {run!r} in this store (recent runs: {names})")
    return found.id


def doc_table(conn: sqlite3.Connection, run_id: int, meta: dict[str, tuple[str | None, str | None]]) -> dict[str, tuple[str, str, str]]:
    """doc_id -> (publisher, month, introduced names as the index's JSON), the --meta CSV
    winning over metadata. The names stay text: `Canonicalizer` parses an article's only
    when one of its people is named by surname or title alone."""
    out = {}
    for doc_id, input_id, source_file, publisher, date, names in conn.execute(
            "SELECT doc_id, input_id, source_file, publisher, date, names FROM ledger_docs WHERE run_id = ?", (run_id,)):
        if meta:
            given = meta.get(doc_id) or meta.get(input_id) or meta.get(source_file or "")
            if given:
                publisher, date = given[0] or publisher, given[1] or date
        out[doc_id] = (publisher or UNKNOWN, month_of(date), names)
    return out


def text_name_counts(conn: sqlite3.Connection, run_id: int) -> Counter:
    """How often each introduced name occurs across the run's articles with claims, summed in SQLite
    (json_each) rather than by parsing every article's names in Python."""
    return Counter(dict(conn.execute(
        """SELECT json_extract(j.value, '$.name'), SUM(json_extract(j.value, '$.count'))
           FROM ledger_docs d, json_each(d.names) j WHERE d.run_id = ? AND EXISTS (SELECT 1 FROM ledger_claims c
                WHERE c.run_id = d.run_id AND c.item_key = d.item_key AND c.doc_id = d.doc_id)
           GROUP BY 1""", (run_id,)).fetchall()))


def build(conn: sqlite3.Connection, run: str, meta: dict[str, tuple[str | None, str | None]] | None = None) -> Ledger:
    """The ledger of `run` (indexing any documents the index lacks first)."""
    run_id = _run_id(conn, run)
    ensure_indexed(conn, run_id)
    docs = doc_table(conn, run_id, meta or {})
    canon = Canonicalizer()
    stance: dict[int, tuple[str, str]] = {}
    current: str | None = None
    batch: list[dict[str, Any]] = []
    by_type: Counter = Counter()
    cols = ("id", "doc_id", "source_type", "source_name", "mention", "mention_start", "descriptor", "role", "stance", "via")
    cur = conn.cursor().execute(f"SELECT {', '.join(cols)} FROM ledger_claims WHERE run_id = ? ORDER BY item_key, id",
                                (run_id,))
    for row in cur:
        c = dict(zip(cols, row))
        c["via"] = _via(row[9]) if row[9] != "[]" else []
        if row[1] != current:
            if batch:
                canon.add_document(docs.get(current, (None, None, "[]"))[2], batch, keep_names=False)  # type: ignore[arg-type]
                batch = []
            current = row[1]
        batch.append(c)
        by_type[row[2]] += 1
        stance[row[0]] = (current, row[8])
    if batch:
        canon.add_document(docs.get(current, (None, None, "[]"))[2], batch, keep_names=False)  # type: ignore[arg-type]
    entities = canon.finish(text_name_counts(conn, run_id))
    facts: dict[int, tuple[str, str, str, str, str]] = {}
    per_doc: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # doc -> [claims, anonymous]
    missing = (UNKNOWN, UNKNOWN, [])
    for cid, key in canon.claim_entity.items():
        doc_id, s = stance[cid]
        publisher, month, _ = docs.get(doc_id, missing)
        facts[cid] = (key, doc_id, publisher, month, s)
        counts = per_doc[doc_id]
        counts[0] += 1
        counts[1] += key.startswith("anonymous:")
    anon: dict[str, dict[str, Counter]] = {"publisher": defaultdict(Counter), "month": defaultdict(Counter),
                                           "document": defaultdict(Counter)}
    for doc_id, (total, anonymous) in per_doc.items():
        publisher, month, _ = docs.get(doc_id, missing)
        for dim, value in (("publisher", publisher), ("month", month), ("document", doc_id)):
            anon[dim][value]["total"] += total
            anon[dim][value]["anonymous"] += anonymous
    relays: Counter = Counter()
    for cid, keys in canon.relay_entities.items():
        for k in keys:
            relays[(k, canon.claim_entity[cid])] += 1
    ranked = sorted(entities.values(), key=lambda e: (-len(e.claims), -sum(e.relay_names.values()), e.name))
    return Ledger(run=run, entities=ranked, claims=len(facts), documents=len(docs), by_type=by_type,
                  claim_facts=facts, relays=relays, claim_relays=canon.relay_entities,
                  anonymous={k: dict(v) for k, v in anon.items()})


@lru_cache(maxsize=1 << 14)  # relays repeat ("Reuters", "the agency"): parse each spelling once
def _via(text: str) -> list[dict[str, Any]]:
    return json.loads(text)


def entity_rows(ledger: Ledger, types: list[str] | None = None, by: list[str] | None = None) -> list[dict[str, Any]]:
    """One row per entity (or per entity and publisher / month with `by`), ranked by claims."""
    by = by or []
    relayed = Counter()
    for (relay, _src), n in ledger.relays.items():
        relayed[relay] += n
    rows = []
    for e in ledger.entities:
        if types and e.type not in types:
            continue
        facts = ledger.claim_facts
        groups: dict[tuple, list[tuple]] = defaultdict(list)
        if by:
            pick = [2 if b == "publisher" else 3 for b in by]
            for cid in e.claims:
                f = facts[cid]
                groups[tuple(f[i] for i in pick)].append(f)
        elif e.claims:
            groups[()] = [facts[cid] for cid in e.claims]
        if not groups and relayed[e.key]:
            groups[tuple(UNKNOWN for _ in by)] = []
        for group, fs in groups.items():
            stances = Counter(f[4] for f in fs)
            row = {"source": e.name, "type": e.type, **dict(zip(by, group)), "claims": len(fs),
                   "documents": len({f[1] for f in fs}), "relayed": relayed[e.key],
                   "asserted": stances["asserted"], "denied": stances["denied"], "hedged": stances["hedged"],
                   "roles": "; ".join(r for r, _ in e.roles.most_common(3)),
                   "variants": "; ".join(f"{v} ({n})" for v, n in e.all_variants().most_common() if n),
                   "key": e.key}
            rows.append(row)
    rows.sort(key=lambda r: (-r["claims"], -r["relayed"], r["source"]))
    return rows


def relay_edges(ledger: Ledger) -> list[dict[str, Any]]:
    """Who carried whom: one row per (relay, source) pair, most claims first."""
    return [{"relay": ledger.entity(r).name, "relay_type": ledger.entity(r).type, "source": ledger.entity(s).name,
             "source_type": ledger.entity(s).type, "claims": n}
            for (r, s), n in sorted(ledger.relays.items(), key=lambda kv: (-kv[1], kv[0]))]


def anonymous_share(ledger: Ledger, dim: str) -> list[dict[str, Any]]:
    """Share of claims resting on anonymous sources per publisher, month or document."""
    rows = [{dim: k, "claims": v["total"], "anonymous": v["anonymous"],
             "share": round(v["anonymous"] / v["total"], 3) if v["total"] else 0.0}
            for k, v in ledger.anonymous.get(dim, {}).items()]
    return sorted(rows, key=lambda r: r[dim]) if dim == "month" else sorted(rows, key=lambda r: (-r["claims"], r[dim]))


def save_entities(conn: sqlite3.Connection, run: str, ledger: Ledger) -> None:
    """Keep which canonical source each claim went to, for `search --source`."""
    run_id = _run_id(conn, run)
    if entities_current(conn, run_id):
        return  # the saved map came from this same index, and building is deterministic
    with st.transaction(conn):
        conn.execute("DELETE FROM ledger_entities WHERE run_id = ?", (run_id,))
        conn.execute("DELETE FROM ledger_sources WHERE run_id = ?", (run_id,))
        # in key order: each insert appends to the b-tree (store/ledger_fts.py)
        conn.executemany("INSERT INTO ledger_entities (run_id, entity, claim_id) VALUES (?, ?, ?)",
                         ((run_id, e.key, cid) for e in sorted(ledger.entities, key=lambda e: e.key)
                          for cid in sorted(e.claims)))
        conn.executemany("INSERT INTO ledger_sources (run_id, entity, name, type, variants) VALUES (?, ?, ?, ?, ?)",
                         ((run_id, e.key, e.name, e.type, json.dumps(sorted(e.all_variants()), ensure_ascii=False))
                          for e in ledger.entities))
        # the index's newest claim id when the map was made: any claim written since, in any
        # run, makes a new one (claim rows are only ever replaced by newer ones)
        conn.execute("INSERT INTO ledger_sources (run_id, entity, name, type, variants) VALUES (?, '', ?, 'state', '[]')",
                     (run_id, str(_max_claim(conn))))


def _max_claim(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COALESCE(MAX(id), 0) FROM ledger_claims").fetchone()[0]


def entities_current(conn: sqlite3.Connection, run_id: int) -> bool:
    """Whether the saved claim -> source map is as new as the index (two O(1) lookups)."""
    row = conn.execute("SELECT name FROM ledger_sources WHERE run_id = ? AND entity = ''", (run_id,)).fetchone()
    return row is not None and row[0] == str(_max_claim(conn))
