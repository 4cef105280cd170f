"""CI gates: the offline engine on the seed gold and on the Wikinews gold must not fall
below the floors committed in evals/floor.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOOR = json.loads((ROOT / "evals" / "floor.json").read_text())


def metrics_on(gold_file: str) -> dict:
    from extractor.engines import get_engine
    from extractor.evaluate.gold import load_gold
    from extractor.evaluate.run import predict
    from extractor.evaluate.scoring import evaluate

    gold = load_gold(ROOT / "evals" / "gold" / gold_file)
    return evaluate(gold, predict(gold, get_engine("offline"))).metrics


def test_offline_engine_meets_seed_floor():
    metrics = metrics_on("seeds.jsonl")
    floor = FLOOR["seeds_linked_f1"]
    assert metrics["linked"]["f1"] >= floor, (
        f"seed linked F1 {metrics['linked']['f1']} fell below the floor {floor} in evals/floor.json; "
        f"run `extractor eval` and read evals/reports/last/report.html"
    )


@pytest.fixture(scope="module")
def wikinews():
    return metrics_on("wikinews.jsonl")


def test_offline_engine_meets_wikinews_floor(wikinews):
    # All splits together: tuning looks only at `tune` (evals/README.md), and this gate
    # reports the whole set so that no part can slip unnoticed.
    assert wikinews["counts"]["gold"] >= 1000
    floor = FLOOR["wikinews_linked_f1"]
    assert wikinews["linked"]["f1"] >= floor, (
        f"Wikinews linked F1 {wikinews['linked']['f1']} fell below the floor {floor} in evals/floor.json; "
        f"run `extractor eval --gold evals/gold/wikinews.jsonl --gold-split tune` to look at the tune part"
    )


def test_offline_engine_meets_wikinews_source_type_floor(wikinews):
    floor = FLOOR["wikinews_source_type_accuracy"]
    assert wikinews["source_type"]["accuracy"] >= floor, (
        f"Wikinews source-type accuracy {wikinews['source_type']['accuracy']} fell below {floor} (evals/floor.json)"
    )
