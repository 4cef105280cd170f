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

from fastapi import FastAPI

from ..batch import store as st
from . import routes_decisions, routes_item, routes_queue, routes_static
from .security import install_guard
from .state import ReviewConfig, ReviewState

__all__ = ["ReviewConfig", "create_app", "serve"]


def create_app(cfg: ReviewConfig) -> FastAPI:
    conn0 = st.open_store(cfg.store)  # migrate once and fail early on a bad store or run
    if st.get_run(conn0, cfg.run) is None:
        conn0.close()
        raise st.StoreError(f"no run named {cfg.run!r} in {cfg.store}")
    conn0.close()
    token = secrets.token_urlsafe(32)
    state = ReviewState(cfg, token)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.csrf = token
    install_guard(app, token, cfg.extra_hosts)
    # in the order the routes were declared when they were one function
    for routes in (routes_queue, routes_item, routes_decisions, routes_static):
        app.include_router(routes.router(state))
    return app


def serve(cfg: ReviewConfig, port: int = 8765, host: str = "127.0.0.1") -> None:
    import uvicorn

    uvicorn.run(create_app(cfg), host=host, port=port, log_level="warning")
