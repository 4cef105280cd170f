"""The Batch API path against a local fake of the files and batches endpoints."""

import json

import pytest

from batch_support import article_text
from extractor.batch import store as st
from extractor.models import RawInput

llm = pytest.importorskip("extractor.engines.llm")
mock_openai = pytest.importorskip("mock_openai")
from batch_fake_server import FakeBatchAPI  # noqa: E402

from extractor.batch import openai_batch as batch_api  # noqa: E402

N = 12
KEY = "sk-" + "test-batch-key-123456"  # built at run time: no key-shaped literal in the repo


def inputs(n=N):
    for i in range(n):
        yield RawInput(input_id=f"doc{i}", source_file="corpus.jsonl", text=article_text(i))
    yield RawInput(input_id="empty", source_file="corpus.jsonl", text="",
                   error={"code": "empty_input", "message": "corpus.jsonl line 13: \"text\" is empty"})


def engine(url, **kw):
    return llm.LLMEngine(model="gpt-4o-mini", base_url=url, api_key=KEY, **kw)


def test_submit_builds_the_live_engines_requests(tmp_path):
    with FakeBatchAPI() as fake:
        eng = engine(fake.base_url)
        conn = st.open_store(tmp_path / "s.db")
        s = batch_api.submit(inputs(), eng, conn, "b1", max_requests=5)
        assert s.documents == N and s.requests == N and len(s.batches) == 3  # 5 + 5 + 2
        assert s.recorded == 1 and s.failed == 1  # the empty input is recorded as failed at once
        lines = [r for f in fake.uploads for r in fake.requests_in(f)]
        assert len({r["custom_id"] for r in lines}) == N
        body = lines[0]["body"]
        assert lines[0]["url"] == "/v1/chat/completions" and body["model"] == "gpt-4o-mini"
        # same prompt and schema as the live path: TOOLS mode with the answer schema
        assert body["tools"][0]["function"]["name"] == "Extraction"
        assert body["tool_choice"]["function"]["name"] == "Extraction"
        user = body["messages"][-1]["content"]
        assert "<article>" in user and "{% raw %}" not in user and "Mayor Ada Quill" in user
        assert body["messages"][0]["content"] == eng.prompt.system
        assert all(a == f"Bearer {KEY}" for a in fake.auth)
        # the key is never stored
        conn.close()
        assert KEY.encode() not in b"".join(p.read_bytes() for p in tmp_path.iterdir())


def test_status_and_collect_ground_and_store_like_the_live_path(tmp_path):
    chat = mock_openai.MockOpenAI()
    # first answer invents a quote (would be re-asked live), second is malformed JSON, third a 500
    chat.script(mock_openai.Reply.fabricated(), mock_openai.Reply.malformed(), mock_openai.Reply.server_error())
    with FakeBatchAPI(chat=chat, steps=3) as fake:
        conn = st.open_store(tmp_path / "s.db")
        s = batch_api.submit(inputs(), engine(fake.base_url), conn, "b2")
        first = batch_api.status(conn, "b2", client=batch_api.client_for(engine(fake.base_url)))
        assert [x["status"] for x in first] == ["in_progress"]
        c = batch_api.collect(conn, "b2", engine=engine(fake.base_url))
        assert not c.collected and c.waiting  # not finished yet: nothing recorded, nothing lost
        c = batch_api.collect(conn, s.batches[0], api_key=KEY)  # by batch id; engine rebuilt from the run
        assert c.collected == s.batches and not c.waiting
        assert c.documents == N
        run = st.get_run(conn, "b2")
        docs = {d.doc_id: d for d in st.iter_results(conn, run)}
        assert len(docs) == N + 1
        fails = {f["doc_id"]: f for f in st.iter_failures(conn, run)}
        assert set(fails) == {"empty", "doc1", "doc2"}
        assert fails["doc2"]["code"] == "llm_batch_error" and "HTTP 500" in fails["doc2"]["reason"]
        assert fails["doc1"]["code"] == "llm_answer_invalid"
        # the fabricated quote is kept, flagged as needing a re-ask, and unverified
        fab = [cl for cl in docs["doc0"].claims if cl.quote and cl.quote.text == mock_openai.FABRICATED_QUOTE]
        assert len(fab) == 1
        assert fab[0].quote.match == "unverified" and {"reasked", "unverified_span"} <= {f.code for f in fab[0].flags}
        assert c.flagged >= 1
        # valid answers are grounded exactly
        for i in range(3, N):
            d = docs[f"doc{i}"]
            assert d.claims and not d.failed
            for cl in d.claims:
                assert article_text(i)[cl.content.start:cl.content.end] == cl.content.text
        stats = st.run_stats(conn, run)
        assert stats.prompt_tokens > 0 and stats.run.status == "done"
        # half price: cost is half the live price of the same tokens
        from extractor.engines.llm.pricing import cost_usd
        assert stats.cost_usd == pytest.approx(0.5 * cost_usd("gpt-4o-mini", stats.prompt_tokens, stats.completion_tokens), rel=1e-6)
        # collecting again changes nothing
        again = batch_api.collect(conn, "b2", api_key=KEY)
        assert again.documents == 0 and st.run_stats(conn, run).documents == N + 1


