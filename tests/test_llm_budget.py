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
