"""The review UI: a small server-rendered FastAPI app over one run of the run store.

Security, because article text is untrusted and the server runs on a person's machine:
- bound to 127.0.0.1 by the CLI, and every request's Host must be a loopback name
  (stops DNS-rebinding pages from reading or driving the app);
- every POST carries a per-server secret token and, when the browser sends Origin, an
  Origin equal to the Host: another site cannot submit decisions (CSRF);
- all text goes through Jinja autoescape; nothing is marked safe;
- no route takes a path: the only file served is the app's own script.

State lives in the store (decisions are rows), so reloads and restarts lose nothing.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from . import review as rv
from . import store as st
from .confidence import REVIEW_THRESHOLD
from .models import Region

_STATIC = Path(__file__).parent / "templates" / "review" / "review.js"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
SOURCE_TYPES = ("person", "organization", "media", "anonymous", "unattributed")
STANCES = ("asserted", "denied", "hedged")


@dataclass
class ReviewConfig:
    store: str
    run: str
    reviewer: str = "reviewer"
    threshold: float = REVIEW_THRESHOLD
    extra_hosts: tuple[str, ...] = ()  # e.g. "testserver" for in-process tests


def templates() -> Environment:
    # autoescape for every template name: article text must never become markup
    return Environment(loader=PackageLoader("extractor", "templates/review"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def queue_item(conn, queue, hashes, pos: int):
    """The queue's item at `pos` and its article text (None if the store lacks it)."""
    if not 0 <= pos < len(queue):
        raise HTTPException(404, "no such item in this queue")
    it = queue[pos]
    return it, st.get_text(conn, hashes[it.doc_id], it.result.source_file)


