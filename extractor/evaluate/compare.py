"""Comparing two runs' metrics: the headline metrics, their deltas and what counts as a regression.

Used by the eval report and the CLI's `--compare`; it reads only metrics dicts, so it
works on a metrics.json written by any earlier run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# (metric path, True when higher is better)
HEADLINE: tuple[tuple[str, bool], ...] = (
    ("content.precision", True), ("content.recall", True), ("content.f1", True),
    ("content_exact.f1", True),
    ("source.precision", True), ("source.recall", True), ("source.f1", True),
    ("cue.precision", True), ("cue.recall", True), ("cue.f1", True),
    ("linked.precision", True), ("linked.recall", True), ("linked.f1", True),
    ("speech_cue.linked.precision", True), ("speech_cue.linked.recall", True),
    ("source_type.accuracy", True), ("anonymous.precision", True), ("anonymous.recall", True),
    ("relay.accuracy", True), ("stance.accuracy", True),
    ("grounding.exact", True), ("hallucination.rate", False), ("calibration.auroc", True),
)
TOLERANCE = 0.005  # changes smaller than this are noise, not regressions


def get_path(d: dict[str, Any], path: str) -> Any:
    for key in path.split("."):
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


@dataclass(frozen=True)
class Delta:
    metric: str
    old: float | None
    new: float | None
    delta: float | None
    regression: bool


def compare(new: dict[str, Any], old: dict[str, Any]) -> list[Delta]:
    out = []
    for path, higher_better in HEADLINE:
        a, b = get_path(old, path), get_path(new, path)
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            out.append(Delta(path, a, b, None, False))
            continue
        d = round(b - a, 4)
        worse = -d if higher_better else d
        out.append(Delta(path, a, b, d, worse > TOLERANCE))
    return out


def headline(metrics: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(path, get_path(metrics, path)) for path, _ in HEADLINE]
