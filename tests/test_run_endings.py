"""Every way a real run process ends badly (issue 13): SIGTERM and SIGINT stop it cleanly,
a full disk and a read-only disk end in one line naming the file and what to do. Real
processes, real signals; the full disk is a small tmpfs when this machine lets us mount
one (root), else a file-size limit (RLIMIT_FSIZE) on the process."""

import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from batch_support import article_text

pytest.importorskip("extractor.engines.offline")
ROOT = Path(__file__).resolve().parents[1]


def corpus(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i:04d}", "text": article_text(i) + " ".join(
        f"Officials said step {i}.{k} was on schedule." for k in range(8))}) + "\n" for i in range(n)), encoding="utf-8")
    return path


def cmd(src: Path, store: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extractor", "extract", str(src), "--store", str(store), "--run", "A", "-q",
            "-o", str(out), "--concurrency", "2", *extra]


def stored(store: Path) -> int:
    try:
        with sqlite3.connect(store, timeout=1) as c:
            return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def whole_lines(out: Path) -> list[dict]:
    text = out.read_text(encoding="utf-8")
    assert not text or text.endswith("\n"), "a partial last line"
    return [json.loads(x) for x in text.splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_run_cleanly_and_resume_finishes_it(tmp_path, sig, code):
    src, store, out = corpus(tmp_path / "c.jsonl", 40), tmp_path / "s.db", tmp_path / "out.jsonl"
    p = subprocess.Popen(cmd(src, store, out), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and stored(store) < 3 and p.poll() is None:
        time.sleep(0.1)
    p.send_signal(sig)
    _, stderr = p.communicate(timeout=60)
    assert p.returncode == code, stderr
    assert "Traceback" not in stderr and "--run A --resume" in stderr, stderr
    assert signal.Signals(sig).name in stderr
    with sqlite3.connect(store) as c:
        status = c.execute("SELECT status FROM runs").fetchone()[0]
        n = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        assert c.execute("SELECT COUNT(*) FROM run_locks").fetchone()[0] == 0  # the lock is released
    assert status == "interrupted" and 0 < n < 40
    assert len(whole_lines(out)) == n  # -o flushed: every stored document, and only those
    r = subprocess.run(cmd(src, store, out, "--resume"), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert [d["input_id"] for d in whole_lines(out)] == [f"d{i:04d}" for i in range(40)]


@contextmanager
def tmpfs(path: Path, size: str):
    path.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                                           capture_output=True).returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.slow
def test_a_full_disk_is_one_line_with_what_to_do_and_no_partial_output(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 60)
    disk = tmp_path / "disk"
    with tmpfs(disk, "640k") as mounted:
        store, out = disk / "s.db", disk / "out.jsonl"
        if not mounted:  # no tmpfs: the same failure through a file-size limit
            store, out = tmp_path / "s.db", tmp_path / "out.jsonl"
        r = subprocess.run(cmd(src, store, out), cwd=ROOT, capture_output=True, text=True, timeout=600,
                           preexec_fn=None if mounted else _limit_file_size(640 * 1024))
        assert r.returncode == 1, r.stderr
        assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert "--run A --resume" in r.stderr and str(store) in r.stderr, r.stderr
        if mounted:
            assert "disk is full" in r.stderr
        assert r.stderr.strip().count("\n") <= 1, r.stderr  # one line (and at most the note of -o)
        if out.exists():
            whole_lines(out)
        if mounted:  # space freed: the run continues to the end
            subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
            r = subprocess.run(cmd(src, store, out, "--resume"), cwd=ROOT, capture_output=True, text=True, timeout=600)
            assert r.returncode == 0, r.stderr
            assert len(whole_lines(out)) == 60


@pytest.mark.slow
def test_a_store_on_a_read_only_disk_is_read_by_runs_and_export(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 5)
    disk = tmp_path / "disk"
    with tmpfs(disk, "16m") as mounted:
        if not mounted:
            pytest.skip("needs to mount a tmpfs (root) to make a read-only filesystem")
        store = disk / "s.db"
        r = subprocess.run(cmd(src, store, tmp_path / "out.jsonl"), cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        base = [sys.executable, "-m", "extractor"]
        r = subprocess.run(base + ["runs", "--store", str(store)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0 and "A" in r.stdout, r.stderr
        exp = tmp_path / "exp.jsonl"
        r = subprocess.run(base + ["export", "A", "-f", "jsonl", "-o", str(exp), "--store", str(store)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        assert len(whole_lines(exp)) == 5
        r = subprocess.run(cmd(src, store, tmp_path / "o2.jsonl", "--resume"), cwd=ROOT, capture_output=True, text=True,
                           timeout=300)
        assert r.returncode == 2 and "read-only" in r.stderr and "Traceback" not in r.stderr, r.stderr
        # the review UI browses it read-only and refuses a decision with a page saying why
        from fastapi.testclient import TestClient

        from extractor.review.app import ReviewConfig, create_app

        client = TestClient(create_app(ReviewConfig(store=str(store), run="A", threshold=1.01, extra_hosts=("testserver",))))
        page = client.get("/")
        assert page.status_code == 200 and "A" in page.text
        token = client.app.state.csrf
        item = client.get("/item/0")
        assert item.status_code == 200
        m = re.search(r'name="doc" value="([^"]+)"', item.text)
        n = re.search(r'name="index" value="(\d+)"', item.text)
        assert m and n
        r = client.post("/item/0/decide", data={"action": "accept", "csrf": token, "doc": m.group(1), "index": n.group(1)})
        assert r.status_code == 409 and "read-only" in r.text and "Traceback" not in r.text
