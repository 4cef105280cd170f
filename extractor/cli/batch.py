"""`extractor batch submit|status|collect`: the OpenAI Batch API path."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..loading import UsageError, read_inputs
from .common import _existing_store, _fail_usage, app, err


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
    max_output_tokens: Optional[int] = typer.Option(None, "--max-output-tokens", min=64, help="Room for each answer, sent as max_tokens and counted in the --context-tokens budget (default: as many tokens as a chunk of article, at most 4096)."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML config file."),
    include_unattributed: bool = typer.Option(False, "--include-unattributed", help="Also ask for unattributed statements."),
    resume: bool = typer.Option(False, "--resume", help="Add to --run: skip documents done or already submitted."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume, submit failed documents again."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Submit even documents with a stored batch result."),
    shard: Optional[str] = typer.Option(None, "--shard", help="i/N: only shard i (0-based) of N."),
    window: str = typer.Option("24h", "--completion-window", help="Batch completion window."),
) -> None:
    """Build the LLM engine's requests as Batch API JSONL, upload them and create batches."""
    from ..batch import openai_batch as batch_api
    from ..engines import get_engine
    from ..batch.runner import check_inputs, parse_shard
    from ..batch.store import StoreError, open_store

    try:
        eng = get_engine("llm", model=model, base_url=base_url, api_key=api_key, mode=mode,
                         context_tokens=context_tokens, max_output_tokens=max_output_tokens, config=config)
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
    from ..engines.llm import redact

    first = (str(e).strip().splitlines() or [""])[0][:300]
    err.print(f"[red]error:[/red] {what} failed: {redact(f'{type(e).__name__}: {first}')}", highlight=False)
    raise typer.Exit(1)


def _batch_client(store: Path, ref: str, api_key: Optional[str], base_url: Optional[str]):
    from ..batch import openai_batch as batch_api

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
    from ..batch import openai_batch as batch_api
    from ..batch.store import StoreError

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

    from ..batch import openai_batch as batch_api
    from ..batch.store import StoreError

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
