"""The `extractor` command. Thin: parse options, wire stages, print a summary.

One module per command group registers its commands on the shared `app` (`common`);
importing them here, in this order, is what makes `extractor --help` list the commands
in the order it always has. `extractor.cli:main` is the installed entry point.
"""

from __future__ import annotations

from . import extract  # noqa: F401  extract, runs, export, merge
from . import batch  # noqa: F401  batch submit|status|collect
from . import evaluate  # noqa: F401  eval
from . import review  # noqa: F401  review, review export, show
from . import sources  # noqa: F401  sources, search, report
from . import info  # noqa: F401  schema, version
from . import cluster  # noqa: F401  import (and extract --executor ray's driver)
from .common import app, err

__all__ = ["app", "main"]


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
