"""Score the offline engine against every accuracy floor of issue 14 in one run.

Why this exists: the floors live on five gold sets (seeds, the Wikinews tune/dev/heldout
splits, PolNeAR dev), and reading five eval reports to see whether they hold invites
mistakes. This prints one table: each set's linked P/R/F1, speech-cue linked R and
source-type accuracy, and each floor with its measured value and whether it holds. It runs
the same code as `extractor eval` (load gold, predict, score); nothing here is tuned on.

    python evals/floors.py                      # all sets (PolNeAR dev if ../shared has it)
    python evals/floors.py --polnear PATH       # PolNeAR dev elsewhere
    python evals/floors.py --json out.json      # also write the numbers

Exit code 0 when every floor holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "evals" / "gold" / "wikinews.jsonl"
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"

# (set, metric, floor): the floors; Wikinews `dev` and `tune` are reported, not floored.
FLOORS = [
    ("seeds", "linked_f1", 0.98),
    ("wikinews heldout", "linked_f1", 0.85),
    ("wikinews heldout", "source_type", 0.92),
    ("polnear dev", "linked_p", 0.83),
    ("polnear dev", "speech_linked_r", 0.83),
    ("polnear dev", "linked_f1", 0.65),
]


def summary(metrics: dict) -> dict:
    """The handful of numbers the floors speak of."""
    return {
        "gold": metrics["counts"]["gold"],
        "linked_p": metrics["linked"]["precision"],
        "linked_r": metrics["linked"]["recall"],
        "linked_f1": metrics["linked"]["f1"],
        "speech_linked_r": metrics["speech_cue"]["linked"]["recall"],
        "source_type": metrics["source_type"]["accuracy"],
        "failed_documents": metrics["counts"]["failed_documents"],
    }


def score(gold_path: Path, split: str | None = None) -> dict | None:
    from extractor.engines import get_engine
    from extractor.evaluate.gold import load_gold
    from extractor.evaluate.run import predict
    from extractor.evaluate.scoring import evaluate

    gold = load_gold(gold_path)
    if split:
        gold = [g for g in gold if any(r.metadata.get("split") == split for r in g.results)]
    if not gold:
        return None
    return summary(evaluate(gold, predict(gold, get_engine("offline"))).metrics)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR_DEV, help="PolNeAR dev gold (skipped if absent)")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args(argv)

    sets = {"seeds": score(ROOT / "evals" / "gold" / "seeds.jsonl")}
    for split in ("tune", "dev", "heldout"):
        if (s := score(WIKINEWS, split)) is not None:
            sets[f"wikinews {split}"] = s
    if args.polnear.is_file():
        sets["polnear dev"] = score(args.polnear)
    else:
        print(f"note: {args.polnear} not found, PolNeAR floors not checked", file=sys.stderr)

    def fmt(v):
        return "-" if v is None else f"{v:.3f}"

    print(f"{'set':18} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'speechR':>8} {'type':>6}")
    for name, s in sets.items():
        print(f"{name:18} {s['gold']:>5} {fmt(s['linked_p']):>6} {fmt(s['linked_r']):>6} "
              f"{fmt(s['linked_f1']):>6} {fmt(s['speech_linked_r']):>8} {fmt(s['source_type']):>6}")
    for name, s in sets.items():
        if s["failed_documents"]:  # an engine error costs recall silently otherwise
            print(f"warning: {name}: {s['failed_documents']} documents failed (engine errors); see `extractor eval`")
    print()
    ok = True
    for name, metric, floor in FLOORS:
        if name not in sets:
            continue
        value = sets[name][metric]
        held = value is not None and value >= floor
        ok &= held
        print(f"{'holds' if held else 'BELOW':5}  {name} {metric} {fmt(value)} (floor {floor})")
    if args.json:
        args.json.write_text(json.dumps({"sets": sets, "floors": FLOORS}, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
