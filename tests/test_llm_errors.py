"""What the LLM engine says when something goes wrong, and that it says the real cause:
re-ask reasons, server errors (HTML pages, corrupt bodies), a base URL without /v1, the
truncation hint, a malformed base URL, credentials in the URL, JSON cut off under another
finish_reason, and a refused key stopping the run. All against the mock server."""

from __future__ import annotations

import base64
import json
import logging
import os
import sqlite3
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from llm_support import ARTICLE, engine, fresh, mock, reset  # noqa: E402,F401  (fixtures)
from llm_support import aextract as arun  # noqa: E402
from mock_openai import MockOpenAI, Reply, claim_dict  # noqa: E402

from extractor.models import DocumentResult, RawInput  # noqa: E402
from extractor.pipeline import process  # noqa: E402

CONTENT = "the talks would resume on Monday in Geneva"
HTML = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def run(eng, text: str = ARTICLE) -> DocumentResult:
    return process(RawInput(input_id="doc", text=text), eng)[0]



def reasked(doc) -> str:
    msgs = {f.message for c in doc.claims for f in c.flags if f.code == "reasked"}
    assert len(msgs) == 1, msgs
    return msgs.pop()


def no_tool_call() -> Reply:
    """A completion in TOOLS mode whose model wrote prose instead of calling the tool."""
    body = {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "Sure! Here are the claims."},
                         "finish_reason": "stop"}], "usage": {"prompt_tokens": 10, "completion_tokens": 5}}
    return Reply.raw(json.dumps(body), "application/json")


# ---- 1. re-ask reasons ---------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["tools", "md_json"])
def test_reask_reason_names_a_type_error_in_its_field(mock, mode):
    mock.script(Reply.with_claims([claim_dict(CONTENT, cue="said", stance=5)]), Reply.auto())
    msg = reasked(run(engine(mock, mode=mode)))
    assert "type error in field claims[0].stance" in msg, msg
    assert "verbatim" not in msg


def test_reask_reason_names_a_missing_tool_call_and_a_missing_verbatim_field(mock):
    mock.script(no_tool_call(), Reply.fabricated(), Reply.auto())
    msg = reasked(run(engine(mock)))
    assert "asked again 2 time(s)" in msg
    assert "the answer had no tool call; then verbatim field claims[0].quote was not in the article" in msg, msg


def test_an_unusable_last_answer_names_its_field(mock):
    mock.script(*[Reply.with_claims([claim_dict(CONTENT, cue="said", stance=5)])] * 3)
    doc = run(engine(mock))
    assert [e.code for e in doc.errors] == ["llm_answer_invalid"]
    assert "claims[0].stance" in doc.errors[0].message


# ---- 2. HTML pages and corrupt bodies are server errors ------------------------------------


@pytest.mark.parametrize("path", ["sync", "async", "md_json"])
def test_an_html_page_is_a_server_error_retried_not_reasked(mock, path):
    eng = engine(mock, mode="md_json" if path == "md_json" else "tools", max_retries=2)
    call = arun if path == "async" else run
    mock.script(Reply.raw(HTML), Reply.auto())
    out = call(eng)
    assert out.claims and not out.errors
    assert not any(f.code == "reasked" for c in out.claims for f in c.flags), "an HTML page is not the model's answer"
    assert len(mock.requests) == 2 and out.usage.requests == 1
    assert all(len(m["messages"]) == len(mock.requests[0]["messages"]) for m in mock.requests), "no re-ask message"
    mock.reset()
    mock.script(*[Reply.raw(HTML)] * 3)
    out = call(engine(mock, mode="md_json" if path == "md_json" else "tools", max_retries=2))
    assert len(mock.requests) == 3, "retried with the retry policy (max_retries=2)"
    assert [e.code for e in out.errors] == ["llm_server_error"]
    assert "returned an HTML page (HTTP 200, text/html)" in out.errors[0].message
    assert "3 attempt(s)" in out.errors[0].message


@pytest.mark.parametrize("path", ["sync", "async"])
def test_a_corrupt_body_is_a_server_error(mock, path):
    mock.script(*[Reply.raw('{"choices": [{"message": ', "application/json")] * 2)
    out = (arun if path == "async" else run)(engine(mock, max_retries=1))
    assert len(mock.requests) == 2
    assert [e.code for e in out.errors] == ["llm_server_error"]
    assert "a body that is not JSON" in out.errors[0].message


# ---- 3. a base URL without /v1 --------------------------------------------------------------


