import asyncio

import pytest

from batch_support import AsyncSaidEngine, SaidEngine, article_text
from extractor.batch import store as st
from extractor.models import RawInput
from extractor.batch.runner import RunOptions, parse_shard, run_batch, shard_of


def inputs(n: int, start: int = 0):
    for i in range(start, start + n):
        yield RawInput(input_id=f"doc{i}.txt", source_file=f"corpus/doc{i}.txt", text=article_text(i))


def run(tmp_path, engine, gen, name="r", resume=False, **kw):
    out = []
    summary = run_batch(gen, engine, str(tmp_path / "s.db"), name, RunOptions(**kw), resume=resume, emit=out.append)
    return summary, out


@pytest.mark.parametrize("engine_cls", [SaidEngine, AsyncSaidEngine])
def test_results_come_out_in_input_order_and_are_stored(tmp_path, engine_cls):
    eng = engine_cls(delay=0.01)
    summary, out = run(tmp_path, eng, inputs(30), concurrency=8)
    assert [d.input_id for d in out] == [f"doc{i}.txt" for i in range(30)]
    assert summary.documents == 30 and summary.failed == 0
    assert summary.claims == 60  # two "said" sentences per article
    assert summary.usage.prompt_tokens == 30 * 100
    conn = st.open_store(tmp_path / "s.db")
    stored = list(st.iter_results(conn, st.get_run(conn, "r")))
    assert [d.model_dump() for d in stored] == [d.model_dump() for d in out]
    # the raw text is kept once per content, for the review UI
    run_ = st.get_run(conn, "r")
    hashes = [h for _, h in st.iter_documents(conn, run_)]
    assert st.get_text(conn, hashes[3]) == article_text(3)
    # grounding ran: every content span is exact
    assert all(c.content.match == "exact" and raw_ok(c) for d in out for c in d.claims)


def raw_ok(claim):
    return claim.content.start is not None


def test_a_failing_document_is_recorded_not_fatal(tmp_path):
    eng = SaidEngine(fail_on={"doc3.txt"})
    gen = [*inputs(5), RawInput(input_id="empty.txt", source_file="empty.txt", text="",
                                error={"code": "empty_input", "message": "empty.txt: the input is empty"})]
    summary, out = run(tmp_path, eng, iter(gen))
    assert summary.documents == 6 and summary.failed == 2
    conn = st.open_store(tmp_path / "s.db")
    fails = {f["doc_id"]: f for f in st.iter_failures(conn, st.get_run(conn, "r"))}
    assert fails["doc3.txt"]["code"] == "engine_error" and "model refused" in fails["doc3.txt"]["reason"]
    assert fails["empty.txt"]["code"] == "empty_input"


def test_timeout_becomes_a_failure_with_reason(tmp_path):
    eng = AsyncSaidEngine(delay=1.0)
    summary, out = run(tmp_path, eng, inputs(3), concurrency=3, doc_timeout=0.05)
    assert summary.failed == 3
    assert "per-document timeout of 0.05 s" in out[0].errors[0].message


def test_cache_second_run_calls_the_model_zero_times(tmp_path):
    eng = SaidEngine()
    first, out1 = run(tmp_path, eng, inputs(10), name="one")
    assert eng.calls == 10 and first.cached == 0
    eng2 = SaidEngine()
    second, out2 = run(tmp_path, eng2, inputs(10), name="two")
    assert eng2.calls == 0
    assert second.cached == 10 and "10 cached" in second.line()
    assert second.usage.prompt_tokens == 0  # nothing charged for cache hits
    assert [d.model_dump() for d in out2] == [d.model_dump() for d in out1]
    # --no-cache bypasses; other settings miss the cache
    eng3 = SaidEngine()
    third, _ = run(tmp_path, eng3, inputs(10), name="three", use_cache=False)
    assert eng3.calls == 10 and third.cached == 0
    eng4 = SaidEngine()
    run(tmp_path, eng4, inputs(10), name="four", include_unattributed=True)
    assert eng4.calls == 10


