"""Who owns a running run: one process at a time, and a dead owner's lock taken over.

Two `--resume` processes on one run (overlapping cron jobs) would do the work twice and
pay twice for it. A lock row names its owner (pid, host, since) and carries a heartbeat the
runner refreshes every few seconds. A second process is refused with the owner's name;
a lock is stale, and is taken over inside one write transaction (so two processes cannot
both take it), when its process is gone (same host) or its heartbeat is older than
`STALE_SECONDS` (another host, or a hung process). An owner that finds its lock taken
stops instead of writing beside the new owner.
"""

from __future__ import annotations

import os
import secrets
import socket
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from .runs import Run
from .schema import StoreError, now, transaction

HEARTBEAT_SECONDS = 5.0
STALE_SECONDS = 60.0


@dataclass(frozen=True)
class Lock:
    run_id: int
    token: str
    pid: int
    host: str
    since: str


class LockLost(StoreError):
    """Another process took this run over (it judged our lock stale)."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _age(stamp: str) -> float:
    return (datetime.now(timezone.utc) - datetime.fromisoformat(stamp)).total_seconds()


def is_stale(row: sqlite3.Row, host: str | None = None) -> bool:
    host = host or socket.gethostname()
    if row["host"] == host and not _alive(row["pid"]):
        return True
    return _age(row["heartbeat"]) > STALE_SECONDS


def acquire(conn: sqlite3.Connection, run: Run, pid: int | None = None, host: str | None = None) -> Lock:
    """Take the run's lock, or raise StoreError naming who holds it."""
    pid, host = pid or os.getpid(), host or socket.gethostname()
    token = secrets.token_hex(8)
    stamp = now()
    with transaction(conn):
        row = conn.execute("SELECT * FROM run_locks WHERE run_id = ?", (run.id,)).fetchone()
        if row and not is_stale(row, host):
            raise StoreError(
                f"run {run.name!r} is being processed by pid {row['pid']} on {row['host']} since {row['since'][:19]}Z "
                f"(last heartbeat {_age(row['heartbeat']):.0f} s ago); wait for it to finish or stop it, then --resume")
        conn.execute("DELETE FROM run_locks WHERE run_id = ?", (run.id,))
        conn.execute("INSERT INTO run_locks (run_id, token, pid, host, since, heartbeat) VALUES (?, ?, ?, ?, ?, ?)",
                     (run.id, token, pid, host, stamp, stamp))
    return Lock(run.id, token, pid, host, stamp)


def heartbeat(conn: sqlite3.Connection, lock: Lock) -> None:
    """Refresh the lock; raise LockLost if another process has taken it over."""
    with transaction(conn):
        cur = conn.execute("UPDATE run_locks SET heartbeat = ? WHERE run_id = ? AND token = ?",
                           (now(), lock.run_id, lock.token))
    if cur.rowcount != 1:
        raise LockLost("another process took this run over (it judged this one's lock stale); stopping here")


def release(conn: sqlite3.Connection, lock: Lock) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM run_locks WHERE run_id = ? AND token = ?", (lock.run_id, lock.token))


def holder(conn: sqlite3.Connection, run: Run) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM run_locks WHERE run_id = ?", (run.id,)).fetchone()
