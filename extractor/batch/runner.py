"""The batch runner: inputs stream in, engine calls run concurrently under limits,
every input is recorded in the run store the moment it finishes, results stream out in
input order.

Memory stays flat whatever the corpus size: inputs are pulled lazily from an iterator
and at most `window` inputs are in flight (processing or waiting to be written in
order). Nothing is lost: any exception while processing one input becomes that input's
failure with a reason; only a broken store (disk full) stops the run.

What runs where: engine calls are awaited (the LLM engine's `aextract`) or run in one
worker thread (sync engines like the spaCy one, which is not thread-safe and CPU-bound
anyway). Cleaning, grounding, scoring and the SQLite write run in the event loop: they
take about a millisecond and keeping them there avoids locking around the store.
Retries with backoff (Retry-After) belong to the engine's own retry layer; the runner
adds rate limits and a per-document timeout around each engine call, and the
concurrency limit (`limits.py`): per HTTP request for an engine that takes the gate
(the LLM engine), per call for any other.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..cleaning import split_articles
from ..engines import Engine, EngineOutput
from ..loading import expand
from ..models import Article, DocumentResult, Flag, RawInput, Usage
from ..pipeline import process
from . import store as st
from .limits import RateLimits, RequestGate, document_tokens


# Failures that no document can escape (wrong key, no such model): after a few in a row,
# going on would only fail the whole corpus one request at a time.
FATAL = {"llm_auth_failed", "llm_forbidden", "llm_model_not_found"}
FATAL_STREAK = 3


class RunStopped(Exception):
    """The run cannot succeed as configured; what is recorded stays recorded."""


@dataclass
class RunOptions:
    concurrency: int = 8
    rpm: float | None = None
    tpm: float | None = None
    doc_timeout: float | None = 300.0
    use_cache: bool = True
    retry_failed: bool = False
    shard: tuple[int, int] | None = None  # (i, N): keep inputs whose id hashes to i mod N
    include_unattributed: bool = False
    split: str = "auto"  # article splitting: auto, never or always (cleaning.split_articles)
    window: int | None = None  # inputs in flight; default 8 x concurrency
    measure: bool = False  # keep per-input pipeline timings (benchmarks)


@dataclass
class RunSummary:
    run: str
    inputs: int = 0
    documents: int = 0
    claims: int = 0
    failed: int = 0
    cached: int = 0
    skipped: int = 0  # already done in this run (resume), not processed again
    seconds: float = 0.0
    usage: Usage = field(default_factory=Usage)
    own_seconds: list[float] = field(default_factory=list)  # per input, with measure=True

    def line(self) -> str:
        tokens = self.usage.prompt_tokens + self.usage.completion_tokens
        skipped = f"{self.skipped} inputs already done, " if self.skipped else ""
        return (f"run {self.run}: {skipped}{self.documents} documents, {self.claims} claims, {self.failed} failed, "
                f"{self.cached} cached, {self.seconds:.1f} s, {tokens} tokens, ${self.usage.cost_usd:.4f}")


def parse_shard(text: str) -> tuple[int, int]:
    """'i/N' with 0 <= i < N. Raises ValueError with a message fit for the user."""
    try:
        i_s, n_s = text.split("/")
        i, n = int(i_s), int(n_s)
    except ValueError:
        raise ValueError(f"--shard must look like i/N (e.g. 0/4), got {text!r}") from None
    if n < 1 or not 0 <= i < n:
        raise ValueError(f"--shard {text}: need N >= 1 and 0 <= i < N (shards are numbered from 0)")
    return i, n


def check_inputs(paths: Iterable[str]) -> None:
    """Fail fast (UsageError) on a name that matches nothing, without reading the corpus:
    inputs are streamed later, and a usage error must come before any work."""
    for p in paths:
        next(expand([p]), None)


def shard_of(input_id: str, n: int) -> int:
    """Stable across machines and Python versions (unlike hash())."""
    return int.from_bytes(hashlib.sha256(input_id.encode("utf-8", "surrogatepass")).digest()[:8], "big") % n


def output_settings(engine: Engine, include_unattributed: bool) -> dict[str, Any]:
    """Settings that change what the engine returns: part of the cache key.

    An engine may expose `cache_settings` (a dict, or a method returning one) naming
    them, e.g. temperature or mode; concurrency and limits never belong here.
    """
    extra = getattr(engine, "cache_settings", None)
    if callable(extra):
        extra = extra()
    if extra is None:
        # Engines with a settings object (the LLM engine): the fields that shape answers.
        s = getattr(engine, "settings", None)
        extra = {k: getattr(s, k) for k in OUTPUT_SETTINGS if hasattr(s, k)}
        if extra.get("base_url"):  # same model name on another server may be another model
            extra["base_url"] = _no_userinfo(str(extra["base_url"]))
    return {"include_unattributed": include_unattributed, **extra}


# LLM settings that change answers. Not here: timeouts, retries, prices, the key.
OUTPUT_SETTINGS = ("base_url", "mode", "temperature", "max_reasks", "context_tokens", "max_output_tokens",
                   "max_length_splits", "cross_check", "prompt")


def _no_userinfo(url: str) -> str:
    """Drop user:password@ from a URL: settings are stored, credentials never are."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        netloc = host + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class _Answers:
    """An engine that replays answers already fetched, so `pipeline.process` does the
    grounding and scoring exactly as on the synchronous path (one code path, not two)."""

    def __init__(self, engine: Engine, answers: dict[str, EngineOutput | BaseException]):
        self.name, self.model, self.prompt_version = engine.name, engine.model, engine.prompt_version
        self.answers = answers

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        answer = self.answers[article.doc_id]
        if isinstance(answer, BaseException):
            raise answer
        return answer


