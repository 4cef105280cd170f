"""The I/O edge of `extractor eval`: get predictions (run an engine over the gold's texts,
or read a JSONL file), score them, write the report. Scoring itself is in `scoring`."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..engines import Engine
from ..models import DocumentResult
from ..pipeline import process
from .compare import Delta, compare
from .gold import GoldDoc
from .scoring import Evaluation, evaluate

DEFAULT_GOLD = Path("evals/gold/seeds.jsonl")
REPORTS = Path("evals/reports")


class EvalInputError(ValueError):
    """A predictions or comparison file that cannot be used (a usage error)."""


def predict(gold: list[GoldDoc], engine: Engine, on_doc: Callable[[], None] | None = None) -> list[DocumentResult]:
    """The engine over every gold text, through the same pipeline `extract` uses."""
    out: list[DocumentResult] = []
    for doc in gold:
        out.extend(process(doc.raw_input(), engine))
        if on_doc:
            on_doc()
    return out


def read_predictions(path: Path) -> list[DocumentResult]:
    if not path.is_file():
        raise EvalInputError(f"no such predictions file: {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(DocumentResult.model_validate_json(line))
        except ValueError as e:
            raise EvalInputError(f"{path} line {n}: not an extractor output line ({str(e).splitlines()[0]})") from None
    return out


def read_metrics(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise EvalInputError(f"cannot read metrics to compare with, {path}: {e}") from None
    if not isinstance(data, dict):
        raise EvalInputError(f"{path}: not a metrics.json object")
    return data


def default_report_dir(now: datetime | None = None) -> Path:
    now = now or datetime.now(timezone.utc)
    return REPORTS / now.strftime("%Y%m%dT%H%M%SZ")


def run_meta(gold_path: Path, preds: list[DocumentResult], source: str, seconds: float | None,
             threshold: float) -> dict[str, Any]:
    first = next((p for p in preds if p.engine), None)
    return {
        "gold": str(gold_path), "predictions": source, "dice": threshold, "seconds": seconds,
        "engine": first.engine if first else None, "model": first.model if first else None,
        "prompt_version": first.prompt_version if first else None,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def score(gold: list[GoldDoc], preds: list[DocumentResult], threshold: float,
          previous: dict[str, Any] | None) -> tuple[Evaluation, list[Delta] | None]:
    evaluation = evaluate(gold, preds, threshold)
    deltas = compare(evaluation.metrics, previous) if previous is not None else None
    return evaluation, deltas


def timed(fn: Callable[[], list[DocumentResult]]) -> tuple[list[DocumentResult], float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0
