"""`extractor search` and `extractor sources` / `report` through the real CLI on the seeds
and on crafted articles with publishers and dates."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from ledger_support import crafted_store, seeds_store  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.ledger.search import Filters, fts_query, search  # noqa: E402


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    return seeds_store(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def crafted_db(tmp_path_factory):
    return crafted_store(tmp_path_factory.mktemp("crafted"))


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_words_and_filters(seeds_db):
    conn = st.open_store(seeds_db)
    total, hits = search(conn, "seeds", Filters(query="ceasefire"))
    assert total > 5 and all("ceasefire" in (h["sentence"] + h["claim"]).lower() for h in hits)
    total, hits = search(conn, "seeds", Filters(query="ceasefire", stance="denied"))
    assert total == 1 and hits[0]["doc_id"].startswith("003") and "denied" in hits[0]["sentence"]
    total, hits = search(conn, "seeds", Filters(relay="Reuters"))
    assert total == 6 and all("Reuters" in h["via"] for h in hits)
    total, _ = search(conn, "seeds", Filters(types=["anonymous"], min_confidence=0.0))
    assert total == sum(1 for r in conn.execute("SELECT 1 FROM ledger_claims WHERE source_type = 'anonymous'"))
    total, _ = search(conn, "seeds", Filters(query="ceasefire", min_confidence=1.01))
    assert total == 0


def test_source_is_the_canonical_source(seeds_db):
    conn = st.open_store(seeds_db)
    total, hits = search(conn, "seeds", Filters(source="Qaani", limit=50))
    # written "Ghaani", "Head of Iran's Quds Force" and "the Iranian general": all found by "Qaani"
    assert total == 5
    assert {h["mention"] for h in hits} == {"Ghaani", "Head of Iran’s Quds Force", "the Iranian general"}
    total, hits = search(conn, "seeds", Filters(query="nothing", source="Qaani"))
    assert total == 2 and all("nothing to do" in h["sentence"] for h in hits)
    assert search(conn, "seeds", Filters(source="Nobody Atall")) == (0, [])


def test_query_syntax_never_leaks():
    assert fts_query('ceasefire "AND OR') == '"ceasefire" "AND" "OR"'
    assert fts_query('"') == ""


def test_search_cli_prints_sentence_and_location(seeds_db):
    res = cli("search", "ceasefire", "--run", "seeds", "--store", seeds_db, "--source", "Mikati")
    assert res.exit_code == 0, res.output
    assert "000_f5927682ff13ca58.txt#2 line 47 [" in res.output
    assert "expressed hope that a ceasefire can be reached soon" in res.output
    assert "claims match" in res.output
    res = cli("search", "--run", "seeds", "--store", seeds_db, "--stance", "maybe")
    assert res.exit_code == 2 and "choose from" in res.output
    res = cli("search", "--run", "seeds", "--store", seeds_db)
    assert res.exit_code == 2
    res = cli("search", "x", "--run", "nope", "--store", seeds_db)
    assert res.exit_code == 2 and "no run named 'nope'" in res.output


def test_search_by_publisher_and_date(crafted_db, tmp_path):
    conn = st.open_store(crafted_db)
    total, hits = search(conn, "crafted", Filters(publisher="planet"))
    assert total > 0 and all(h["publisher"] == "Daily Planet" for h in hits)
    total, hits = search(conn, "crafted", Filters(since="2024-04", until="2024-04-15"))
    assert total > 0 and {h["input_id"] for h in hits} == {"a2"}
    meta = tmp_path / "meta.csv"
    meta.write_text("input_id,publisher\na3,Morning Post\n", encoding="utf-8")
    res = cli("search", "--run", "crafted", "--store", crafted_db, "--publisher", "morning", "--meta", meta)
    assert res.exit_code == 0, res.output
    assert "a3 line" in res.output and "a1 line" not in res.output and "2 claims match" in res.output


def test_sources_cli_table_csv_parquet(seeds_db, tmp_path):
    res = cli("sources", "--run", "seeds", "--store", seeds_db)
    assert res.exit_code == 0, res.output
    assert "Esmail Ghaani" in res.output and "Najib Mikati" in res.output
    res = cli("sources", "--run", "seeds", "--store", seeds_db, "--type", "anonymous", "--by", "publisher", "--by", "month")
    assert res.exit_code == 0 and "publisher" in res.output and "Najib Mikati" not in res.output
    out = tmp_path / "s.csv"
    res = cli("sources", "--run", "seeds", "--store", seeds_db, "--format", "csv", "-o", out)
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert sum(int(r["claims"]) for r in rows) == 114
    relayed = {r["source"]: int(r["relayed"]) for r in rows}
    assert relayed["Reuters"] == 6 and relayed["Asharq Al-Awsat"] == 5
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "s.parquet"
    assert cli("sources", "--run", "seeds", "--store", seeds_db, "-f", "parquet", "-o", out).exit_code == 0
    assert pq.read_table(out).num_rows == len(rows)
    res = cli("sources", "--run", "seeds", "--store", seeds_db, "--by", "weekday")
    assert res.exit_code == 2
    res = cli("sources", "--run", "seeds", "--store", tmp_path / "missing.db")
    assert res.exit_code == 2 and "no run store" in res.output


def test_report_is_self_contained_and_escaped(crafted_db, tmp_path):
    out = tmp_path / "r.html"
    res = cli("report", "--run", "crafted", "--store", crafted_db, "-o", out, "--review-url", "http://127.0.0.1:8000")
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.replace("&lt;script", "")  # the article's <script> is text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http://" not in (html.replace("http://127.0.0.1:8000/?doc=", "").replace("http://127.0.0.1:8000/?source=", "")
                             .replace("http://www.w3.org/2000/svg", ""))
    assert html.count("<svg") == 7
    assert "Daily Planet" in html and "2024-04" in html
    assert 'href="http://127.0.0.1:8000/?doc=a1"' in html


def test_words_and_relay_together(seeds_db):
    conn = st.open_store(seeds_db)
    total, hits = search(conn, "seeds", Filters(query="ceasefire", relay="Reuters"))
    assert total >= 1 and all("Reuters" in h["via"] and "ceasefire" in (h["sentence"] + h["claim"]).lower() for h in hits)
    total, _ = search(conn, "seeds", Filters(query="truce", relay="Asharq Al-Awsat", types=["anonymous"]))
    assert total >= 1


def test_two_runs_in_one_store_are_searched_apart(seeds_db, tmp_path):
    """With a second run in the store the run is a term of the FTS query (with one run it is
    left out): each run's counts stay its own, exact count or not."""
    from ledger_support import SEEDS, record_inputs

    db = tmp_path / "two.db"
    db.write_bytes(seeds_db.read_bytes())
    conn = st.open_store(db)
    alone = [search(conn, "seeds", f)[0] for f in (Filters(query="ceasefire"), Filters(query="ceasefire", stance="denied"),
                                                    Filters(query="ceasefire", min_confidence=0.0))]
    conn.close()
    record_inputs(db, "again", [str(SEEDS / "003_6e7b28dd61abec0b.txt")])
    conn = st.open_store(db)
    assert [search(conn, "seeds", f)[0] for f in (Filters(query="ceasefire"), Filters(query="ceasefire", stance="denied"),
                                                   Filters(query="ceasefire", min_confidence=0.0))] == alone
    total, hits = search(conn, "again", Filters(query="ceasefire"))
    assert 0 < total < alone[0] and all(h["doc_id"].startswith("003") for h in hits)