def _rebrand(doc: DocumentResult, raw: RawInput) -> DocumentResult:
    """A cached result found under another input: give it this input's identity."""
    old = doc.input_id
    doc_id = raw.input_id + doc.doc_id[len(old):] if doc.doc_id.startswith(old) else doc.doc_id
    return doc.model_copy(update={"input_id": raw.input_id, "doc_id": doc_id,
                                  "source_file": raw.source_file, "metadata": raw.metadata})


class Runner:
    def __init__(self, engine: Engine, conn: sqlite3.Connection, run: st.Run, opts: RunOptions):
        self.engine, self.conn, self.run, self.opts = engine, conn, run, opts
        self.settings = output_settings(engine, opts.include_unattributed)
        if opts.split != "auto":  # another split gives other documents: not the same cached result
            self.settings["split"] = opts.split
        self._gate = RequestGate(opts.concurrency)
        self._rates = RateLimits(opts.rpm, opts.tpm)
        self._async = callable(getattr(engine, "aextract", None))
        # An engine that takes the gate holds it per HTTP request; then twice as many
        # documents are let in, so a built request waits behind every slot (see limits.py).
        # Any other engine holds one of `concurrency` admissions for its whole call.
        self._gated = self._async and "gate" in inspect.signature(engine.aextract).parameters  # type: ignore[attr-defined]
        self._admit = asyncio.Semaphore(2 * self._gate.concurrency if self._gated else self._gate.concurrency)
        # Sync engines get one thread: spaCy pipelines are not safe to share across threads.
        self._thread = None if self._async else ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self.summary = RunSummary(run=run.name)
        self._fatal_streak = 0

    # ---- one engine call ----

    async def _call(self, raw: RawInput, article: Article) -> EngineOutput | BaseException:
        try:
            async with self._admit:
                chars = sum(r.end - r.start for r in article.body) or (article.span.end - article.span.start)
                await self._rates.take(document_tokens(self.engine, chars))
                unattributed = self.opts.include_unattributed
                if self._gated:
                    call = self.engine.aextract(raw.text, article, include_unattributed=unattributed, gate=self._gate)  # type: ignore[attr-defined]
                elif self._async:
                    call = self.engine.aextract(raw.text, article, include_unattributed=unattributed)  # type: ignore[attr-defined]
                else:
                    call = asyncio.get_running_loop().run_in_executor(
                        self._thread, lambda: self.engine.extract(raw.text, article, include_unattributed=unattributed))
                return await asyncio.wait_for(call, self.opts.doc_timeout)
        except asyncio.TimeoutError:
            return TimeoutError(f"no answer within the per-document timeout of {self.opts.doc_timeout:g} s")
        except asyncio.CancelledError:
            raise
        except Exception as e:  # becomes this document's engine_error, with the reason
            return e

    # ---- one input ----

    async def _item(self, raw: RawInput, item: st.Item) -> tuple[list[DocumentResult], bool]:
        """Process and record one input. Returns its results and whether they came from cache."""
        t0 = time.perf_counter()
        waited = 0.0  # time spent awaiting the engine: not the pipeline's own work
        cached = False
        key = None
        try:
            if raw.error:
                results = process(raw, self.engine)
            else:
                key = st.cache_key(raw.text, self.engine.name, self.engine.model, self.engine.prompt_version, self.settings)
                hit = st.cached_results(self.conn, key) if self.opts.use_cache else None
                if hit:
                    results, cached = [_rebrand(d, raw) for d in hit], True
                else:
                    articles = split_articles(raw, self.opts.split)
                    t_call = time.perf_counter()
                    answers = await asyncio.gather(*(self._call(raw, a) for a in articles))
                    waited = time.perf_counter() - t_call
                    results = process(raw, _Answers(self.engine, {a.doc_id: x for a, x in zip(articles, answers)}),
                                      self.opts.include_unattributed, articles)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # a bug in one input's processing must not end the batch
            results = [DocumentResult(doc_id=raw.input_id, input_id=raw.input_id, source_file=raw.source_file,
                                      errors=[Flag(code="internal_error", message=f"{type(e).__name__}: {e}")])]
        st.record_item(self.conn, self.run, item, results, key=key, cached=cached, seconds=time.perf_counter() - t0,
                       text=None if raw.error else raw.text)
        if self.opts.measure:
            self.summary.own_seconds.append(time.perf_counter() - t0 - waited)
        return results, cached

    def _account(self, results: list[DocumentResult], cached: bool) -> None:
        s = self.summary
        s.inputs += 1
        for d in results:
            s.documents += 1
            s.claims += len(d.claims)
            s.failed += d.failed
            s.cached += cached
            if d.usage and not cached:
                s.usage = s.usage.add(d.usage)
            fatal = next((e for e in d.errors if e.code in FATAL), None)
            self._fatal_streak = self._fatal_streak + 1 if fatal else 0
            if fatal and self._fatal_streak >= FATAL_STREAK:
                raise RunStopped(f"stopped: {FATAL_STREAK} documents in a row failed with {fatal.code} ({fatal.message}); "
                                 f"fix it, then continue with --run {self.run.name} --resume --retry-failed")

    # ---- the stream ----

    async def arun(self, inputs: Iterable[RawInput], emit: Callable[[DocumentResult], None] | None = None) -> RunSummary:
        t0 = time.perf_counter()
        window = self.opts.window or max(16, 8 * self.opts.concurrency)
        pending: deque[asyncio.Task[tuple[list[DocumentResult], bool]]] = deque()

        def flush() -> None:
            while pending and pending[0].done():
                results, cached = pending.popleft().result()
                self._account(results, cached)
                if emit:
                    for d in results:
                        emit(d)

        try:
            for ordinal, raw in enumerate(inputs):
                if self.opts.shard and shard_of(raw.input_id, self.opts.shard[1]) != self.opts.shard[0]:
                    continue
                item = st.make_item(raw.input_id, raw.source_file, raw.text, ordinal)
                state = st.item_state(self.conn, self.run, item)
                if state == "ok" or (state == "failed" and not self.opts.retry_failed):
                    self.summary.skipped += 1
                    continue
                pending.append(asyncio.create_task(self._item(raw, item)))
                flush()
                if len(pending) >= window:
                    await asyncio.wait([pending[0]])
                    flush()
            while pending:
                await asyncio.wait([pending[0]])
                flush()
        finally:
            for t in pending:
                t.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            if self._thread:
                self._thread.shutdown(wait=False, cancel_futures=True)
            aclose = getattr(self.engine, "aclose", None)
            if callable(aclose):  # an engine's HTTP session belongs to this loop; close it here
                await aclose()
            self.summary.seconds = time.perf_counter() - t0
        return self.summary


