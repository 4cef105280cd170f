"""The fault mix of issue 5 against the mock OpenAI server, through the real LLM engine
and the batch runner: every document ends succeeded or failed-with-reason; none is lost,
none duplicated; fabricated quotes are kept and flagged, never dropped."""

import sqlite3
import time
from collections import Counter

import pytest

from batch_support import article_text
from extractor.models import RawInput
from extractor.batch.runner import RunOptions, run_batch

llm = pytest.importorskip("extractor.engines.llm")
mock_openai = pytest.importorskip("mock_openai")

FAULT_MIX = {"rate_limit": 0.10, "server_error": 0.05, "malformed": 0.05, "hang": 0.02, "fabricated": 0.05}
N = 80


def inputs():
    for i in range(N):
        yield RawInput(input_id=f"doc{i}", source_file="corpus.jsonl", text=article_text(i))


def engine(base_url: str, **kw):
    return llm.LLMEngine(model="mock-model", base_url=base_url, api_key="sk-test-fault-mix-key", timeout=0.5,
                         max_retries=3, backoff_initial=0.01, backoff_max=0.05, retry_after_max=0.1, **kw)


def test_fault_mix_loses_and_duplicates_nothing(tmp_path):
    with mock_openai.MockOpenAI(latency=0.01, fault_rates=FAULT_MIX, seed=3, hang_seconds=2.0, retry_after=0.05) as m:
        out = []
        summary = run_batch(inputs(), engine(m.base_url), str(tmp_path / "s.db"), "mix",
                            RunOptions(concurrency=16, doc_timeout=20), emit=out.append)
        deadline = time.time() + 5
        while len(m.replies) < len(m.requests) and time.time() < deadline:
            time.sleep(0.05)  # hung requests are logged when their hang ends
        kinds = Counter(k for k, _, _ in m.replies) + Counter(str(s) for _, s, _ in m.replies if s >= 400)
    # the mix really happened
    for kind in ("fabricated", "malformed", "hang", "429", "500"):
        assert kinds[kind] > 0, kinds
    assert [d.doc_id for d in out] == [f"doc{i}" for i in range(N)]  # 0 lost, in order
    assert summary.documents == N
    conn = sqlite3.connect(tmp_path / "s.db")
    total, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents").fetchone()
    assert total == distinct == N  # 0 duplicated
    failures = conn.execute("SELECT doc_id, code, reason FROM failures").fetchall()
    assert len(failures) == summary.failed
    assert all(code and reason for _, code, reason in failures)
    ok = [d for d in out if not d.failed]
    assert len(ok) >= N * 0.8  # retries absorb most transient faults
    assert all(d.claims for d in ok)
    # fabricated quotes and malformed answers were re-asked, and the claims say so
    assert any(f.code == "reasked" for d in out for c in d.claims for f in c.flags)
    # a fabricated quote that survived (re-asks ran out) is kept, flagged, without offsets
    fabricated = [c for d in out for c in d.claims if c.quote and c.quote.text == mock_openai.FABRICATED_QUOTE]
    for c in fabricated:
        assert c.quote.match == "unverified" and c.quote.start is None
        assert {"unverified_span", "reasked"} & {f.code for f in c.flags}
    # grounding is sacred: every located exact span is the raw text
    texts = {f"doc{i}": article_text(i) for i in range(N)}
    for d in out:
        for c in d.claims:
            for _, span in c.spans():
                if span.match == "exact":
                    assert texts[d.doc_id][span.start:span.end] == span.text
    # the key never reaches the store
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"sk-test-fault-mix-key" not in raw


def test_cache_hit_second_run_makes_no_requests(tmp_path):
    with mock_openai.MockOpenAI(latency=0.0) as m:
        first = run_batch(inputs(), engine(m.base_url), str(tmp_path / "s.db"), "one", RunOptions(concurrency=8))
        asked = len(m.requests)
        assert asked >= N and first.cached == 0 and first.usage.requests == asked
        second = run_batch(inputs(), engine(m.base_url), str(tmp_path / "s.db"), "two", RunOptions(concurrency=8))
        assert len(m.requests) == asked  # the model was called 0 times
        assert second.cached == N and f"{N} cached" in second.line()
        assert second.usage.requests == 0


def test_fabricated_quote_without_reasks_is_kept_and_flagged(tmp_path):
    with mock_openai.MockOpenAI() as m:
        m.script(*[mock_openai.Reply.fabricated() for _ in range(3)])
        out = []
        run_batch((r for r in inputs() if r.input_id in {"doc0", "doc1", "doc2"}), engine(m.base_url, max_reasks=0),
                  str(tmp_path / "s.db"), "fab", RunOptions(concurrency=1), emit=out.append)
    fabricated = [c for d in out for c in d.claims if c.quote and c.quote.text == mock_openai.FABRICATED_QUOTE]
    assert len(fabricated) == 3
    for c in fabricated:
        assert c.quote.match == "unverified" and c.quote.start is None
        assert "unverified_span" in {f.code for f in c.flags} and c.confidence < 0.5


def test_wrong_key_stops_the_run_early_with_a_clear_reason(tmp_path):
    from extractor.batch.runner import RunStopped

    with mock_openai.MockOpenAI(api_key="sk-the-right-key-000") as m:
        with pytest.raises(RunStopped, match="llm_auth_failed.*--resume --retry-failed"):
            run_batch(inputs(), engine(m.base_url), str(tmp_path / "s.db"), "bad", RunOptions(concurrency=2))
        assert len(m.requests) < 20  # did not fail all 80 documents one by one
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT status FROM runs").fetchone()[0] == "stopped"
    assert conn.execute("SELECT COUNT(*) FROM failures WHERE code = 'llm_auth_failed'").fetchone()[0] >= 3
