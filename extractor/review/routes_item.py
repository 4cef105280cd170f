"""The item page (`GET /item/{pos}`): one queued claim over its article, with the edit form.

Separate from the decision routes because it only reads. The article is cut at the
spans of the claim as the reviewer last left it (a saved edit, else the machine's) and,
drawn faintly, the document's other claims, so the reviewer sees what is already claimed.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from . import decisions as rv
from .state import SOURCE_TYPES, STANCES, ReviewState, filters, qs


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()

    @r.get("/item/{pos}", response_class=HTMLResponse)
    def item_page(request: Request, pos: int) -> HTMLResponse:
        f = filters(request)
        conn, run = state.connect()
        try:
            ld = state.load(conn, run, f, pos)
            total, done = state.counts(conn, run, f)
        finally:
            state.release(conn)
        it, text, working = ld.item, ld.text, ld.working
        others = [c for i, c in enumerate(it.result.claims) if i != it.index and
                  not ((d := ld.decisions.get(i)) and d.action == "reject")] + [c for _, c in ld.added()]
        spans = rv.labelled_spans(working) + [s for c in others for s in rv.labelled_spans(c, "o-")]
        segs = rv.segments(text, spans, it.result.span) if text is not None else []
        d = ld.decision
        return state.page("item.html", it=it, pos=pos, total=total, done=done, decision=d, working=working,
                          edited=working if d and d.action == "edit" else None, segs=segs, has_text=text is not None,
                          f=f, qs=qs(f), types=SOURCE_TYPES, stances=STANCES, fields=rv.FIELDS,
                          spans=[(n, s) for n, s in it.claim.spans()], why=rv.why_low(it.claim, it.result.engine),
                          relays=rv.relays_text(working), added=ld.added(), stale="stale" in request.query_params,
                          saved="saved" in request.query_params)

    return r
