"""The `extractor` command. Thin: parse options, wire stages, print a summary."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .loading import UsageError, read_inputs
from .models import DocumentResult

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Claim and source-attribution extraction for news.")
err = Console(stderr=True)


def _fail_usage(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", soft_wrap=True)  # one line, whatever the width
    raise typer.Exit(2)


def _existing_store(store: Path):
    """Open a run store the user named, or stop with a one-line usage error."""
    from .store import open_store

    if not store.exists():
        _fail_usage(f"no run store at {store} (run `extractor extract` first, or pass --store)")
    return open_store(store)


@contextmanager
def _user_errors(path: Path | None = None):
    """Errors a user can fix (a missing run, an unwritable file) end in one line, exit 2."""
    from .store import StoreError

    try:
        yield
    except StoreError as e:
        _fail_usage(str(e))
    except OSError as e:
        _fail_usage(f"cannot write {path}: {e.strerror or e}")


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, .jsonl files, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSONL here (default, or -: stdout)."),
    engine: str = typer.Option("offline", "--engine", help="offline (spaCy rules, no network) or llm."),
    include_unattributed: bool = typer.Option(False, "--include-unattributed", help="Also emit the article's own unattributed statements."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    run: Optional[str] = typer.Option(None, "--run", help="Run name in the store (default: a new auto-named run)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    resume: bool = typer.Option(False, "--resume", help="Continue --run: skip documents already done."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume, process failed documents again."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Call the engine even when a stored result matches."),
    concurrency: int = typer.Option(8, "--concurrency", min=1, help="Engine calls in flight at once."),
    rpm: Optional[float] = typer.Option(None, "--rpm", min=1, help="Requests-per-minute limit."),
    tpm: Optional[float] = typer.Option(None, "--tpm", min=1, help="Tokens-per-minute limit (estimated before each call)."),
    doc_timeout: float = typer.Option(300.0, "--doc-timeout", min=0.01, help="Seconds one document may take, retries included."),
    shard: Optional[str] = typer.Option(None, "--shard", help="i/N: process only shard i (0-based) of N, by a stable hash of the input id."),
    model: Optional[str] = typer.Option(None, "--model", help="[llm] Model name (env EXTRACTOR_MODEL; default gpt-4o-mini)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="[llm] OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (env OPENAI_BASE_URL)."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="[llm] API key (env OPENAI_API_KEY); never printed or stored."),
    mode: Optional[str] = typer.Option(None, "--mode", help="[llm] tools (default), json_schema or md_json."),
    max_reasks: Optional[int] = typer.Option(None, "--max-reasks", min=0, help="[llm] Re-asks when a verbatim field is not in the article (default 2)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.01, help="[llm] Seconds per HTTP request (default 120)."),
    max_retries: Optional[int] = typer.Option(None, "--max-retries", min=0, help="[llm] Retries per request on 429/5xx/timeouts (default 4)."),
    context_tokens: Optional[int] = typer.Option(None, "--context-tokens", min=512, help="[llm] The model's context window; longer articles are chunked (default 8192)."),
    cross_check: bool = typer.Option(False, "--cross-check", help="[llm] Also run the offline engine and flag claims it does not confirm."),
    config: Optional[Path] = typer.Option(None, "--config", help="[llm] TOML config file (default ./extractor.toml or ~/.config/extractor/config.toml)."),
) -> None:
    """Extract attributed claims from news articles into JSONL, one object per article.

    Every document is also recorded in the run store, so a killed run continues with
    --run NAME --resume and `extractor export` can write CSV, JSONL or Parquet later.
    """
    from .runner import RunOptions, RunStopped, check_inputs, parse_shard, run_batch
    from .store import StoreError, auto_run_name

    run = run or auto_run_name()
    try:
        from .engines import get_engine

        llm = dict(model=model, base_url=base_url, api_key=api_key, mode=mode, max_reasks=max_reasks, timeout=timeout,
                   max_retries=max_retries, context_tokens=context_tokens, cross_check=cross_check or None, config=config)
        eng = get_engine(engine, **(llm if engine == "llm" else {}))
        check_inputs(inputs)
        opts = RunOptions(concurrency=concurrency, rpm=rpm, tpm=tpm, doc_timeout=doc_timeout, use_cache=not no_cache,
                          retry_failed=retry_failed, shard=parse_shard(shard) if shard else None,
                          include_unattributed=include_unattributed)
    except (UsageError, ValueError) as e:
        _fail_usage(str(e))
        return
    to_file = output is not None and str(output) != "-"
    try:
        out = open(output, "w", encoding="utf-8") if to_file else sys.stdout  # type: ignore[arg-type]
    except OSError as e:
        _fail_usage(f"cannot write {output}: {e.strerror or e}")
        return
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=True)

    def emit(doc: DocumentResult) -> None:
        out.write(doc.model_dump_json() + "\n")
        for e in doc.errors:
            progress.console.print(f"[yellow]{doc.doc_id}:[/yellow] {e.message}", highlight=False)
        progress.advance(task)

    try:
        with progress:
            task = progress.add_task("extracting", total=None)
            summary = run_batch(read_inputs(inputs), eng, str(store), run, opts, resume=resume, emit=emit)
    except StoreError as e:
        _fail_usage(str(e))
        return
    except KeyboardInterrupt:
        err.print(f"interrupted; finished documents are stored in {store}: continue with --run {run} --resume",
                  highlight=False)
        raise typer.Exit(1)
    except RunStopped as e:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    except BrokenPipeError:  # `extractor extract ... | head`: the reader left; the store has what finished
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        err.print(f"output closed early; finished documents are stored: continue with --run {run} --resume",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    finally:
        if to_file:
            out.close()
    err.print(summary.line(), highlight=False, soft_wrap=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def runs(store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite).")) -> None:
    """List the runs in the store: documents done/failed/cached, tokens, cost, duration."""
    from rich.table import Table

    from .store import list_runs

    with _user_errors():
        stats = list_runs(_existing_store(store))
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
    from .export import export_run

    try:
        with _user_errors(output):
            n = export_run(_existing_store(store), run, fmt, output)
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
    from .store import merge as merge_stores, open_store

    with _user_errors():
        counts = merge_stores(open_store(target), [str(s) for s in sources])
    err.print(f"merged {len(sources)} stores into {target}: {counts['runs']} new runs, {counts['documents']} documents copied",
              highlight=False)


batch_app = typer.Typer(help="OpenAI Batch API: submit requests at half price, check status, collect and ground the answers.")
app.add_typer(batch_app, name="batch")


@batch_app.command("submit")
def batch_submit(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, .jsonl files, or - for stdin."),
    run: Optional[str] = typer.Option(None, "--run", help="Run name in the store (default: auto-named)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    model: Optional[str] = typer.Option(None, "--model", help="Model name (default gpt-4o-mini)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint with files and batches."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="API key (env OPENAI_API_KEY); never printed or stored."),
    mode: Optional[str] = typer.Option(None, "--mode", help="tools (default), json_schema or md_json."),
    context_tokens: Optional[int] = typer.Option(None, "--context-tokens", min=512, help="The model's context window; longer articles are chunked."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML config file."),
    include_unattributed: bool = typer.Option(False, "--include-unattributed", help="Also ask for unattributed statements."),
    resume: bool = typer.Option(False, "--resume", help="Add to --run: skip documents done or already submitted."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume, submit failed documents again."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Submit even documents with a stored batch result."),
    shard: Optional[str] = typer.Option(None, "--shard", help="i/N: only shard i (0-based) of N."),
    window: str = typer.Option("24h", "--completion-window", help="Batch completion window."),
) -> None:
    """Build the LLM engine's requests as Batch API JSONL, upload them and create batches."""
    from . import batch_api
    from .engines import get_engine
    from .runner import check_inputs, parse_shard
    from .store import StoreError, open_store

    try:
        eng = get_engine("llm", model=model, base_url=base_url, api_key=api_key, mode=mode,
                         context_tokens=context_tokens, config=config)
        check_inputs(inputs)
        summary = batch_api.submit(read_inputs(inputs), eng, open_store(store), run, resume=resume, retry_failed=retry_failed,
                                   use_cache=not no_cache, include_unattributed=include_unattributed,
                                   shard=parse_shard(shard) if shard else None, window=window)
    except (UsageError, ValueError, StoreError, batch_api.BatchError) as e:
        _fail_usage(str(e))
        return
    except Exception as e:  # the service refused (auth, quota): one line, never the key
        _service_error("batch submit", e)
    err.print(summary.line(), highlight=False, soft_wrap=True)
    err.print(f"check with: extractor batch status {summary.run}; then: extractor batch collect {summary.run}", highlight=False)


