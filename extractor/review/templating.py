"""The review pages' Jinja environment and the one static file the app serves.

Shared by the web app and the static `extractor show` page; kept apart from the app so
`show` renders without importing FastAPI.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

STATIC = Path(__file__).parent / "static" / "review.js"


def templates() -> Environment:
    # autoescape for every template name: article text must never become markup
    return Environment(loader=PackageLoader("extractor.review", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))
