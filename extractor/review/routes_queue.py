"""The queue page (`GET /`): every queued claim of the run, filtered, with progress.

Routes are grouped by what they serve; this one lists, `routes_item` shows one claim,
`routes_decisions` records what the reviewer decided.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from . import decisions as rv
from .state import ReviewState, filters, qs


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()

    @r.get("/", response_class=HTMLResponse)
    def queue_page(request: Request) -> HTMLResponse:
        f = filters(request)
        conn, run, queue, decided, _ = state.load(f)
        # the drop-downs offer every value of the unfiltered queue, not just the filtered one
        conn.close()
        all_q = queue
        if f:
            conn2, _, all_q, _, _ = state.load({})
            conn2.close()
        rows = [(n, it, decided.get((it.doc_id, it.index))) for n, it in enumerate(queue)]
        done = sum(1 for _, _, d in rows if d and d.action != "skip")
        first_open = next((n for n, _, d in rows if d is None), 0)
        return state.page("queue.html", rows=rows, done=done, total=len(queue), f=f, qs=qs(f), first_open=first_open,
                          facets=rv.facets(all_q))

    return r
