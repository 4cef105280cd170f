"""Runs: creating, resuming and closing them, and their counts derived from document rows."""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .schema import StoreError, now, transaction


# Setting names that could hold a secret are never written to the store.
_SECRET = re.compile(r"(api_?key|secret|password|token$|authorization|bearer)", re.I)


@dataclass(frozen=True)
class Run:
    id: int
    name: str
    engine: str
    model: str | None
    prompt_version: str | None
    settings: dict[str, Any]
    started_at: str
    ended_at: str | None
    status: str


@dataclass(frozen=True)
class RunStats:
    run: Run
    documents: int
    ok: int
    failed: int
    cached: int
    claims: int
    requests: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    seconds: float | None  # wall time from start to end (or to the last document)


def scrub(settings: dict[str, Any]) -> dict[str, Any]:
    """Settings as stored: anything named like a credential is dropped, recursively."""
    out: dict[str, Any] = {}
    for k, v in settings.items():
        if _SECRET.search(str(k)):
            continue
        out[k] = scrub(v) if isinstance(v, dict) else v
    return out


# ---- runs ----------------------------------------------------------------------------


def _run(row: sqlite3.Row) -> Run:
    return Run(id=row["id"], name=row["name"], engine=row["engine"], model=row["model"],
               prompt_version=row["prompt_version"], settings=json.loads(row["settings"]),
               started_at=row["started_at"], ended_at=row["ended_at"], status=row["status"])


def auto_run_name() -> str:
    return f"run-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def get_run(conn: sqlite3.Connection, name: str) -> Run | None:
    row = conn.execute("SELECT * FROM runs WHERE name = ?", (name,)).fetchone()
    return _run(row) if row else None


def start_run(
    conn: sqlite3.Connection,
    name: str | None,
    engine: str,
    model: str | None,
    prompt_version: str | None,
    settings: dict[str, Any] | None = None,
    resume: bool = False,
) -> Run:
    """Create a run, or with `resume` reopen one made with the same engine, model and prompt.

    A name that exists without `resume` is refused: two invocations silently sharing a
    run would make its counts meaningless.
    """
    name = name or auto_run_name()
    settings = scrub(settings or {})
    existing = get_run(conn, name)
    if existing:
        if not resume:
            raise StoreError(f"run {name!r} already exists in this store; add --resume to continue it or pick another --run name")
        mine = (engine, model, prompt_version)
        theirs = (existing.engine, existing.model, existing.prompt_version)
        if mine != theirs:
            raise StoreError(
                f"run {name!r} was made with engine/model/prompt {'/'.join(str(x) for x in theirs)}, "
                f"not {'/'.join(str(x) for x in mine)}; resume it with the same settings or start a new run"
            )
        with transaction(conn):
            conn.execute("UPDATE runs SET status = 'running', ended_at = NULL WHERE id = ?", (existing.id,))
        return get_run(conn, name)  # type: ignore[return-value]
    with transaction(conn):
        conn.execute(
            "INSERT INTO runs (name, engine, model, prompt_version, settings, started_at) VALUES (?, ?, ?, ?, ?, ?)",
            (name, engine, model, prompt_version, json.dumps(settings, sort_keys=True, default=str), now()),
        )
    return get_run(conn, name)  # type: ignore[return-value]


def finish_run(conn: sqlite3.Connection, run: Run, status: str = "done") -> None:
    with transaction(conn):
        conn.execute("UPDATE runs SET ended_at = ?, status = ? WHERE id = ?", (now(), status, run.id))


def list_runs(conn: sqlite3.Connection) -> list[RunStats]:
    rows = conn.execute(
        """SELECT r.*,
                  COUNT(d.doc_id) AS documents,
                  COALESCE(SUM(d.status = 'ok'), 0) AS ok,
                  COALESCE(SUM(d.status = 'failed'), 0) AS failed,
                  COALESCE(SUM(d.cached), 0) AS cached_docs,
                  COALESCE(SUM(d.claims), 0) AS claims,
                  COALESCE(SUM(d.requests), 0) AS requests,
                  COALESCE(SUM(d.prompt_tokens), 0) AS prompt_tokens,
                  COALESCE(SUM(d.completion_tokens), 0) AS completion_tokens,
                  COALESCE(SUM(d.cost_usd), 0) AS cost_usd,
                  MAX(d.finished_at) AS last_at
           FROM runs r LEFT JOIN documents d ON d.run_id = r.id
           GROUP BY r.id ORDER BY r.id"""
    ).fetchall()
    out = []
    for row in rows:
        end = row["ended_at"] or row["last_at"]
        secs = (datetime.fromisoformat(end) - datetime.fromisoformat(row["started_at"])).total_seconds() if end else None
        out.append(RunStats(
            run=_run(row), documents=row["documents"], ok=row["ok"], failed=row["failed"],
            cached=row["cached_docs"], claims=row["claims"], requests=row["requests"],
            prompt_tokens=row["prompt_tokens"], completion_tokens=row["completion_tokens"],
            cost_usd=row["cost_usd"], seconds=secs,
        ))
    return out


def run_stats(conn: sqlite3.Connection, run: Run) -> RunStats:
    return next(s for s in list_runs(conn) if s.run.id == run.id)