def test_a_base_url_without_v1_gets_the_hint():
    with MockOpenAI(strict_paths=True) as m:
        bare = m.base_url.removesuffix("/v1")
        doc = run(engine(m, base_url=bare))
        assert [e.code for e in doc.errors] == ["llm_endpoint_not_found"]
        msg = doc.errors[0].message
        assert "probably needs /v1" in msg and f"--base-url {bare}/v1" in msg
        assert "'mock-model' not found" not in msg
        m.reset()
        m.models = {"real-model"}  # with /v1, a model the server names as missing: no /v1 hint
        doc = run(engine(m, model="no-such-model"))
        assert [e.code for e in doc.errors] == ["llm_model_not_found"]
        assert "/v1" not in doc.errors[0].message.replace(m.base_url, "")


# ---- 4. the truncation hint -----------------------------------------------------------------


def test_truncation_hint_says_what_helps(mock):
    mock.script(Reply.length())
    doc = run(engine(mock), "Headline Here\n\nThe minister said the plan is final and will not change at all.\n")
    assert [e.code for e in doc.errors] == ["llm_answer_truncated"]
    msg = doc.errors[0].message
    assert "raise --context-tokens" not in msg
    assert "raise --max-output-tokens" in msg and "lower --context-tokens" in msg and "larger output limit" in msg


# ---- 7. JSON cut off under finish_reason=tool_calls / stop ----------------------------------


@pytest.mark.parametrize("mode,finish", [("tools", "tool_calls"), ("json_schema", "stop"), ("md_json", "stop")])
def test_cut_off_json_under_another_finish_reason_is_truncation(mock, mode, finish):
    mock.script(Reply.cut(finish))
    doc = run(engine(mock, mode=mode))
    assert len(mock.requests) == 3, "one cut-off answer, then the two halves (not a re-ask)"
    assert doc.claims and not doc.errors
    assert not any(f.code == "reasked" for c in doc.claims for f in c.flags)
    mock.reset()
    mock.script(Reply.cut(finish))
    doc = run(engine(mock, mode=mode), "Headline Here\n\nThe minister said the plan is final and will not change.\n")
    assert [e.code for e in doc.errors] == ["llm_answer_truncated"]
    assert "JSON cut off at max_tokens" in doc.errors[0].message


# ---- 5. a malformed base URL is a usage error -----------------------------------------------


def _extract(args, tmp_path, env=None):
    from typer.testing import CliRunner

    from extractor.cli import app

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--engine", "llm", "--model", "mock-model",
                                    "--store", str(tmp_path / "s.db"), "-q", *args], env=env)


@pytest.mark.parametrize("url,said", [
    ("http://127.0.0.1:99999/v1", "invalid port '99999'"),
    ("http://127.0.0.1:80a/v1", "invalid port '80a'"),
    ("127.0.0.1:{port}/v1", "has no scheme"),
    ("ftp://127.0.0.1:{port}/v1", "uses ftp://"),
    ("http://127.0.0.1:{port}/my v1", "contains a space"),
])
def test_a_malformed_base_url_is_a_usage_error_before_any_request(mock, tmp_path, url, said):
    port = mock.base_url.split(":")[2].split("/")[0]
    res = _extract(["--base-url", url.format(port=port)], tmp_path)
    assert res.exit_code == 2, res.output
    assert said in res.output and "--base-url" in res.output
    assert "internal error" not in res.output and "Traceback" not in res.output
    assert mock.replies == [] and not (tmp_path / "s.db").exists()


