"""Eval reports: metrics.json, report.md and a self-contained report.html.

The HTML has no remote assets (inline CSS and SVG) and autoescapes everything: article
text is untrusted input. Geometry for charts is computed here, drawn by the template.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rich.table import Table

from ..models import Claim, DocumentResult
from .compare import HEADLINE, Delta, get_path
from .documents import DocScore
from .scoring import Evaluation

TEMPLATES = Path(__file__).parent / "templates"
MAX_ERROR_DOCS = 200  # the error list is for reading, not a dump of the corpus

CHART_GROUPS = (
    ("Precision / recall / F1", ("content", "content_exact", "source", "cue", "linked", "speech_cue.linked"),
     ("precision", "recall", "f1")),
)
ACCURACIES = ("source_type.accuracy", "anonymous.precision", "anonymous.recall", "relay.accuracy",
              "stance.accuracy", "grounding.exact", "hallucination.rate", "calibration.auroc")


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def fmt_delta(d: Delta) -> str:
    if d.delta is None:
        return "–"
    mark = " ▼" if d.regression else (" ▲" if d.delta and not d.regression and abs(d.delta) > 0.005 else "")
    return f"{d.delta:+.3f}{mark}"


# ---- chart geometry --------------------------------------------------------------------


def bars(items: list[tuple[str, float | None]], width: int = 320, bar_h: int = 16, gap: int = 6,
         label_w: int = 170) -> dict[str, Any]:
    """Horizontal bars for values in [0, 1]; missing values get no bar."""
    rows = []
    for i, (label, value) in enumerate(items):
        v = max(0.0, min(1.0, value)) if isinstance(value, (int, float)) else None
        rows.append({"label": label, "value": fmt(value), "y": i * (bar_h + gap),
                     "w": round((v or 0.0) * width, 1), "missing": v is None})
    return {"rows": rows, "width": width, "label_w": label_w, "bar_h": bar_h,
            "height": len(items) * (bar_h + gap), "total_w": label_w + width + 60}


def metric_charts(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    """One bar chart per metric family (P/R/F1 of each), plus one for accuracies/rates."""
    charts = []
    for _, keys, parts in CHART_GROUPS:
        for key in keys:
            items = [(part, get_path(metrics, f"{key}.{part}")) for part in parts]
            charts.append({"title": key.replace("_", " "), **bars(items, width=200, label_w=80)})
    charts.append({"title": "accuracies and rates", **bars([(k, get_path(metrics, k)) for k in ACCURACIES])})
    return charts


def reliability_points(calibration: dict[str, Any], size: int = 240) -> dict[str, Any]:
    """Reliability diagram: per bin, a bar of accuracy at the bin's confidence range."""
    cells = []
    for b in calibration.get("bins", []):
        if not b["n"]:
            continue
        x = b["lo"] * size
        h = (b["accuracy"] or 0.0) * size
        cells.append({"x": round(x, 1), "w": round((b["hi"] - b["lo"]) * size - 2, 1), "y": round(size - h, 1),
                      "h": round(h, 1), "n": b["n"], "acc": fmt(b["accuracy"]), "conf": fmt(b["confidence"])})
    ticks = [{"pos": round(v * size, 1), "label": f"{v:g}"} for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
    return {"size": size, "cells": cells, "ticks": ticks}


def partial_gold_warning(metrics: dict[str, Any]) -> str | None:
    """The banner for gold made of reviewed claims only: its precision is not a precision."""
    pg = metrics.get("counts", {}).get("partial_gold_documents", 0)
    if not pg:
        return None
    return (f"Partial gold: {pg} of {metrics['counts']['documents']} gold documents hold only the claims a reviewer "
            "decided, not every claim of the article. Every other claim a run finds there counts as a false positive, "
            "so precision and hallucination rate are meaningless here; read recall on the reviewed claims only. "
            "Export complete documents (`extractor review export` without --partial) for full gold.")


# ---- error highlighting ----------------------------------------------------------------

PRIORITY = {"missed": 3, "spurious": 2, "wrong-source": 1}


def segments(text: str, marks: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Split text into (piece, label) runs; overlapping marks keep the highest-priority label."""
    labels = [""] * len(text)
    for start, end, label in sorted(marks, key=lambda m: PRIORITY.get(m[2], 0)):
        for i in range(max(0, start), min(len(text), end)):
            labels[i] = label
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and labels[j] == labels[i]:
            j += 1
        out.append((text[i:j], labels[i]))
        i = j
    return out


def claim_row(claim: Claim) -> dict[str, str]:
    return {"content": claim.content.text, "source": claim.source.mention.text if claim.source.mention else "(none)",
            "cue": claim.cue.text if claim.cue else "", "type": claim.source.type,
            "match": claim.content.match, "confidence": fmt(claim.confidence)}


def doc_errors(doc: DocScore) -> dict[str, Any] | None:
    missed, spurious, wrong = doc.missed(), doc.spurious(), doc.wrong_source()
    if not (missed or spurious or wrong):
        return None
    marks = [(c.content.start, c.content.end, "missed") for c in missed if c.content.start is not None]
    marks += [(c.content.start, c.content.end, "spurious") for c in spurious if c.content.start is not None]
    marks += [(p.content.start, p.content.end, "wrong-source") for _, p in wrong if p.content.start is not None]
    return {
        "input_id": doc.input_id,
        "counts": {"gold": len(doc.gold), "pred": len(doc.pred), "missed": len(missed), "spurious": len(spurious),
                   "wrong_source": len(wrong)},
        "missed": [claim_row(c) for c in missed],
        "spurious": [claim_row(c) for c in spurious],
        "wrong_source": [{"gold": claim_row(g), "pred": claim_row(p)} for g, p in wrong],
        "segments": segments(doc.text, marks),
    }


def per_document(docs: list[DocScore]) -> list[dict[str, Any]]:
    return [{"input_id": d.input_id, "gold": len(d.gold), "pred": len(d.pred), "matched": len(d.pairs),
             "linked": sum(r.linked for r in d.gold_records), "missed": len(d.missed()),
             "spurious": len(d.spurious())} for d in docs]


# ---- tables ----------------------------------------------------------------------------


def headline_rows(metrics: dict[str, Any], deltas: list[Delta] | None = None) -> list[dict[str, str]]:
    by_metric = {d.metric: d for d in deltas or []}
    rows = []
    for path, higher in HEADLINE:
        d = by_metric.get(path)
        rows.append({"metric": path, "value": fmt(get_path(metrics, path)),
                     "old": fmt(d.old) if d else "", "delta": fmt_delta(d) if d else "",
                     "regression": bool(d and d.regression), "better": "higher" if higher else "lower"})
    return rows


def headline_table(metrics: dict[str, Any], deltas: list[Delta] | None = None, title: str = "eval") -> Table:
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    if deltas is not None:
        table.add_column("previous", justify="right")
        table.add_column("delta", justify="right")
    for row in headline_rows(metrics, deltas):
        cells = [row["metric"], row["value"]]
        if deltas is not None:
            style = "red" if row["regression"] else ""
            cells += [row["old"], f"[{style}]{row['delta']}[/{style}]" if style else row["delta"]]
        table.add_row(*cells)
    return table


# ---- rendering -------------------------------------------------------------------------


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "htm", "xml", "html.j2"]),  # .j2 too: article text is untrusted
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["fmt"] = fmt
    return env


def context(evaluation: Evaluation, meta: dict[str, Any], deltas: list[Delta] | None) -> dict[str, Any]:
    m = evaluation.metrics
    errors = [e for e in (doc_errors(d) for d in evaluation.documents) if e]
    return {
        "meta": meta, "m": m, "headline": headline_rows(m, deltas), "compare": deltas is not None,
        "regressions": [d.metric for d in deltas or [] if d.regression],
        "charts": metric_charts(m), "reliability": reliability_points(m["calibration"]),
        "types": list(m["by_type"].items()),
        "errors": errors[:MAX_ERROR_DOCS], "errors_left_off": max(0, len(errors) - MAX_ERROR_DOCS),
        "per_document": per_document(evaluation.documents), "partial": partial_gold_warning(m),
    }


def render(evaluation: Evaluation, meta: dict[str, Any], deltas: list[Delta] | None = None) -> tuple[str, str]:
    env = environment()
    ctx = context(evaluation, meta, deltas)
    return env.get_template("report.md.j2").render(ctx), env.get_template("report.html.j2").render(ctx)


def metrics_document(evaluation: Evaluation, meta: dict[str, Any], deltas: list[Delta] | None = None) -> dict[str, Any]:
    out = {"meta": meta, **evaluation.metrics, "per_document": per_document(evaluation.documents)}
    if deltas is not None:
        out["compare"] = [asdict(d) for d in deltas]
    return out


def write_report(evaluation: Evaluation, out_dir: Path, meta: dict[str, Any], deltas: list[Delta] | None = None,
                 last: Path | None = None, predictions: list[DocumentResult] | None = None) -> dict[str, Path]:
    """Write the three files into out_dir (and a copy into `last`, replacing it).

    With `predictions` (an engine was run), also predictions.jsonl, so the same output
    can be re-scored with --pred or opened in review without running the engine again.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    md, html = render(evaluation, meta, deltas)
    paths = {"metrics": out_dir / "metrics.json", "markdown": out_dir / "report.md", "html": out_dir / "report.html"}
    paths["metrics"].write_text(json.dumps(metrics_document(evaluation, meta, deltas), indent=2), encoding="utf-8")
    paths["markdown"].write_text(md, encoding="utf-8")
    paths["html"].write_text(html, encoding="utf-8")
    if predictions is not None:
        paths["predictions"] = out_dir / "predictions.jsonl"
        paths["predictions"].write_text("".join(p.model_dump_json() + "\n" for p in predictions), encoding="utf-8")
    if last is not None and last.resolve() != out_dir.resolve():
        if last.exists():
            shutil.rmtree(last)
        shutil.copytree(out_dir, last)
    return paths
