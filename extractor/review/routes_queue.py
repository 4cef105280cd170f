"""The queue page (`GET /`), the end-of-queue page (`GET /done`) and the guideline.

Routes are grouped by what they serve; these list, `routes_item` shows one claim,
`routes_decisions` records what the reviewer decided. The queue is read one page at a
time from the store's index, so the first page of a 100,000-document run is quick.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..batch.store import queue as sq
from .state import ReviewState, filters, qs

PAGE = 100
GUIDELINES = Path(__file__).resolve().parents[2] / "evals" / "GUIDELINES.md"


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()

    @r.get("/", response_class=HTMLResponse)
    def queue_page(request: Request) -> HTMLResponse:
        f = filters(request)
        try:
            page = max(0, int(request.query_params.get("page", "0")))
        except ValueError:
            page = 0
        conn, run = state.connect()
        try:
            total, done = state.counts(conn, run, f)
            rows = state.rows(conn, run, f, page * PAGE, PAGE)
            facets = sq.facets(conn, run, state.cfg.threshold)  # every value of the whole queue
        finally:
            state.release(conn)
        first_open = next((n for n, row in enumerate(rows) if row.action is None), 0)
        return state.page("queue.html", rows=rows, done=done, total=total, f=f, qs=qs(f), first_open=first_open,
                          facets=facets, statuses=sq.STATUSES, page=page, pages=max(1, -(-total // PAGE)),
                          stale="stale" in request.query_params)

    @r.get("/done", response_class=HTMLResponse)
    def done_page(request: Request) -> HTMLResponse:
        f = filters(request)
        conn, run = state.connect()
        try:
            total, done = state.counts(conn, run, f)
            skipped, _ = state.counts(conn, run, {**f, "status": "skip"})
        finally:
            state.release(conn)
        return state.page("done.html", total=total, done=done, skipped=skipped, f=f, qs=qs(f), store=state.cfg.store)

    @r.get("/guidelines", response_class=HTMLResponse)
    def guidelines() -> HTMLResponse:
        text = GUIDELINES.read_text(encoding="utf-8") if GUIDELINES.is_file() else None
        return state.page("guidelines.html", text=text)

    return r
