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
(the LLM engine), per call for any other. How a run stops early (signals, a lost lock, a
failing store) is `lifecycle.py`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..cleaning import split_articles
from ..engines import Engine, EngineOutput
from ..models import Article, DocumentResult, Flag, RawInput, Usage
from ..pipeline import process
from . import store as st
from .lifecycle import Interrupted, RunStopped, Stopper, StoreFailed, keep_lock
from .limits import BACKSTOP, BACKSTOP_SECONDS, RateLimits, RequestGate, document_tokens
from .selection import OUTPUT_SETTINGS, check_inputs, output_settings, parse_shard, shard_of

__all__ = ["OUTPUT_SETTINGS", "Interrupted", "RunOptions", "RunStopped", "RunSummary", "Runner", "StoreFailed",
           "check_inputs", "output_settings", "parse_shard", "run_batch", "shard_of"]


# Failures that no document can escape (wrong key, no such model): after a few in a row,
# going on would only fail the whole corpus one request at a time.
FATAL = {"llm_auth_failed", "llm_forbidden", "llm_model_not_found", "llm_endpoint_not_found"}
FATAL_STREAK = 3

# One article's length limit, in code points: spaCy refuses more (its error E088), and no
# news article comes near it; a longer one is almost always several glued together.
MAX_ARTICLE_CHARS = 1_000_000


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


async def _skip() -> BaseException:
    return ValueError("not sent: too large")  # replaced by _too_large's message


def _too_large(results: list[DocumentResult], articles: list[Article]) -> list[DocumentResult]:
    """Our error, not the engine's, for an article over MAX_ARTICLE_CHARS (never sent)."""
    big = {a.doc_id: a.span.end - a.span.start for a in articles if a.span.end - a.span.start > MAX_ARTICLE_CHARS}
    for d in results:
        if d.doc_id in big:
            d.errors = [Flag(code="too_large", message=f"{d.source_file or d.input_id}: the article is {big[d.doc_id]:,} "
                             f"characters, over the {MAX_ARTICLE_CHARS:,}-character limit for one article; split it")]
    return results


