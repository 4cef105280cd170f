"""The one static file (`GET /static/review.js`): keyboard shortcuts and span selection.

No route takes a path; this serves a fixed file from the package, so nothing on disk
beyond it can be read through the app.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from .state import ReviewState
from .templating import STATIC


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()

    @r.get("/static/review.js")
    def script() -> Response:
        return Response(STATIC.read_text(encoding="utf-8"), media_type="text/javascript")

    return r
