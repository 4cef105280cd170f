"""`--workers 2` for the local runner: the offline engine in two processes gives exactly
the answers of one process, in input order, failures included (the speed-up is measured
by benchmarks/ray_throughput.py)."""

from __future__ import annotations

from batch_support import article_text

from extractor.batch.parallel import ProcessPoolEngine
from extractor.batch.runner import RunOptions, run_batch
from extractor.engines import get_engine
from extractor.loading import read_inputs


def test_two_processes_give_the_answers_of_one(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    for i in range(12):
        (d / f"doc{i:02d}.txt").write_text(article_text(i), encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    one: list = []
    run_batch(read_inputs([str(d)]), get_engine("offline"), str(tmp_path / "a.db"), "a", RunOptions(), emit=one.append)
    eng = ProcessPoolEngine(get_engine("offline"), "offline", 2)
    two: list = []
    summary = run_batch(read_inputs([str(d)]), eng, str(tmp_path / "b.db"), "b", RunOptions(concurrency=4), emit=two.append)
    assert [x.model_dump() for x in two] == [x.model_dump() for x in one]
    assert summary.claims == sum(len(x.claims) for x in one) > 0 and summary.failed == 1