def test_a_malformed_base_url_from_the_environment_or_config_names_it(mock, tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    res = _extract([], tmp_path, env={"OPENAI_BASE_URL": "ftp://127.0.0.1/v1", "OPENAI_API_KEY": "x"})
    assert res.exit_code == 2 and "OPENAI_BASE_URL" in res.output and "uses ftp://" in res.output, res.output
    config = tmp_path / "c.toml"
    config.write_text('base_url = "http://127.0.0.1:70000/v1"\n', encoding="utf-8")
    res = _extract(["--config", str(config)], tmp_path, env={"OPENAI_API_KEY": "x"})
    assert res.exit_code == 2 and f"base_url in {config}" in res.output and "invalid port" in res.output, res.output


# ---- 6. credentials in the base URL ---------------------------------------------------------


PASSWORD = "pa55-" + "w0rd-in-url"


@pytest.mark.parametrize("path", ["sync", "async"])
def test_user_and_password_in_the_url_become_basic_auth(mock, path, caplog):
    caplog.set_level(logging.DEBUG)
    url = mock.base_url.replace("http://", f"http://alice:{PASSWORD}@")
    eng = engine(mock, base_url=url)
    out = (arun if path == "async" else run)(eng)
    assert out.claims and not out.errors
    want = "Basic " + base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
    assert mock.authorizations == [want]
    assert eng.settings.base_url == mock.base_url
    for text in (repr(eng), repr(eng.settings), str(eng.settings.model_dump()), caplog.text, out.model_dump_json()):
        assert PASSWORD not in text and want.split()[1] not in text


def test_a_token_alone_in_the_url_is_the_bearer_key(mock):
    mock.api_key = "tok-" + "abcdef123456"
    url = mock.base_url.replace("http://", f"http://{mock.api_key}@")
    assert arun(engine(mock, base_url=url)).claims
    assert mock.authorizations == [f"Bearer {mock.api_key}"]


def test_url_credentials_are_never_stored_or_shown(mock, tmp_path):
    url = mock.base_url.replace("http://", f"http://alice:{PASSWORD}@")
    res = _extract(["--base-url", url, "-o", str(tmp_path / "o.jsonl")], tmp_path)
    assert res.exit_code == 0, res.output
    assert mock.authorizations and all(a.startswith("Basic ") for a in mock.authorizations)
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("s.db"))
    for blob in (stored, (tmp_path / "o.jsonl").read_bytes(), res.output.encode()):
        assert PASSWORD.encode() not in blob and b"alice:" not in blob


def test_redaction_covers_url_credentials():
    from extractor.engines.llm import redact

    assert redact(f"cannot connect to http://bob:{PASSWORD}@host:8/v1 now") == "cannot connect to http://***@host:8/v1 now"


# ---- 8. a refused key stops the run -------------------------------------------------------


def test_a_401_stops_requests_and_output_agrees_with_the_store(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    for i in range(30):
        (tmp_path / f"a{i:02d}.txt").write_text(f"Title {i}\n\nThe minister number {i} said the plan would work.\n",
                                               encoding="utf-8")
    with MockOpenAI(api_key="the-right-key", latency=0.05) as m:
        res = CliRunner().invoke(app, ["extract", str(tmp_path), "--engine", "llm", "--base-url", m.base_url,
                                       "--model", "mock-model", "--api-key", "a-wrong-key", "--concurrency", "4",
                                       "--store", str(tmp_path / "s.db"), "-q"])
        sent = len(m.replies)
    assert res.exit_code == 1 and "llm_auth_failed" in res.stderr
    assert sent <= 4, f"{sent} requests after a refused key (at most the {4} in flight when it came back)"
    out = [json.loads(line) for line in res.stdout.splitlines()]
    conn = sqlite3.connect(tmp_path / "s.db")
    stored = conn.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0]
    assert stored == len(out) == sum(1 for d in out if d["errors"]), (stored, len(out))
    assert conn.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0] == 0


# ---- 9. a 400 that refuses the key (LiteLLM without a database) -------------------------------


@pytest.mark.parametrize("message", [
    "No connected db.",  # LiteLLM proxy, master key set, no database, a key that is not the master key
    "Authentication Error, Invalid proxy server token passed.",
    "Malformed API Key passed in. Ensure Key has `Bearer ` prefix.",
])
def test_a_400_refusing_the_key_says_so_not_the_mode_hint(mock, message):
    mock.script(Reply.error(400, message))
    doc = run(engine(mock, max_retries=0))
    assert [e.code for e in doc.errors] == ["llm_auth_failed"], doc.errors
    msg = doc.errors[0].message
    assert "HTTP 400" in msg and "refused the key" in msg and "--mode" not in msg, msg
    assert "database" in msg and "master key" in msg, msg
    assert len(mock.requests) == 1  # not retried: every request would get the same answer


@pytest.mark.parametrize("message, hint", [
    ("'response_format' of type 'json_schema' is not supported with this model", "--mode tools"),
    ("This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.", None),
    ("Invalid 'max_tokens': integer below minimum value.", None),
])
def test_other_400s_are_not_taken_for_a_refused_key(mock, message, hint):
    mock.script(Reply.error(400, message))
    doc = run(engine(mock, max_retries=0))
    assert [e.code for e in doc.errors] == ["llm_request_rejected"], doc.errors
    msg = doc.errors[0].message
    assert "refused the key" not in msg and (hint is None or hint in msg), msg
