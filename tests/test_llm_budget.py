"""The token budget (issue 12): everything sent counts, a 4k window works, max_tokens is sent."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from llm_support import engine, fresh, mock, reset  # noqa: E402,F401  (fixtures)

from extractor.cleaning import split_articles  # noqa: E402
from extractor.models import RawInput  # noqa: E402
from extractor.pipeline import process  # noqa: E402

LONG = "Budget Talks\n\n" + "\n\n".join(
    f"The spokesman number {i} said the program {i} is on schedule and within its budget, officials added."
    for i in range(150)) + "\n"


def test_a_4k_window_fits_every_request(mock):
    mock.context_limit = 4096
    eng = engine(mock, context_tokens=4096)
    doc = process(RawInput(input_id="d", text=LONG), eng)[0]
    assert not doc.errors, doc.errors
    assert len(mock.requests) > 1 and all(s == 200 for _, s, _ in mock.replies)
    assert all(b.get("max_tokens") for b in mock.requests), "max_tokens is always sent"
    assert len(doc.claims) >= len(mock.requests)  # the mock answers up to 3 claims a chunk
    assert eng.prompt.prompt_version.endswith("-ex0") or "-ex" in eng.prompt.prompt_version  # examples dropped


def test_8k_window_keeps_examples_and_fits(mock):
    mock.context_limit = 8192
    eng = engine(mock, context_tokens=8192)
    doc = process(RawInput(input_id="d", text=LONG), eng)[0]
    assert not doc.errors, doc.errors
    assert len(eng.prompt.examples) >= 1


def test_max_output_tokens_is_sent_as_given(mock):
    eng = engine(mock, max_output_tokens=700)
    process(RawInput(input_id="d", text=LONG[:2000]), eng)
    assert {b["max_tokens"] for b in mock.requests} == {700}


def test_chunks_of_one_document_run_concurrently(mock):
    mock.latency = 0.3
    eng = engine(mock, context_tokens=4096)
    raw = RawInput(input_id="d", text=LONG)
    article = split_articles(raw)[0]
    n = len(eng.plan(raw.text, article))
    assert n >= 4
    t0 = time.perf_counter()
    out = asyncio.run(eng.aextract(raw.text, article))
    took = time.perf_counter() - t0
    assert out.usage.requests == n and not out.errors
    assert took < 0.3 * n * 0.6, f"{n} chunks took {took:.2f} s: one after another"


def test_the_servers_tokenizer_makes_a_small_vocabulary_fit(mock):
    # The server's tokenizer gives 2 characters a token, worse than the estimate of 3:
    # counted by estimate, every request overflows the 4k window (HTTP 400, document lost).
    mock.tokenizer_chars = 2
    mock.context_limit = 4096
    eng = engine(mock, context_tokens=4096)
    assert eng.budget.counted and eng.budget.chars_per_token < 2.5
    doc = process(RawInput(input_id="d", text=LONG[:6000]), eng)[0]
    assert not doc.errors, doc.errors
    assert mock.requests and all(s == 200 for _, s, _ in mock.replies)


def test_the_tokenizer_is_probed_once_per_run_and_each_text_counted_once(mock, tmp_path):
    from extractor.batch.runner import RunOptions, run_batch

    mock.tokenizer_chars = 4
    eng = engine(mock, context_tokens=8192)
    probed = mock.tokenize_calls
    assert 1 <= probed <= 8  # the probe, then system prompts, instruction, schema, sample: once each
    docs = [RawInput(input_id=f"d{i}", text=LONG[i * 500:i * 500 + 3000]) for i in range(6)]
    summary = run_batch(iter(docs), eng, str(tmp_path / "s.db"), "r", RunOptions(concurrency=4))
    assert summary.failed == 0 and mock.tokenize_calls == probed


def test_the_tokenizer_probe_sends_the_credentials_of_the_url(mock):
    # A server behind a proxy that asks for Basic auth: the probe must pass it too, or the
    # proxy refuses it and the budget silently falls back to the estimate.
    import base64

    mock.tokenizer_chars = 4
    eng = engine(mock, base_url=mock.base_url.replace("://", "://reader:s3cret-pass@"), context_tokens=8192)
    assert eng.budget.counted
    basic = "Basic " + base64.b64encode(b"reader:s3cret-pass").decode()
    assert mock.tokenize_auth and set(mock.tokenize_auth) == {basic}, mock.tokenize_auth


def test_no_tokenizer_endpoint_means_the_estimate_and_no_failure(mock):
    eng = engine(mock, context_tokens=8192)  # the mock without the endpoint answers 404
    assert not eng.budget.counted and eng.budget.chars_per_token == 3
    doc = process(RawInput(input_id="d", text=LONG[:2000]), eng)[0]
    assert not doc.errors
    dead = engine(mock, base_url="http://127.0.0.1:9/v1", context_tokens=8192)  # nothing listens there
    assert not dead.budget.counted and dead.budget.fixed == eng.budget.fixed


def test_max_output_tokens_from_the_environment_is_counted_in_the_budget(mock, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_OUTPUT_TOKENS", "900")
    eng = engine(mock, context_tokens=8192)
    b = eng.budget
    assert b.answer == 900 and b.fixed + b.article + b.answer == 8192
    monkeypatch.delenv("EXTRACTOR_MAX_OUTPUT_TOKENS")
    default = engine(mock, context_tokens=8192).budget  # sized to the chunk: as many tokens as its article
    assert default.answer - default.article in (0, 1)
