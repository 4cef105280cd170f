"""`extractor extract --executor ray`: the batch runner on a Ray cluster (Ray Data).

Why Ray and not more `--shard` processes: Ray schedules the blocks, restarts a lost
worker and retries its block, and one named actor gives the cluster a shared rate limit
(`ray_limits.py`); the output needs no merge.

How: the driver plans blocks (`shards.py`: descriptors, not texts) and skips those whose
shard is already written (`--resume`). Ray Data maps the blocks over a pool of
`BlockWorker` actors (`map_batches` with an actor pool); each actor loads its engine
once (the spaCy pipeline, or the LLM engine with its HTTP session on one event loop
kept for the actor's life) and runs each block through the local `Runner` itself, so
cleaning, the engine call, timeouts, grounding, scoring and per-document failure
records are the very code of the local runner. Its run store is an in-memory SQLite
one per block; the block's results go to one shard, written atomically. Actors are
restarted and their blocks retried by Ray Data (max_restarts=-1, max_task_retries=-1),
so a killed worker costs the block it held, never a document twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any

from ..loading import Identities
from ..models import RawInput, Usage
from . import shards
from .block_ids import renamed, with_run_ids
from . import store as st
from .ray_limits import ClusterGate, ClusterRates, bucket_actor, concurrency_share
from .runner import RunOptions, RunStopped, RunSummary, Runner

BLOCK_SIZE = 64
MAX_ERRORS_SHOWN = 20  # per block, on the driver's stderr; all of them are in the shard


class _Kept:
    """The actor's engine, lent to one block's Runner without `aclose`: the HTTP session
    belongs to the actor, not to the block."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        if name == "aclose":
            raise AttributeError(name)
        return getattr(self._engine, name)


