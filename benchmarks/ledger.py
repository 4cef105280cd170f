"""The source ledger on a large run: building it (canonical sources and every figure) and
searching it, on a store of 100,000 documents.

    .venv/bin/python benchmarks/ledger.py                 # 100,000 documents
    .venv/bin/python benchmarks/ledger.py --docs 10000 --repeat 5

The store is made through the store API (`record_item`, so the claim index and FTS are
written the way `extractor extract` writes them) from copies of the offline engine's real
results on the seed articles: each copy is a new input (its own id, a publisher out of 20
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


def time_ledger(path: Path, run: str, repeat: int) -> tuple[list[float], stats.Ledger]:
    times, ledger = [], None
    for _ in range(repeat):
        conn = st.open_store(path)
        t0 = time.perf_counter()
        ledger = stats.build(conn, run)
        stats.save_entities(conn, run, ledger)
        stats.entity_rows(ledger)
        stats.relay_edges(ledger)
        for dim in ("publisher", "month", "document"):
            stats.anonymous_share(ledger, dim)
        times.append(time.perf_counter() - t0)
        conn.close()
    return times, ledger  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", type=Path, help="Keep the synthetic store here (reused if it exists).")
    ap.add_argument("--real", nargs=2, metavar=("STORE", "RUN"), help="Also time the ledger of this run.")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.store or Path(tmp.name) / "ledger.db"
    if not path.exists():
        secs = build_store(path, args.docs)
        print(f"store: {args.docs} documents written through record_item in {secs:.1f} s "
              f"({args.docs / secs:.0f} docs/s, claim index and FTS included)")
    times, ledger = time_ledger(path, "big", args.repeat)
    print(f"ledger: {ledger.documents} documents, {ledger.claims} claims, {len(ledger.entities)} sources; "
          f"build + save: median {statistics.median(times):.1f} s over {len(times)} runs "
          f"({', '.join(f'{t:.1f}' for t in times)})")
    conn = st.open_store(path)
    for f in SEARCHES:
        search(conn, "big", f)  # first call: page cache
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            total, _hits = search(conn, "big", f)
            runs.append(time.perf_counter() - t0)
        label = ", ".join(f"{k}={v!r}" for k, v in vars(f).items() if v not in (None, 20))
        print(f"search {label}: {total} hits, median {1000 * statistics.median(runs):.1f} ms")
    if args.real:
        times, ledger = time_ledger(Path(args.real[0]), args.real[1], args.repeat)
        med = statistics.median(times)
        print(f"real run {args.real[1]}: {ledger.documents} documents, {ledger.claims} claims; median {med:.2f} s "
              f"= {1000 * med / max(1, ledger.documents):.2f} ms per document")


if __name__ == "__main__":
    main()
