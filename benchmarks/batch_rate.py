"""Batch rate with and without one document whose answer is a 16,000-character near miss.

Issue 12: fuzzy grounding of a long span that is almost, not exactly, in the article
used to cost seconds and ran on the event loop, so every request in flight waited
(600 documents at concurrency 32 against a 200 ms server: 4.0 s; with one 9,568-character
near-miss content: 7.3 s). Grounding is now bounded (a long proposal is aligned by its
ends) and runs in a worker thread; this measures that the batch rate does not move.

Two corpora of the same size through the real runner and LLM engine (TOOLS mode)
against the project's mock server in its own process, 200 ms a request:

- baseline: every answer is the mock's own (real sentences of the article);
- near miss: the same, plus one long document (about 17,000 characters) whose every
  answer is one claim with a 16,000-character content one character off the article
  (re-asked, then kept flagged: what a model that paraphrased one letter gives).

Runs alternate (baseline, near miss, ...) so load on a shared machine hits both alike;
the medians and their ratio are printed, with each run's longest event-loop stall (a
10 ms heartbeat beside the runner): a lookup on the loop shows as a stall of its length.

    python benchmarks/batch_rate.py                 # 600 documents, concurrency 32, 3 runs each
    python benchmarks/batch_rate.py --docs 200 --runs 1
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from throughput import article  # noqa: E402  (the same synthetic news text)

SPAN_CHARS = 16_000
REAL_RUN = asyncio.run


def long_text() -> str:
    """One paragraph of our own sentences, about 17,000 characters."""
    sentences = [f"The auditor said that contract {i} for the harbour works had been signed on day {i % 28 + 1} "
                 f"and paid in {i % 5 + 2} parts." for i in range(200)]
    return "Audit of the harbour works\n\n" + " ".join(sentences) + "\n"


def near_miss(text: str) -> str:
    body = text[text.index("\n\n") + 2:]
    span = body[100:100 + SPAN_CHARS]
    return span[: SPAN_CHARS // 2] + "X" + span[SPAN_CHARS // 2 + 1:]  # one character off


# ---- the mock, in its own process --------------------------------------------------------


def serve(latency: float) -> None:
    from mock_openai import MockOpenAI, Reply, claim_dict

    long_doc = long_text()
    miss = claim_dict(near_miss(long_doc), cue="said", source_type="person", source_mention="The auditor")

    class NearMissMock(MockOpenAI):
        def _next_reply(self, body, shown):  # every chunk of the long document: the near miss
            if shown and shown in long_doc:
                with self._lock:
                    self.requests.append(body)
                return Reply.with_claims([miss])
            return super()._next_reply(body, shown)

    m = NearMissMock(latency=latency)
    m.serve_until_interrupted()


def start_server(latency: float) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, __file__, "_serve", str(latency)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()  # type: ignore[union-attr]
    if not line.startswith("http"):
        proc.kill()
        raise RuntimeError(f"mock server did not start: {line!r}")
    return proc, line


# ---- one run ---------------------------------------------------------------------------------


class Heartbeat:
    """`asyncio.run` with a 10 ms heartbeat beside the coroutine: the longest late beat is
    the longest time the event loop was held (by CPU work on it, or a machine too busy)."""

    def __init__(self) -> None:
        self.stall = 0.0

    async def _beat(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            t = loop.time()
            await asyncio.sleep(0.01)
            self.stall = max(self.stall, loop.time() - t - 0.01)

    def run(self, coro):
        async def both():
            beat = asyncio.ensure_future(self._beat())
            try:
                return await coro
            finally:
                beat.cancel()

        return REAL_RUN(both())


def one_run(base_url: str, docs: int, concurrency: int, with_miss: bool, store: Path) -> dict:
    from extractor.batch.runner import RunOptions, run_batch
    from extractor.engines.llm import LLMEngine
    from extractor.models import RawInput

    texts = [article(i) for i in range(docs)]
    if with_miss:
        texts[docs // 2] = long_text()  # the same number of documents, one of them the long one
    inputs = (RawInput(input_id=f"d{i}", text=t) for i, t in enumerate(texts))
    eng = LLMEngine(base_url=base_url, model="mock-model", timeout=60.0)
    heart = Heartbeat()
    asyncio.run = heart.run  # the runner's own asyncio.run, with the heartbeat beside it
    try:
        t0 = time.perf_counter()
        summary = run_batch(inputs, eng, str(store), "r", RunOptions(concurrency=concurrency, use_cache=False))
        seconds = time.perf_counter() - t0
    finally:
        asyncio.run = REAL_RUN
    return {"seconds": seconds, "rate": summary.documents / seconds, "documents": summary.documents,
            "failed": summary.failed, "requests": summary.usage.requests, "stall": heart.stall}


def flagged(store: Path) -> str:
    """What became of the near-miss claim (its content's match and flags)."""
    from extractor.batch import store as st

    conn = st.open_store(store)
    for doc in st.iter_results(conn, st.get_run(conn, "r")):
        for c in doc.claims:
            if len(c.content.text) >= SPAN_CHARS:
                return f"{c.content.match} at {c.content.start}-{c.content.end}, flags {[f.code for f in c.flags]}"
    return "no near-miss claim stored"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    proc, url = start_server(args.latency)
    rates: dict[str, list[float]] = {"baseline": [], "near miss": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(args.runs):
                for kind in rates:
                    store = Path(tmp) / f"{kind.replace(' ', '_')}{n}.db"
                    r = one_run(url, args.docs, args.concurrency, kind == "near miss", store)
                    rates[kind].append(r["rate"])
                    print(f"run {n + 1} {kind:>9}: {r['documents']} documents ({r['failed']} failed), "
                          f"{r['requests']} requests, {r['seconds']:.2f} s, {r['rate']:.1f} documents/s, "
                          f"longest loop stall {r['stall'] * 1000:.0f} ms", flush=True)
                    if kind == "near miss" and n == 0:
                        print(f"  the near-miss claim: {flagged(store)}", flush=True)
    finally:
        proc.terminate()
        proc.wait()
    base, miss = statistics.median(rates["baseline"]), statistics.median(rates["near miss"])
    print(json.dumps({"docs": args.docs, "concurrency": args.concurrency, "latency_s": args.latency,
                      "runs": args.runs, "baseline_docs_per_s": round(base, 1),
                      "near_miss_docs_per_s": round(miss, 1), "ratio": round(miss / base, 3)}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "_serve":
        serve(float(sys.argv[2]))
    else:
        main()
