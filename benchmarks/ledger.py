"""The source ledger on a large run: building it (canonical sources and every figure) and
searching it, on a store of 100,000 documents.

    .venv/bin/python benchmarks/ledger.py                 # 100,000 documents
    .venv/bin/python benchmarks/ledger.py --docs 10000 --repeat 5
    .venv/bin/python benchmarks/ledger.py --via-api 100000   # every document through record_item (slow)

The store is made through the store API (`record_item`, so the claim index and FTS are
written the way `extractor extract` writes them) from copies of the offline engine's real
results on the seed articles (the first `--via-api` documents; the rest are row copies of
those made inside SQLite, see `replicate`): each copy is a new input (its own id, a publisher out of 20
and a month out of 24 in its metadata) with the same text and claims. The ledger is then
built `--repeat` times (median reported, as `extractor sources` does: build + save the
claim -> source map), and searches run the way `extractor search` runs them.

Names repeat across copies, so per-name work is cached more than on a corpus of distinct
articles; `--real` also times the ledger on a run you name (e.g. the Wikinews articles) to
give the per-document cost on distinct texts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.batch import store as st  # noqa: E402
from extractor.ledger import stats  # noqa: E402
from extractor.ledger.search import Filters, search  # noqa: E402

SEARCHES = [
    Filters(query="ceasefire"),
    Filters(query="ceasefire", source="Kirby"),
    Filters(query="ceasefire", stance="denied"),
    Filters(source="Qaani"),
    Filters(query="visit Baghdad", types=["anonymous"], relay="Asharq", publisher="outlet-3"),
    Filters(query="Hezbollah", since="2024-03", until="2024-06", min_confidence=0.7),
]


def seed_results():
    from extractor.engines import get_engine
    from extractor.loading import read_inputs
    from extractor.pipeline import process

    engine = get_engine("offline")
    return [(raw, process(raw, engine)) for raw in read_inputs([str(ROOT / "seeds")])]


def build_store(path: Path, docs: int) -> float:
    """Write copies of the seed results until `docs` documents; returns seconds taken."""
    seeds = seed_results()
    conn = st.open_store(path)
    run = st.start_run(conn, "big", "offline", None, None)
    t0, n, copy = time.perf_counter(), 0, 0
    while n < docs:
        for raw, results in seeds:
            if n >= docs:
                break
            meta = {"publisher": f"outlet-{copy % 20}", "date": f"{2023 + copy % 24 // 12}-{copy % 12 + 1:02d}-15"}
            input_id = f"c{copy}/{raw.input_id}"
            item = st.make_item(input_id, raw.source_file, raw.text, copy)
            copies = [r.model_copy(update={"doc_id": r.doc_id.replace(raw.input_id, input_id, 1), "input_id": input_id,
                                           "metadata": {**r.metadata, **meta}}) for r in results]
            st.record_item(conn, run, item, copies)
            n += len(copies)
        copy += 1
    conn.close()
    return time.perf_counter() - t0


def replicate(path: Path, docs: int) -> float:
    """Copy the run's rows inside SQLite (documents, results and their index rows, each copy
    under new input keys and ids) until it has `docs` documents; returns seconds taken.

    Why: writing through `record_item` runs at ~20-60 documents/s on a loaded 2-CPU
    machine (the claim index and FTS are most of it), so 100,000 documents would take the
    better part of an hour; the copies are row-for-row what `record_item` wrote."""
    conn = st.open_store(path)
    run_id = conn.execute("SELECT id FROM runs WHERE name = 'big'").fetchone()[0]
    base = conn.execute("SELECT COUNT(*) FROM documents WHERE run_id = ?", (run_id,)).fetchone()[0]
    t0, k = time.perf_counter(), 0
    while conn.execute("SELECT COUNT(*) FROM documents WHERE run_id = ?", (run_id,)).fetchone()[0] < docs:
        k += 1
        offset = conn.execute("SELECT MAX(id) FROM ledger_claims").fetchone()[0]
        need = docs - conn.execute("SELECT COUNT(*) FROM documents WHERE run_id = ?", (run_id,)).fetchone()[0]
        p = f"r{k}/"
        with st.transaction(conn):
            keys = [r[0] for r in conn.execute(
                "SELECT DISTINCT item_key FROM documents WHERE run_id = ? AND item_key NOT LIKE 'r%/%' "
                "ORDER BY item_key LIMIT ?", (run_id, max(1, need // 2 + 1)))]
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS pick (item_key TEXT PRIMARY KEY)")
            conn.execute("DELETE FROM pick")
            conn.executemany("INSERT INTO pick VALUES (?)", [(x,) for x in keys])
            conn.execute(f"""INSERT INTO documents SELECT run_id, '{p}' || item_key, '{p}' || doc_id, seq, ordinal,
                '{p}' || input_id, source_file, content_hash, cache_key, status, cached, claims, requests, prompt_tokens,
                completion_tokens, cost_usd, seconds, finished_at FROM documents
                WHERE run_id = ? AND item_key IN (SELECT item_key FROM pick)""", (run_id,))
            conn.execute(f"""INSERT INTO results SELECT run_id, '{p}' || item_key, '{p}' || doc_id, result FROM results
                WHERE run_id = ? AND item_key IN (SELECT item_key FROM pick)""", (run_id,))
            conn.execute(f"""INSERT INTO ledger_docs SELECT run_id, '{p}' || item_key, '{p}' || doc_id, '{p}' || input_id,
                source_file, publisher, date, names, finished_at FROM ledger_docs
                WHERE run_id = ? AND item_key IN (SELECT item_key FROM pick)""", (run_id,))
            conn.execute(f"""INSERT INTO ledger_claims SELECT id + {offset}, run_id, '{p}' || item_key, '{p}' || doc_id,
                claim_index, source_type, source_name, mention, mention_start, descriptor, role, stance, confidence, via,
                claim, sentence, start, end, line FROM ledger_claims
                WHERE run_id = ? AND item_key IN (SELECT item_key FROM pick)""", (run_id,))
            conn.execute(f"""INSERT INTO claims_fts (rowid, claim, sentence, source, relays, publisher, facets)
                SELECT rowid + {offset}, claim, sentence, source, relays, publisher, facets FROM claims_fts WHERE rowid IN
                (SELECT id FROM ledger_claims WHERE run_id = ? AND item_key IN (SELECT item_key FROM pick))""", (run_id,))
    n = conn.execute("SELECT COUNT(*) FROM documents WHERE run_id = ?", (run_id,)).fetchone()[0]
    conn.close()
    secs = time.perf_counter() - t0
    print(f"store: {base} documents written through record_item, copied in SQLite to {n} in {secs:.1f} s")
    return secs


def time_ledger(path: Path, run: str, repeat: int) -> tuple[list[float], stats.Ledger]:
    times, ledger = [], None
    for _ in range(repeat):
        conn = st.open_store(path)
        t0, c0 = time.perf_counter(), time.process_time()
        ledger = stats.build(conn, run)
        stats.save_entities(conn, run, ledger)
        stats.entity_rows(ledger)
        stats.relay_edges(ledger)
        for dim in ("publisher", "month", "document"):
            stats.anonymous_share(ledger, dim)
        times.append(time.perf_counter() - t0)
        # CPU seconds too: on a shared machine the wall time is mostly waiting for a core
        print(f"  ledger build: {times[-1]:.1f} s wall, {time.process_time() - c0:.1f} s CPU", flush=True)
        conn.close()
    return times, ledger  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--via-api", type=int, default=10_000,
                    help="Documents written through record_item; the rest are copies made in SQLite (see replicate).")
    ap.add_argument("--store", type=Path, help="Keep the synthetic store here (reused if it exists).")
    ap.add_argument("--real", nargs=2, metavar=("STORE", "RUN"), help="Also time the ledger of this run.")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.store or Path(tmp.name) / "ledger.db"
    if not path.exists():
        secs = build_store(path, min(args.docs, args.via_api))
        n = min(args.docs, args.via_api)
        print(f"store: {n} documents written through record_item in {secs:.1f} s "
              f"({n / secs:.0f} docs/s, claim index and FTS included)")
    replicate(path, args.docs)
    times, ledger = time_ledger(path, "big", args.repeat)
    print(f"ledger: {ledger.documents} documents, {ledger.claims} claims, {len(ledger.entities)} sources; "
          f"build + save: median {statistics.median(times):.1f} s over {len(times)} runs "
          f"({', '.join(f'{t:.1f}' for t in times)})")
    conn = st.open_store(path)
    for f in SEARCHES:
        search(conn, "big", f)  # first call: page cache
        runs, cpu = [], []
        for _ in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            total, _hits = search(conn, "big", f)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        label = ", ".join(f"{k}={v!r}" for k, v in vars(f).items() if v not in (None, 20))
        print(f"search {label}: {total} hits, median {1000 * statistics.median(runs):.1f} ms wall, "
              f"{1000 * statistics.median(cpu):.1f} ms CPU", flush=True)
    if args.real:
        times, ledger = time_ledger(Path(args.real[0]), args.real[1], args.repeat)
        med = statistics.median(times)
        print(f"real run {args.real[1]}: {ledger.documents} documents, {ledger.claims} claims; median {med:.2f} s "
              f"= {1000 * med / max(1, ledger.documents):.2f} ms per document")


if __name__ == "__main__":
    main()
