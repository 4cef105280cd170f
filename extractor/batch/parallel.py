"""`--workers N` for the local runner: a CPU-bound engine (the spaCy one) on N processes.

Why: one Python process parses one article at a time, so the offline engine used one
core of many. This wraps the engine as an async one whose `extract` runs in a pool of
worker processes, each loading its own copy of the engine once (spaCy pipelines are not
shared across processes or threads). Everything else (cleaning, grounding, scoring, the
store, the order of the output) stays in the runner's process, unchanged: the workers
return the engine's raw `EngineOutput`, exactly what the engine returns in-process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..engines import Engine, EngineOutput
from ..models import Article

_engine: Any = None  # the engine of this worker process


def _load(name: str, settings: dict[str, Any]) -> None:
    global _engine
    from ..engines import get_engine

    _engine = get_engine(name, **settings)


def _extract(raw: str, article: Article, include_unattributed: bool) -> EngineOutput:
    return _engine.extract(raw, article, include_unattributed=include_unattributed)


class ProcessPoolEngine:
    """`engine` (for its identity: name, model, prompt version, cache settings) with its
    `extract` calls run in `workers` processes that each built `get_engine(name, **settings)`."""

    def __init__(self, engine: Engine, name: str, workers: int, settings: dict[str, Any] | None = None) -> None:
        self._engine = engine
        self.name, self.model, self.prompt_version = engine.name, engine.model, engine.prompt_version
        # spawn, not fork: the runner's process has threads (its event loop, the store) by then.
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_load, initargs=(name, settings or {}))

    def __getattr__(self, attr: str) -> Any:  # cache_settings, settings: as the engine's own
        return getattr(self._engine, attr)

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        return self._pool.submit(_extract, raw, article, include_unattributed).result()

    async def aextract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, _extract, raw, article, include_unattributed)

    async def aclose(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
