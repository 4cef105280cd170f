"""The canonicalisation gold (evals/gold/canonical.jsonl, built by reading the seeds and
16 Wikinews articles): pairwise precision and recall above the floor the issue sets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evals"))

import canonical  # noqa: E402


@pytest.mark.slow
def test_canonical_gold_floor():
    gold = [json.loads(line) for line in canonical.GOLD.open(encoding="utf-8")]
    s = canonical.score(gold, canonical.predict(gold))
    assert s["found"] == s["mentions"]
    assert s["precision"] >= canonical.FLOOR["precision"], s["wrong"]
    assert s["recall"] >= canonical.FLOOR["recall"], s["missed"]


def test_scorer_counts_pairs():
    gold = [{"doc_id": "d", "start": i, "end": i + 1, "text": t, "entity": e}
            for i, (t, e) in enumerate([("A", "x"), ("A2", "x"), ("B", "y"), ("C", "z")])]
    pred = {("d", 0, 1): "p", ("d", 1, 2): "q", ("d", 2, 3): "r", ("d", 3, 4): "r"}
    s = canonical.score(gold, pred)
    assert (s["precision"], s["recall"]) == (0.0, 0.0) and len(s["wrong"]) == 1 and len(s["missed"]) == 1
    pred[("d", 1, 2)] = "p"
    pred[("d", 3, 4)] = "s"
    s = canonical.score(gold, pred)
    assert (s["precision"], s["recall"], s["pairs_gold"]) == (1.0, 1.0, 1)
