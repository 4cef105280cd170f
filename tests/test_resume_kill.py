"""SIGKILL in the middle of `extractor extract --run X`, then `--resume`: the stored
result set must equal an uninterrupted run's, document for document, no duplicates."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_support import article_text
from extractor.batch import store as st

N = 36
ROOT = Path(__file__).resolve().parents[1]


def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(N):
        extra = " ".join(f"Officials said step {i}.{k} of the plan was on schedule." for k in range(6))
        (d / f"doc{i:03d}.txt").write_text(article_text(i) + "\n" + extra + "\n", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")  # a failure must survive the kill too
    return d


def extract(store: Path, corpus_dir: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "extractor", "extract", str(corpus_dir), "--engine", "offline", "--store", str(store),
         "--run", "X", "-q", "-o", os.devnull, "--concurrency", "2", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def done_count(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(store, timeout=1) as c:
            return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # tables not created yet
        return 0


def results(store: Path) -> list[dict]:
    conn = st.open_store(store)
    run = st.get_run(conn, "X")
    docs = [d.model_dump(exclude={"usage"}) for d in st.iter_results(conn, run)]
    rows = conn.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents").fetchone()
    assert rows[0] == rows[1], "duplicated documents in the store"
    return docs


def test_sigkill_then_resume_equals_uninterrupted_run(tmp_path):
    pytest.importorskip("extractor.engines.offline")
    d = corpus(tmp_path)
    clean = tmp_path / "clean.db"
    p = extract(clean, d)
    _, errs = p.communicate(timeout=300)
    assert p.returncode == 1, errs  # 1: the empty input failed, as it should
    expected = results(clean)
    assert len(expected) > N  # some inputs hold two articles

    killed = tmp_path / "killed.db"
    p = extract(killed, d)
    deadline = time.time() + 120
    while done_count(killed) < 5 and p.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    partial = done_count(killed)
    assert 0 < partial < len(expected), f"kill did not land mid-run ({partial} documents stored)"
    # the store is consistent after the kill: every document row has its result
    with sqlite3.connect(killed) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = c.execute("SELECT COUNT(*) FROM documents d LEFT JOIN results r USING (run_id, item_key, doc_id) "
                            "WHERE r.result IS NULL").fetchone()[0]
        assert orphans == 0

    p = extract(killed, d, "--resume")
    _, errs = p.communicate(timeout=300)
    assert p.returncode == 1, errs
    assert "already done" in errs
    assert results(killed) == expected
