"""`--executor ray` against the local runner, on this machine (issue 17's floors).

    python benchmarks/ray_throughput.py                 # offline on 300 PolNeAR docs, LLM at 200 ms, memory
    python benchmarks/ray_throughput.py --skip llm,rss  # only the offline comparison
    python benchmarks/ray_throughput.py --quick         # small sizes, a smoke run

A script, not a timed test. The same code paths as `extractor extract`: `run_batch` (the
local runner, one process or `--workers 2`) and `run_ray` (Ray Data over two actors on
a local cluster started once with `ray.init(num_cpus=2)`, as `ray start` would be).
Each figure is wall time from the call to its return, engine loading included (the
spaCy pipeline in every worker process, the actors' start), and for Ray also the rate
"with the workers up": documents over the time from the first block's start to the last
block's end inside the actors, which is what a long run sees once its actors are loaded.

- offline: 300 PolNeAR train documents (read from ../shared, not committed).
- llm: synthetic articles against the project's mock (tests/mock_openai.py) in its own
  process at 200 ms a request, concurrency 32 (ideal 160 docs/s).
- rss: peak RSS of each Ray actor at 1,000, 10,000 and 100,000 documents (LLM engine, 0 ms mock).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

from extractor.batch.ray_executor import init_ray, run_ray  # noqa: E402
from extractor.batch.runner import RunOptions, run_batch  # noqa: E402
from extractor.engines import get_engine  # noqa: E402
from extractor.loading import read_inputs  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def subset(n: int, tmp: Path) -> Path:
    path = tmp / f"polnear-{n}.jsonl"
    with open(TRAIN, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for _, line in zip(range(n), src):
            out.write(line)
    return path


def synthetic(n: int, tmp: Path) -> Path:
    from batch_support import article_text

    path = tmp / f"synthetic-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"a{i}", "text": article_text(i) * 3}) + "\n")
    return path


def local(path: Path, engine: str, args: dict, tmp: Path, workers: int = 1, **opts) -> tuple[float, int]:
    """Wall time as `extractor extract` sees it, loading the engine included (as Ray's
    includes its actors' start)."""
    t, _, d = local_timed(path, engine, args, tmp, workers, **opts)
    return t, d


def local_timed(path: Path, engine: str, args: dict, tmp: Path, workers: int = 1, **opts) -> tuple[float, float, int]:
    """(wall time, time of the run alone once the engine is built, documents)."""
    t0 = time.perf_counter()
    eng = get_engine(engine, **args)
    if workers > 1:
        from extractor.batch.parallel import ProcessPoolEngine

        eng = ProcessPoolEngine(eng, engine, workers, args)
    t1 = time.perf_counter()
    s = run_batch(read_inputs([str(path)]), eng, str(tmp / f"l{time.time_ns()}.db"), None, RunOptions(**opts))
    t2 = time.perf_counter()
    return t2 - t0, t2 - t1, s.documents


def on_ray(path: Path, engine: str, args: dict, tmp: Path, block_size: int, **opts) -> dict:
    rows: list = []
    t0, called = time.perf_counter(), time.time()  # the actors' clocks are wall clocks
    s = run_ray([str(path)], engine, args, RunOptions(**opts), "bench", str(tmp / f"out{time.time_ns()}"), workers=2,
                block_size=block_size, on_block=rows.append)
    wall = time.perf_counter() - t0
    # Inside the actors: from the first block's start to the last one's end, the rate once
    # the workers are up (the actors' clocks are this machine's).
    span = max(float(r["finished"]) for r in rows) - min(float(r["started"]) for r in rows) if rows else 0.0
    # CPU seconds a document costs an actor, load-independent: each actor's CPU clock from
    # its first block's end to its last's, over the documents of the blocks in between.
    cpu, docs = 0.0, 0
    for pid in {int(r["pid"]) for r in rows}:
        mine = [r for r in rows if int(r["pid"]) == pid]
        cpu += float(mine[-1]["cpu_s"]) - float(mine[0]["cpu_s"])
        docs += sum(int(r["documents"]) for r in mine[1:])
    first = min(float(r["started"]) for r in rows) - called if rows else float("nan")
    return {"wall": wall, "docs": s.documents, "active": s.documents / span if span else float("nan"),
            "startup": first,
            "cpu_per_doc": cpu / docs if docs else float("nan"),
            "rss": [float(r["rss_mb"]) for r in rows],
            "pids": {int(r["pid"]) for r in rows},
            "pid_order": [int(r["pid"]) for r in rows]}


def bench_offline(tmp: Path, n: int, repeats: int, with_ray: bool = True) -> None:
    path = subset(n, tmp)
    print(f"[offline] {n} PolNeAR train documents, 2 CPUs, {repeats} runs each, interleaved (medians)")
    one, two, ray_, active, cpu = [], [], [], [], []
    for _ in range(repeats):  # interleaved, so the machine's noise hits all three alike
        t, d = local(path, "offline", {}, tmp)
        one.append(d / t)
        t, d = local(path, "offline", {}, tmp, workers=2)
        two.append(d / t)
        if with_ray:
            r = on_ray(path, "offline", {}, tmp, block_size=16)
            ray_.append(r["docs"] / r["wall"])
            active.append(r["active"])
            cpu.append(r["cpu_per_doc"])
        print(f"  run {len(one)}: 1 process {one[-1]:.2f}, --workers 2 {two[-1]:.2f}"
              + (f", ray {ray_[-1]:.2f} wall / {active[-1]:.2f} with the workers up" if with_ray else "")
              + " docs/s", flush=True)
    med = statistics.median
    m1, m2 = med(one), med(two)
    print(f"  local, 1 process:      {m1:6.2f} docs/s")
    print(f"  local, --workers 2:    {m2:6.2f} docs/s  ({m2 / m1:.2f}x one process; median of the pairs' ratios "
          f"{med(b / a for a, b in zip(one, two)):.2f}x)")
    if with_ray:
        print(f"  ray, 2 actors:         {med(ray_):6.2f} docs/s wall, {med(active):6.2f} with the workers up")
        print(f"  ray / local --workers 2, median of the pairs' ratios: "
              f"{med(r / b for r, b in zip(ray_, two)):.2f}x wall (floor 0.9), "
              f"{med(r / b for r, b in zip(active, two)):.2f}x with the workers up; "
              f"ray / local 1 process {med(r / a for r, a in zip(ray_, one)):.2f}x wall; "
              f"an actor's CPU per document {med(cpu):.3f} s")


def mock_server(latency: float) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    p = subprocess.Popen([sys.executable, str(ROOT / "tests" / "mock_openai.py"), "--port", str(port), "--latency",
                          str(latency)], stdout=subprocess.PIPE, text=True)
    p.stdout.readline()
    return p, f"http://127.0.0.1:{port}/v1"


def bench_llm(tmp: Path, n: int, repeats: int) -> None:
    """The rate against concurrency / latency. Both runners pay a fixed start (the local
    runner builds its engine, Ray plans the dataset and starts actors that build theirs):
    the rates "once running" leave it out, the wall rates keep it; the start is printed."""
    server, url = mock_server(0.2)
    try:
        args = dict(base_url=url, model="mock-model")
        path = synthetic(n, tmp)
        print(f"[llm] {n} docs against the mock at 200 ms, --concurrency 32 (ideal 160 docs/s), {repeats} runs each")
        here, here_run, wall, active, cpu, start = [], [], [], [], [], []
        for _ in range(repeats):  # interleaved, as the offline part
            t, t_run, d = local_timed(path, "llm", args, tmp, concurrency=32)
            here.append(d / t)
            here_run.append(d / t_run)
            r = on_ray(path, "llm", args, tmp, block_size=64, concurrency=32)
            wall.append(r["docs"] / r["wall"])
            active.append(r["active"])
            cpu.append(r["cpu_per_doc"])
            start.append(r["startup"])
            print(f"  run {len(here)}: local {here[-1]:.1f} wall / {here_run[-1]:.1f} running, ray {wall[-1]:.1f} wall / "
                  f"{active[-1]:.1f} with the workers up (first block after {start[-1]:.1f} s) docs/s", flush=True)
        med = statistics.median
        ml, mr, mw, ma = (med(x) for x in (here, here_run, wall, active))
        print(f"  local, running:          {mr:6.1f} docs/s = {mr / 1.6:5.1f}% of ideal   runs {[round(x, 1) for x in here_run]}")
        print(f"  local, wall:             {ml:6.1f} docs/s = {ml / 1.6:5.1f}% of ideal   runs {[round(x, 1) for x in here]}")
        print(f"  ray, workers up:         {ma:6.1f} docs/s = {ma / 1.6:5.1f}% of ideal   runs {[round(x, 1) for x in active]}"
              f"  (floor 90%)")
        print(f"  ray, 2 actors, wall:     {mw:6.1f} docs/s = {mw / 1.6:5.1f}% of ideal   runs {[round(x, 1) for x in wall]}"
              f"  (first block after a median {med(start):.1f} s)")
        print(f"  ray / local: {med(b / a for a, b in zip(here_run, active)):.2f}x running, "
              f"{med(b / a for a, b in zip(here, wall)):.2f}x wall (medians of the pairs' ratios); "
              f"an actor's CPU per document {med(cpu) * 1000:.1f} ms")
    finally:
        server.terminate()


def bench_rss(tmp: Path, sizes: list[int]) -> None:
    """Peak RSS of every actor after its first block and at the end of the run, per corpus
    size. The LLM engine against a 0 ms mock: the whole worker path (reading the block,
    the runner and its per-block store, the HTTP session, grounding, the shard write)
    at the highest rate this machine allows, so 100,000 documents take minutes."""
    server, url = mock_server(0.0)
    try:
        args = dict(base_url=url, model="mock-model")
        print("[memory] peak RSS per Ray actor (LLM engine, mock 0 ms, concurrency 32, blocks of 64, short articles)")
        for n in sizes:
            path = tmp / f"short-{n}.jsonl"
            from batch_support import article_text

            with open(path, "w", encoding="utf-8") as out:
                for i in range(n):
                    out.write(json.dumps({"id": f"a{i}", "text": article_text(i)}) + "\n")
            r = on_ray(path, "llm", args, tmp, block_size=64, concurrency=32)
            by_pid: dict[int, list[float]] = {}
            for pid, rss in zip(r["pid_order"], r["rss"]):
                by_pid.setdefault(pid, []).append(rss)
            actors = ", ".join(f"pid {p}: {v[0]:.0f} -> {v[-1]:.0f} MB over {len(v)} blocks" for p, v in by_pid.items())
            print(f"  {n:>7} docs: peak RSS per actor {max(r['rss']):.0f} MB ({actors}); "
                  f"{r['docs'] / r['wall']:.0f} docs/s", flush=True)
            path.unlink()
    finally:
        server.terminate()


def cost_table(offline_per_core: float, llm_per_process: float) -> None:
    """One million articles: time and money at stated provider limits, from the measured
    rates and the LLM engine's own token estimate of PolNeAR dev's articles."""
    from extractor.engines.llm import LLMEngine
    from extractor.engines.llm.pricing import price_of

    eng = LLMEngine(base_url="http://127.0.0.1:9/v1", model="gpt-4o-mini")
    chars = [len(json.loads(line)["text"]) for line in open(TRAIN.with_name("dev.jsonl"), encoding="utf-8")]
    def sent(c: int) -> int:  # the engine's estimate less the answer room (max_tokens) of each chunk
        from extractor.engines.llm.engine import CHARS_PER_TOKEN

        chunks = -(-(c // CHARS_PER_TOKEN + 1) // eng.chunk_budget())
        return eng.request_tokens(c) - chunks * eng.budget.answer

    prompt = statistics.mean(sent(c) for c in chars)
    answer = 400  # assumed: tokens of a typical answer (the mock's are not a model's)
    p_in, p_out = price_of("gpt-4o-mini")
    per_doc = (prompt * p_in + answer * p_out) / 1e6
    n = 1_000_000
    print(f"[cost] 1M articles; PolNeAR dev mean {statistics.mean(chars):.0f} chars, prompt {prompt:.0f} tokens/article "
          f"(engine estimate), answer {answer} tokens (assumed); gpt-4o-mini ${p_in}/${p_out} per M tokens")
    print("| setup | limit that binds | time | money |")
    print("|---|---|---:|---:|")
    for cores in (2, 16, 64, 256):
        print(f"| offline engine, {cores} cores | CPU, {offline_per_core:.1f} docs/s/core measured | "
              f"{n / (offline_per_core * cores) / 3600:.1f} h | $0 + machines |")
    tokens = prompt + answer
    for tier, rpm, tpm in (("tier 1", 500, 200_000), ("tier 3", 5_000, 4_000_000), ("tier 5", 30_000, 150_000_000)):
        rate = min(rpm / 60, tpm / 60 / tokens)  # documents a second the provider allows
        procs = -(-rate // llm_per_process)
        binds = "TPM" if tpm / tokens < rpm else "RPM"
        print(f"| gpt-4o-mini {tier} ({rpm:,} RPM, {tpm:,} TPM) | {binds}: {rate:.1f} docs/s; "
              f"{procs:.0f} actor(s) at {llm_per_process:.0f} docs/s | {n / rate / 3600:.1f} h | ${per_doc * n:,.0f} |")
    print(f"| gpt-4o-mini Batch API | 24 h window | <= 24 h per batch of 50k | ${per_doc * n / 2:,.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--skip", default="", help="comma-separated: offline,llm,rss, or ray (the offline part's Ray runs)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--llm-docs", type=int, default=10_000,
                    help="documents of the LLM part (a long run: the actors' start is a fixed cost it amortizes)")
    ap.add_argument("--rss-docs", default="1000,10000,100000", help="corpus sizes for the memory figure")
    ap.add_argument("--table", nargs=2, type=float, metavar=("OFFLINE_DOCS_S_PER_CORE", "LLM_DOCS_S_PER_ACTOR"),
                    help="only print the cost table from these measured rates")
    a = ap.parse_args()
    skip = set(a.skip.split(","))
    if a.table:
        cost_table(*a.table)
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if not skip >= {"llm", "rss", "ray"}:  # a cluster only when some part runs on Ray
        init_ray(None, 2)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if "offline" not in skip:
            bench_offline(tmp, 40 if a.quick else 300, 1 if a.quick else a.repeats, "ray" not in skip)
        if "llm" not in skip:
            bench_llm(tmp, 300 if a.quick else a.llm_docs, 1 if a.quick else a.repeats)
        if "rss" not in skip:
            bench_rss(tmp, [500, 2000] if a.quick else [int(x) for x in a.rss_docs.split(",")])


if __name__ == "__main__":
    main()
