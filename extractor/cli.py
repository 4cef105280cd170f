"""The `extractor` command. Thin: parse options, wire stages, print a summary."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .loading import UsageError, read_inputs
from .models import DocumentResult
from .pipeline import process

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Claim and source-attribution extraction for news.")
err = Console(stderr=True)


def _fail_usage(message: str) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, .jsonl files, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSONL here (default: stdout)."),
    engine: str = typer.Option("offline", "--engine", help="offline (spaCy rules, no network) or llm."),
    include_unattributed: bool = typer.Option(False, "--include-unattributed", help="Also emit the article's own unattributed statements."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
) -> None:
    """Extract attributed claims from news articles into JSONL, one object per article."""
    try:
        from .engines import get_engine

        eng = get_engine(engine)
        raws = list(read_inputs(inputs))
    except (UsageError, ValueError) as e:
        _fail_usage(str(e))
        return
    t0 = time.perf_counter()
    n_docs = n_claims = n_failed = 0
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=quiet or len(raws) < 2, transient=True)
    try:
        with progress:
            task = progress.add_task("extracting", total=len(raws))
            for raw in raws:
                for doc in process(raw, eng, include_unattributed):
                    out.write(doc.model_dump_json() + "\n")
                    n_docs += 1
                    n_claims += len(doc.claims)
                    if doc.failed:
                        n_failed += 1
                        for e in doc.errors:
                            progress.console.print(f"[yellow]{doc.doc_id}:[/yellow] {e.message}", highlight=False)
                progress.advance(task)
    finally:
        if output:
            out.close()
    secs = time.perf_counter() - t0
    err.print(f"{n_docs} documents, {n_claims} claims, {n_failed} failed, {secs:.1f} s", highlight=False)
    raise typer.Exit(1 if n_failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    print(json.dumps(DocumentResult.model_json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    print(__version__)


def main() -> None:
    app()