class BlockWorker:
    """One Ray actor: an engine loaded once, blocks in, one shard and one stats row per block out."""

    def __init__(self, spec: dict[str, Any]) -> None:
        from ..engines import get_engine

        import ray

        self.spec = spec
        self.node = ray.get_runtime_context().get_node_id()
        self.engine = _Kept(get_engine(spec["engine"], **spec["engine_args"]))
        self.opts = RunOptions(**spec["opts"])
        # One loop for the actor's life, in its own thread: blocks run on it concurrently
        # (an LLM actor takes several blocks at once) and share its session and gate.
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True, name="extractor-loop").start()
        bucket = None
        if spec["rpm"] or spec["tpm"]:
            bucket = ray.get_actor(spec["bucket"])
        self.gate = ClusterGate(spec["share"], bucket, bool(spec["rpm"]))
        self.rates = ClusterRates(bucket, bool(spec["tpm"]))

    async def _block(self, block: dict[str, Any], texts: dict[Any, str]) -> tuple[list[Any], RunSummary]:
        def inputs() -> Iterator[RawInput]:
            for raw in renamed(shards.block_inputs(block), block):  # the local runner's ids
                if not raw.error:
                    texts[(raw.source_file, raw.input_id)] = raw.text
                yield raw

        conn = st.open_store(":memory:")
        try:
            run = st.start_run(conn, "block", self.engine.name, self.engine.model, self.engine.prompt_version)
            runner = Runner(self.engine, conn, run, self.opts)  # type: ignore[arg-type]
            runner._gate, runner._rates = self.gate, self.rates  # the cluster's limits
            docs: list[Any] = []
            summary = await runner.arun(inputs(), docs.append)
            return docs, summary
        finally:
            conn.close()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        rows: dict[str, list[Any]] = {k: [] for k in ("k", "shard", "inputs", "documents", "claims", "failed", "cached",
                                                        "usage", "errors", "stopped", "pid", "node", "rss_mb",
                                                        "started", "finished", "cpu_s")}
        for text in batch["block"]:
            block = json.loads(str(text))
            stopped, started = "", time.time()
            try:
                texts: dict[Any, str] = {}
                docs, s = asyncio.run_coroutine_threadsafe(self._block(block, texts), self.loop).result()
                name = shards.write_shard(self.spec["out_dir"], block, docs, self.spec["fmt"], texts)
            except RunStopped as e:  # nothing of this block is written: a resume redoes it
                docs, s, name, stopped = [], RunSummary(run=""), "", str(e)
            errors = [f"{d.doc_id}: {e.message}" for d in docs for e in d.errors][:MAX_ERRORS_SHOWN]
            for key, value in (("k", block["k"]), ("shard", name), ("inputs", s.inputs), ("documents", s.documents),
                               ("claims", s.claims), ("failed", s.failed), ("cached", s.cached),
                               ("usage", s.usage.model_dump_json()), ("errors", json.dumps(errors)),
                               ("stopped", stopped), ("pid", os.getpid()), ("node", self.node),
                               ("rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                               ("started", started), ("finished", time.time()), ("cpu_s", time.process_time())):
                rows[key].append(value)
        return rows


def init_ray(address: str | None, num_cpus: int | None) -> None:
    """Connect to `address` (or RAY_ADDRESS), else start a local cluster on 127.0.0.1.
    Usage statistics are off and no dashboard is started: Ray reaches no network."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray runs its workers at nice 15 by default; here they *are* the job, and on a busy
    # machine a niced worker gets a fraction of the CPU the local runner would.
    os.environ.setdefault("RAY_worker_niceness", "0")
    import logging
    import warnings

    import ray

    # Ray Data's own advice (block counts, deprecations) is not for our users; errors still show.
    warnings.filterwarnings("ignore", module=r"ray(\.|$)")
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS")
    quiet = dict(log_to_driver=False, logging_level="warning")
    if address:
        ray.init(address=address, **quiet)  # type: ignore[arg-type]
    else:
        # "local": a new cluster of our own, never one that happens to run on this machine
        ray.init(address="local", num_cpus=num_cpus, include_dashboard=False, _node_ip_address="127.0.0.1",
                 **quiet)  # type: ignore[arg-type]


def _already_written(out_dir: str) -> int:
    """Inputs in the shards a resumed run skips (for the summary line)."""
    return len({d.input_id for d in shards.read_shards(out_dir)})


def run_ray(
    paths: list[str], engine: str, engine_args: dict[str, Any], opts: RunOptions, run: str, out_dir: str,
    fmt: str = "parquet", resume: bool = False, workers: int | None = None, block_size: int = BLOCK_SIZE,
    address: str | None = None, on_block: Callable[[dict[str, Any]], None] | None = None,
    identities: Identities | None = None,
) -> RunSummary:
    """Extract `paths` on a Ray cluster into shards in `out_dir`. Raises UsageError for a
    path that matches nothing and RunStopped as the local runner does. `identities`
    (optional) is left holding the run's id collisions, for the caller to report."""
    # long: one sequence (plan, skip, start the bucket, map, account, tidy) that reads best in one place
    t0 = time.perf_counter()
    blocks = list(with_run_ids(shards.plan_blocks(paths, block_size), identities))
    written = shards.written_shards(out_dir) if resume else set()
    todo = [b for b in blocks if shards.shard_name(b, fmt) not in written]
    summary = RunSummary(run=run)
    summary.skipped = _already_written(out_dir) if len(todo) < len(blocks) else 0
    init_ray(address, workers)
    import ray
    from ray.data import ActorPoolStrategy, DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = False  # the driver's own bar says documents, claims, cost
    ctx.print_on_execution_start = False
    n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    llm = engine == "llm"
    bucket = bucket_actor(run, opts.rpm, opts.tpm) if (opts.rpm or opts.tpm) else None
    spec = {"engine": engine, "engine_args": engine_args, "opts": asdict(opts), "out_dir": out_dir, "fmt": fmt,
            "share": concurrency_share(opts.concurrency, n), "rpm": opts.rpm, "tpm": opts.tpm,
            "bucket": f"extractor-limits-{run}"}
    try:
        if todo:
            ds = ray.data.from_items([{"block": json.dumps(b)} for b in todo], override_num_blocks=min(len(todo), 10_000))
            # An LLM actor mostly waits on the network: several blocks at once on its loop,
            # a fraction of a CPU. A spaCy actor parses: one block at a time, one CPU.
            # An LLM actor gets one more block queued than it runs, so the next starts the
            # moment one ends, without a round trip to the driver (200 ms blocks feel that gap;
            # a parsing actor's blocks of seconds do not, and a queued block could leave the
            # other actors idle at the end of a run).
            per_actor = 4 if llm else 1
            ds = ds.map_batches(BlockWorker, fn_constructor_args=(spec,), batch_size=1, batch_format="numpy",
                                compute=ActorPoolStrategy(size=n, max_tasks_in_flight_per_actor=per_actor + int(llm),
                                                          max_concurrent_calls_per_actor=per_actor,
                                                          enable_true_multi_threading=llm),
                                num_cpus=0.25 if llm else 1)
            for row in ds.iter_rows():
                if row["stopped"]:
                    raise RunStopped(str(row["stopped"]))
                _account(summary, row)
                if on_block:
                    on_block(row)
        shards.remove_stale(out_dir, {shards.shard_name(b, fmt) for b in blocks})
    finally:
        if bucket is not None:
            ray.kill(bucket)
        summary.seconds = time.perf_counter() - t0
    return summary


def _account(s: RunSummary, row: dict[str, Any]) -> None:
    s.inputs += int(row["inputs"])
    s.documents += int(row["documents"])
    s.claims += int(row["claims"])
    s.failed += int(row["failed"])
    s.cached += int(row["cached"])
    s.usage = s.usage.add(Usage.model_validate_json(row["usage"]))
