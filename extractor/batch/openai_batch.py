"""The OpenAI Batch API path: the same requests as the live LLM engine, at half price,
answered within 24 hours.

submit: stream the inputs, build one chat-completions request per chunk exactly as the
  LLM engine would send it (its prompt, its schema, its mode; instructor prepares the
  body), write them as JSONL, upload (files endpoint) and create batches (at most 50,000
  requests or ~190 MB each). Inputs are kept in the run store so the answers can be
  grounded against exactly the text that was sent.
status: ask the batches endpoint, remember what it says.
collect: download output and error files, validate every answer with the engine's own
  answer schema and verbatim checks, and ground, score and store it through the same
  pipeline as the live path. The Batch API cannot re-ask: an answer that would have been
  re-asked is kept with its claims flagged `reasked` (grounding then marks what is not in
  the article as unverified); a request that failed becomes that document's failure.

Documents that need no request (unreadable inputs, cache hits) are recorded at submit.
How one request is built and one answer read is in `openai_requests`; this module
handles the jobs: files, batches, their state in the store.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..cleaning import split_articles
from ..engines import EngineOutput
from ..models import RawInput, Usage
from ..pipeline import process
from . import store as st
from .openai_requests import ENDPOINT, read_answer, requests_for
from .runner import OUTPUT_SETTINGS, _Answers, output_settings, shard_of

MAX_REQUESTS = 50_000  # the Batch API's limit per batch
MAX_BYTES = 190 * 1024 * 1024  # its input file limit is 200 MB
FINAL = {"completed", "failed", "expired", "cancelled"}


class BatchError(Exception):
    """A problem the user can fix (unknown batch, changed prompt): exit 2."""


@dataclass
class SubmitSummary:
    run: str
    batches: list[str] = field(default_factory=list)
    requests: int = 0
    documents: int = 0  # inputs whose requests were submitted
    recorded: int = 0  # documents recorded at once (cache hits, unreadable inputs)
    cached: int = 0
    failed: int = 0
    skipped: int = 0

    def line(self) -> str:
        ids = ", ".join(self.batches) or "none"
        return (f"run {self.run}: {self.requests} requests for {self.documents} inputs in {len(self.batches)} batch(es) "
                f"[{ids}]; {self.recorded} recorded now ({self.cached} cached, {self.failed} failed), "
                f"{self.skipped} already done or submitted")


@dataclass
class CollectSummary:
    run: str
    collected: list[str] = field(default_factory=list)
    waiting: dict[str, str] = field(default_factory=dict)  # batch id -> status
    documents: int = 0
    claims: int = 0
    failed: int = 0
    flagged: int = 0  # claims whose answer would have been re-asked
    usage: Usage = field(default_factory=Usage)

    def line(self) -> str:
        wait = "; waiting: " + ", ".join(f"{b} ({s})" for b, s in self.waiting.items()) if self.waiting else ""
        tokens = self.usage.prompt_tokens + self.usage.completion_tokens
        return (f"run {self.run}: collected {len(self.collected)} batch(es), {self.documents} documents, {self.claims} claims "
                f"({self.flagged} flagged for a re-ask the Batch API cannot do), {self.failed} failed, "
                f"{tokens} tokens, ${self.usage.cost_usd:.4f}{wait}")


# ---- the client and the cache key ------------------------------------------------------------


def client_for(engine: Any) -> Any:
    import openai

    s = engine.settings
    key = s.api_key.get_secret_value() if s.api_key else "not-needed"
    auth = getattr(s, "url_auth", None)  # credentials given in the base URL (engines/llm/endpoint.py)
    headers = {"Authorization": auth.get_secret_value()} if auth else None
    return openai.OpenAI(api_key=key, base_url=s.base_url, timeout=max(s.timeout, 300.0), max_retries=3,
                         default_headers=headers)


def batch_settings(engine: Any, include_unattributed: bool) -> dict[str, Any]:
    # Batch answers are never re-asked, so they must not serve as cache for the live path.
    return {**output_settings(engine, include_unattributed), "batch_api": True}


# ---- submit -----------------------------------------------------------------------------------


def _upload(client: Any, conn: sqlite3.Connection, run: st.Run, path: str, n: int, window: str) -> str:
    with open(path, "rb") as fh:
        f = client.files.create(file=(os.path.basename(path), fh), purpose="batch")
    b = client.batches.create(input_file_id=f.id, endpoint=ENDPOINT, completion_window=window,
                              metadata={"extractor_run": run.name})
    stamp = st.now()
    with st.transaction(conn):
        conn.execute("""INSERT INTO batch_jobs (batch_id, run_id, input_file_id, requests, status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", (b.id, run.id, f.id, n, b.status, stamp, stamp))
        conn.execute("UPDATE batch_inputs SET batch_id = ? WHERE run_id = ? AND batch_id IS NULL", (b.id, run.id))
    return b.id


def _submitted(conn: sqlite3.Connection, run: st.Run, item: st.Item) -> bool:
    row = conn.execute(
        """SELECT 1 FROM batch_inputs i JOIN batch_jobs j USING (batch_id)
           WHERE i.run_id = ? AND i.item_key = ? AND j.collected_at IS NULL""", (run.id, item.key)).fetchone()
    return row is not None


def submit(
    inputs: Iterable[RawInput],
    engine: Any,
    conn: sqlite3.Connection,
    run_name: str | None,
    resume: bool = False,
    retry_failed: bool = False,
    use_cache: bool = True,
    include_unattributed: bool = False,
    shard: tuple[int, int] | None = None,
    window: str = "24h",
    max_requests: int = MAX_REQUESTS,
    max_bytes: int = MAX_BYTES,
    client: Any = None,
) -> SubmitSummary:
    # long: one streaming pass whose open file, counts and batch boundaries are shared state (see flush); split, they would travel as an object
    settings = batch_settings(engine, include_unattributed)
    run = st.start_run(conn, run_name, engine.name, engine.model, engine.prompt_version,
                       {**settings, "shard": f"{shard[0]}/{shard[1]}" if shard else None}, resume=resume)
    client = client or client_for(engine)
    summary = SubmitSummary(run=run.name)
    # Inputs recorded before a crash but never uploaded are simply sent again.
    with st.transaction(conn):
        conn.execute("DELETE FROM batch_inputs WHERE run_id = ? AND batch_id IS NULL", (run.id,))
    with tempfile.TemporaryDirectory(prefix="extractor-batch-") as tmp:
        path = os.path.join(tmp, f"{run.name}-1.jsonl")
        out = open(path, "w", encoding="utf-8")
        n_req = n_bytes = files = 0

        def flush() -> None:
            nonlocal out, path, n_req, n_bytes, files
            out.close()
            if n_req:
                summary.batches.append(_upload(client, conn, run, path, n_req, window))
                summary.requests += n_req
            files += 1
            path = os.path.join(tmp, f"{run.name}-{files + 1}.jsonl")
            out = open(path, "w", encoding="utf-8")
            n_req = n_bytes = 0

        for ordinal, raw in enumerate(inputs):
            if shard and shard_of(raw.input_id, shard[1]) != shard[0]:
                continue
            item = st.make_item(raw.input_id, raw.source_file, raw.text, ordinal)
            state = st.item_state(conn, run, item)
            if state == "ok" or (state == "failed" and not retry_failed) or _submitted(conn, run, item):
                summary.skipped += 1
                continue
            key = None if raw.error else st.cache_key(raw.text, engine.name, engine.model, engine.prompt_version, settings)
            hit = st.cached_results(conn, key) if key and use_cache else None
            lines = [] if (raw.error or hit) else [json.dumps(r, ensure_ascii=False) for r in requests_for(engine, raw, item, include_unattributed)]
            if not lines:  # nothing to ask: unreadable, no article text, or cached
                if hit:
                    from .runner import _rebrand

                    results, cached = [_rebrand(d, raw) for d in hit], True
                else:
                    results, cached = process(raw, engine, include_unattributed), False
                st.record_item(conn, run, item, results, key=key, cached=cached, text=None if raw.error else raw.text)
                summary.recorded += 1
                summary.cached += cached
                summary.failed += any(d.failed for d in results)
                continue
            size = sum(len(x.encode("utf-8")) + 1 for x in lines)
            if n_req and (n_req + len(lines) > max_requests or n_bytes + size > max_bytes):
                flush()
            with st.transaction(conn):
                conn.execute("INSERT OR REPLACE INTO batch_inputs (run_id, item_key, batch_id, ordinal, input) VALUES (?, ?, NULL, ?, ?)",
                             (run.id, item.key, ordinal, raw.model_dump_json()))
            for x in lines:
                out.write(x + "\n")
            n_req += len(lines)
            n_bytes += size
            summary.documents += 1
        flush()
        out.close()
    st.finish_run(conn, run, "submitted" if summary.batches else "done")
    return summary


# ---- status ---------------------------------------------------------------------------------


def resolve(conn: sqlite3.Connection, ref: str) -> tuple[st.Run, list[sqlite3.Row]]:
    """A run name or a batch id -> (run, its batch jobs, or just that one)."""
    row = conn.execute("SELECT * FROM batch_jobs WHERE batch_id = ?", (ref,)).fetchone()
    if row:
        run = conn.execute("SELECT name FROM runs WHERE id = ?", (row["run_id"],)).fetchone()
        return st.get_run(conn, run["name"]), [row]  # type: ignore[return-value]
    run = st.get_run(conn, ref)
    if run is None:
        raise BatchError(f"no batch or run named {ref!r} in this store (see `extractor runs`)")
    jobs = conn.execute("SELECT * FROM batch_jobs WHERE run_id = ? ORDER BY created_at", (run.id,)).fetchall()
    if not jobs:
        raise BatchError(f"run {ref!r} has no Batch API jobs")
    return run, jobs


def refresh(client: Any, conn: sqlite3.Connection, job: sqlite3.Row) -> Any:
    b = client.batches.retrieve(job["batch_id"])
    with st.transaction(conn):
        conn.execute("UPDATE batch_jobs SET status = ?, output_file_id = ?, error_file_id = ?, updated_at = ? WHERE batch_id = ?",
                     (b.status, b.output_file_id, b.error_file_id, st.now(), job["batch_id"]))
    return b


def status(conn: sqlite3.Connection, ref: str, client: Any) -> list[dict[str, Any]]:
    _, jobs = resolve(conn, ref)
    out = []
    for job in jobs:
        b = refresh(client, conn, job)
        counts = getattr(b, "request_counts", None)
        out.append({"batch_id": b.id, "status": b.status, "requests": job["requests"],
                    "completed": getattr(counts, "completed", None), "failed": getattr(counts, "failed", None),
                    "collected": job["collected_at"] is not None})
    return out


# ---- collect --------------------------------------------------------------------------------


def engine_for_run(run: st.Run, **flags: Any) -> Any:
    """The LLM engine as it was at submit (model, prompt, mode, chunking), plus a key."""
    from ..engines.llm import LLMEngine

    settings = {k: run.settings[k] for k in OUTPUT_SETTINGS if run.settings.get(k) is not None}
    settings.pop("cross_check", None)
    engine = LLMEngine(model=run.model, **{**settings, **{k: v for k, v in flags.items() if v is not None}})
    if engine.prompt_version != run.prompt_version:
        raise BatchError(f"the prompt changed since run {run.name!r} was submitted ({run.prompt_version} -> "
                         f"{engine.prompt_version}); collect with the extractor version that submitted it")
    return engine


def _download(client: Any, conn: sqlite3.Connection, batch_id: str, file_id: str | None) -> None:
    if not file_id:
        return
    with client.files.with_streaming_response.content(file_id) as resp:
        rows = []
        for line in resp.iter_lines():
            if not line.strip():
                continue
            custom_id = json.loads(line).get("custom_id")
            if custom_id:
                rows.append((batch_id, custom_id, line))
            if len(rows) >= 1000:
                _save_lines(conn, rows)
        _save_lines(conn, rows)


def _save_lines(conn: sqlite3.Connection, rows: list[tuple[str, str, str]]) -> None:
    with st.transaction(conn):
        conn.executemany("INSERT OR REPLACE INTO batch_outputs (batch_id, custom_id, line) VALUES (?, ?, ?)", rows)
    rows.clear()



def _collect_batch(engine: Any, conn: sqlite3.Connection, run: st.Run, batch_id: str, batch_status: str,
                   include_unattributed: bool, summary: CollectSummary) -> None:
    from ..engines.llm.chunking import merge_claims

    settings = batch_settings(engine, include_unattributed)
    rows = conn.cursor().execute("SELECT item_key, ordinal, input FROM batch_inputs WHERE run_id = ? AND batch_id = ? ORDER BY ordinal",
                                 (run.id, batch_id))
    for item_key, ordinal, input_json in rows:
        raw = RawInput.model_validate_json(input_json)
        item = st.make_item(raw.input_id, raw.source_file, raw.text, ordinal)
        answers: dict[str, EngineOutput] = {}
        for a_idx, article in enumerate(split_articles(raw)):
            claims, errors, usage = [], [], Usage()
            for c_idx, chunk in enumerate(engine.plan(raw.text, article)):
                line = conn.execute("SELECT line FROM batch_outputs WHERE batch_id = ? AND custom_id = ?",
                                    (batch_id, f"{item_key}:{a_idx}:{c_idx}")).fetchone()
                cl, er, us = read_answer(engine, raw.text, article, chunk, include_unattributed,
                                         line[0] if line else None, batch_status)
                claims.extend(cl)
                errors.extend(er)
                usage = usage.add(us)
            answers[article.doc_id] = EngineOutput(claims=merge_claims(claims), usage=usage, errors=errors)
        results = process(raw, _Answers(engine, answers), include_unattributed)
        key = st.cache_key(raw.text, engine.name, engine.model, engine.prompt_version, settings)
        st.record_item(conn, run, item, results, key=key, text=raw.text)
        for d in results:
            summary.documents += 1
            summary.claims += len(d.claims)
            summary.failed += d.failed
            summary.flagged += sum(any(f.code == "reasked" for f in c.flags) for c in d.claims)
            if d.usage:
                summary.usage = summary.usage.add(d.usage)


def collect(conn: sqlite3.Connection, ref: str, engine: Any | None = None, client: Any = None, **flags: Any) -> CollectSummary:
    run, jobs = resolve(conn, ref)
    engine = engine or engine_for_run(run, **flags)
    client = client or client_for(engine)
    include_unattributed = bool(run.settings.get("include_unattributed"))
    summary = CollectSummary(run=run.name)
    for job in jobs:
        if job["collected_at"]:
            continue
        b = refresh(client, conn, job)
        if b.status not in FINAL:
            summary.waiting[b.id] = b.status
            continue
        _download(client, conn, b.id, b.output_file_id)
        _download(client, conn, b.id, b.error_file_id)
        _collect_batch(engine, conn, run, b.id, b.status, include_unattributed, summary)
        with st.transaction(conn):
            conn.execute("UPDATE batch_jobs SET collected_at = ? WHERE batch_id = ?", (st.now(), b.id))
            conn.execute("DELETE FROM batch_outputs WHERE batch_id = ?", (b.id,))
        summary.collected.append(b.id)
    if not summary.waiting:
        st.finish_run(conn, run, "done")
    return summary
