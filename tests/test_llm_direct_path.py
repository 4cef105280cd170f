"""The LLM engine's direct request path (no instructor call per request): async on aiohttp,
the same answers, re-asks, retries and failure reasons as the instructor path."""

from __future__ import annotations

import json
import os
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from llm_support import ARTICLE, aextract, engine, fresh, mock, reset  # noqa: E402,F401  (fixtures)
from mock_openai import FABRICATED_QUOTE, MockOpenAI, Reply  # noqa: E402

from extractor.engines.llm import AnswerProblem, Truncated, answer_of  # noqa: E402

SECRET = "sk-" + "test-DIRECTPATH0123456789abcdef"  # built at run time: no key-shaped literal in the repo




def test_async_request_is_the_instructor_tools_request(mock):
    out = aextract(engine(mock))
    assert out.claims and not out.errors and out.usage.requests == 1
    body = mock.requests[0]
    assert body["tool_choice"] == {"type": "function", "function": {"name": "Extraction"}}
    assert body["tools"][0]["function"]["name"] == "Extraction"
    assert "claims" in body["tools"][0]["function"]["parameters"]["properties"]
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "{% raw %}" not in json.dumps(body), "no templating escapes on the direct path"


def test_async_reask_carries_the_validation_error_and_counts_usage(mock):
    mock.script(Reply.fabricated(), Reply.auto())
    out = aextract(engine(mock))
    assert len(mock.requests) == 2 and out.usage.requests == 2
    assert out.usage.prompt_tokens == mock.usage_total()["prompt_tokens"]
    reask = mock.requests[1]["messages"]
    assert reask[-2]["role"] == "assistant" and reask[-1]["role"] == "tool"
    assert FABRICATED_QUOTE in reask[-1]["content"] and "does not occur in the article" in reask[-1]["content"]
    assert all(f.code == "reasked" for c in out.claims for f in c.flags)


def test_async_429_honours_retry_after_and_401_is_fatal_without_the_key(mock):
    mock.script(Reply.rate_limit(retry_after=0.5), Reply.auto())
    t0 = time.perf_counter()
    out = aextract(engine(mock))
    assert time.perf_counter() - t0 >= 0.5 and out.claims and not out.errors
    assert [r[1] for r in mock.replies] == [429, 200]
    mock.reset()
    mock.api_key = "the-right-key"
    out = aextract(engine(mock, api_key=SECRET))
    assert [e.code for e in out.errors] == ["llm_auth_failed"] and len(mock.replies) == 1
    assert SECRET not in out.model_dump_json()


def test_async_timeout_and_server_errors_are_retried_then_reported(mock):
    mock.script(Reply.hang(3.0), Reply.hang(3.0))
    out = aextract(engine(mock, timeout=0.3, max_retries=1))
    assert [e.code for e in out.errors] == ["llm_timeout"]
    mock.reset()
    mock.script(*[Reply.server_error()] * 3)
    out = aextract(engine(mock))
    assert [e.code for e in out.errors] == ["llm_server_error"] and "after 3 attempt(s)" in out.errors[0].message


def test_async_length_halves_the_chunk(mock):
    mock.script(Reply.length())
    out = aextract(engine(mock))
    assert len(mock.requests) == 3 and out.claims and not out.errors


def test_answer_of_reads_a_completion_as_instructor_does():
    def data(message, finish="stop"):
        return {"choices": [{"message": message, "finish_reason": finish}]}

    call = {"tool_calls": [{"id": "c", "type": "function", "function": {"name": "Extraction", "arguments": '{"claims": []}'}}]}
    assert answer_of(data(call), tools=True) == '{"claims": []}'
    assert answer_of(data({"content": '{"claims": []}'}), tools=False) == '{"claims": []}'
    with pytest.raises(Truncated):
        answer_of(data(call, "length"), tools=True)
    for bad in ({"content": "no tool call"}, {"refusal": "I cannot help"}):
        with pytest.raises(AnswerProblem):
            answer_of(data(bad), tools=True)
    with pytest.raises(AnswerProblem):
        answer_of({}, tools=True)


def test_http_proxy_from_the_environment_is_used_and_no_proxy_bypasses_it(mock, monkeypatch):
    # The mock answers an absolute-URI request line, as a forward proxy receives it.
    upstream = "http://upstream.invalid:9/v1"  # .invalid never resolves: only the proxy can answer
    monkeypatch.setenv("HTTP_PROXY", mock.base_url.rsplit("/v1", 1)[0])
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    out = aextract(engine(mock, base_url=upstream, max_retries=1))
    assert out.claims and not out.errors and len(mock.requests) == 1

    monkeypatch.setenv("NO_PROXY", "upstream.invalid")
    out = aextract(engine(mock, base_url=upstream, max_retries=1))
    assert not out.claims and out.errors[0].code == "llm_unreachable"
    assert len(mock.requests) == 1  # the bypassed request never reached the proxy
