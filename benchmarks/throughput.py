"""Batch throughput benchmark against the project's mock OpenAI-compatible server.

A script, not a timed test. It measures, each in a fresh subprocess (so peak RSS is
the run's own):

1. throughput: N documents at concurrency C against a mock with a fixed latency L;
   the physical limit is C / L documents per second (one request per document).
2. the pipeline's own work per document (clean, cache lookup, ground, score, store,
   i.e. everything but awaiting the engine): median and p90.
3. peak RSS of a small and a large corpus (fast mock), to show memory stays flat.
4. the fault mix of issue 5 (10% 429, 5% 500, 5% malformed JSON, 2% timeouts, 5%
   fabricated quotes): every document ends succeeded or failed-with-reason, 0 lost,
   0 duplicated, checked in the store.

    .venv/bin/python benchmarks/throughput.py            # the floors of issue 5
    .venv/bin/python benchmarks/throughput.py --quick    # small sizes, a smoke run

The corpus is synthetic (our own sentences), one file per document in a temp folder,
read through the same `read_inputs` streaming path as `extractor extract`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

FAULT_MIX = {"rate_limit": 0.10, "server_error": 0.05, "malformed": 0.05, "hang": 0.02, "fabricated": 0.05}

PEOPLE = ["Mayor Ada Quill", "Minister Tomas Brel", "Dr. Lena Ortiz", "the harbour authority", "a senior official"]
TOPICS = ["the harbour works", "the new rail link", "the water tariff", "the school budget", "the bridge repairs"]


def article(n: int) -> str:
    """About 2.5 KB of news-like text with a few attributed sentences (our own words)."""
    p, t = PEOPLE[n % len(PEOPLE)], TOPICS[n % len(TOPICS)]
    paras = [
        f"Council backs plan {n} for {t}",
        f"The city council on Tuesday approved plan number {n} for {t}, ending a debate that had "
        f"lasted for most of the year and divided the governing coalition.",
        f"\"We expect the first phase of {t} to start in the spring of {2000 + n % 30},\" said {p}, "
        f"adding that contracts worth {n % 97 + 3} million euros would be signed within weeks.",
        f"Opposition members said the cost estimates for plan {n} were too optimistic and warned "
        f"that residents near the site would face months of noise and closed streets.",
        f"According to the finance department, the plan will be paid for by a mix of regional "
        f"grants and a loan, and the annual budget will not need to be changed this year.",
        f"{p} told reporters that the council had listened to residents and changed the schedule "
        f"so that the loudest work would happen outside school hours.",
        f"A spokesperson for the residents' association said it would study the final text before "
        f"deciding whether to challenge the decision in court.",
        f"The vote was {20 + n % 11} to {5 + n % 7}, with three abstentions. Work on the site is "
        f"expected to last {n % 4 + 2} years, officials said, and to employ about {n % 300 + 100} people.",
    ]
    return "\n\n".join(paras) + "\n"


def make_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:06d}.txt").write_text(article(i), encoding="utf-8")
    return folder


# ---- the mock server, in its own process -------------------------------------------------


def start_server(latency: float, faults: dict[str, float] | None = None) -> tuple[subprocess.Popen, str]:
    cmd = [sys.executable, __file__, "_serve", "--latency", str(latency), "--faults", json.dumps(faults or {})]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()  # type: ignore[union-attr]
    if not line.startswith("http"):
        proc.kill()
        raise RuntimeError(f"mock server did not start: {line!r}")
    return proc, line


def serve(latency: float, faults: dict[str, float]) -> None:
    from mock_openai import MockOpenAI

    m = MockOpenAI(latency=latency, fault_rates=faults, seed=1, hang_seconds=3.0, retry_after=0.2)
    # http.server writes headers and body in two sends; with Nagle on, a keep-alive client's
    # delayed ACK then adds ~40 ms to every response. Real servers set TCP_NODELAY.
    m._server.RequestHandlerClass.disable_nagle_algorithm = True
    m.serve_until_interrupted()


# ---- a lean engine: the runner's own ceiling --------------------------------------------------


class LeanEngine:
    """Diagnostic only, not a product path: one raw HTTP request per article (httpx, JSON
    mode, no instructor, no re-asks), answers mapped to claims. Measuring the runner with
    it separates the cost of the runner, grounding and store from the LLM client stack's."""

    name, model, prompt_version = "lean-diagnostic", "mock-model", "none"

    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url, self.timeout = base_url, timeout
        self.session = None

    async def aextract(self, raw: str, article, include_unattributed: bool = False):
        # aiohttp, not httpx: httpcore's pool scans every connection on every request,
        # which alone costs ~10 ms a request at 32 connections.
        import aiohttp

        from extractor.engines import EngineOutput
        from extractor.models import Claim, Span, Usage

        if self.session is None:
            self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout),
                                                 connector=aiohttp.TCPConnector(limit=256))
        body = "\n\n".join(raw[p.start:p.end] for p in article.body)
        async with self.session.post(self.base_url + "/chat/completions", json={
                "model": self.model, "response_format": {"type": "json_object"},
                "messages": [{"role": "user", "content": f"<article>\n{body}\n</article>"}]}) as r:
            r.raise_for_status()
            data = await r.json()
        claims = [Claim(claim=c["claim"], content=Span(text=c["content"]), cue=Span(text=c["cue"]) if c.get("cue") else None,
                        quote=Span(text=c["quote"]) if c.get("quote") else None)
                  for c in json.loads(data["choices"][0]["message"]["content"])["claims"]]
        u = data.get("usage") or {}
        return EngineOutput(claims=claims, usage=Usage(requests=1, prompt_tokens=u.get("prompt_tokens", 0),
                                                       completion_tokens=u.get("completion_tokens", 0)))

    async def aclose(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None


# ---- one measured run, in its own process --------------------------------------------------


def run_once(corpus: str, base_url: str, store: str, concurrency: int, timeout: float, engine_name: str = "llm",
             shard: str = "") -> None:
    from extractor.loading import read_inputs
    from extractor.batch.runner import RunOptions, run_batch

    if engine_name == "lean":
        engine = LeanEngine(base_url, timeout)
    else:
        from extractor.engines.llm import LLMEngine

        engine = LLMEngine(model="mock-model", base_url=base_url, api_key="sk-benchmark-not-a-key", timeout=timeout,
                           max_retries=4, backoff_initial=0.1, backoff_max=1.0, retry_after_max=1.0)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        summary = run_batch(read_inputs([corpus]), engine, store, "bench",
                            RunOptions(concurrency=concurrency, doc_timeout=60, measure=True,
                                       shard=tuple(map(int, shard.split("/"))) if shard else None),
                            emit=lambda d: sink.write(d.model_dump_json() + "\n"))
    own = sorted(summary.own_seconds)
    print(json.dumps({
        "documents": summary.documents, "failed": summary.failed, "seconds": summary.seconds,
        "own_median_ms": 1000 * statistics.median(own), "own_p90_ms": 1000 * own[int(0.9 * (len(own) - 1))],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "requests": summary.usage.requests,
    }))


def measured(corpus: Path, base_url: str, store: Path, concurrency: int, timeout: float = 10.0, engine: str = "llm") -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "_run", str(corpus), base_url, str(store), str(concurrency), str(timeout), engine],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def sharded(corpus: Path, base_url: str, tmpd: Path, concurrency: int, n: int) -> dict:
    """n processes on one machine, `--shard i/n` each with its own store: the multi-core path."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, "_run", str(corpus), base_url, str(tmpd / f"shard{i}.db"),
                               str(concurrency), "10", "llm", f"{i}/{n}"], stdout=subprocess.PIPE, text=True)
             for i in range(n)]
    outs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    return {"documents": sum(o["documents"] for o in outs), "seconds": time.perf_counter() - t0}


def store_check(store: Path, n: int) -> dict:
    """0 lost, 0 duplicated, every failure with a reason, checked in the store itself."""
    c = sqlite3.connect(store)
    inputs, distinct_inputs, rows, distinct_docs = c.execute(
        "SELECT COUNT(DISTINCT item_key), COUNT(DISTINCT input_id), COUNT(*), COUNT(DISTINCT doc_id) FROM documents"
    ).fetchone()
    failed = c.execute("SELECT COUNT(*) FROM documents WHERE status = 'failed'").fetchone()[0]
    reasons = c.execute("SELECT COUNT(*) FROM failures WHERE reason != '' AND code != ''").fetchone()[0]
    codes = dict(c.execute("SELECT code, COUNT(*) FROM failures GROUP BY code").fetchall())
    flagged = c.execute("SELECT COUNT(*) FROM results WHERE result LIKE '%\"reasked\"%' OR result LIKE '%unverified_span%'").fetchone()[0]
    return {"inputs": n, "stored_inputs": distinct_inputs, "lost": n - distinct_inputs, "duplicated": rows - distinct_docs,
            "succeeded": rows - failed, "failed": failed, "failed_with_reason": reasons, "failure_codes": codes,
            "documents_with_flagged_claims": flagged}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--rss-small", type=int, default=1000)
    ap.add_argument("--rss-large", type=int, default=20000)
    ap.add_argument("--fault-docs", type=int, default=1000)
    ap.add_argument("--engines", default="llm,lean", help="throughput runs: llm (the floor) and/or lean (runner ceiling)")
    ap.add_argument("--shards", type=int, default=2, help="also run the LLM engine as this many shard processes")
    ap.add_argument("--rss-engine", default="llm", choices=["llm", "lean"])
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run, floors not meaningful")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: throughput,shards,rss,faults")
    args = ap.parse_args()
    if args.quick:
        args.docs, args.rss_small, args.rss_large, args.fault_docs = 200, 200, 1000, 200
    skip = set(filter(None, args.skip.split(",")))
    ok = True
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        tmpd = Path(tmp)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
        if "throughput" not in skip:
            corpus = make_corpus(tmpd / "tp", args.docs)
            server, url = start_server(args.latency)
            try:
                runs = {e: measured(corpus, url, tmpd / f"tp-{e}.db", args.concurrency, engine=e)
                        for e in args.engines.split(",")}
            finally:
                server.kill()
            ideal = args.concurrency / args.latency
            print(f"\n[throughput] {args.docs} docs, concurrency {args.concurrency}, mock latency {args.latency * 1000:.0f} ms, "
                  f"ideal {ideal:.0f} docs/s")
            for e, r in runs.items():
                rate = r["documents"] / r["seconds"]
                tp_ok, own_ok = rate >= 0.9 * ideal, r["own_median_ms"] <= 5.0
                label = "LLM engine (the floor)" if e == "llm" else "lean diagnostic engine (runner ceiling, not the product path)"
                if e == "llm":
                    ok &= tp_ok and own_ok
                print(f"  {label}:")
                print(f"    {r['documents']} documents ({r['failed']} failed) in {r['seconds']:.2f} s = {rate:.1f} docs/s = "
                      f"{100 * rate / ideal:.1f}% of ideal (floor 90%) -> {'PASS' if tp_ok else 'FAIL'}")
                print(f"    pipeline's own work per document: median {r['own_median_ms']:.2f} ms, p90 {r['own_p90_ms']:.2f} ms "
                      f"(floor: median <= 5 ms) -> {'PASS' if own_ok else 'FAIL'}; peak RSS {r['peak_rss_mb']:.0f} MB")
        if "shards" not in skip and args.shards > 1:
            corpus = make_corpus(tmpd / "sh", args.docs)
            server, url = start_server(args.latency)
            try:
                r = sharded(corpus, url, tmpd, args.concurrency // args.shards, args.shards)
            finally:
                server.kill()
            rate = r["documents"] / r["seconds"]
            print(f"  LLM engine, {args.shards} processes with --shard i/{args.shards} and concurrency "
                  f"{args.concurrency // args.shards} each (same total in flight): {r['documents']} documents in "
                  f"{r['seconds']:.2f} s (process start included) = {rate:.1f} docs/s = {100 * rate / (args.concurrency / args.latency):.1f}% of ideal")
        if "rss" not in skip:
            server, url = start_server(0.005)
            try:
                rss = {}
                for n in (args.rss_small, args.rss_large):
                    corpus = make_corpus(tmpd / f"rss{n}", n)
                    rss[n] = measured(corpus, url, tmpd / f"rss{n}.db", args.concurrency, engine=args.rss_engine)
            finally:
                server.kill()
            small, large = rss[args.rss_small], rss[args.rss_large]
            growth = large["peak_rss_mb"] - small["peak_rss_mb"]
            rss_ok = growth <= 50
            ok &= rss_ok
            print(f"\n[memory] peak RSS ({args.rss_engine} engine, mock latency 5 ms, concurrency {args.concurrency})")
            for n, r in rss.items():
                print(f"  {n:>6} docs: {r['peak_rss_mb']:.1f} MB peak RSS, {r['documents'] / r['seconds']:.0f} docs/s, "
                      f"own work median {r['own_median_ms']:.2f} ms")
            print(f"  growth {growth:+.1f} MB (floor: within 50 MB) -> {'PASS' if rss_ok else 'FAIL'}")
        if "faults" not in skip:
            corpus = make_corpus(tmpd / "faults", args.fault_docs)
            server, url = start_server(0.02, FAULT_MIX)
            try:
                r = measured(corpus, url, tmpd / "faults.db", args.concurrency, timeout=1.0)
            finally:
                server.kill()
            chk = store_check(tmpd / "faults.db", args.fault_docs)
            f_ok = chk["lost"] == 0 and chk["duplicated"] == 0 and chk["failed"] == chk["failed_with_reason"]
            ok &= f_ok
            print(f"\n[fault mix] {args.fault_docs} docs; mix {FAULT_MIX}; client timeout 1 s, hang 3 s")
            print(f"  {chk['succeeded']} succeeded, {chk['failed']} failed (all with a reason: {chk['failed_with_reason']}), "
                  f"{chk['lost']} lost, {chk['duplicated']} duplicated -> {'PASS' if f_ok else 'FAIL'}")
            print(f"  failure codes: {chk['failure_codes']}; documents with flagged claims (reasked/unverified): "
                  f"{chk['documents_with_flagged_claims']}; {r['requests']} requests, {r['seconds']:.1f} s")
    print(f"\n{'ALL FLOORS MET' if ok else 'SOME FLOORS NOT MET'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_serve":
        a = argparse.ArgumentParser()
        a.add_argument("_serve")
        a.add_argument("--latency", type=float)
        a.add_argument("--faults")
        ns = a.parse_args()
        serve(ns.latency, json.loads(ns.faults))
    elif len(sys.argv) > 1 and sys.argv[1] == "_run":
        run_once(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6]), sys.argv[7],
                 sys.argv[8] if len(sys.argv) > 8 else "")
    else:
        main()
