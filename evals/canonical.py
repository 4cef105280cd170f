"""Score the ledger's canonical sources against `evals/gold/canonical.jsonl`: which source
and relay mentions are the same source, decided by reading the articles.

    .venv/bin/python evals/canonical.py            # prints pairwise precision and recall
    .venv/bin/python evals/canonical.py --errors   # and every wrong or missed pair

Runs the offline engine on the gold's articles (the seeds, and the Wikinews articles kept
with their credit in `evals/gold/canonical_texts.jsonl`), records them in a temporary run
store, builds the ledger, and looks up the entity each gold mention went to (a source
mention by its offsets, a relay by its offsets in the claim's `via`). Pairs are over the
gold mentions the engine produced (the rest are reported as not found: extraction
misses, not canonicalisation errors). Exit code 1 if precision < 0.95 or recall < 0.85.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.batch import store as st  # noqa: E402
from extractor.ledger import stats  # noqa: E402

GOLD = ROOT / "evals" / "gold" / "canonical.jsonl"
TEXTS = ROOT / "evals" / "gold" / "canonical_texts.jsonl"
FLOOR = {"precision": 0.95, "recall": 0.85}


def predict(gold: list[dict]) -> dict[tuple[str, int, int], str]:
    """(doc_id, start, end) of every source and relay mention -> the ledger entity it went to."""
    from extractor.engines import get_engine
    from extractor.loading import read_inputs
    from extractor.pipeline import process

    files = sorted({str(ROOT / g["source_file"]) for g in gold if g["source_file"].startswith("seeds/")})
    with tempfile.TemporaryDirectory() as tmp:
        conn = st.open_store(Path(tmp) / "canonical.db")
        engine = get_engine("offline")
        run = st.start_run(conn, "canonical", engine.name, engine.model, engine.prompt_version)
        for n, raw in enumerate(read_inputs([*files, str(TEXTS)])):
            st.record_item(conn, run, st.make_item(raw.input_id, raw.source_file, raw.text, n), process(raw, engine))
        ledger = stats.build(conn, "canonical")
        ids = {(d, i): cid for cid, d, i in conn.execute("SELECT id, doc_id, claim_index FROM ledger_claims")}
        out: dict[tuple[str, int, int], str] = {}
        for doc in st.iter_results(conn, run):
            for i, c in enumerate(doc.claims):
                cid = ids[(doc.doc_id, i)]
                m = c.source.mention
                if m and m.start is not None:
                    out.setdefault((doc.doc_id, m.start, m.end), ledger.claim_facts[cid][0])
                relays = ledger.claim_relays.get(cid, [])
                for j, v in enumerate(c.via):
                    if v.mention and v.mention.start is not None and j < len(relays):
                        out.setdefault((doc.doc_id, v.mention.start, v.mention.end), relays[j])
        conn.close()
    return out


def score(gold: list[dict], pred: dict[tuple[str, int, int], str]) -> dict:
    found = [(g, pred[(g["doc_id"], g["start"], g["end"])]) for g in gold if (g["doc_id"], g["start"], g["end"]) in pred]
    tp = fp = fn = 0
    wrong, missed = [], []
    for (a, pa), (b, pb) in itertools.combinations(found, 2):
        same_gold, same_pred = a["entity"] == b["entity"], pa == pb
        tp += same_gold and same_pred
        if same_pred and not same_gold:
            fp += 1
            wrong.append((a, b))
        if same_gold and not same_pred:
            fn += 1
            missed.append((a, b, pa, pb))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"mentions": len(gold), "found": len(found), "entities": len({g["entity"] for g in gold}),
            "pairs_gold": tp + fn, "pairs_pred": tp + fp, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "wrong": wrong, "missed": missed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="List wrong merges and missed pairs.")
    args = ap.parse_args()
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    s = score(gold, predict(gold))
    print(f"{s['found']}/{s['mentions']} gold mentions found by the engine, {s['entities']} gold entities; "
          f"same-source pairs: {s['pairs_gold']} in gold, {s['pairs_pred']} predicted")
    print(f"pairwise precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
          f"(floor: P >= {FLOOR['precision']}, R >= {FLOOR['recall']})")
    if args.errors:
        for a, b in s["wrong"]:
            print(f"  wrong merge: {a['text']!r} ({a['doc_id']}) + {b['text']!r} ({b['doc_id']})")
        for a, b, pa, pb in s["missed"]:
            print(f"  missed: {a['text']!r} ({a['doc_id']}) -> {pa}  /  {b['text']!r} ({b['doc_id']}) -> {pb}")
    return 0 if s["precision"] >= FLOOR["precision"] and s["recall"] >= FLOOR["recall"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
