"""Fit the offline engine's confidence model (`extractor/engines/offline/calibration.py`) on PolNeAR train.

    .venv/bin/python evals/calibrate.py                      # fit on the first 200 train documents, write the model
    .venv/bin/python evals/calibrate.py --check ../shared/data/polnear/dev.jsonl   # measure only, write nothing

The label of a predicted claim is whether it is linked-correct against the gold (content
and source matched at Dice 0.5), as `extractor eval` scores it. Only the train split is
fitted on; `--check` reports AUROC and precision above/below the review threshold on
another gold file (dev) to accept or reject the model. Re-run after changing the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.engines.offline import calibration as cal  # noqa: E402
from extractor.confidence import REVIEW_THRESHOLD, score_claim  # noqa: E402
from extractor.engines.offline import OfflineEngine  # noqa: E402
from extractor.evaluate.gold import load_gold  # noqa: E402
from extractor.evaluate.run import predict  # noqa: E402
from extractor.evaluate.scoring import auroc, group_predictions, score_document  # noqa: E402
from extractor.models import Claim  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def labelled_claims(gold_path: Path, limit: int | None) -> list[tuple[Claim, bool]]:
    gold = load_gold(gold_path)[:limit] if limit else load_gold(gold_path)
    by_input = group_predictions(predict(gold, OfflineEngine()))
    out = []
    for g in gold:
        pred = by_input.get(g.input_id, [])
        score = score_document(g.claims, pred, 0.5, g.input_id, g.typed, g.text)
        out.extend((c, r.linked) for c, r in zip(pred, score.pred_records))
    return out


def report(name: str, claims: list[tuple[Claim, bool]], weights: dict[str, float] | None) -> str:
    scores = [score_claim(cal.calibrated(c, weights) if weights else c).confidence for c, _ in claims]
    labels = [ok for _, ok in claims]
    below = [ok for s, ok in zip(scores, labels) if s < REVIEW_THRESHOLD]
    above = [ok for s, ok in zip(scores, labels) if s >= REVIEW_THRESHOLD]
    rate = lambda xs: f"{sum(xs) / len(xs):.3f}" if xs else "-"  # noqa: E731
    area = auroc(scores, labels)  # None when every claim is right (or every one wrong)
    return (f"{name}: {len(claims)} claims, AUROC {'-' if area is None else f'{area:.3f}'}; below {REVIEW_THRESHOLD}: "
            f"{len(below)} ({len(below) / max(1, len(claims)):.0%}) right {rate(below)}; at or above: right {rate(above)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--limit", type=int, default=200, help="train documents to use")
    ap.add_argument("--check", type=Path, help="measure the current model on this gold file; write nothing")
    ap.add_argument("--out", type=Path, default=cal.OFFLINE_MODEL)
    args = ap.parse_args()
    if args.check:  # the engine's confidences as they come out (calibrated by the stored model)
        print(report(args.check.name, labelled_claims(args.check, None), None))
        return
    claims = labelled_claims(args.train, args.limit)
    weights = cal.fit([(cal.features(c), ok) for c, ok in claims])
    print(report("train, the engine's confidence before this fit", claims, None))
    print(report("train, with this fit", claims, weights))
    args.out.write_text(json.dumps({
        "about": "P(claim linked-correct) for the offline engine; fitted by evals/calibrate.py",
        "fitted_on": f"{args.train.name}, first {args.limit} documents, {len(claims)} claims",
        "fitted_at": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "engine": OfflineEngine.model,
        "weights": weights,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
