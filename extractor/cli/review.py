"""`extractor review` (the web UI), `review export` (decisions as gold) and `show` (one
document as a static page)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import _existing_store, _fail_usage, _user_errors, app, err


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

    from ..confidence import REVIEW_THRESHOLD
    from ..review.app import ReviewConfig, create_app

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
    partial: bool = typer.Option(False, "--partial", help="Also write unfinished documents, with only their decided claims (partial gold)."),
    include_unflagged: bool = typer.Option(False, "--include-unflagged", help="With --partial: also keep claims that never needed review."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0, help="The review threshold used (default: the app's)."),
) -> None:
    """Write reviewed documents as gold JSONL that `extractor eval --gold` reads.

    By default only complete documents: every queued claim decided (skips do not count),
    with all their claims (accepted, corrected, added, never queued; rejected removed)."""
    from ..confidence import REVIEW_THRESHOLD
    from ..review.export import write_reviewed
    from ..batch.store import StoreError, get_run

    with _user_errors(output):
        conn = _existing_store(store, readonly=True)
        r = get_run(conn, run)
        if r is None:
            raise StoreError(f"no run named {run!r} in {store}")
        docs, claims, unfinished = write_reviewed(conn, r, output, include_unflagged or not partial,
                                                  REVIEW_THRESHOLD if threshold is None else threshold,
                                                  str(texts) if texts else None, complete=not partial)
    kind = "partial-gold" if partial else "complete"
    err.print(f"{claims} claims in {docs} {kind} documents written to {output}", highlight=False)
    if unfinished:
        err.print(f"{unfinished} documents with decisions left out: their review is not finished "
                  "(finish them, or pass --partial)", highlight=False)


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="Document id (doc_id in the output)."),
    run: Optional[str] = typer.Option(None, "--run", help="Run to take it from (default: the newest run that has it)."),
    store: Path = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite)."),
    html: Path = typer.Option(..., "--html", help="HTML file to write."),
) -> None:
    """Write one document's claims as a static annotated HTML page."""
    from ..review.showpage import write_show

    with _user_errors(html):
        n = write_show(_existing_store(store, readonly=True), doc_id, html, run)
    err.print(f"{n} claims of {doc_id} written to {html}", highlight=False)
