"""`extractor extract` and the commands on what it leaves in the run store: `runs`,
`export`, `merge`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..cleaning import SPLIT_MODES
from ..loading import UsageError, read_inputs
from ..models import DocumentResult
from .common import _collisions, _existing_store, _fail_usage, _user_errors, app, err


DOC_TIMEOUT_HELP = ("Seconds one document may take, retries included; the chunks answered by then are kept (the "
                    "document is flagged partial). [llm] default: one request's worst case, --timeout x (--max-retries + 1) "
                    "+ backoff (619 s with the defaults); a shorter one is refused. Other engines: 300.")
MAX_OUTPUT_HELP = ("[llm] Room for each answer, sent as max_tokens and counted in the --context-tokens budget (env "
                   "EXTRACTOR_MAX_OUTPUT_TOKENS; default: as many tokens as a chunk of article, at most 4096).")


def _doc_timeout(eng, given: float | None) -> float:
    """The LLM engine's is derived from (or checked against) its request timeout and retries."""
    if getattr(eng, "name", None) != "llm":
        return 300.0 if given is None else given
    from ..engines.llm.timeouts import doc_timeout

    return doc_timeout(eng.settings, given)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, .jsonl files, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSONL here (default, or -: stdout)."),
    engine: str = typer.Option("offline", "--engine", help="offline (spaCy rules, no network) or llm."),
    include_unattributed: bool = typer.Option(False, "--include-unattributed", help="Also emit the article's own unattributed statements."),
    split: str = typer.Option("auto", "--split", help="Cut a text into articles: auto (only a scraped page of several articles), never, always (at every two blank lines)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    run: Optional[str] = typer.Option(None, "--run", help="Run name in the store (default: a new auto-named run)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    resume: bool = typer.Option(False, "--resume", help="Continue --run: skip documents already done."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume, process failed documents again."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Call the engine even when a stored result matches."),
    concurrency: int = typer.Option(8, "--concurrency", min=1, help="Engine calls in flight at once."),
    rpm: Optional[float] = typer.Option(None, "--rpm", min=1, help="Requests-per-minute limit."),
    tpm: Optional[float] = typer.Option(None, "--tpm", min=1, help="Tokens-per-minute limit (estimated before each call)."),
    doc_timeout: Optional[float] = typer.Option(None, "--doc-timeout", min=0.01, show_default=False, help=DOC_TIMEOUT_HELP),
    shard: Optional[str] = typer.Option(None, "--shard", help="i/N: process only shard i (0-based) of N, by a stable hash of the input id."),
    model: Optional[str] = typer.Option(None, "--model", help="[llm] Model name (env EXTRACTOR_MODEL; default gpt-4o-mini)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="[llm] OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (env OPENAI_BASE_URL); user:password@ in it is sent as Basic auth, token@ as a bearer key."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="[llm] API key (env OPENAI_API_KEY); never printed or stored."),
    mode: Optional[str] = typer.Option(None, "--mode", help="[llm] tools (default), json_schema or md_json."),
    max_reasks: Optional[int] = typer.Option(None, "--max-reasks", min=0, help="[llm] Re-asks when an answer fails the schema, e.g. a verbatim field not in the article (default 2)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.01, help="[llm] Seconds per HTTP request (default 120)."),
    max_retries: Optional[int] = typer.Option(None, "--max-retries", min=0, help="[llm] Retries per request on 429/5xx/timeouts (default 4)."),
    context_tokens: Optional[int] = typer.Option(None, "--context-tokens", min=512, help="[llm] The model's context window; longer articles are chunked (default 8192)."),
    max_output_tokens: Optional[int] = typer.Option(None, "--max-output-tokens", min=64, help=MAX_OUTPUT_HELP),
    cross_check: bool = typer.Option(False, "--cross-check", help="[llm] Also run the offline engine and flag claims it does not confirm."),
    config: Optional[Path] = typer.Option(None, "--config", help="[llm] TOML config file (default ./extractor.toml or ~/.config/extractor/config.toml)."),
    executor: str = typer.Option("local", "--executor", help="local (this machine) or ray (a Ray cluster: RAY_ADDRESS, else a local one); see docs/scaling.md."),
    output_dir: Optional[str] = typer.Option(None, "--output-dir", help="[ray] Folder or object-store URI for the output shards (required with --executor ray)."),
    output_format: str = typer.Option("parquet", "--output-format", help="[ray] Shard format: parquet or jsonl."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Engine processes: local offline engine (default 1), or Ray actors (default: the cluster's CPUs)."),
    block_size: int = typer.Option(64, "--block-size", min=1, help="[ray] Inputs per block: the unit of scheduling, retry, resume and of one output shard."),
) -> None:
    """Extract attributed claims from news articles into JSONL, one object per article.

    Every document is also recorded in the run store, so a killed run continues with
    --run NAME --resume and `extractor export` can write CSV, JSONL or Parquet later.
    An -o file is a view of the whole run: rebuilt from the store when the run ends (or
    stops), written beside and renamed, so it is whole after any kill and resume.
    """
    # long: its 27 options are its signature, and each way a run can end (usage error, a signal, a stopped run, a closed pipe) has its own message and exit code here
    from ..batch.runner import Interrupted, RunOptions, RunStopped, check_inputs, parse_shard, run_batch
    from ..batch.store import StoreError, auto_run_name
    from ..loading import Identities

    run = run or auto_run_name()
    to_file = output is not None and str(output) != "-"
    try:
        from ..engines import get_engine

        llm = dict(model=model, base_url=base_url, api_key=api_key, mode=mode, max_reasks=max_reasks, timeout=timeout,
                   max_retries=max_retries, context_tokens=context_tokens, max_output_tokens=max_output_tokens,
                   cross_check=cross_check or None, config=config)
        eng = get_engine(engine, **(llm if engine == "llm" else {}))
        doc_timeout = _doc_timeout(eng, doc_timeout)
        if executor not in {"local", "ray"}:
            raise ValueError(f"--executor must be local or ray, got {executor!r}")
        if executor == "local":
            check_inputs(inputs)
            if to_file:
                _check_output(output, inputs)  # type: ignore[arg-type]
        opts = RunOptions(concurrency=concurrency, rpm=rpm, tpm=tpm, doc_timeout=doc_timeout, use_cache=not no_cache,
                          retry_failed=retry_failed, shard=parse_shard(shard) if shard else None,
                          include_unattributed=include_unattributed, split=split)
        if split not in SPLIT_MODES:
            raise UsageError(f"--split must be auto, never or always, got {split!r}")
    except (UsageError, ValueError) as e:
        _fail_usage(str(e))
        return
    if executor == "ray":  # the cluster path has its own output (shards) and progress
        from .cluster import extract_on_ray

        extract_on_ray(inputs, engine, llm if engine == "llm" else {}, opts, run, output_dir, output_format, resume,
                       workers, quiet, block_size)
        return
    if workers and workers > 1 and engine == "offline":
        from ..batch.parallel import ProcessPoolEngine

        eng = ProcessPoolEngine(eng, engine, workers)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=True)
    ids = Identities()
    view = _View(output if to_file else None)

    def emit(doc: DocumentResult) -> None:
        if not to_file:
            sys.stdout.write(doc.model_dump_json() + "\n")
        for e in doc.errors:
            progress.console.print(f"[yellow]{doc.doc_id}:[/yellow] {e.message}", highlight=False)
        progress.advance(task)

    resume_hint = f"continue with --run {run} --resume"
    try:
        with progress:
            task = progress.add_task("extracting", total=None)
            summary = run_batch(read_inputs(inputs, ids), eng, str(store), run, opts, resume=resume, emit=emit,
                                on_close=view.write)
    except StoreError as e:
        _fail_usage(str(e))
        return
    except Interrupted as e:
        _collisions(ids)
        err.print(f"{e}: run {run} marked interrupted; finished documents are stored in {store}{view.said()}; "
                  f"{resume_hint}", highlight=False, soft_wrap=True)
        raise typer.Exit(128 + e.signum)
    except KeyboardInterrupt:
        err.print(f"interrupted; finished documents are stored in {store}: {resume_hint}", highlight=False)
        raise typer.Exit(130)
    except RunStopped as e:
        _collisions(ids)
        err.print(f"[red]error:[/red] {e}{view.said()}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    except BrokenPipeError:  # `extractor extract ... | head`: the reader left; the store has what finished
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        err.print(f"output closed early; finished documents are stored: {resume_hint}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    _collisions(ids)
    if view.error:
        err.print(f"[red]error:[/red] {view.error}", highlight=False, soft_wrap=True)
    err.print(summary.line(), highlight=False, soft_wrap=True)
    raise typer.Exit(1 if summary.failed or view.error else 0)


def _check_output(output: Path, inputs: list[str]) -> None:
    """-o must not be one of the inputs (it is replaced when the run ends): a usage error first."""
    import os

    from ..loading import expand

    if not output.exists():
        if not output.parent.is_dir():
            raise UsageError(f"cannot write {output}: no such folder {output.parent}")
        return
    if output.is_dir():
        raise UsageError(f"-o {output} is a folder; name a file")
    for p in expand(inputs):
        if p != "-" and os.path.exists(p) and os.path.samefile(p, output):
            raise UsageError(f"-o {output} is one of the inputs ({p}); it would be overwritten: write the output elsewhere")


class _View:
    """The -o file, rebuilt from the store when the run closes (under its lock)."""

    def __init__(self, path: Path | None):
        self.path, self.written, self.error = path, None, None

    def write(self, conn, run) -> None:
        if self.path is None:
            return
        from ..batch.export import write_view

        try:
            self.written = write_view(conn, run, self.path)
        except OSError as e:
            self.error = (f"cannot write {self.path} ({e.strerror or e}); the previous file is left whole and the "
                          f"run is stored: free space, then `extractor export {run.name} -f jsonl -o {self.path}`")

    def said(self) -> str:
        if self.error:
            return f"; {self.error}"
        return f", and all {self.written} of them are in {self.path}" if self.written is not None else ""


@app.command()
def runs(store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite).")) -> None:
    """List the runs in the store: documents done/failed/cached, tokens, cost, duration."""
    from rich.table import Table

    from ..batch.store import list_runs

    with _user_errors():
        stats = list_runs(_existing_store(store, readonly=True))
    table = Table(title=f"runs in {store}")
    for col in ("run", "engine/model", "status", "started", "done", "failed", "cached", "claims", "tokens", "cost $", "duration"):
        table.add_column(col, no_wrap=True,
                         justify="right" if col in {"done", "failed", "cached", "claims", "tokens", "cost $", "duration"} else "left")
    for s in stats:
        r = s.run
        table.add_row(r.name, f"{r.engine}/{r.model or '-'}", r.status, r.started_at[:16].replace("T", " "), str(s.ok),
                      str(s.failed), str(s.cached), str(s.claims), str(s.prompt_tokens + s.completion_tokens),
                      f"{s.cost_usd:.4f}", f"{s.seconds:.1f} s" if s.seconds is not None else "-")
    # Piped output gets the whole table, not one squeezed to 80 columns.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


@app.command()
def export(
    run: str = typer.Argument(..., help="Run name (see `extractor runs`)."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv (one row per claim), jsonl (one line per document) or parquet."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
) -> None:
    """Export a stored run as CSV, JSONL or Parquet."""
    from ..batch.export import export_run

    try:
        with _user_errors(output):
            n = export_run(_existing_store(store, readonly=True), run, fmt, output)
    except ImportError:
        _fail_usage("parquet export needs pyarrow: pip install 'extractor[parquet]'")
        return
    err.print(f"{n} {'documents' if fmt == 'jsonl' else 'claims'} written to {output}", highlight=False)


@app.command()
def merge(
    target: Path = typer.Argument(..., help="Store to merge into (created if missing)."),
    sources: list[Path] = typer.Argument(..., help="Stores to merge from, e.g. one per shard."),
) -> None:
    """Combine run stores (e.g. the shards of one run made on several machines)."""
    from ..batch.store import merge as merge_stores, open_store

    with _user_errors():
        counts = merge_stores(open_store(target), [str(s) for s in sources])
    err.print(f"merged {len(sources)} stores into {target}: {counts['runs']} new runs, {counts['documents']} documents copied",
              highlight=False)
