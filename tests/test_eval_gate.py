"""CI gate: the offline engine on the seed gold must not fall below the committed floor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_offline_engine_meets_seed_floor():
    if importlib.util.find_spec("extractor.engines.offline") is None:
        pytest.skip("the offline engine (extractor/engines/offline.py) does not exist yet")
    from extractor.engines import get_engine
    from extractor.evaluate.gold import load_gold
    from extractor.evaluate.run import predict
    from extractor.evaluate.scoring import evaluate

    floor = json.loads((ROOT / "evals" / "floor.json").read_text())["seeds_linked_f1"]
    gold = load_gold(ROOT / "evals" / "gold" / "seeds.jsonl")
    metrics = evaluate(gold, predict(gold, get_engine("offline"))).metrics
    assert metrics["linked"]["f1"] >= floor, (
        f"seed linked F1 {metrics['linked']['f1']} fell below the floor {floor} in evals/floor.json; "
        f"run `extractor eval` and read evals/reports/last/report.html"
    )