def create_app(cfg: ReviewConfig) -> FastAPI:
    conn0 = st.open_store(cfg.store)  # migrate once and fail early on a bad store or run
    if st.get_run(conn0, cfg.run) is None:
        conn0.close()
        raise st.StoreError(f"no run named {cfg.run!r} in {cfg.store}")
    conn0.close()
    token = secrets.token_urlsafe(32)
    env = templates()
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.csrf = token

    def connect() -> tuple[sqlite3.Connection, st.Run]:
        conn = st.open_store(cfg.store)
        run = st.get_run(conn, cfg.run)
        assert run is not None
        return conn, run

    def host_ok(host: str) -> bool:
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in LOOPBACK or host in cfg.extra_hosts or name in cfg.extra_hosts

    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = request.headers.get("host", "")
        if not host_ok(host):
            return PlainTextResponse("forbidden host", status_code=403)
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != host:
                return PlainTextResponse("cross-origin request refused", status_code=403)
            # Read the raw body (Starlette replays it to the endpoint); only urlencoded
            # forms are accepted, so a token can't hide in another encoding.
            body = await request.body()
            ctype = request.headers.get("content-type", "").split(";")[0].strip()
            sent = parse_qs(body.decode("utf-8", "replace")).get("csrf", [""])[0] if ctype == "application/x-www-form-urlencoded" else ""
            if not secrets.compare_digest(sent.encode(), token.encode()):
                return PlainTextResponse("missing or wrong CSRF token", status_code=403)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    def filters(request: Request) -> dict[str, str]:
        q = request.query_params
        return {k: q[k] for k in ("flag", "type", "doc") if q.get(k)}

    # Built queues by filter set, kept while the run's results stay the same: every key a
    # reviewer presses is a request, and rebuilding a 20,000-document run's queue took ~5 s.
    built: dict[tuple[tuple[str, str], ...], tuple[tuple[Any, ...], list[rv.QueueItem], dict[str, str]]] = {}

    def load(f: dict[str, str]) -> tuple[sqlite3.Connection, st.Run, list[rv.QueueItem], dict, dict[str, str]]:
        conn, run = connect()
        version, key = st.results_version(conn, run), tuple(sorted(f.items()))
        entry = built.get(key)
        if entry is None or entry[0] != version:
            texts: dict[str, str] = {}
            results = []
            for r, h in st.iter_documents(conn, run, doubtful_below=cfg.threshold):
                results.append(r)
                texts[r.doc_id] = h
            queue = rv.build_queue(results, cfg.threshold, f.get("flag"), f.get("type"), f.get("doc"))
            for stale in [k for k, v in built.items() if v[0] != version]:
                del built[stale]
            built[key] = entry = (version, queue, texts)
        return conn, run, entry[1], st.latest_decisions(conn, run), entry[2]

    def page(name: str, **ctx: Any) -> HTMLResponse:
        ctx.update(csrf=token, run=cfg.run, reviewer=cfg.reviewer, threshold=cfg.threshold)
        return HTMLResponse(env.get_template(name).render(**ctx))

    def qs(f: dict[str, str]) -> str:
        return ("?" + urlencode(f)) if f else ""

    @app.get("/", response_class=HTMLResponse)
    def queue_page(request: Request) -> HTMLResponse:
        f = filters(request)
        conn, run, queue, decided, _ = load(f)
        # the drop-downs offer every value of the unfiltered queue, not just the filtered one
        conn.close()
        all_q = queue
        if f:
            conn2, _, all_q, _, _ = load({})
            conn2.close()
        rows = [(n, it, decided.get((it.doc_id, it.index))) for n, it in enumerate(queue)]
        done = sum(1 for _, _, d in rows if d and d.action != "skip")
        first_open = next((n for n, _, d in rows if d is None), 0)
        return page("queue.html", rows=rows, done=done, total=len(queue), f=f, qs=qs(f), first_open=first_open,
                    facets=rv.facets(all_q))

    @app.get("/item/{pos}", response_class=HTMLResponse)
    def item_page(request: Request, pos: int) -> HTMLResponse:
        f = filters(request)
        conn, run, queue, decided, hashes = load(f)
        try:
            it, text = queue_item(conn, queue, hashes, pos)
        finally:
            conn.close()
        region = it.result.span
        segs = rv.segments(text, rv.labelled_spans(it.claim), region) if text is not None else []
        d = decided.get((it.doc_id, it.index))
        edited = rv.Claim.model_validate_json(d.claim) if d and d.action == "edit" and d.claim else None
        done = sum(1 for q in queue if (x := decided.get((q.doc_id, q.index))) and x.action != "skip")
        return page("item.html", it=it, pos=pos, total=len(queue), done=done, decision=d, edited=edited,
                    segs=segs, has_text=text is not None, f=f, qs=qs(f), types=SOURCE_TYPES, stances=STANCES,
                    spans=[(n, s) for n, s in it.claim.spans()])

    def next_url(pos: int, total: int, f: dict[str, str]) -> str:
        nxt = pos + 1
        return f"/item/{nxt}{qs(f)}" if nxt < total else f"/{qs(f)}"

    @app.post("/item/{pos}/decide")
    def decide(request: Request, pos: int, action: str = Form(...)) -> Response:
        f = filters(request)
        if action not in ("accept", "reject", "skip"):
            raise HTTPException(400, "unknown action")
        conn, run, queue, _, _ = load(f)
        try:
            if not 0 <= pos < len(queue):
                raise HTTPException(404, "no such item in this queue")
            it = queue[pos]
            st.add_decision(conn, run, it.doc_id, it.index, it.key, action, cfg.reviewer)
        finally:
            conn.close()
        return RedirectResponse(next_url(pos, len(queue), f), status_code=303)

    @app.post("/item/{pos}/edit")
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
        conn, run, queue, _, hashes = load(f)
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

    @app.post("/undo")
    def undo(request: Request) -> Response:
        f = filters(request)
        conn, run, queue, _, _ = load(f)
        try:
            d = st.undo_decision(conn, run, cfg.reviewer)
        finally:
            conn.close()
        if d is None:
            return RedirectResponse(f"/{qs(f)}", status_code=303)
        pos = next((n for n, it in enumerate(queue) if (it.doc_id, it.index) == (d.doc_id, d.claim_index)), None)
        return RedirectResponse(f"/item/{pos}{qs(f)}" if pos is not None else f"/{qs(f)}", status_code=303)

    @app.get("/static/review.js")
    def script() -> Response:
        return Response(_STATIC.read_text(encoding="utf-8"), media_type="text/javascript")

    return app


def serve(cfg: ReviewConfig, port: int = 8765, host: str = "127.0.0.1") -> None:
    import uvicorn

    uvicorn.run(create_app(cfg), host=host, port=port, log_level="warning")
