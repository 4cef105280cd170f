"""`extractor schema` and `extractor version`: what the tool writes, and which one it is."""

from __future__ import annotations

import json

from .. import __version__
from ..models import DocumentResult
from .common import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    print(json.dumps(DocumentResult.model_json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    print(__version__)
