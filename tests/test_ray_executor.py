"""`--executor ray` on a real local Ray cluster (`ray.init(num_cpus=2)`, two actors):
the same answers as the local runner, every document exactly once (a worker killed
mid-run, a resume, a re-run), per-document failures, Parquet input, cluster-wide limits
against the mock server, and `extractor import`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from batch_support import article_text  # noqa: E402
from mock_openai import MockOpenAI, Reply  # noqa: E402

from extractor.batch import shards  # noqa: E402
from extractor.batch import store as st  # noqa: E402
from extractor.batch.importing import import_shards  # noqa: E402
from extractor.batch.ray_executor import init_ray, run_ray  # noqa: E402
from extractor.batch.runner import RunOptions, run_batch  # noqa: E402
from extractor.engines import get_engine  # noqa: E402
from extractor.loading import read_inputs  # noqa: E402

pytestmark = pytest.mark.ray
ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"


@pytest.fixture(scope="module", autouse=True)
def cluster():
    import ray

    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ.setdefault("PYTHONPATH", str(ROOT))  # the workers import this checkout
    init_ray(None, 2)
    yield
    ray.shutdown()


def local(paths, engine="offline", engine_args=None, tmp=None, **opts):
    out = []
    run_batch(read_inputs(paths), get_engine(engine, **(engine_args or {})), str(tmp / "local.db"), "local",
              RunOptions(**opts), emit=out.append)
    return [d.model_dump(mode="json") for d in out]


def on_ray(paths, out_dir, engine="offline", engine_args=None, fmt="parquet", block_size=4, rows=None, **opts):
    summary = run_ray([str(p) for p in paths], engine, engine_args or {}, RunOptions(**opts), "r", str(out_dir),
                      fmt=fmt, workers=2, block_size=block_size, on_block=rows.append if rows is not None else None)
    return summary, [d.model_dump(mode="json") for d in shards.read_shards(str(out_dir))]


def corpus(d: Path, n: int) -> Path:
    d.mkdir()
    for i in range(n):
        (d / f"doc{i:03d}.txt").write_text(article_text(i), encoding="utf-8")
    return d


def test_same_answers_as_the_local_runner_on_seeds_and_polnear_dev(tmp_path):
    # All of dev (84 documents) with EXTRACTOR_RAY_FULL=1; its first 40 by default, for CI's time.
    paths = [str(ROOT / "seeds")]
    if DEV.exists():
        lines = DEV.read_text(encoding="utf-8").splitlines(keepends=True)
        dev = tmp_path / "dev.jsonl"
        dev.write_text("".join(lines if os.environ.get("EXTRACTOR_RAY_FULL") else lines[:40]), encoding="utf-8")
        paths.append(str(dev))
    expected = local(paths, tmp=tmp_path)
    summary, got = on_ray(paths, tmp_path / "out", fmt="jsonl", block_size=8)
    assert [d["doc_id"] for d in got] == [d["doc_id"] for d in expected]  # one row per article, corpus order
    assert got == expected  # every claim, span, offset and flag
    assert summary.documents == len(expected) and summary.claims == sum(len(d["claims"]) for d in expected)
    if DEV.exists():
        assert summary.documents >= 9 + 40  # the seeds' 9 articles and PolNeAR dev's


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path):
    src = corpus(tmp_path / "c", 48)
    rows: list = []
    killed: list[int] = []

    def kill_once(row):
        rows.append(row)
        if not killed:
            killed.append(int(row["pid"]))
            os.kill(killed[0], signal.SIGKILL)  # the actor's process, mid-run: Ray restarts it and retries its block

    summary = run_ray([str(src)], "offline", {}, RunOptions(), "r", str(tmp_path / "out"), workers=2, block_size=2,
                      on_block=kill_once)
    ids = [d.doc_id for d in shards.read_shards(str(tmp_path / "out"))]
    assert sorted(ids) == [f"doc{i:03d}.txt" for i in range(48)] and len(ids) == len(set(ids))
    assert summary.documents == 48 and len(rows) == 24
    assert any(int(r["pid"]) != killed[0] for r in rows[1:])  # later blocks ran in a restarted or other worker


@pytest.fixture(scope="module")
def quick():
    """A mock without latency: an LLM actor starts faster than a spaCy one."""
    with MockOpenAI() as m:
        yield m


def test_resume_skips_written_blocks_and_a_rerun_overwrites(tmp_path, quick):
    src = corpus(tmp_path / "c", 10)
    out = tmp_path / "out"
    args = llm_args(quick)
    on_ray([src], out, "llm", args, block_size=2)
    names = sorted(shards.written_shards(str(out)))
    assert len(names) == 5
    (out / names[3]).unlink()  # as if the driver died before this block finished
    rows: list = []
    summary = run_ray([str(src)], "llm", args, RunOptions(), "r", str(out), workers=2, block_size=2,
                      resume=True, on_block=rows.append)
    assert [int(r["k"]) for r in rows] == [3] and summary.skipped == 8 and summary.documents == 2
    rows.clear()
    _, again = on_ray([src], out, "llm", args, block_size=2, rows=rows)  # no --resume: every block again, same files
    assert len(rows) == 5 and sorted(shards.written_shards(str(out))) == names
    assert sorted(d["doc_id"] for d in again) == [f"doc{i:03d}.txt" for i in range(10)]


def test_shards_of_an_old_plan_and_leftovers_are_removed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("part-000000-aaaaaaaaaaaa.jsonl", "part-000001-bbbbbbbbbbbb.jsonl", ".tmp-part-000001-cc.jsonl-x",
                 "notes.txt"):
        (out / name).write_text("", encoding="utf-8")
    assert shards.remove_stale(str(out), {"part-000000-aaaaaaaaaaaa.jsonl"}) == 2
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "part-000000-aaaaaaaaaaaa.jsonl"]


def test_parquet_and_bad_inputs_give_the_local_runners_records(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    texts = [article_text(i) for i in range(5)]
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(5)] + ["blank"], "text": texts + ["  "],
                             "section": ["news"] * 6}), d / "rows.parquet", row_group_size=2)
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "lines.jsonl").write_text(json.dumps({"id": "j1", "text": article_text(9)}) + "\n{broken\n", encoding="utf-8")
    (d / "bad.parquet").write_bytes(b"PAR1 not really")
    expected = local([str(d)], tmp=tmp_path)
    summary, got = on_ray([d], tmp_path / "out", block_size=2)
    assert got == expected
    failed = {x["doc_id"]: x["errors"][0]["code"] for x in got if x["errors"]}
    assert failed == {"bad.parquet": "bad_parquet", "empty.txt": "empty_input", "lines.jsonl:2": "bad_jsonl",
                      "blank": "empty_input"}
    assert next(x for x in got if x["doc_id"].startswith("p3"))["metadata"] == {"section": "news"}
    assert summary.failed == 4


def test_import_into_a_run_store_is_idempotent_and_keeps_texts(tmp_path, quick):
    src = corpus(tmp_path / "c", 6)
    _, got = on_ray([src], tmp_path / "out", "llm", llm_args(quick), block_size=4)
    conn = st.open_store(tmp_path / "s.db")
    for _ in range(2):
        counts = import_shards(conn, str(tmp_path / "out"), "big")
        assert counts == {"inputs": 6, "documents": 6, "failed": 0}
    run = st.get_run(conn, "big")
    stored = [d.model_dump(mode="json") for d in st.iter_results(conn, run)]
    assert stored == got
    hashes = [h for _, h in st.iter_documents(conn, run)]
    assert st.get_text(conn, hashes[2]) == article_text(2)  # the review UI can show the article
    cli = subprocess.run([sys.executable, "-m", "extractor", "import", str(tmp_path / "out"), "--run", "big",
                          "--store", str(tmp_path / "cli.db")], cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 0 and "imported 6 documents (6 inputs, 0 failed) into run big" in cli.stderr
    missing = subprocess.run([sys.executable, "-m", "extractor", "import", str(tmp_path / "nope"), "--run", "big"],
                             cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "no such folder" in missing.stderr


def test_colliding_ids_get_the_local_runners_doc_ids(tmp_path, quick):
    # Two JSONL files both numbering 1..3 (and an id repeated inside one of them), and two
    # folders each with `a.txt`: the local runner keys the later ones `<path>:<id>`; so must
    # every block, whichever block and worker reads them (block_size 2 splits each file).
    d = tmp_path / "in"
    for sub in ("x", "y"):
        (d / sub).mkdir(parents=True)
        (d / sub / "a.txt").write_text(article_text(len(sub)), encoding="utf-8")
    for name, ids in (("one.jsonl", [1, 2, 3]), ("two.jsonl", [1, 2, 3, 2])):
        lines = [json.dumps({"id": i, "text": article_text(i + len(name))}) for i in ids]
        (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = [str(d / "x"), str(d / "one.jsonl"), str(d / "y"), str(d / "two.jsonl")]
    args = llm_args(quick)
    expected = local(paths, "llm", args, tmp=tmp_path)
    _, got = on_ray(paths, tmp_path / "out", "llm", args, block_size=2)
    assert [x["doc_id"] for x in got] == [x["doc_id"] for x in expected]
    assert len({x["doc_id"] for x in got}) == 9 and f"{d / 'two.jsonl'}:2:2" in {x["doc_id"] for x in got}
    assert [x["input_id"] for x in got] == [x["input_id"] for x in expected] and not any(x["errors"] for x in got)


class TimedMock(MockOpenAI):
    """The mock, noting when each request arrived (all of them: answers, 429s, retries)."""

    def respond(self, headers, body, started=None):
        self.arrivals.append(time.monotonic())
        return super().respond(headers, body, started)


@pytest.fixture
def mock():
    with TimedMock() as m:
        m.arrivals = []
        yield m


def llm_args(m):
    return dict(base_url=m.base_url, model="mock-model", backoff_initial=0.01, backoff_max=0.05, timeout=5.0,
                max_retries=6, retry_after_max=1.0)


def test_llm_engine_same_answers_as_local_against_the_mock(tmp_path, mock):
    src = corpus(tmp_path / "c", 16)
    expected = local([str(src)], "llm", llm_args(mock), tmp=tmp_path, concurrency=4)
    summary, got = on_ray([src], tmp_path / "out", "llm", llm_args(mock), concurrency=4)
    assert got == expected and summary.usage.prompt_tokens > 0 and summary.usage.requests == 16
    assert mock.max_in_flight <= 4  # --concurrency 4 for the cluster: 2 per actor


def test_rpm_holds_for_the_cluster_and_a_429_storm_takes_the_same_budget(tmp_path, mock):
    src = corpus(tmp_path / "c", 12)
    mock.script(*[Reply.rate_limit(0.0) for _ in range(8)])  # a storm: 8 answers are 429s, each retried
    mock.arrivals.clear()
    summary, got = on_ray([src], tmp_path / "out", "llm", llm_args(mock), block_size=3, concurrency=8, rpm=360)
    assert summary.documents == 12 and summary.failed == 0
    arrivals = sorted(mock.arrivals)
    assert len(arrivals) == 20  # 12 answers and the 8 rate-limited attempts
    # 360 a minute = 6 a second for the whole cluster, retries included, after a burst of
    # one second's worth (limits.per_minute): 20 requests need (20 - 6) / 6 = 2.3 s. A limit
    # per actor (two of them) would let them through in (20 - 12) / 12 = 0.7 s, and retries
    # outside the budget in (12 - 6) / 6 = 1 s.
    assert arrivals[-1] - arrivals[0] >= 0.8 * (20 - 6) / 6
