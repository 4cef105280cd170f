"""`extractor extract` through the runner and store, plus `runs`, `export`, `merge`."""

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_support import article_text
from extractor.cli import app

pytest.importorskip("extractor.engines.offline")
runner = CliRunner()


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(6):
        (d / f"a{i}.txt").write_text(article_text(i), encoding="utf-8")
    return d


def test_extract_records_a_run_and_the_output_is_unchanged(corpus, tmp_path):
    r = runner.invoke(app, ["extract", str(corpus), "-o", "out.jsonl", "-q"])
    assert r.exit_code == 0, r.output
    assert Path("extractor.db").exists()  # default store in the working directory
    line = r.output.strip().splitlines()[-1]
    assert line.startswith("run run-") and line.endswith("0 tokens, $0.0000")
    assert "6 documents" in line and "0 failed, 0 cached" in line
    out = [json.loads(x) for x in Path("out.jsonl").read_text().splitlines()]
    assert [d["input_id"] for d in out] == [f"a{i}.txt" for i in range(6)]
    # a second run hits the cache; the output is identical
    r = runner.invoke(app, ["extract", str(corpus), "-o", "out2.jsonl", "-q", "--run", "second"])
    assert "6 cached" in r.output
    assert Path("out2.jsonl").read_text() == Path("out.jsonl").read_text()
    r = runner.invoke(app, ["runs"])
    assert r.exit_code == 0 and "second" in r.output
    r = runner.invoke(app, ["export", "second", "--format", "csv", "-o", "c.csv"])
    assert r.exit_code == 0, r.output
    with open("c.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and sum(len(d["claims"]) for d in out) == len(rows)


def test_shards_then_merge_equal_one_run(corpus):
    for i in range(2):
        r = runner.invoke(app, ["extract", str(corpus), "-o", f"s{i}.jsonl", "-q", "--run", "job", "--shard", f"{i}/2",
                                "--store", f"s{i}.db", "--no-cache"])
        assert r.exit_code == 0, r.output
    ids = [sorted(json.loads(x)["input_id"] for x in Path(f"s{i}.jsonl").read_text().splitlines()) for i in range(2)]
    assert not set(ids[0]) & set(ids[1]) and len(ids[0]) + len(ids[1]) == 6
    r = runner.invoke(app, ["merge", "all.db", "s0.db", "s1.db"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["export", "job", "--store", "all.db", "--format", "jsonl", "-o", "all.jsonl"])
    assert r.exit_code == 0
    assert [json.loads(x)["input_id"] for x in Path("all.jsonl").read_text().splitlines()] == [f"a{i}.txt" for i in range(6)]


@pytest.mark.parametrize("args, message", [
    (["--shard", "2/2"], "--shard 2/2"),
    (["--shard", "x"], "i/N"),
    (["--run", "dup"], "already exists"),
])
def test_usage_errors_exit_2(corpus, args, message):
    runner.invoke(app, ["extract", str(corpus), "-o", "o.jsonl", "-q", "--run", "dup"])
    r = runner.invoke(app, ["extract", str(corpus), "-o", "o.jsonl", "-q", *args])
    assert r.exit_code == 2 and message in r.output, r.output


def test_export_and_runs_usage_errors(corpus):
    r = runner.invoke(app, ["runs", "--store", "missing.db"])
    assert r.exit_code == 2 and "no run store" in r.output
    runner.invoke(app, ["extract", str(corpus), "-o", "o.jsonl", "-q", "--run", "x"])
    r = runner.invoke(app, ["export", "nope", "-o", "x.csv"])
    assert r.exit_code == 2 and "no run named 'nope'" in r.output
    r = runner.invoke(app, ["export", "x", "--format", "xlsx", "-o", "x.xlsx"])
    assert r.exit_code == 2 and "unknown format" in r.output


def test_output_dash_is_stdout_and_an_unwritable_output_is_a_usage_error(corpus):
    r = runner.invoke(app, ["extract", str(corpus / "a0.txt"), "-o", "-", "-q"])
    assert r.exit_code == 0, r.output
    lines = [x for x in r.output.splitlines() if x.startswith("{")]  # stderr's summary line is mixed in
    assert json.loads(lines[0])["input_id"] == "a0.txt" and not Path("-").exists()
    r = runner.invoke(app, ["extract", str(corpus), "-o", "no/such/dir/out.jsonl", "-q"])
    assert r.exit_code == 2 and "cannot write no/such/dir/out.jsonl" in r.output, r.output
