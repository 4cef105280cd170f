"""Record the offline engine's full output, or compare two recordings byte for byte.

Why: a refactor of the engine must not change one decision. This writes every document's
result (all claims with every span, field and flag) as canonical JSONL for the seeds, the
Wikinews gold, and PolNeAR dev and train (read from ../shared; recordings of these two must
never be committed), so that a before/after pair can be compared exactly.

    python evals/snapshot.py record before/          # seeds, wikinews, polnear-dev, polnear-train .jsonl
    python evals/snapshot.py compare before/ after/  # exit 1 and the first difference if any
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SETS = {
    "seeds": Path("evals/gold/seeds.jsonl"),
    "wikinews": Path("evals/gold/wikinews.jsonl"),
    "polnear-dev": Path("../shared/data/polnear/dev.jsonl"),
    "polnear-train": Path("../shared/data/polnear/train.jsonl"),
}


def _imports():
    from extractor.evaluate.gold import load_gold
    from extractor.engines import get_engine
    from extractor.pipeline import process
    return load_gold, get_engine, process


def record(out_dir: Path, names: list[str]) -> None:
    load_gold, get_engine, process = _imports()
    engine = get_engine("offline")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = SETS[name]
        if not path.exists():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        with (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            n = claims = 0
            for doc in load_gold(path):
                for result in process(doc.raw_input(), engine):
                    row = result.model_dump(mode="json")
                    fh.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
                    n += 1
                    claims += len(result.claims)
        print(f"{name}: {n} documents, {claims} claims -> {out_dir / (name + '.jsonl')}")


def compare(a: Path, b: Path) -> int:
    bad = 0
    for name in SETS:
        fa, fb = a / f"{name}.jsonl", b / f"{name}.jsonl"
        if not fa.exists() and not fb.exists():
            continue
        if not (fa.exists() and fb.exists()):
            print(f"{name}: only in one of the two recordings")
            bad += 1
            continue
        la, lb = fa.read_bytes().splitlines(), fb.read_bytes().splitlines()
        diff = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), None)
        if diff is None and len(la) == len(lb):
            print(f"{name}: identical ({len(la)} documents)")
            continue
        bad += 1
        if diff is None:
            print(f"{name}: {len(la)} vs {len(lb)} documents")
        else:
            print(f"{name}: line {diff + 1} differs\n  before: {la[diff][:300]!r}\n  after:  {lb[diff][:300]!r}")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("out_dir", type=Path)
    r.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "record":
        record(args.out_dir, args.sets)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
