"""The review UI: a small server-rendered FastAPI app over one run of the run store.

Security, because article text is untrusted and the server runs on a person's machine:
- bound to 127.0.0.1 by the CLI, and every request's Host must be a loopback name
  (stops DNS-rebinding pages from reading or driving the app);
- every POST carries a per-server secret token and, when the browser sends Origin, an
  Origin equal to the Host: another site cannot submit decisions (CSRF);
- all text goes through Jinja autoescape; nothing is marked safe;
- no route takes a path: the only file served is the app's own script.

State lives in the store (decisions are rows), so reloads and restarts lose nothing.

This module builds the app; the guard is in `security`, the shared state in `state`, and
the routes in `routes_*` grouped by what they serve (queue, item, decisions, static).
"""

from __future__ import annotations

import secrets
import sqlite3
from urllib.parse import urlsplit

from fastapi import FastAPI

from ..batch import store as st
from . import routes_decisions, routes_item, routes_queue, routes_static
from .security import install_guard
from .state import ReviewConfig, ReviewState, read_only

__all__ = ["ReviewConfig", "create_app", "serve"]


def create_app(cfg: ReviewConfig) -> FastAPI:
    conn0 = st.open_store(cfg.store, readonly=read_only(cfg.store))  # migrate once; fail early on a bad store or run
    if st.get_run(conn0, cfg.run) is None:
        conn0.close()
        raise st.StoreError(f"no run named {cfg.run!r} in {cfg.store}")
    conn0.close()
    token = secrets.token_urlsafe(32)
    state = ReviewState(cfg, token)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.csrf = token
    install_guard(app, token, cfg.extra_hosts)
    install_error_pages(app, state)
    # in the order the routes were declared when they were one function
    for routes in (routes_queue, routes_item, routes_decisions, routes_static):
        app.include_router(routes.router(state))
    return app


def install_error_pages(app: FastAPI, state: ReviewState) -> None:
    """Every error as a page a person can read, with a way back; never raw JSON."""
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    titles = {400: "That request could not be used", 404: "Not found", 409: "Cannot do that here"}

    def render(request, code: int, message: str):
        back = request.headers.get("referer") or "/"
        if urlsplit(back).netloc not in ("", request.headers.get("host", "")):
            back = "/"
        return state.page("error.html", status_code=code, title=titles.get(code, "Something went wrong"),
                          message=message, back=back)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        return render(request, exc.status_code, str(exc.detail))

    @app.exception_handler(sqlite3.OperationalError)
    async def store_error(request, exc):
        if "readonly" in str(exc) or "read-only" in str(exc):
            return render(request, 409, f"the store {state.cfg.store} is read-only, so decisions cannot be saved; "
                                        "copy it to a writable disk and review that copy")
        return render(request, 500, f"the run store failed: {exc}")

    @app.exception_handler(RequestValidationError)
    async def form_error(request, exc):
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return render(request, 400, f"the form was missing or had a wrong value in: {fields}")


def serve(cfg: ReviewConfig, port: int = 8765, host: str = "127.0.0.1") -> None:
    import uvicorn

    uvicorn.run(create_app(cfg), host=host, port=port, log_level="warning")
