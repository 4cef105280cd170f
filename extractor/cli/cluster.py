"""Running on a Ray cluster: `extractor extract --executor ray` (its driver side: progress,
summary, exit codes) and `extractor import`, which brings the shards into a run store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..loading import Identities, UsageError
from .common import _collisions, _fail_usage, _user_errors, app, err


def extract_on_ray(inputs: list[str], engine: str, engine_args: dict[str, Any], opts: Any, run: str,
                   output_dir: Optional[str], fmt: str, resume: bool, workers: Optional[int], quiet: bool,
                   block_size: int = 64) -> None:
    """Exit 0 if every document is fine, 1 if some failed (each reason on stderr and in
    its shard), 2 for a usage error, as the local runner."""
    # long: each way a cluster run ends (usage error, missing Ray, Ctrl-C, a stopped run) has its own message and exit code
    if not output_dir:
        _fail_usage("--executor ray writes shards: name a folder (or object-store URI) with --output-dir")
    if fmt not in {"parquet", "jsonl"}:
        _fail_usage(f"--output-format must be parquet or jsonl, got {fmt!r}")
    if opts.shard:
        _fail_usage("--shard is for the local executor; Ray schedules the whole corpus over the cluster")
    try:
        from ..batch.ray_executor import run_ray
    except ImportError:
        _fail_usage("--executor ray needs Ray: pip install 'extractor[ray]'")
        return
    from ..batch.runner import RunStopped

    progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[stats]}"),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=True)
    ids = Identities()
    totals = {"documents": 0, "claims": 0, "failed": 0, "tokens": 0, "cost": 0.0}

    def on_block(row: dict[str, Any]) -> None:
        usage = json.loads(row["usage"])
        for key, value in (("documents", row["documents"]), ("claims", row["claims"]), ("failed", row["failed"]),
                           ("tokens", usage["prompt_tokens"] + usage["completion_tokens"]), ("cost", usage["cost_usd"])):
            totals[key] += value
        for line in json.loads(row["errors"]):
            progress.console.print(f"[yellow]{line}[/yellow]", highlight=False, soft_wrap=True)
        progress.update(task, advance=int(row["documents"]),
                        stats=(f"{totals['documents']} docs, {totals['claims']} claims, {totals['failed']} failed, "
                               f"{totals['tokens']} tokens, ${totals['cost']:.4f}"))

    try:
        with progress:
            task = progress.add_task("extracting on ray", total=None, stats="starting the cluster")
            summary = run_ray(inputs, engine, engine_args, opts, run, output_dir, fmt, resume=resume,
                              workers=workers, block_size=block_size, on_block=on_block, identities=ids)
    except UsageError as e:
        _fail_usage(str(e))
        return
    except KeyboardInterrupt:
        err.print(f"interrupted; finished blocks are in {output_dir}: continue with --resume", highlight=False)
        raise typer.Exit(1)
    except RunStopped as e:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    _collisions(ids)
    err.print(summary.line(), highlight=False, soft_wrap=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command("import")
def import_(
    output_dir: str = typer.Argument(..., help="The --output-dir of a `--executor ray` run (its part-* shards)."),
    run: str = typer.Option(..., "--run", help="Run name in the store (created, or added to)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
) -> None:
    """Import the shards of a Ray run into a run store, for review, export and eval."""
    from ..batch.importing import import_shards
    from ..batch.store import open_store

    with _user_errors():
        if not output_dir or ("://" not in output_dir and not Path(output_dir).is_dir()):
            _fail_usage(f"no such folder: {output_dir}")
        counts = import_shards(open_store(store), output_dir, run)
    err.print(f"imported {counts['documents']} documents ({counts['inputs']} inputs, {counts['failed']} failed) "
              f"into run {run} of {store}", highlight=False)
