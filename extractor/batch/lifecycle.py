"""How a run ends when it does not simply finish: a signal, a lost lock, a failing store.

SIGTERM (every container stop, every scheduler timeout) and SIGINT (Ctrl-C) must not kill
a run mid-air: the handler cancels the run's task, the documents in flight are released
(not recorded, so a resume does them again; a sync engine's current call finishes in its
thread), the run is marked `interrupted` and the caller prints how to resume. Every input
is recorded in one transaction and the recording does not await, so a cancellation can
never split one. The same path stops a run whose lock was taken over by another process.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from typing import Any

from . import store as st

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class RunStopped(Exception):
    """The run cannot succeed as configured; what is recorded stays recorded."""


class StoreFailed(RunStopped):
    """The run store cannot be written (disk full, read-only, I/O error)."""


class Interrupted(Exception):
    """A signal stopped the run; `signum` says which (exit code 128 + signum)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


class Stopper:
    """Turns a signal (or a lost lock) into the cancellation of the run's task, once."""

    def __init__(self) -> None:
        self.reason: BaseException | None = None
        self._task: asyncio.Task[Any] | None = None
        self._installed: list[int] = []

    def install(self) -> None:
        self._task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            try:
                loop.add_signal_handler(sig, self.stop, Interrupted(sig))
                self._installed.append(sig)
            except (ValueError, RuntimeError, NotImplementedError):  # not the main thread, or no such support
                pass

    def stop(self, reason: BaseException) -> None:
        if self.reason is None and self._task is not None:
            self.reason = reason
            self.uninstall()  # a second Ctrl-C gets Python's default: stop now
            self._task.cancel()

    def uninstall(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in self._installed:
            loop.remove_signal_handler(sig)
        self._installed.clear()


async def keep_lock(conn: sqlite3.Connection, lock: st.Lock, stopper: Stopper) -> None:
    """Refresh the run's lock until cancelled; stop the run if another process took it."""
    while True:
        await asyncio.sleep(st.locks.HEARTBEAT_SECONDS)
        try:
            st.heartbeat(conn, lock)
        except st.LockLost as e:
            stopper.stop(RunStopped(str(e)))
            return
        except sqlite3.Error:  # a busy or full store: the next document's write will say so
            continue
