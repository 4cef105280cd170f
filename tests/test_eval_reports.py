"""Report helpers: highlighting runs, chart geometry."""

from __future__ import annotations

from extractor.evaluate.reports import bars, reliability_points, segments


def test_segments_cover_text_and_prefer_missed():
    text = "abcdefghij"
    out = segments(text, [(2, 6, "spurious"), (4, 8, "missed")])
    assert "".join(p for p, _ in out) == text
    assert out == [("ab", ""), ("cd", "spurious"), ("efgh", "missed"), ("ij", "")]


def test_segments_ignore_out_of_range_marks():
    assert segments("abc", [(-5, 1, "missed"), (2, 99, "spurious")]) == [("a", "missed"), ("b", ""), ("c", "spurious")]


def test_bars_scale_and_missing_values():
    chart = bars([("p", 0.5), ("r", None), ("x", 1.7)], width=200)
    assert [r["w"] for r in chart["rows"]] == [100.0, 0.0, 200.0]
    assert chart["rows"][1]["missing"] and chart["rows"][1]["value"] == "–"


def test_reliability_points_skip_empty_bins():
    cal = {"bins": [{"lo": 0.0, "hi": 0.5, "n": 0, "accuracy": None, "confidence": None},
                    {"lo": 0.5, "hi": 1.0, "n": 4, "accuracy": 0.5, "confidence": 0.8}]}
    pts = reliability_points(cal, size=100)
    assert len(pts["cells"]) == 1 and pts["cells"][0]["h"] == 50.0 and pts["cells"][0]["x"] == 50.0
