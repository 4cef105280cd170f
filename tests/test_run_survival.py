"""A batch that ends badly loses nothing (issue 13): the -o file stays a whole view of the
run through resumes, one bad line never blocks a corpus, ids never merge documents, a
run has one owner, and bad store files end in one line."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_support import article_text
from extractor.batch import store as st
from extractor.cli import app
from extractor.loading import read_inputs

pytest.importorskip("extractor.engines.offline")
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def lines(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert not text or text.endswith("\n"), "a partial last line"
    return [json.loads(x) for x in text.splitlines()]


def jsonl(path: Path, objs: list) -> Path:
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objs), encoding="utf-8")
    return path


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---- 1. -o is a view of the whole run -------------------------------------------------------


def test_resume_keeps_the_output_file_whole_and_in_input_order(here):
    src = jsonl(here / "in.jsonl", [{"id": f"d{i}", "text": article_text(i)} for i in range(5)])
    r = runner.invoke(app, ["extract", str(src), "-o", "out.jsonl", "--run", "A", "-q"])
    assert r.exit_code == 0, r.output
    first = lines(here / "out.jsonl")
    r = runner.invoke(app, ["extract", str(src), "-o", "out.jsonl", "--run", "A", "--resume", "-q"])
    assert r.exit_code == 0, r.output
    assert lines(here / "out.jsonl") == first  # was: emptied (only what the second session did)
    assert [d["input_id"] for d in first] == [f"d{i}" for i in range(5)]
    # more input, resumed: the file holds the old and the new, in input order, once each
    src2 = jsonl(here / "in.jsonl", [{"id": f"d{i}", "text": article_text(i)} for i in range(8)])
    r = runner.invoke(app, ["extract", str(src2), "-o", "out.jsonl", "--run", "A", "--resume", "-q"])
    assert [d["input_id"] for d in lines(here / "out.jsonl")] == [f"d{i}" for i in range(8)]
    assert not [p for p in here.iterdir() if p.name.startswith(".out.jsonl.")], "temporary file left"


def test_output_naming_an_input_is_a_usage_error_and_touches_nothing(here):
    src = jsonl(here / "mine.jsonl", [{"id": "a", "text": article_text(1)}])
    before = src.read_bytes()
    r = runner.invoke(app, ["extract", str(src), "-o", str(src), "-q"])
    assert r.exit_code == 2 and "one of the inputs" in r.output
    assert src.read_bytes() == before
    assert not (here / "extractor.db").exists()  # before anything is touched
    (here / "d").mkdir()
    (here / "d" / "x.txt").write_text(article_text(2), encoding="utf-8")
    r = runner.invoke(app, ["extract", "d", "-o", "d/x.txt", "-q"])
    assert r.exit_code == 2 and (here / "d" / "x.txt").read_text(encoding="utf-8") == article_text(2)


# ---- 2. per-line isolation -------------------------------------------------------------------

BAD_LINES = [
    '{"id": "sur", "text": "The minister said \\ud800 it."}',  # a lone surrogate
    '{"id": "big", "text": "Officials said so.", "n": ' + "9" * 5000 + "}",  # over Python's int digit limit
    '{"id": "deep", "text": "Officials said so.", "m": ' + "[" * 1000 + "]" * 1000 + "}",
    '{"id": "deep2", "text": "Officials said so.", "m": ' + "[" * 400 + "]" * 400 + "}",  # parses, cannot be written
]


def test_bad_jsonl_lines_are_their_own_errors_and_resume_never_re_dies(here):
    good = [json.dumps({"id": f"g{i}", "text": article_text(i)}) for i in range(3)]
    src = jsonl(here / "c.jsonl", [good[0], *BAD_LINES, good[1], good[2]])
    for extra in ([], ["--resume", "--retry-failed"]):
        r = runner.invoke(app, ["extract", str(src), "-o", "out.jsonl", "--run", "A", "-q", *extra])
        assert r.exit_code == 1, r.output
        assert "internal error" not in r.output
        docs = lines(here / "out.jsonl")
        assert len(docs) == 7
        assert [d["input_id"] for d in docs if not d["errors"]] == ["g0", "g1", "g2"]
        bad = [d["errors"][0]["message"] for d in docs if d["errors"]]
        assert [m.split(": ")[0] for m in bad] == [f"{src}:{n}" for n in (2, 3, 4, 5)], bad
        assert "surrogate" in bad[0] and "digits" in bad[1]


# ---- 3. identity ----------------------------------------------------------------------------


def test_colliding_ids_get_distinct_documents_reported_once(here):
    a = jsonl(here / "a.jsonl", [{"id": i, "text": article_text(i)} for i in range(1, 4)])
    b = jsonl(here / "b.jsonl", [{"id": i, "text": article_text(10 + i)} for i in range(1, 4)])
    r = runner.invoke(app, ["extract", str(a), str(b), "-o", "out.jsonl", "--run", "A", "-q"])
    assert r.exit_code == 0, r.output
    assert r.output.count("had an id an earlier input already had") == 1
    docs = lines(here / "out.jsonl")
    ids = [d["doc_id"] for d in docs]
    assert len(set(ids)) == 6, ids
    assert ids[3] == f"{b}:1"
    # review decisions key on the document: one on b's 1 is not a's 1
    conn = st.open_store("extractor.db")
    run = st.get_run(conn, "A")
    st.add_decision(conn, run, ids[3], 0, "k", "reject", "tester")
    assert set(st.latest_decisions(conn, run)) == {(ids[3], 0)}
    texts = {d.doc_id: t for d, t in st.iter_documents(conn, run)}
    assert st.get_text(conn, texts[ids[3]]) == article_text(11)
    # show picks the one named, not one at random
    r = runner.invoke(app, ["show", ids[3], "--html", "b1.html", "--run", "A"])
    assert r.exit_code == 0, r.output
    assert "project 11" in (here / "b1.html").read_text(encoding="utf-8")
    # gold: the reviewed document is b's 1, with b's text beside it (a path-keyed id stays in --texts)
    r = runner.invoke(app, ["review", "export", "--run", "A", "-o", "gold.jsonl", "--texts", "texts"])
    assert r.exit_code == 0, r.output
    gold = lines(here / "gold.jsonl")
    assert [g["doc_id"] for g in gold] == [ids[3]]
    from extractor.evaluate.gold import find_text
    from extractor.models import DocumentResult

    found = find_text(here / "gold.jsonl", DocumentResult.model_validate(gold[0]), here / "texts")
    assert found is not None and found.read_text(encoding="utf-8") == article_text(11)


def test_same_file_name_in_two_folders_does_not_collide(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "article.txt").write_text(article_text(ord(sub)), encoding="utf-8")
    ids = [r.input_id for r in read_inputs([str(tmp_path)])]
    assert ids == ["article.txt", f"{tmp_path / 'y' / 'article.txt'}:article.txt"]


# ---- 4. a run has an owner ---------------------------------------------------------------------


def test_a_held_lock_is_refused_with_its_owner_and_a_dead_one_taken_over(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "A", "offline", None, None)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        st.acquire_lock(conn, run, pid=other.pid)
        with pytest.raises(st.StoreError, match=rf"pid {other.pid} on {socket.gethostname()} since"):
            st.acquire_lock(conn, run)
    finally:
        other.kill()
        other.wait()
    mine = st.acquire_lock(conn, run)  # the owner is dead: taken over
    st.heartbeat(conn, mine)
    # another host's lock goes stale only when its heartbeat stops
    conn.execute("UPDATE run_locks SET host = 'elsewhere', pid = 1")
    with pytest.raises(st.StoreError, match="on elsewhere"):
        st.acquire_lock(conn, run)
    conn.execute("UPDATE run_locks SET heartbeat = '2000-01-01T00:00:00.000+00:00'")
    st.acquire_lock(conn, run)
    with pytest.raises(st.LockLost):  # the old owner learns it lost the run, and stops
        st.heartbeat(conn, mine)


def test_a_second_process_on_a_running_run_is_refused(tmp_path):
    from mock_openai import MockOpenAI

    # 60 documents at 2 s a request, one at a time: the first process is still working when
    # the second (which must load the engine first, slowly on a busy machine) arrives.
    src = jsonl(tmp_path / "c.jsonl", [{"id": f"d{i}", "text": article_text(i)} for i in range(60)])
    with MockOpenAI(latency=2.0) as mock:
        cmd = [sys.executable, "-m", "extractor", "extract", str(src), "--engine", "llm", "--base-url", mock.base_url,
               "--model", "mock", "--store", str(tmp_path / "s.db"), "--run", "A", "-q", "--concurrency", "1",
               "-o", str(tmp_path / "out.jsonl")]
        first = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.time() + 60
            while time.time() < deadline and _done(tmp_path / "s.db") < 1:
                time.sleep(0.2)
            second = subprocess.run(cmd + ["--resume"], cwd=ROOT, capture_output=True, text=True, timeout=600)
            assert second.returncode == 2, second.stderr
            assert f"being processed by pid {first.pid}" in second.stderr
            assert first.poll() is None  # the first goes on undisturbed
        finally:
            first.kill()
            first.wait()


def _done(store: Path) -> int:
    try:
        with sqlite3.connect(store, timeout=1) as c:
            return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


# ---- 5. special files and encodings -------------------------------------------------------------


def test_fifos_are_skipped_with_an_error_not_waited_on(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(article_text(1), encoding="utf-8")
    os.mkfifo(d / "pipe")
    os.mkfifo(tmp_path / "named.txt")
    r = subprocess.run([sys.executable, "-m", "extractor", "extract", str(d), str(tmp_path / "named.txt"), "-q",
                        "--store", str(tmp_path / "s.db"), "-o", str(tmp_path / "out.jsonl")],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    docs = lines(tmp_path / "out.jsonl")
    codes = {d["input_id"]: (d["errors"][0]["code"] if d["errors"] else None) for d in docs}
    assert codes == {"a.txt": None, "pipe": "special_file", "named.txt": "special_file"}
    assert "named pipe" in r.stderr


def test_utf16_and_utf8_with_bom_are_read_and_offsets_index_the_text_after_the_bom(tmp_path):
    text = "Officials said the bridge would reopen.\n"
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16"))  # with BOM
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (tmp_path / "u8.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    raws = {r.input_id: r for r in read_inputs([str(tmp_path)])}
    for name in ("le.txt", "be.txt", "u8.txt"):
        assert raws[name].error is None, raws[name].error
        assert raws[name].text == text
    from extractor.engines import get_engine
    from extractor.pipeline import process

    doc = process(raws["le.txt"], get_engine("offline"))[0]
    c = doc.claims[0]
    assert text[c.source.mention.start:c.source.mention.end] == "Officials"


def test_an_article_over_a_million_characters_gets_our_error_not_spacy_e088(here):
    big = ("The council met on Tuesday. Officials said the plan was on schedule. " * 16000) + "\n"
    assert 1_000_000 < len(big) < 10_000_000
    src = jsonl(here / "big.jsonl", [{"id": "big", "text": big}, {"id": "ok", "text": article_text(1)}])
    r = runner.invoke(app, ["extract", str(src), "-o", "out.jsonl", "-q"])
    assert r.exit_code == 1
    docs = {d["input_id"]: d for d in lines(here / "out.jsonl")}
    err = docs["big"]["errors"][0]
    assert err["code"] == "too_large" and "E088" not in err["message"] and "1,000,000" in err["message"]
    assert not docs["ok"]["errors"]


# ---- 6. store files -----------------------------------------------------------------------------


def test_foreign_and_newer_sqlite_files_are_refused_untouched(here):
    src = jsonl(here / "in.jsonl", [{"id": "a", "text": article_text(1)}])
    with sqlite3.connect("crm.db") as c:
        c.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    for cmd in (["extract", str(src), "--store", "crm.db", "-o", "o.jsonl"], ["runs", "--store", "crm.db"]):
        r = runner.invoke(app, cmd)
        assert r.exit_code == 2 and "another application's SQLite file" in r.output, r.output
    with sqlite3.connect("crm.db") as c:
        assert [x[0] for x in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["customers"]
    st.open_store("new.db").execute("INSERT INTO schema_version VALUES (99, 'x')")
    for cmd in (["extract", str(src), "--store", "new.db", "-o", "o.jsonl"], ["runs", "--store", "new.db"]):
        r = runner.invoke(app, cmd)
        assert r.exit_code == 2 and "newer than this extractor" in r.output and "new.db" in r.output, r.output


def test_a_corrupt_row_is_that_documents_error_and_the_rest_exports(here):
    src = jsonl(here / "in.jsonl", [{"id": f"d{i}", "text": article_text(i)} for i in range(4)])
    assert runner.invoke(app, ["extract", str(src), "-o", "out.jsonl", "--run", "A", "-q"]).exit_code == 0
    with sqlite3.connect("extractor.db") as c:
        c.execute("UPDATE results SET result = '{\"doc_id\": trunc' WHERE doc_id = 'd2'")
    r = runner.invoke(app, ["export", "A", "-f", "jsonl", "-o", "exp.jsonl"])
    assert r.exit_code == 0, r.output
    docs = lines(here / "exp.jsonl")
    assert [d["doc_id"] for d in docs] == ["d0", "d1", "d2", "d3"]
    assert docs[2]["errors"][0]["code"] == "corrupt_row" and not docs[3]["errors"]
    conn = st.open_store("extractor.db")  # the review queue's query reads past it too
    assert len(list(st.iter_documents(conn, st.get_run(conn, "A"), doubtful_below=1.0))) >= 1


def test_a_result_that_cannot_be_stored_is_that_inputs_error_and_the_run_goes_on(tmp_path):
    from batch_support import SaidEngine
    from extractor.batch.runner import RunOptions, run_batch
    from extractor.engines import EngineOutput
    from extractor.models import Claim, RawInput, Span

    class Surrogates(SaidEngine):  # an engine answer no UTF-8 encoder takes
        def extract(self, raw, article, include_unattributed=False):
            if article.input_id == "b":
                return EngineOutput(claims=[Claim(claim="x \ud800", content=Span(text="\ud800"))])
            return super().extract(raw, article, include_unattributed)

    inputs = [RawInput(input_id=i, source_file="c.jsonl", text=article_text(n)) for n, i in enumerate("abc")]
    summary = run_batch(iter(inputs), Surrogates(), str(tmp_path / "s.db"), "A", RunOptions())
    assert summary.documents == 3 and summary.failed == 1
    conn = st.open_store(tmp_path / "s.db")
    docs = {d.input_id: d for d in st.iter_results(conn, st.get_run(conn, "A"))}
    assert docs["b"].errors[0].code == "unstorable" and not docs["a"].errors and not docs["c"].errors


def test_sockets_and_devices_are_skipped_with_their_kind(tmp_path):
    import socket as so

    sock = so.socket(so.AF_UNIX, so.SOCK_STREAM)
    sock.bind(str(tmp_path / "s.sock"))
    try:
        raws = {r.input_id: r.error for r in read_inputs([str(tmp_path / "s.sock"), "/dev/null"])}
    finally:
        sock.close()
    assert raws["s.sock"].code == "special_file" and "a socket" in raws["s.sock"].message
    assert raws["null"].code == "special_file" and "character device" in raws["null"].message
