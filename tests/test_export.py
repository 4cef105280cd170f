import csv
import json

import pyarrow.parquet as pq
import pytest

from extractor.batch import store as st
from extractor.batch.export import NAMES, export_run, guard_cell
from extractor.models import Claim, DocumentResult, Flag, Source, Span


def make_store(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "e", "m", "p")
    tricky = [
        "=HYPERLINK(\"http://evil\",\"x\")", "+1 555 0100", "-2 points", "@SUM(A1)",
        'A "quoted", comma\nnewline claim', "Ünïcödé — “curly” ‘quotes’ 中文",
    ]
    for i, text in enumerate(tricky):
        claim = Claim(claim=text, content=Span(text=text, start=10, end=10 + len(text), match="exact"),
                      cue=Span(text="said", start=5, end=9, match="exact"),
                      source=Source(name=f"Person {i}", type="person", descriptor="=cmd|' /C calc'!A0"),
                      flags=[Flag(code="fuzzy_span", message="m")] if i % 2 else [])
        doc = DocumentResult(doc_id=f"d{i}", input_id=f"d{i}", claims=[claim])
        st.record_item(conn, run, st.make_item(f"d{i}", None, text, ordinal=i), [doc])
    st.record_item(conn, run, st.make_item("bad", None, "x", ordinal=99),
                   [DocumentResult(doc_id="bad", input_id="bad", errors=[Flag(code="engine_error", message="e")])])
    return conn, tricky


def test_csv_parses_back_and_guards_formulas(tmp_path):
    conn, tricky = make_store(tmp_path)
    out = tmp_path / "claims.csv"
    assert export_run(conn, "r", "csv", out) == len(tricky)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == NAMES
    assert [r["doc_id"] for r in rows] == [f"d{i}" for i in range(len(tricky))]
    claims = [r["claim"] for r in rows]
    assert claims[0] == "'" + tricky[0] and claims[1] == "'" + tricky[1]
    assert claims[2] == "'" + tricky[2] and claims[3] == "'" + tricky[3]
    assert claims[4] == tricky[4] and claims[5] == tricky[5]  # quotes, commas, newlines, unicode survive
    assert all(r["source_descriptor"].startswith("'=") for r in rows)
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert rows[0]["content_start"] == "10" and rows[1]["flags"] == "fuzzy_span"
    assert rows[0]["confidence"] == "1.0"


def test_guard_leaves_numbers_and_plain_text():
    assert guard_cell(-3) == -3 and guard_cell("plain") == "plain" and guard_cell(None) is None


def test_jsonl_and_parquet(tmp_path):
    conn, tricky = make_store(tmp_path)
    assert export_run(conn, "r", "jsonl", tmp_path / "o.jsonl") == len(tricky) + 1  # failed docs included
    lines = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert lines[-1]["errors"][0]["code"] == "engine_error"
    assert export_run(conn, "r", "parquet", tmp_path / "o.parquet") == len(tricky)
    table = pq.read_table(tmp_path / "o.parquet")
    assert table.column_names == NAMES
    assert table.column("claim").to_pylist() == tricky  # parquet keeps text unaltered
    assert table.schema.field("content_start").type == "int64"


def test_unknown_run_and_format(tmp_path):
    conn, _ = make_store(tmp_path)
    with pytest.raises(st.StoreError, match="no run named 'nope'.*runs in this store: r"):
        export_run(conn, "nope", "csv", tmp_path / "x.csv")
    with pytest.raises(st.StoreError, match="unknown format"):
        export_run(conn, "r", "xlsx", tmp_path / "x.xlsx")
