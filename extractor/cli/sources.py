"""`extractor sources`, `extractor search` and `extractor report`: who says what across a
stored run (the source ledger, `extractor/ledger/`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from .common import _existing_store, _fail_usage, _user_errors, app, err

TYPES = ("person", "organization", "media", "anonymous", "unattributed")
STANCES = ("asserted", "denied", "hedged")
_STORE = typer.Option(Path("extractor.db"), "--store", help="Run store file (SQLite).")
_META = typer.Option(None, "--meta", help="CSV with id (or input_id/source_file) and publisher and/or date columns.")


def _console() -> Console:
    # Piped output gets whole rows, not rows squeezed to 80 columns.
    return Console(width=None if sys.stdout.isatty() else 200)


def _ledger(store: Path, run: str, meta: Optional[Path]):
    from ..ledger import stats

    try:
        meta_rows = stats.read_meta(meta)
    except ValueError as e:
        _fail_usage(str(e))
    with _user_errors():
        conn = _existing_store(store)
        ledger = stats.build(conn, run, meta_rows)
    return ledger


def _check(values: list[str] | None, allowed: tuple[str, ...], option: str) -> None:
    for v in values or []:
        if v not in allowed:
            _fail_usage(f"{option} {v!r}: choose from {', '.join(allowed)}")


@app.command()
def sources(
    run: str = typer.Option(..., "--run", help="Run name (see `extractor runs`)."),
    types: Optional[list[str]] = typer.Option(None, "--type", help="Only sources of this type (repeatable)."),
    by: Optional[list[str]] = typer.Option(None, "--by", help="Break down by publisher and/or month (repeatable)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table (terminal), csv or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File for csv/parquet."),
    limit: int = typer.Option(50, "--limit", min=1, help="Rows in the terminal table."),
    store: Path = _STORE,
    meta: Optional[Path] = _META,
) -> None:
    """The source ledger of a run: canonical sources ranked by claims, with type, roles,
    variants, relays and stance."""
    from ..ledger import stats

    _check(types, TYPES, "--type")
    _check(by, ("publisher", "month"), "--by")
    if fmt not in ("table", "csv", "parquet"):
        _fail_usage(f"--format {fmt!r}: choose table, csv or parquet")
    if fmt != "table" and output is None:
        _fail_usage(f"--format {fmt} needs -o FILE")
    ledger = _ledger(store, run, meta)
    rows = stats.entity_rows(ledger, types, by)
    if fmt != "table":
        from ..ledger.report import write_rows

        try:
            with _user_errors(output):
                write_rows(rows, fmt, output)  # type: ignore[arg-type]
        except ImportError:
            _fail_usage("parquet output needs pyarrow: pip install 'extractor[parquet]'")
        err.print(f"{len(rows)} sources written to {output}", highlight=False)
        return
    _print_table(ledger, rows[:limit], by or [])


def _print_table(ledger, rows: list[dict], by: list[str]) -> None:
    from rich.table import Table

    table = Table(title=f"sources in run {ledger.run}: {ledger.documents} documents, {ledger.claims} claims")
    cols = ["source", "type", *by, "claims", "docs", "relayed", "asserted/denied/hedged", "variants"]
    for col in cols:
        table.add_column(col, justify="right" if col in {"claims", "docs", "relayed"} else "left",
                         overflow="fold", no_wrap=col in {"claims", "docs", "relayed", "type"})
    for r in rows:
        table.add_row(escape(r["source"]), r["type"], *(escape(str(r[b])) for b in by), str(r["claims"]),
                      str(r["documents"]), str(r["relayed"]), f"{r['asserted']}/{r['denied']}/{r['hedged']}",
                      escape(r["variants"][:160]))
    _console().print(table)


@app.command("search")
def search_cmd(
    query: Optional[str] = typer.Argument(None, help="Words that must all occur in the claim, its sentence, source or relay."),
    run: str = typer.Option(..., "--run", help="Run name (see `extractor runs`)."),
    source: Optional[str] = typer.Option(None, "--source", help="A source by any of its names (canonical: Qaani finds Ghaani)."),
    types: Optional[list[str]] = typer.Option(None, "--type", help="Source type (repeatable)."),
    stance: Optional[str] = typer.Option(None, "--stance", help="asserted, denied or hedged."),
    relay: Optional[str] = typer.Option(None, "--relay", help="Claims carried by this relay (e.g. Reuters)."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after this date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before this date (YYYY[-MM[-DD]])."),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="Publisher name contains this."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0, max=1, help="Confidence at least this."),
    limit: int = typer.Option(20, "--limit", min=1, help="Hits to print."),
    store: Path = _STORE,
    meta: Optional[Path] = _META,
) -> None:
    """Search a run's claims; each hit prints with its sentence and where it is."""
    from ..ledger import stats
    from ..ledger.search import Filters, location, search

    _check(types, TYPES, "--type")
    _check([stance] if stance else None, STANCES, "--stance")
    if not (query or source or types or stance or relay or since or until or publisher or min_confidence is not None):
        _fail_usage("give words to search for, or at least one filter (--source, --type, --stance, ...)")
    try:
        meta_rows = stats.read_meta(meta)
    except ValueError as e:
        _fail_usage(str(e))
    f = Filters(query=query, source=source, types=types, stance=stance, relay=relay, since=since, until=until,
                publisher=publisher, min_confidence=min_confidence, limit=limit)
    with _user_errors():
        total, hits = search(_existing_store(store), run, f, meta_rows)
    out = _console()
    for h in hits:
        who = h["source_name"] or h["descriptor"] or h["mention"] or "(unattributed)"
        via = "" if h["via"] == "[]" else f" via {', '.join(v['name'] or '?' for v in __import__('json').loads(h['via']))}"
        out.print(f"[bold]{escape(location(h))}[/bold]  {escape(who)} ({h['source_type']}{escape(via)}), "
                  f"{h['stance']}, confidence {h['confidence']:.2f}", highlight=False)
        out.print("    " + escape(" ".join(h["sentence"].split())), highlight=False)
    from ..ledger.search import COUNT_CAP

    count = f"more than {COUNT_CAP}" if total > COUNT_CAP else str(total)
    err.print(f"{count} claims match" + (f"; showing {len(hits)} (--limit)" if total > len(hits) else ""), highlight=False)


@app.command()
def report(
    run: str = typer.Option(..., "--run", help="Run name (see `extractor runs`)."),
    output: Path = typer.Option(..., "-o", "--output", help="HTML file to write."),
    top: int = typer.Option(25, "--top", min=1, help="Sources in the top-sources chart and table."),
    review_url: Optional[str] = typer.Option(None, "--review-url", help="Base URL of `extractor review` to link claims to."),
    store: Path = _STORE,
    meta: Optional[Path] = _META,
) -> None:
    """One self-contained HTML page on a run's sources: top sources, anonymous share over
    time and by publisher, the relay graph and stance mix, each with its numbers."""
    from ..ledger.report import render

    ledger = _ledger(store, run, meta)
    with _user_errors(output):
        conn = _existing_store(store)
        html = render(conn, ledger, top=top, review_url=review_url)
        output.write_text(html, encoding="utf-8")
    err.print(f"report on {ledger.documents} documents, {ledger.claims} claims, {len(ledger.entities)} sources "
              f"written to {output}", highlight=False)
