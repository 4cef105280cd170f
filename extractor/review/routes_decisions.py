"""The POST routes that write decisions: accept/reject/skip, edit (re-grounded), undo.

Every one is behind the CSRF/Origin guard in `security`; each redirects (303) to the
next item or back to the queue, so a reload never re-submits.
"""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from ..batch import store as st
from ..models import Region
from . import decisions as rv
from .state import SOURCE_TYPES, STANCES, ReviewState, filters, next_url, qs, queue_item


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()
    add_decide(r, state)
    add_edit(r, state)
    add_undo(r, state)
    return r


def add_decide(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/item/{pos}/decide")
    def decide(request: Request, pos: int, action: str = Form(...)) -> Response:
        f = filters(request)
        if action not in ("accept", "reject", "skip"):
            raise HTTPException(400, "unknown action")
        conn, run, queue, _, _ = state.load(f)
        try:
            if not 0 <= pos < len(queue):
                raise HTTPException(404, "no such item in this queue")
            it = queue[pos]
            st.add_decision(conn, run, it.doc_id, it.index, it.key, action, cfg.reviewer)
        finally:
            conn.close()
        return RedirectResponse(next_url(pos, len(queue), f), status_code=303)


def add_edit(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/item/{pos}/edit")
    def edit(
        request: Request,
        pos: int,
        claim_text: str = Form(""),
        source_name: str = Form(""),
        source_type: str = Form(""),
        stance: str = Form(""),
        sel_field: str = Form(""),
        sel_start: str = Form(""),
        sel_end: str = Form(""),
        sel_text: str = Form(""),
    ) -> Response:
        f = filters(request)
        if source_type and source_type not in SOURCE_TYPES:
            raise HTTPException(400, "unknown source type")
        if stance and stance not in STANCES:
            raise HTTPException(400, "unknown stance")
        conn, run, queue, _, hashes = state.load(f)
        try:
            it, text = queue_item(conn, queue, hashes, pos)
            if text is None:
                raise HTTPException(409, "the article text is not in the store; cannot re-ground an edit")
            spans = {}
            if sel_field:
                if sel_field not in rv.FIELDS:
                    raise HTTPException(400, "unknown span field")
                try:
                    s, e = int(sel_start), int(sel_end)
                except ValueError:
                    raise HTTPException(400, "selection offsets must be integers") from None
                spans[sel_field] = rv.reground_selection(text, s, e, sel_text or None)
            region = it.result.span or Region(start=0, end=len(text))
            new = rv.edit_claim(text, it.claim, claim_text=claim_text, source_name=source_name,
                                source_type=source_type or None, stance=stance or None, spans=spans, region=region)
            st.add_decision(conn, run, it.doc_id, it.index, it.key, "edit", cfg.reviewer, new.model_dump_json())
        finally:
            conn.close()
        return RedirectResponse(next_url(pos, len(queue), f), status_code=303)


def add_undo(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/undo")
    def undo(request: Request) -> Response:
        f = filters(request)
        conn, run, queue, _, _ = state.load(f)
        try:
            d = st.undo_decision(conn, run, cfg.reviewer)
        finally:
            conn.close()
        if d is None:
            return RedirectResponse(f"/{qs(f)}", status_code=303)
        pos = next((n for n, it in enumerate(queue) if (it.doc_id, it.index) == (d.doc_id, d.claim_index)), None)
        return RedirectResponse(f"/item/{pos}{qs(f)}" if pos is not None else f"/{qs(f)}", status_code=303)
