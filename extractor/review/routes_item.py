"""The item page (`GET /item/{pos}`): one queued claim over its article, with the edit form.

Separate from the decision routes because it only reads: it renders the claim's spans
as highlighted segments and any earlier decision.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from . import decisions as rv
from .state import SOURCE_TYPES, STANCES, ReviewState, filters, qs, queue_item


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()

    @r.get("/item/{pos}", response_class=HTMLResponse)
    def item_page(request: Request, pos: int) -> HTMLResponse:
        f = filters(request)
        conn, run, queue, decided, hashes = state.load(f)
        try:
            it, text = queue_item(conn, queue, hashes, pos)
        finally:
            conn.close()
        region = it.result.span
        segs = rv.segments(text, rv.labelled_spans(it.claim), region) if text is not None else []
        d = decided.get((it.doc_id, it.index))
        edited = rv.Claim.model_validate_json(d.claim) if d and d.action == "edit" and d.claim else None
        done = sum(1 for q in queue if (x := decided.get((q.doc_id, q.index))) and x.action != "skip")
        return state.page("item.html", it=it, pos=pos, total=len(queue), done=done, decision=d, edited=edited,
                          segs=segs, has_text=text is not None, f=f, qs=qs(f), types=SOURCE_TYPES, stances=STANCES,
                          spans=[(n, s) for n, s in it.claim.spans()])

    return r
