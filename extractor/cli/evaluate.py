"""`extractor eval`: score an engine or a predictions file against gold."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..loading import UsageError
from .common import _fail_usage, app, err


@app.command("eval")
def eval_(
    engine: str = typer.Option("offline", "--engine", help="Engine to run over the gold texts: offline or llm."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this extractor output (JSONL) instead of running an engine."),
    gold: Path = typer.Option(Path("evals/gold/seeds.jsonl"), "--gold", help="Gold: our JSONL format or PolNeAR-style JSONL."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="Folder with the raw texts of our-format gold (default: found from the gold's source_file)."),
    dice: float = typer.Option(0.5, "--dice", min=0.01, max=1.0, help="Content-span Dice needed for a match."),
    report_dir: Optional[Path] = typer.Option(None, "--report-dir", help="Where to write metrics.json, report.md, report.html (default evals/reports/<timestamp>/, copied to evals/reports/last/)."),
    compare_to: Optional[Path] = typer.Option(None, "--compare", help="A previous metrics.json: print and render deltas, mark regressions."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N gold inputs."),
    gold_split: Optional[str] = typer.Option(None, "--gold-split", help="Only gold inputs whose metadata.split is this (e.g. tune or heldout)."),
    model: Optional[str] = typer.Option(None, "--model", help="[llm] Model name."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="[llm] OpenAI-compatible endpoint."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="[llm] API key; never printed or stored."),
    mode: Optional[str] = typer.Option(None, "--mode", help="[llm] tools, json_schema or md_json."),
    config: Optional[Path] = typer.Option(None, "--config", help="[llm] TOML config file."),
) -> None:
    """Score an engine (or a predictions file) against gold attributions and write a report."""
    from ..evaluate.run import (EvalInputError, default_report_dir, predict, read_metrics, read_predictions, run_meta,
                          score, timed)
    from ..evaluate.gold import GoldError, load_gold
    from ..evaluate.reports import headline_table, partial_gold_warning, write_report

    try:
        docs = load_gold(gold, texts)
        if gold_split is not None:
            docs = [d for d in docs if any((r.metadata or {}).get("split") == gold_split for r in d.results) or d.metadata.get("split") == gold_split]
            if not docs:
                raise GoldError(f"no gold input in {gold} has metadata.split {gold_split!r}")
        docs = docs[:limit]
        previous = read_metrics(compare_to) if compare_to else None
        if pred is not None:
            preds, seconds, source = read_predictions(pred), None, str(pred)
        else:
            from ..engines import get_engine

            llm = dict(model=model, base_url=base_url, api_key=api_key, mode=mode, config=config)
            eng = get_engine(engine, **(llm if engine == "llm" else {}))
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err, transient=True) as progress:
                task = progress.add_task(f"{engine} engine", total=len(docs))
                preds, seconds = timed(lambda: predict(docs, eng, lambda: progress.advance(task)))
            source = f"{engine} engine"
    except (GoldError, EvalInputError, UsageError, ValueError) as e:
        _fail_usage(str(e))
        return
    evaluation, deltas = score(docs, preds, dice, previous)
    meta = run_meta(gold, preds, source, seconds, dice)
    out_dir = report_dir or default_report_dir()
    paths = write_report(evaluation, out_dir, meta, deltas, last=None if report_dir else out_dir.parent / "last",
                         predictions=None if pred is not None else preds)
    Console().print(headline_table(evaluation.metrics, deltas, title=f"eval: {source} vs {gold} (Dice {dice})"))
    if warning := partial_gold_warning(evaluation.metrics):
        err.print(f"[bold yellow]{warning}[/bold yellow]", highlight=False)
    regressions = [d.metric for d in deltas or [] if d.regression]
    if regressions:
        err.print(f"[red]regressions:[/red] {', '.join(regressions)}", highlight=False)
    failed = evaluation.metrics["counts"]["failed_documents"]
    err.print(f"{len(docs)} inputs, {failed} failed; report in {paths['html'].parent}", highlight=False)
    raise typer.Exit(1 if failed else 0)