class Runner:
    def __init__(self, engine: Engine, conn: sqlite3.Connection, run: st.Run, opts: RunOptions,
                 lock: st.Lock | None = None):
        self.engine, self.conn, self.run, self.opts, self.lock = engine, conn, run, opts, lock
        self.settings = output_settings(engine, opts.include_unattributed)
        if opts.split != "auto":  # another split gives other documents: not the same cached result
            self.settings["split"] = opts.split
        self._gate = RequestGate(opts.concurrency)
        self._rates = RateLimits(opts.rpm, opts.tpm)
        self._async = callable(getattr(engine, "aextract", None))
        # An engine that takes the gate holds it per HTTP request; then twice as many
        # documents are let in, so a built request waits behind every slot (see limits.py).
        # Any other engine holds one of `concurrency` admissions for its whole call.
        params = inspect.signature(engine.aextract).parameters if self._async else {}  # type: ignore[attr-defined]
        self._gated = "gate" in params
        # An engine that takes the document timeout keeps what it got by then (the LLM
        # engine's answered chunks and their usage); the runner's own timeout is then a
        # backstop a little later, for an engine that overran it.
        self._own_timeout = "doc_timeout" in params
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
                timeout = self.opts.doc_timeout
                if self._gated:
                    kw: dict[str, object] = {"gate": self._gate}
                    if self._own_timeout and timeout is not None:
                        kw["doc_timeout"], timeout = timeout, timeout * BACKSTOP + BACKSTOP_SECONDS
                    call = self.engine.aextract(raw.text, article, include_unattributed=unattributed, **kw)  # type: ignore[attr-defined]
                elif self._async:
                    call = self.engine.aextract(raw.text, article, include_unattributed=unattributed)  # type: ignore[attr-defined]
                else:
                    call = asyncio.get_running_loop().run_in_executor(
                        self._thread, lambda: self.engine.extract(raw.text, article, include_unattributed=unattributed))
                return await asyncio.wait_for(call, timeout)
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
                    answers = await asyncio.gather(*(
                        self._call(raw, a) if a.span.end - a.span.start <= MAX_ARTICLE_CHARS else _skip() for a in articles))
                    waited = time.perf_counter() - t_call
                    results = process(raw, _Answers(self.engine, {a.doc_id: x for a, x in zip(articles, answers)}),
                                      self.opts.include_unattributed, articles)
                    results = _too_large(results, articles)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # a bug in one input's processing must not end the batch
            results = [DocumentResult(doc_id=raw.input_id, input_id=raw.input_id, source_file=raw.source_file,
                                      errors=[Flag(code="internal_error", message=f"{type(e).__name__}: {e}")])]
        results = self._record(raw, item, results, key, cached, time.perf_counter() - t0)
        if self.opts.measure:
            self.summary.own_seconds.append(time.perf_counter() - t0 - waited)
        return results, cached

    def _record(self, raw: RawInput, item: st.Item, results: list[DocumentResult], key: str | None, cached: bool,
                seconds: float) -> list[DocumentResult]:
        """Record one input; a result that cannot be stored becomes that input's error, a
        store that cannot be written stops the run (StoreFailed) with what to do."""
        try:
            try:
                st.record_item(self.conn, self.run, item, results, key=key, cached=cached, seconds=seconds,
                               text=None if raw.error else raw.text)
            except sqlite3.Error:
                raise
            except Exception as e:  # noqa: BLE001 - e.g. text that cannot be encoded: this input's error
                where = raw.source_file or raw.input_id
                results = [DocumentResult(doc_id=raw.input_id, input_id=raw.input_id, source_file=raw.source_file,
                                          errors=[Flag(code="unstorable", message=f"{where}: {raw.input_id}: the result "
                                                       f"cannot be stored ({type(e).__name__}: {str(e)[:200]})")])]
                st.record_item(self.conn, self.run, dataclasses.replace(item, text=None), results)
        except sqlite3.Error as e:
            raise StoreFailed(st.describe(self.store_name, e).replace("--resume", f"--run {self.run.name} --resume")) from None
        return results

    @property
    def store_name(self) -> str:
        row = self.conn.execute("PRAGMA database_list").fetchone()
        return row[2] if row else "the run store"

    def _account(self, results: list[DocumentResult], cached: bool, stop: bool = True) -> None:
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
            if stop and fatal and self._fatal_streak >= FATAL_STREAK:
                raise RunStopped(f"stopped: {FATAL_STREAK} documents in a row failed with {fatal.code} ({fatal.message}); "
                                 f"fix it, then continue with --run {self.run.name} --resume --retry-failed")

    def _drain(self, pending: deque, emit: Callable[[DocumentResult], None] | None) -> None:
        """A stopped run: inputs that finished (and were recorded) behind the one that
        stopped it are output and counted too, so the output and the store agree."""
        for t in pending:
            if t.cancelled() or t.exception() is not None:
                continue  # cancelled before it was recorded
            results, cached = t.result()
            if emit:
                for d in results:
                    emit(d)
            self._account(results, cached, stop=False)

    # ---- the stream ----

    async def arun(self, inputs: Iterable[RawInput], emit: Callable[[DocumentResult], None] | None = None) -> RunSummary:
        """Process the stream. A signal ends it with Interrupted, a lost lock with RunStopped."""
        stopper = Stopper()
        stopper.install()
        beat = asyncio.create_task(keep_lock(self.conn, self.lock, stopper)) if self.lock else None
        try:
            return await self._stream(inputs, emit)
        except asyncio.CancelledError:
            if stopper.reason is not None:
                raise stopper.reason from None
            raise
        finally:
            stopper.uninstall()
            if beat:
                beat.cancel()

    async def _stream(self, inputs: Iterable[RawInput], emit: Callable[[DocumentResult], None] | None) -> RunSummary:
        # long: the window of inputs in flight, their in-order flush, and the cleanup on any way out
        t0 = time.perf_counter()
        window = self.opts.window or max(16, 8 * self.opts.concurrency)
        pending: deque[asyncio.Task[tuple[list[DocumentResult], bool]]] = deque()

        def flush() -> None:
            while pending and pending[0].done():
                results, cached = pending.popleft().result()
                if emit:  # before accounting, which may stop the run: the output has what the store has
                    for d in results:
                        emit(d)
                self._account(results, cached)

        stopped = False

        try:
            for ordinal, raw in enumerate(inputs):
                if self.opts.shard and shard_of(raw.input_id, self.opts.shard[1]) != self.opts.shard[0]:
                    continue
                item = st.make_item(raw.input_id, raw.source_file, raw.text, ordinal)
                state = st.item_state(self.conn, self.run, item)
                if state == "ok" or (state == "failed" and not self.opts.retry_failed):
                    self.summary.skipped += 1
                    if not self.summary.skipped % 64:
                        await asyncio.sleep(0)  # a signal is handled at the next await: give it one
                    continue
                pending.append(asyncio.create_task(self._item(raw, item)))
                await asyncio.sleep(0)
                flush()
                if len(pending) >= window:
                    await asyncio.wait([pending[0]])
                    flush()
            while pending:
                await asyncio.wait([pending[0]])
                flush()
        except RunStopped:
            stopped = True
            raise
        finally:
            for t in pending:
                t.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            if stopped:
                self._drain(pending, emit)
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
    on_close: Callable[[sqlite3.Connection, st.Run], None] | None = None,
) -> RunSummary:
    """Open the store, start or resume the run under its lock, process the stream, close the run.

    Raises store.StoreError for problems the user must fix before anything runs (exit 2),
    among them a run another live process holds. Once the lock is held, however the run
    ends (done, stopped, a signal, a failing store) it is marked so and `on_close` (the
    caller's view of the run, e.g. rebuilding the -o file) runs while the lock is still
    held, so two processes never write the view at once.
    """
    # long: each way out (refused, done, stopped, interrupted, store failure) closes the run and its lock in its own way
    def failed(e: sqlite3.Error) -> st.StoreError:
        return st.StoreError(st.describe(store_path, e).replace("--resume", f"--run {run_name} --resume"))

    try:
        conn = st.open_store(store_path)
    except sqlite3.Error as e:
        raise failed(e) from None
    try:
        settings = {**output_settings(engine, opts.include_unattributed), "concurrency": opts.concurrency,
                    "rpm": opts.rpm, "tpm": opts.tpm, "doc_timeout": opts.doc_timeout,
                    "shard": f"{opts.shard[0]}/{opts.shard[1]}" if opts.shard else None,
                    **({"split": opts.split} if opts.split != "auto" else {})}
        try:
            run = st.start_run(conn, run_name, engine.name, engine.model, engine.prompt_version, settings, resume=resume)
            lock = st.acquire_lock(conn, run)
        except sqlite3.Error as e:
            raise failed(e) from None
        runner = Runner(engine, conn, run, opts, lock)
        status = "interrupted"
        try:
            summary = asyncio.run(runner.arun(inputs, emit))
            status = "done"
        except RunStopped:
            status = "stopped"
            raise
        finally:
            try:
                st.finish_run(conn, run, status)
            except sqlite3.Error:  # the store failing is what is being reported; the lock goes stale
                pass
            try:
                if on_close:
                    on_close(conn, run)
            finally:
                try:
                    st.release_lock(conn, lock)
                except sqlite3.Error:
                    pass
        return summary
    finally:
        conn.close()