def test_cache_hit_under_another_name_takes_the_new_identity(tmp_path):
    run(tmp_path, SaidEngine(), inputs(1), name="one")
    renamed = RawInput(input_id="copy.txt", source_file="elsewhere/copy.txt", text=article_text(0))
    summary, out = run(tmp_path, SaidEngine(), iter([renamed]), name="two")
    assert summary.cached == 1
    assert (out[0].doc_id, out[0].input_id, out[0].source_file) == ("copy.txt", "copy.txt", "elsewhere/copy.txt")


def test_resume_skips_done_and_retries_failed_only_when_asked(tmp_path):
    eng = SaidEngine(fail_on={"doc2.txt"})
    run(tmp_path, eng, inputs(5), name="r")
    eng2 = SaidEngine()
    summary, out = run(tmp_path, eng2, inputs(8), name="r", resume=True)
    assert summary.skipped == 5 and eng2.calls == 3
    eng3 = SaidEngine()
    summary, out = run(tmp_path, eng3, inputs(8), name="r", resume=True, retry_failed=True, use_cache=False)
    assert eng3.calls == 1 and [d.doc_id for d in out] == ["doc2.txt"]
    conn = st.open_store(tmp_path / "s.db")
    stats = st.run_stats(conn, st.get_run(conn, "r"))
    assert (stats.documents, stats.failed) == (8, 0)


def test_shards_partition_the_input(tmp_path):
    ids = [f"doc{i}.txt" for i in range(200)]
    parts = [{x for x in ids if shard_of(x, 3) == i} for i in range(3)]
    assert set().union(*parts) == set(ids) and sum(map(len, parts)) == 200
    assert all(len(p) > 40 for p in parts)
    summary, out = run(tmp_path, SaidEngine(), inputs(30), shard=(1, 3))
    assert {d.input_id for d in out} == {f"doc{i}.txt" for i in range(30) if shard_of(f"doc{i}.txt", 3) == 1}
    assert parse_shard("2/4") == (2, 4)
    for bad in ["4/4", "x", "1/0", "-1/3"]:
        with pytest.raises(ValueError):
            parse_shard(bad)


def test_rate_limit_is_honoured(tmp_path):
    import time

    eng = AsyncSaidEngine()
    t0 = time.perf_counter()
    run(tmp_path, eng, inputs(10), concurrency=8, rpm=240)  # 4 a second: 4 at once, 6 more take 1.5 s
    assert time.perf_counter() - t0 >= 1.2
    t0 = time.perf_counter()
    run(tmp_path, AsyncSaidEngine(), inputs(10), name="fast", concurrency=8, use_cache=False)
    assert time.perf_counter() - t0 < 1.0


def test_input_stream_is_consumed_lazily(tmp_path):
    pulled = []

    def gen():
        for raw in inputs(1000):
            pulled.append(raw.input_id)
            yield raw

    eng = AsyncSaidEngine(delay=0.01)

    async def main():
        from extractor.batch.runner import Runner

        conn = st.open_store(tmp_path / "s.db")
        run_ = st.start_run(conn, "lazy", eng.name, eng.model, eng.prompt_version)
        runner = Runner(eng, conn, run_, RunOptions(concurrency=4, window=10))
        task = asyncio.create_task(runner.arun(gen()))
        await asyncio.sleep(0.05)
        in_flight = len(pulled) - runner.summary.inputs
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        return in_flight

    assert asyncio.run(main()) <= 11


def test_limiters_allow_about_a_second_of_burst():
    from extractor.batch.limits import per_minute

    rpm = per_minute(500, bucket=1)
    assert rpm.max_rate == pytest.approx(500 / 60) and rpm.time_period == pytest.approx(1.0)
    slow = per_minute(3, bucket=1)  # under one a second: one at a time, every 20 s
    assert slow.max_rate == 1 and slow.time_period == pytest.approx(20.0)
    tpm = per_minute(200_000, bucket=8000)  # a bucket big enough for one long article
    assert tpm.max_rate == 8000 and tpm.time_period == pytest.approx(2.4)


def test_tpm_limit_runs_and_counts(tmp_path):
    summary, out = run(tmp_path, AsyncSaidEngine(), inputs(5), tpm=1_000_000)
    assert summary.documents == 5 and not summary.failed
