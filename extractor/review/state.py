"""What every review route shares: the config, the CSRF token, the pages and the queue cache.

Its own module so the route modules and the app factory can all import it downward
(the routes never import the app).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from ..batch import store as st
from ..confidence import REVIEW_THRESHOLD
from . import decisions as rv
from .templating import templates

SOURCE_TYPES = ("person", "organization", "media", "anonymous", "unattributed")
STANCES = ("asserted", "denied", "hedged")


@dataclass
class ReviewConfig:
    store: str
    run: str
    reviewer: str = "reviewer"
    threshold: float = REVIEW_THRESHOLD
    extra_hosts: tuple[str, ...] = ()  # e.g. "testserver" for in-process tests


def queue_item(conn, queue, hashes, pos: int):
    """The queue's item at `pos` and its article text (None if the store lacks it)."""
    if not 0 <= pos < len(queue):
        raise HTTPException(404, "no such item in this queue")
    it = queue[pos]
    return it, st.get_text(conn, hashes[it.doc_id], it.result.source_file)


def filters(request: Request) -> dict[str, str]:
    q = request.query_params
    return {k: q[k] for k in ("flag", "type", "doc") if q.get(k)}


def qs(f: dict[str, str]) -> str:
    return ("?" + urlencode(f)) if f else ""


def next_url(pos: int, total: int, f: dict[str, str]) -> str:
    nxt = pos + 1
    return f"/item/{nxt}{qs(f)}" if nxt < total else f"/{qs(f)}"


class ReviewState:
    """One app's shared state: built once by `create_app`, handed to every router."""

    def __init__(self, cfg: ReviewConfig, token: str) -> None:
        self.cfg = cfg
        self.token = token
        self.env = templates()
        # Built queues by filter set, kept while the run's results stay the same: every key a
        # reviewer presses is a request, and rebuilding a 20,000-document run's queue took ~5 s.
        self.built: dict[tuple[tuple[str, str], ...], tuple[tuple[Any, ...], list[rv.QueueItem], dict[str, str]]] = {}

    def connect(self) -> tuple[sqlite3.Connection, st.Run]:
        conn = st.open_store(self.cfg.store)
        run = st.get_run(conn, self.cfg.run)
        assert run is not None
        return conn, run

    def load(self, f: dict[str, str]) -> tuple[sqlite3.Connection, st.Run, list[rv.QueueItem], dict, dict[str, str]]:
        cfg, built = self.cfg, self.built
        conn, run = self.connect()
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

    def page(self, name: str, **ctx: Any) -> HTMLResponse:
        cfg = self.cfg
        ctx.update(csrf=self.token, run=cfg.run, reviewer=cfg.reviewer, threshold=cfg.threshold)
        return HTMLResponse(self.env.get_template(name).render(**ctx))
