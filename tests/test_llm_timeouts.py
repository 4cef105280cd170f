"""Timeouts that fit together and a timed-out document that keeps what it got (issue 12)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from llm_support import engine, fresh, mock, reset  # noqa: E402,F401  (fixtures)
from mock_openai import Reply  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.batch.runner import RunOptions, run_batch  # noqa: E402
from extractor.cleaning import split_articles  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.engines.llm.timeouts import doc_timeout, request_seconds  # noqa: E402
from extractor.models import RawInput  # noqa: E402
from extractor.settings import LLMSettings, SettingsError, load_settings  # noqa: E402

LONG = "Budget Talks\n\n" + "\n\n".join(
    f"The spokesman number {i} said the program {i} is on schedule and within its budget, officials added."
    for i in range(150)) + "\n"


def test_the_default_document_timeout_holds_one_requests_retries():
    s = LLMSettings()
    # every attempt of one request timing out, with the longest backoff between them
    assert request_seconds(s) >= (s.max_retries + 1) * s.timeout
    assert doc_timeout(s, None) >= request_seconds(s)
    assert doc_timeout(s, 900.0) == 900.0


def test_a_document_timeout_too_short_for_the_retries_is_refused_with_the_numbers():
    s = load_settings(timeout=120.0, max_retries=4)
    with pytest.raises(SettingsError) as e:
        doc_timeout(s, 300.0)
    msg = str(e.value)
    assert "--doc-timeout 300" in msg and "120 s x 5 attempts" in msg and "--max-retries" in msg
    assert doc_timeout(load_settings(timeout=30.0, max_retries=4), 300.0) == 300.0


def test_cli_refuses_an_inconsistent_doc_timeout_before_any_request(tmp_path, monkeypatch, mock):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(LONG, encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", "a.txt", "--engine", "llm", "--base-url", mock.base_url, "--model", "m",
                                 "--timeout", "120", "--max-retries", "4", "--doc-timeout", "300", "-q"])
    assert r.exit_code == 2, r.output
    assert "--doc-timeout 300 s cannot hold" in " ".join(r.output.split())
    assert not mock.requests


def test_help_says_how_the_timeouts_and_the_answer_room_fit(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = " ".join(CliRunner().invoke(app, ["extract", "--help"], terminal_width=200).output.split())
    assert "--timeout x (--max-retries + 1)" in out and "619 s with the defaults" in out
    assert "--max-output-tokens" in out and "sent as max_tokens" in out


def test_cli_max_output_tokens_is_sent_as_max_tokens(tmp_path, monkeypatch, mock):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(LONG[:1500], encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", "a.txt", "--engine", "llm", "--base-url", mock.base_url, "--model", "m",
                                 "--max-output-tokens", "777", "-q", "-o", "out.jsonl"])
    assert r.exit_code == 0, r.output
    assert mock.requests and {b["max_tokens"] for b in mock.requests} == {777}


def test_a_timed_out_document_keeps_its_answered_chunks_and_every_billed_request(tmp_path, mock):
    eng = engine(mock, context_tokens=4096)
    raw = RawInput(input_id="long.txt", text=LONG)
    n = len(eng.plan(raw.text, split_articles(raw)[0]))
    assert n >= 4
    # All n first requests arrive together (the mock answers after 0.2 s): one answer fails
    # the check and is re-asked (both billed), two more are answered, the rest stall.
    mock.latency = 0.2
    mock.script(Reply.fabricated(), Reply.auto(), Reply.auto(), *[Reply.hang(10.0)] * (n - 3), Reply.auto())
    summary = run_batch(iter([raw]), eng, str(tmp_path / "s.db"), "r", RunOptions(concurrency=n, doc_timeout=5.0))
    billed = mock.usage_total()
    assert billed["requests"] == 4
    conn = st.open_store(tmp_path / "s.db")
    stats = st.list_runs(conn)[0]
    assert (stats.requests, stats.prompt_tokens, stats.completion_tokens) == (
        billed["requests"], billed["prompt_tokens"], billed["completion_tokens"])
    assert summary.usage.prompt_tokens == billed["prompt_tokens"]
    assert summary.usage.completion_tokens == billed["completion_tokens"]
    doc = next(st.iter_results(conn, st.get_run(conn, "r")))
    assert doc.claims, "the answered chunks' claims are kept"
    flag = next(e for e in doc.errors if e.code == "partial")
    assert f"{n - 3} chunk(s) unanswered" in flag.message and "3 answered" in flag.message
