"""Bad input never crashes a run: each gets a one-line reason and the run goes on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cleaning import split_articles
from extractor.loading import UsageError, read_inputs

SEEDS = Path(__file__).parent.parent / "seeds"


def _cli(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_bad_inputs_each_get_a_clear_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owner said prices rose.".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(20 * 1024 * 1024)
    (tmp_path / "lines.jsonl").write_text('[1, 2]\n{"id": "a"}\n{oops\n{"id": "ok", "text": "The minister said the talks would resume on Monday."}\n')
    locked = tmp_path / "locked.txt"
    locked.write_text("The minister said so.")
    os.chmod(locked, 0)
    raws = list(read_inputs([str(tmp_path)]))
    errors = {r.input_id: r.error.code for r in raws if r.error}
    assert errors["empty.txt"] == "empty_input"
    assert errors["binary.txt"] == "binary_input"
    assert errors["latin1.txt"] == "not_utf8"
    assert errors["huge.txt"] == "too_large"
    assert errors["lines.jsonl:1"] == "bad_jsonl"
    assert errors["a"] == "bad_jsonl"
    assert errors["lines.jsonl:3"] == "bad_jsonl"
    if os.geteuid() != 0:  # root reads anything
        assert errors["locked.txt"] == "unreadable"
    assert any(r.input_id == "ok" and not r.error for r in raws)
    for r in raws:
        if r.error:
            assert "\n" not in r.error.message and r.error.message


def test_cli_goes_on_after_bad_documents_and_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Officials said the border would reopen on Monday.\n")
    out = tmp_path / "out.jsonl"
    res = _cli("extract", str(tmp_path), "-o", str(out), "--store", str(tmp_path / "s.db"))
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    by_id = {d["input_id"]: d for d in docs}
    assert by_id["empty.txt"]["errors"][0]["code"] == "empty_input"
    assert by_id["good.txt"]["claims"][0]["source"]["mention"]["text"] == "Officials"


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        list(read_inputs([str(tmp_path / "nope" / "*.txt")]))
    res = _cli("extract", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s.db"))
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_stdin_and_jsonl_metadata(tmp_path):
    res = _cli("extract", "-", "--store", str(tmp_path / "s.db"), stdin="The army said the drones came from the east.\n")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout.splitlines()[0])
    assert doc["claims"][0]["cue"]["text"] == "said"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": "Police said two people were hurt.", "outlet": "AP"}) + "\n")
    doc = json.loads(_cli("extract", str(src), "--store", str(tmp_path / "s.db")).stdout.splitlines()[0])
    assert doc["doc_id"] == "n1" and doc["metadata"]["outlet"] == "AP"


def test_html_goes_through_an_article_extractor(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><script>var x='said';</script></head><body><nav>Home | World</nav>"
        "<article><h1>Ceasefire talks</h1><p>The foreign ministry said on Monday that the talks would resume "
        "next week in Cairo after a pause.</p><p>Two diplomats told Reuters that a deal was close, but that "
        "several issues remained open between the sides.</p></article><footer>Back to top</footer></body></html>"
    )
    raw = next(iter(read_inputs([str(page)])))
    assert raw.error is None and "<p>" not in raw.text and "var x" not in raw.text
    assert "Two diplomats told Reuters" in raw.text


def test_seed_pages_split_into_articles_without_chrome():
    raw = next(iter(read_inputs([str(SEEDS / "000_f5927682ff13ca58.txt")])))
    arts = split_articles(raw)
    assert [a.doc_id for a in arts] == ["000_f5927682ff13ca58.txt#1", "000_f5927682ff13ca58.txt#2"]
    assert arts[0].title == "Qaani in Baghdad to Resolve Internal Rifts"
    for a in arts:
        body = [raw.text[r.start : r.end] for r in a.body]
        assert not any(b in ("TT", "Show More") or "(Reuters)" in b or "EPA/" in b for b in body)
        assert a.span.start <= a.body[0].start and a.body[-1].end <= a.span.end
    chrome = next(iter(read_inputs([str(SEEDS / "002_e03c588a3ee11681.txt")])))
    (art,) = split_articles(chrome)
    body = " ".join(chrome.text[r.start : r.end] for r in art.body)
    assert "Verified by MonsterInsights" not in body and "Related Articles" not in body
    assert art.title.startswith("Ismael Qaani Back in Iraq Again")
    page = next(iter(read_inputs([str(SEEDS / "004_902baa1e4d506162.txt")])))
    first = split_articles(page)[0]  # its caption, printed twice on the page, listed once
    assert [page.text[c.start : c.end] for c in first.captions] == ["Head of Iran’s Quds Force Esmail Ghaani. (Reuters file photo)"]


def test_a_one_line_text_is_an_article_not_a_headline():
    from extractor.models import RawInput

    for text in ["Mrs. Quill shook her fist and said the talks had failed.",
                 '"That is a worry for the council," said Councillor Tomas Brel.']:
        (art,) = split_articles(RawInput(input_id="x", text=text))
        assert art.title is None and art.body[0].start == 0 and art.body[0].end == len(text)


def test_a_sentence_written_twice_stays_in_the_body():
    # a repeated headline is furniture; an answer given twice is text
    from extractor.models import RawInput

    text = ("Wikinews interviews the mayor.\n\nWikinews: Do you back the plan?\n\nAna Ruiz: Yes.\n\n"
            "Wikinews: Will you run again?\n\nAna Ruiz: Yes.\n\nWe want justice!\n\nWe want justice!")
    (art,) = split_articles(RawInput(input_id="x", text=text))
    body = [text[r.start : r.end] for r in art.body]
    assert body.count("Ana Ruiz: Yes.") == 2 and body.count("We want justice!") == 2, body


def test_an_internal_error_is_one_line_not_a_traceback():
    code = ("import sys; from extractor import cli, models\n"
            "def boom(*a, **k): raise RuntimeError('simulated bug')\n"
            "models.DocumentResult.model_json_schema = classmethod(boom)\n"
            "sys.argv = ['extractor', 'schema']; cli.main()")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "simulated bug" in res.stderr and "EXTRACTOR_DEBUG" in res.stderr