def test_failed_batch_records_every_document_and_resubmits(tmp_path):
    with FakeBatchAPI(fail_batch=True, steps=1) as fake:
        conn = st.open_store(tmp_path / "s.db")
        batch_api.submit(inputs(4), engine(fake.base_url), conn, "b3")
        c = batch_api.collect(conn, "b3", api_key=KEY, base_url=fake.base_url)
        run = st.get_run(conn, "b3")
        stats = st.run_stats(conn, run)
        assert stats.documents == 5  # nothing lost
        missing = [f for f in st.iter_failures(conn, run) if f["code"] == "llm_batch_missing"]
        assert len(missing) == 2 and "resubmit" in missing[0]["reason"]
        assert c.failed == 2  # the empty input was recorded at submit
        # resubmitting retries exactly the failed ones with a request
        again = batch_api.submit(inputs(4), engine(fake.base_url), conn, "b3", resume=True, retry_failed=True)
        assert again.documents == 2 and again.skipped == 2


def test_unknown_reference(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    with pytest.raises(batch_api.BatchError, match="no batch or run"):
        batch_api.resolve(conn, "nope")


def test_cli_submit_status_collect_export(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from extractor.cli import app

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": article_text(i)}) + "\n" for i in range(3)))
    db = str(tmp_path / "s.db")
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    runner = CliRunner()
    with FakeBatchAPI(steps=2) as fake:
        r = runner.invoke(app, ["batch", "submit", str(corpus), "--run", "nightly", "--store", db, "--base-url", fake.base_url])
        assert r.exit_code == 0, r.output
        assert "3 requests for 3 inputs in 1 batch(es)" in r.output and KEY not in r.output
        r = runner.invoke(app, ["batch", "status", "nightly", "--store", db])
        assert r.exit_code == 0 and "in_progress" in r.output, r.output
        r = runner.invoke(app, ["batch", "collect", "nightly", "--store", db, "--wait", "1"])
        assert r.exit_code == 0, r.output
        assert "collected 1 batch(es), 3 documents" in r.output
    out = tmp_path / "claims.csv"
    r = runner.invoke(app, ["export", "nightly", "--store", db, "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0 and out.exists()
    r = runner.invoke(app, ["batch", "status", "nope", "--store", db])
    assert r.exit_code == 2 and "no batch or run named 'nope'" in r.output


@pytest.mark.parametrize("mode", ["json_schema", "md_json"])
def test_other_modes_round_trip(tmp_path, mode):
    with FakeBatchAPI(steps=1) as fake:
        conn = st.open_store(tmp_path / "s.db")
        s = batch_api.submit(inputs(3), engine(fake.base_url, mode=mode), conn, "m")
        body = fake.requests_in(fake.uploads[0])[0]["body"]
        assert "tools" not in body
        if mode == "json_schema":
            assert body["response_format"]["type"] == "json_schema"
        c = batch_api.collect(conn, "m", api_key=KEY)
        assert c.documents == 3 and c.failed == 0 and c.claims >= 3 and c.flagged == 0, c
