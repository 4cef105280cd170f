"""The corpus report (`extractor report`): one self-contained HTML page on a run's
sources, and the ledger's CSV / Parquet files (`extractor sources --format`).

The page has no script and no remote asset: the charts are inline SVG (`charts.py`),
every chart's numbers are also in a table beside it, article text goes through Jinja's
autoescape, and each source links to the list of its claims further down the page (and,
with `--review-url`, each source to its claims and each claim to its document in
`extractor review`).
"""

from __future__ import annotations

import csv
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape

from ..batch.export import guard_cell
from . import charts
from .stats import Ledger, anonymous_share, entity_rows, relay_edges

CLAIMS_PER_SOURCE = 50  # listed per source on the page; the rest are one `extractor search` away
RELAY_EDGES = 40


def write_rows(rows: list[dict[str, Any]], fmt: str, path: Path) -> None:
    """The ledger rows as CSV (spreadsheet-safe, like `extractor export`) or Parquet."""
    cols = [c for c in (rows[0] if rows else {"source": 0, "type": 0, "claims": 0})]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in cols}), str(path))
        return
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([guard_cell(r[c]) for c in cols])


def _claims_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, sqlite3.Row]:
    out: dict[int, sqlite3.Row] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for row in conn.execute(f"SELECT id, doc_id, claim, sentence, stance, confidence, line, start, end, mention "
                                f"FROM ledger_claims WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            out[row["id"]] = row
    return out


def _source_lists(conn: sqlite3.Connection, ledger: Ledger, rows: list[dict[str, Any]], review_url: str | None) -> list[dict]:
    """The claims of each listed source, in document order, with where they are."""
    wanted = {r["key"]: r for r in rows}
    picked = {k: sorted(ledger.entity(k).claims)[:CLAIMS_PER_SOURCE] for k in wanted}
    found = _claims_of(conn, [c for ids in picked.values() for c in ids])
    out = []
    for n, (key, ids) in enumerate(picked.items()):
        claims = []
        for cid in ids:
            c = found.get(cid)
            if c is None:
                continue
            link = f"{review_url.rstrip('/')}/?doc={quote(c['doc_id'])}" if review_url else None
            claims.append({"doc_id": c["doc_id"], "line": c["line"], "start": c["start"], "end": c["end"],
                           "sentence": " ".join(c["sentence"].split()), "stance": c["stance"],
                           "confidence": c["confidence"], "mention": c["mention"], "review": link})
        e = ledger.entity(key)
        # the source's claims in the review UI: its `source=` filter takes the canonical key
        review = f"{review_url.rstrip('/')}/?source={quote(key)}" if review_url else None
        out.append({"anchor": f"src-{n}", "name": e.name, "type": e.type, "claims": claims, "total": len(e.claims),
                    "review": review,
                    "roles": [r for r, _ in e.roles.most_common(5)],
                    "variants": [(v, c) for v, c in e.all_variants().most_common(30) if c]})
    return out


def render(conn: sqlite3.Connection, ledger: Ledger, top: int = 25, review_url: str | None = None) -> str:
    # long: gathers every figure of the page in one place, in the order the page shows them
    rows = [r for r in entity_rows(ledger) if r["claims"]]
    top_rows = rows[:top]
    lists = _source_lists(conn, ledger, top_rows, review_url)
    anchors = {s["name"]: s["anchor"] for s in lists}
    months = [m for m in anonymous_share(ledger, "month")]
    publishers = anonymous_share(ledger, "publisher")[:top]
    documents = sorted(anonymous_share(ledger, "document"), key=lambda r: (-r["share"], -r["claims"]))[:top]
    edges = relay_edges(ledger)
    relayed = Counter()
    for e in edges:
        relayed[(e["relay"], e["relay_type"])] += e["claims"]
    anon = [r for r in rows if r["type"] == "anonymous"][:top]
    types = sorted(ledger.by_type.items(), key=lambda kv: -kv[1])
    total = ledger.claims or 1
    figures = {
        "top": charts.bars([(r["source"], r["claims"], r["type"]) for r in top_rows], "Claims per source"),
        "types": charts.bars([(t, n, t) for t, n in types], "Claims per source type"),
        "months": charts.columns([(m["month"], m["share"]) for m in months], "Anonymous share by month"),
        "publishers": charts.bars([(p["publisher"], p["share"], "anonymous") for p in publishers],
                                  "Anonymous share by publisher", fmt="{:.0%}"),
        "relays": charts.relay_graph([(e["relay"], e["relay_type"], e["source"], e["source_type"], e["claims"])
                                      for e in edges[:RELAY_EDGES]], "Who relays whom"),
        "stance": charts.stacked([(r["source"], {k: r[k] for k in ("asserted", "denied", "hedged")})
                                  for r in top_rows], ["asserted", "denied", "hedged"], "Stance per source"),
        "anonymous": charts.bars([(r["source"], r["claims"], "anonymous") for r in anon], "Top anonymous descriptors"),
    }
    env = Environment(loader=PackageLoader("extractor.ledger", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    return env.get_template("report.html.j2").render(
        ledger=ledger, rows=top_rows, lists=lists, anchors=anchors, months=months, publishers=publishers,
        documents=documents, edges=edges[:RELAY_EDGES], more_edges=max(0, len(edges) - RELAY_EDGES),
        relayed=relayed.most_common(top), anon=anon, types=types, total=total, figures=figures,
        per_source=CLAIMS_PER_SOURCE)
