"""What every command shares: the Typer app, the stderr console, and the one-line way
a user-fixable error ends a command (exit 2). The command modules register on `app`."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Claim and source-attribution extraction for news.")
err = Console(stderr=True)


def _fail_usage(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", soft_wrap=True)  # one line, whatever the width
    raise typer.Exit(2)


def _existing_store(store: Path, readonly: bool = False):
    """Open a run store the user named, or stop with a one-line usage error. Commands that
    only read (`runs`, `export`, `show`) pass `readonly`: a store on a read-only disk works."""
    from ..batch.store import StoreError, open_store

    if not store.exists():
        _fail_usage(f"no run store at {store} (run `extractor extract` first, or pass --store)")
    try:
        return open_store(store, readonly=readonly)
    except StoreError as e:
        _fail_usage(str(e))


@contextmanager
def _user_errors(path: Path | None = None):
    """Errors a user can fix (a missing run, an unwritable file) end in one line, exit 2."""
    from ..batch.store import StoreError

    try:
        yield
    except StoreError as e:
        _fail_usage(str(e))
    except OSError as e:
        _fail_usage(f"cannot write {path}: {e.strerror or e}")


def _collisions(ids) -> None:
    """The note a run ends with when inputs shared an id (`loading.Identities`)."""
    if ids.collisions:
        first_id, key = ids.first
        err.print(f"note: {ids.collisions} inputs had an id an earlier input already had (first: {first_id!r}, keyed as "
                  f"{key!r}); their documents are keyed by input path and id", highlight=False, soft_wrap=True)