def run_batch(
    inputs: Iterable[RawInput],
    engine: Engine,
    store_path: str,
    run_name: str | None,
    opts: RunOptions,
    resume: bool = False,
    emit: Callable[[DocumentResult], None] | None = None,
) -> RunSummary:
    """Open the store, start or resume the run, process the stream, close the run.

    Raises store.StoreError for problems the user must fix (exit 2). On Ctrl-C the run
    is marked 'interrupted' and everything finished so far stays recorded.
    """
    conn = st.open_store(store_path)
    try:
        settings = {**output_settings(engine, opts.include_unattributed), "concurrency": opts.concurrency,
                    "rpm": opts.rpm, "tpm": opts.tpm, "doc_timeout": opts.doc_timeout,
                    "shard": f"{opts.shard[0]}/{opts.shard[1]}" if opts.shard else None,
                    **({"split": opts.split} if opts.split != "auto" else {})}
        run = st.start_run(conn, run_name, engine.name, engine.model, engine.prompt_version, settings, resume=resume)
        runner = Runner(engine, conn, run, opts)
        status = "interrupted"
        try:
            summary = asyncio.run(runner.arun(inputs, emit))
            status = "done"
        except RunStopped:
            status = "stopped"
            raise
        finally:
            st.finish_run(conn, run, status)
        return summary
    finally:
        conn.close()
