"""The POST routes that write decisions: accept/reject/skip, edit or add (re-grounded),
undo, and bulk reject by pattern.

Every one is behind the CSRF/Origin guard in `security`; each redirects (303) so a
reload never re-submits. Forms carry the claim they were drawn for (doc, index): a
decision lands on that claim even if the queue moved under an old tab. An edit stays
on its item (the reviewer may fix another field); accept/reject/skip move on.
"""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from ..batch import store as st
from ..batch.store import queue as sq
from ..models import DocumentResult, Region
from . import decisions as rv
from .state import SOURCE_TYPES, STANCES, ReviewState, filters, qs


def router(state: ReviewState) -> APIRouter:
    r = APIRouter()
    add_decide(r, state)
    add_edit(r, state)
    add_undo(r, state)
    add_bulk(r, state)
    return r


def _expect(doc: str, index: str) -> tuple[str, int] | None:
    return (doc, int(index)) if doc and index.lstrip("-").isdigit() else None


def _after(conn, run, state: ReviewState, f: dict[str, str], pos: int, doc: str, index: int) -> str:
    """Where to go once a claim is decided: the item after it, or the end-of-queue page."""
    # Only a status filter can drop the decided claim from the queue (the next one slides into pos).
    stays = "status" not in f or state.position(conn, run, f, doc, index) is not None
    nxt = pos + 1 if stays else pos
    total, _ = state.counts(conn, run, f)
    return f"/item/{nxt}{qs(f)}" if nxt < total else f"/done{qs(f)}"


def add_decide(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/item/{pos}/decide")
    def decide(request: Request, pos: int, action: str = Form(...), doc: str = Form(""), index: str = Form("")) -> Response:
        f = filters(request)
        if action not in ("accept", "reject", "skip"):
            raise HTTPException(400, f"unknown action {action!r}: use accept, reject or skip")
        conn, run = state.connect()
        try:
            ld = state.load(conn, run, f, pos, _expect(doc, index), with_text=False)
            it = ld.item
            st.add_decision(conn, run, it.doc_id, it.index, it.key, action, cfg.reviewer)
            url = _after(conn, run, state, f, ld.pos, it.doc_id, it.index)
        finally:
            state.release(conn)
        return RedirectResponse(url, status_code=303)


def _spans(form, text: str) -> dict:
    spans = {}
    for name in rv.FIELDS:
        s, e = form.get(f"{name}_start", ""), form.get(f"{name}_end", "")
        if not s and not e:
            continue
        try:
            a, b = int(s), int(e)
        except ValueError:
            raise HTTPException(400, f"the {name} selection has no valid offsets; select its text in the article again") from None
        if b <= a:
            raise HTTPException(400, f"the {name} selection is empty; select some text of the article")
        spans[name] = rv.reground_selection(text, a, b, form.get(f"{name}_text") or None)
    return spans


def add_edit(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/item/{pos}/edit")
    async def edit(request: Request, pos: int) -> Response:
        f = filters(request)
        form = await request.form()
        get = lambda k: str(form.get(k, ""))  # noqa: E731
        if get("source_type") and get("source_type") not in SOURCE_TYPES:
            raise HTTPException(400, "unknown source type")
        if get("stance") and get("stance") not in STANCES:
            raise HTTPException(400, "unknown stance")
        conn, run = state.connect()
        try:
            ld = state.load(conn, run, f, pos, _expect(get("doc"), get("index")))
            it, text = ld.item, ld.text
            if text is None:
                raise HTTPException(409, "the article text is not in the store; an edit cannot be grounded")
            spans = _spans({k: str(v) for k, v in form.items()}, text)
            region = it.result.span or Region(start=0, end=len(text))
            fields = dict(claim_text=get("claim_text"), source_name=form.get("source_name"),
                          source_type=get("source_type") or None, stance=get("stance") or None,
                          descriptor=form.get("descriptor"), role=form.get("role"), relays=form.get("relays"))
            if get("mode") == "add":
                try:
                    new = rv.new_claim(text, spans, region, **fields)
                except ValueError as e:
                    raise HTTPException(400, str(e)) from None
                index = max([len(it.result.claims) - 1, *ld.decisions]) + 1
                st.add_decision(conn, run, it.doc_id, index, rv.claim_key(new), "edit", cfg.reviewer, new.model_dump_json())
            else:
                new = rv.edit_claim(text, ld.working, spans=spans, region=region, **fields)
                st.add_decision(conn, run, it.doc_id, it.index, it.key, "edit", cfg.reviewer, new.model_dump_json())
            now = state.position(conn, run, f, it.doc_id, it.index)
        finally:
            state.release(conn)
        return RedirectResponse(f"/item/{now if now is not None else pos}{qs({**f, 'saved': '1'})}", status_code=303)


def add_undo(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/undo")
    def undo(request: Request) -> Response:
        f = filters(request)
        conn, run = state.connect()
        try:
            d = st.undo_decision(conn, run, cfg.reviewer)
            pos = None if d is None else state.position(conn, run, f, d.doc_id, d.claim_index)
            if d is not None and pos is None:  # an added claim: go back to a claim of its document
                near = sq.rows(conn, run, cfg.threshold, {**f, "doc": d.doc_id}, 0, 1)
                pos = state.position(conn, run, f, d.doc_id, near[0].claim_index) if near else None
        finally:
            state.release(conn)
        return RedirectResponse(f"/item/{pos}{qs(f)}" if pos is not None else f"/{qs(f)}", status_code=303)


def add_bulk(r: APIRouter, state: ReviewState) -> None:
    cfg = state.cfg

    @r.post("/bulk-reject")
    def bulk(request: Request, pattern: str = Form(""), confirm: str = Form("")) -> Response:
        f = filters(request)
        if len(pattern.strip()) < 3:
            raise HTTPException(400, "give a pattern of at least 3 characters to reject by")
        match = {**f, "q": pattern.strip(), "status": "undecided"}
        conn, run = state.connect()
        try:
            total, _ = state.counts(conn, run, match)
            rows = state.rows(conn, run, match, 0, total or 1)
            if confirm != "yes":
                return state.page("bulk.html", pattern=pattern.strip(), rows=rows[:200], total=total, f=f, qs=qs(f))
            parsed: dict[str, DocumentResult] = {}  # each document parsed once, however many claims match
            for row in rows:
                if row.doc_id not in parsed:
                    doc = sq.document(conn, run, row.item_key, row.doc_id)
                    if doc is None:
                        continue
                    parsed[row.doc_id] = DocumentResult.model_validate_json(doc[0])
                key = rv.claim_key(parsed[row.doc_id].claims[row.claim_index])
                st.add_decision(conn, run, row.doc_id, row.claim_index, key, "reject", cfg.reviewer)
        finally:
            state.release(conn)
        return RedirectResponse(f"/{qs(f)}", status_code=303)