def _service_error(what: str, e: Exception) -> None:
    from .engines.llm import redact

    first = (str(e).strip().splitlines() or [""])[0][:300]
    err.print(f"[red]error:[/red] {what} failed: {redact(f'{type(e).__name__}: {first}')}", highlight=False)
    raise typer.Exit(1)


def _batch_client(store: Path, ref: str, api_key: Optional[str], base_url: Optional[str]):
    from . import batch_api

    conn = _existing_store(store)
    run, _ = batch_api.resolve(conn, ref)
    engine = batch_api.engine_for_run(run, api_key=api_key, base_url=base_url)
    return conn, engine


@batch_app.command("status")
def batch_status(
    ref: str = typer.Argument(..., help="Run name or batch id."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="API key (env OPENAI_API_KEY)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="Endpoint (default: the one used at submit)."),
) -> None:
    """Show the state of a run's batches (or of one batch)."""
    from . import batch_api
    from .store import StoreError

    try:
        conn, engine = _batch_client(store, ref, api_key, base_url)
        rows = batch_api.status(conn, ref, batch_api.client_for(engine))
    except (ValueError, StoreError, batch_api.BatchError) as e:
        _fail_usage(str(e))
        return
    except Exception as e:  # the service refused or is unreachable: one line, never the key
        _service_error("batch status", e)
    for r in rows:
        done = f"{r['completed']}/{r['requests']} done, {r['failed']} failed" if r["completed"] is not None else f"{r['requests']} requests"
        print(f"{r['batch_id']}  {r['status']:<12} {done}{'  (collected)' if r['collected'] else ''}")


@batch_app.command("collect")
def batch_collect(
    ref: str = typer.Argument(..., help="Run name or batch id."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="API key (env OPENAI_API_KEY)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="Endpoint (default: the one used at submit)."),
    wait: Optional[float] = typer.Option(None, "--wait", min=1, help="Poll every this many seconds until every batch has ended."),
) -> None:
    """Download finished batches, ground and validate the answers, store them in the run."""
    import time as _time

    from . import batch_api
    from .store import StoreError

    try:
        conn, engine = _batch_client(store, ref, api_key, base_url)
        client = batch_api.client_for(engine)
        while True:
            summary = batch_api.collect(conn, ref, engine=engine, client=client)
            if not (wait and summary.waiting):
                break
            err.print(summary.line(), highlight=False, soft_wrap=True)
            _time.sleep(wait)
    except (ValueError, StoreError, batch_api.BatchError) as e:
        _fail_usage(str(e))
        return
    except Exception as e:
        _service_error("batch collect", e)
    err.print(summary.line(), highlight=False, soft_wrap=True)
    raise typer.Exit(1 if summary.failed else 0)


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
    model: Optional[str] = typer.Option(None, "--model", help="[llm] Model name."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="[llm] OpenAI-compatible endpoint."),
    api_key: Optional[str] = typer.Option(None, "--api-key", show_default=False, help="[llm] API key; never printed or stored."),
    mode: Optional[str] = typer.Option(None, "--mode", help="[llm] tools, json_schema or md_json."),
    config: Optional[Path] = typer.Option(None, "--config", help="[llm] TOML config file."),
) -> None:
    """Score an engine (or a predictions file) against gold attributions and write a report."""
    from .evaluate.run import (EvalInputError, default_report_dir, predict, read_metrics, read_predictions, run_meta,
                          score, timed)
    from .evaluate.gold import GoldError, load_gold
    from .evaluate.reports import headline_table, write_report

    try:
        docs = load_gold(gold, texts)[:limit]
        previous = read_metrics(compare_to) if compare_to else None
        if pred is not None:
            preds, seconds, source = read_predictions(pred), None, str(pred)
        else:
            from .engines import get_engine

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
    regressions = [d.metric for d in deltas or [] if d.regression]
    if regressions:
        err.print(f"[red]regressions:[/red] {', '.join(regressions)}", highlight=False)
    failed = evaluation.metrics["counts"]["failed_documents"]
    err.print(f"{len(docs)} inputs, {failed} failed; report in {paths['html'].parent}", highlight=False)
    raise typer.Exit(1 if failed else 0)


review_app = typer.Typer(help="Review flagged low-confidence claims in the browser; export decisions as gold.")
app.add_typer(review_app, name="review")


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    run: Optional[str] = typer.Option(None, "--run", help="Run to review (see `extractor runs`)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port on 127.0.0.1."),
    reviewer: str = typer.Option("", "--reviewer", help="Name recorded with each decision (default: $USER)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0, help="Queue claims below this confidence (flagged claims always)."),
) -> None:
    """Serve the review UI for --run on http://127.0.0.1:PORT (decisions are saved in the store)."""
    if ctx.invoked_subcommand:
        return
    import os

    from .confidence import REVIEW_THRESHOLD
    from .review.app import ReviewConfig, create_app

    if not run:
        _fail_usage("give the run to review: extractor review --run NAME")
    _existing_store(store).close()
    cfg = ReviewConfig(str(store), run, reviewer or os.environ.get("USER") or "reviewer",
                       REVIEW_THRESHOLD if threshold is None else threshold)
    with _user_errors():
        web = create_app(cfg)
    import uvicorn

    err.print(f"reviewing run {run} as {cfg.reviewer}: http://127.0.0.1:{port}/  (Ctrl+C to stop)", highlight=False)
    uvicorn.run(web, host="127.0.0.1", port=port, log_level="warning")


@review_app.command("export")
def review_export(
    run: str = typer.Option(..., "--run", help="Run whose decisions to export."),
    output: Path = typer.Option(..., "-o", "--output", help="Gold JSONL to write (e.g. evals/gold/reviewed.jsonl)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="Also write each document's raw text here (for eval --texts)."),
    include_unflagged: bool = typer.Option(False, "--include-unflagged", help="Also keep claims that never needed review."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0, help="With --include-unflagged: the review threshold used."),
) -> None:
    """Write accepted and corrected claims as gold JSONL that `extractor eval --gold` reads."""
    from .confidence import REVIEW_THRESHOLD
    from .review.decisions import write_reviewed
    from .store import StoreError, get_run

    with _user_errors(output):
        conn = _existing_store(store)
        r = get_run(conn, run)
        if r is None:
            raise StoreError(f"no run named {run!r} in {store}")
        docs, claims = write_reviewed(conn, r, output, include_unflagged, REVIEW_THRESHOLD if threshold is None else threshold,
                                      str(texts) if texts else None)
    err.print(f"{claims} reviewed claims in {docs} documents written to {output}", highlight=False)


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="Document id (doc_id in the output)."),
    run: Optional[str] = typer.Option(None, "--run", help="Run to take it from (default: the newest run that has it)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    html: Path = typer.Option(..., "--html", help="HTML file to write."),
) -> None:
    """Write one document's claims as a static annotated HTML page."""
    from .review.showpage import write_show

    with _user_errors(html):
        n = write_show(_existing_store(store), doc_id, html, run)
    err.print(f"{n} claims of {doc_id} written to {html}", highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    print(json.dumps(DocumentResult.model_json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    print(__version__)


def main() -> None:
    """Entry point. A bug must not greet users with a traceback: one line, and the way to
    get the details (EXTRACTOR_DEBUG=1) for a bug report."""
    import os

    if os.environ.get("EXTRACTOR_DEBUG"):
        app()
        return
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        raise SystemExit(130)
    except Exception as e:  # noqa: BLE001 - the last line of defence, by design
        err.print(f"[red]internal error:[/red] {type(e).__name__}: {e} "
                  "(set EXTRACTOR_DEBUG=1 to see the traceback, and please report it)", highlight=False)
        raise SystemExit(1)
