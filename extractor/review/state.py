"""What every review route shares: the config, the CSRF token, the pages and the queue.

Its own module so the route modules and the app factory can all import it downward
(the routes never import the app). The queue itself is read from the store's index
(`batch/store/queue.py`), one page or one item at a time, so a request costs the same
on a run of 100 or 100,000 documents.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from ..batch import store as st
from ..batch.store import queue as sq
from ..confidence import REVIEW_THRESHOLD
from ..models import Claim, DocumentResult
from . import decisions as rv
from .templating import templates

SOURCE_TYPES = ("person", "organization", "media", "anonymous", "unattributed")
STANCES = ("asserted", "denied", "hedged")
FILTER_KEYS = ("flag", "type", "doc", "q", "status", "source")


@dataclass
class ReviewConfig:
    store: str
    run: str
    reviewer: str = "reviewer"
    threshold: float = REVIEW_THRESHOLD
    extra_hosts: tuple[str, ...] = ()  # e.g. "testserver" for in-process tests


def read_only(path: str) -> bool:
    """A store we cannot write (read-only disk or file) is still reviewed read-only: pages
    show, decisions are refused with a page saying why."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    return os.path.exists(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))


@dataclass
class Loaded:
    """One queued claim with what its page needs: the document, its text and decisions."""

    item: rv.QueueItem
    text: str | None
    decisions: dict[int, st.Decision]  # this document's live decisions by claim index
    pos: int = 0  # where the claim stands in the filtered queue

    @property
    def decision(self) -> st.Decision | None:
        return self.decisions.get(self.item.index)

    @property
    def working(self) -> Claim:
        """The claim as the reviewer last left it: the saved edit, else the machine's."""
        d = self.decision
        return Claim.model_validate_json(d.claim) if d and d.action == "edit" and d.claim else self.item.claim

    def added(self) -> list[tuple[int, Claim]]:
        n = len(self.item.result.claims)
        return [(i, Claim.model_validate_json(d.claim)) for i, d in sorted(self.decisions.items())
                if i >= n and d.action == "edit" and d.claim]


def filters(request: Request) -> dict[str, str]:
    q = request.query_params
    return {k: q[k] for k in FILTER_KEYS if q.get(k)}


def qs(f: dict[str, str]) -> str:
    return ("?" + urlencode(f)) if f else ""


class ReviewState:
    """One app's shared state: built once by `create_app`, handed to every router."""

    def __init__(self, cfg: ReviewConfig, token: str) -> None:
        self.cfg = cfg
        self.token = token
        self.env = templates()
        self.readonly = read_only(cfg.store)
        self._local = threading.local()

    def connect(self) -> tuple[sqlite3.Connection, st.Run]:
        """The store for one request. Each server thread keeps its connection: opening one
        per request and closing it (the last close checkpoints the WAL) cost more than a
        decision's own queries."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = st.open_store(self.cfg.store, readonly=self.readonly)
        run = st.get_run(conn, self.cfg.run)
        assert run is not None
        return conn, run

    def release(self, conn: sqlite3.Connection) -> None:
        """End a request: nothing it left half-done may reach the next one on this thread."""
        if conn.in_transaction:
            conn.rollback()

    def sources_ready(self, conn, run, f: dict[str, str]) -> None:
        """A `source=` filter reads the ledger's claim -> source map: made (as `extractor
        sources` makes it) when the run has none as new as its claims. A read-only store
        keeps the map it has."""
        if not f.get("source") or self.readonly:
            return
        from ..ledger import stats

        if not stats.entities_current(conn, run.id):
            stats.save_entities(conn, run.name, stats.build(conn, run.name))

    def counts(self, conn, run, f: dict[str, str]) -> tuple[int, int]:
        self.sources_ready(conn, run, f)
        return sq.counts(conn, run, self.cfg.threshold, f)

    def rows(self, conn, run, f: dict[str, str], offset: int = 0, limit: int = 100) -> list[sq.QueueRow]:
        self.sources_ready(conn, run, f)
        return sq.rows(conn, run, self.cfg.threshold, f, offset, limit)

    def position(self, conn, run, f: dict[str, str], doc_id: str, index: int) -> int | None:
        self.sources_ready(conn, run, f)
        return sq.position(conn, run, self.cfg.threshold, f, doc_id, index)

    def load(self, conn, run, f: dict[str, str], pos: int, expect: tuple[str, int] | None = None,
             with_text: bool = True) -> Loaded:
        """The queue's item at `pos`; with `expect` (doc, index) from a form, that claim
        wherever it now stands, so a tab opened before the queue changed decides the
        claim it shows."""
        if expect is not None:
            found = self.position(conn, run, f, *expect)
            if found is None:
                found = self.position(conn, run, {}, *expect)
                f = {}
            if found is None:
                raise HTTPException(404, "that claim is no longer in the review queue")
            got = [r] if (r := sq.row_of(conn, run, *expect, found)) else []
        else:
            got = self.rows(conn, run, f, pos, 1) if pos >= 0 else []
        if not got:
            raise HTTPException(404, f"there is no item {pos + 1} in this queue")
        row = got[0]
        doc = sq.document(conn, run, row.item_key, row.doc_id)
        if doc is None:
            raise HTTPException(404, "that document is no longer in the run")
        result = DocumentResult.model_validate_json(doc[0])
        claim = result.claims[row.claim_index]
        it = rv.QueueItem(row.doc_id, row.claim_index, rv.claim_key(claim), claim, result)
        mine = {i: d for (_, i), d in st.latest_decisions(conn, run, row.doc_id).items()}
        text = st.get_text(conn, doc[1], result.source_file) if with_text else None  # a decision needs no text
        return Loaded(it, text, mine, row.pos)

    def page(self, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        cfg = self.cfg
        ctx.setdefault("qs", "")
        ctx.update(csrf=self.token, run=cfg.run, reviewer=cfg.reviewer, threshold=cfg.threshold)
        return HTMLResponse(self.env.get_template(name).render(**ctx), status_code=status_code)
