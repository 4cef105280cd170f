"""The ledger's index in the run store: written with the results, rebuilt lazily for
stores made before it (migration 6) or changed by a merge, never duplicated by a resume;
publisher and date from JSONL fields or a --meta CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ledger_support import crafted_store, seeds_store  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.batch.store.claims_index import ensure_indexed, sentence_bounds  # noqa: E402
from extractor.ledger import stats  # noqa: E402


def _snapshot(ledger):
    return sorted((e.key, len(e.claims), tuple(sorted(e.all_variants().items()))) for e in ledger.entities)


def _counts(conn):
    return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("ledger_docs", "ledger_claims", "claims_fts"))


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    return seeds_store(tmp_path_factory.mktemp("seeds"))


def test_index_written_with_results(seeds_db):
    conn = st.open_store(seeds_db)
    assert _counts(conn) == (9, 114, 114)
    assert ensure_indexed(conn, st.get_run(conn, "seeds").id) == 0  # nothing left to do


def test_store_made_before_the_index_is_indexed_on_first_use(seeds_db, tmp_path):
    fresh = stats.build(st.open_store(seeds_db), "seeds")
    old = tmp_path / "old.db"
    old.write_bytes(seeds_db.read_bytes())
    conn = st.open_store(old)
    # turn it back into a store from before the ledger: no ledger tables, no record of migration 6
    for t in ("ledger_docs", "ledger_claims", "ledger_entities", "ledger_sources", "claims_fts"):
        conn.execute(f"DROP TABLE {t}")
    conn.execute("DELETE FROM schema_version WHERE version > 5")
    conn.close()
    conn = st.open_store(old)  # migrates to 6, with empty index tables
    assert st.schema_version(conn) == len(st.MIGRATIONS) and _counts(conn) == (0, 0, 0)
    assert _snapshot(stats.build(conn, "seeds")) == _snapshot(fresh)
    assert _counts(conn) == (9, 114, 114)


def test_rerecording_an_input_replaces_its_rows(tmp_path):
    db = crafted_store(tmp_path)
    conn = st.open_store(db)
    before = _counts(conn)
    run = st.get_run(conn, "crafted")
    from extractor.loading import read_inputs
    from extractor.engines import get_engine
    from extractor.pipeline import process

    raw = next(iter(read_inputs([str(tmp_path / "crafted.jsonl")])))
    item = st.make_item(raw.input_id, raw.source_file, raw.text, 0)
    st.record_item(conn, run, item, process(raw, get_engine("offline")))
    assert _counts(conn) == before
    assert conn.execute("SELECT COUNT(*) FROM claims_fts WHERE rowid NOT IN (SELECT id FROM ledger_claims)").fetchone()[0] == 0


def test_merged_store_is_indexed_and_stale_rows_replaced(seeds_db, tmp_path):
    target = st.open_store(tmp_path / "merged.db")
    st.merge(target, [str(seeds_db)])
    assert _counts(target) == (0, 0, 0)  # merge copies results, not the index
    ledger = stats.build(target, "seeds")
    assert ledger.claims == 114 and _counts(target) == (9, 114, 114)
    # a newer copy of one input arrives: its index rows must follow
    run = st.get_run(target, "seeds")
    target.execute("UPDATE documents SET finished_at = '9999' WHERE run_id = ? AND doc_id LIKE '002%'", (run.id,))
    assert ensure_indexed(target, run.id) == 1
    assert _counts(target) == (9, 114, 114)


def test_publisher_and_date_from_jsonl_fields_and_meta_csv(tmp_path):
    conn = st.open_store(crafted_store(tmp_path))
    ledger = stats.build(conn, "crafted")
    pubs = {r["publisher"]: r for r in stats.anonymous_share(ledger, "publisher")}
    assert set(pubs) == {"Daily Planet", "Evening Star"}
    months = [r["month"] for r in stats.anonymous_share(ledger, "month")]
    assert months == ["2024-03", "2024-04"]
    dp = pubs["Daily Planet"]
    assert 0 < dp["anonymous"] < dp["claims"] and dp["share"] == round(dp["anonymous"] / dp["claims"], 3)
    assert pubs["Evening Star"]["anonymous"] == 0
    meta = tmp_path / "meta.csv"
    meta.write_text("id,publisher,date\na3,Morning Post,2024-05-01\n", encoding="utf-8")
    ledger = stats.build(conn, "crafted", stats.read_meta(meta))
    assert {r["publisher"] for r in stats.anonymous_share(ledger, "publisher")} == {"Daily Planet", "Morning Post"}
    assert "2024-05" in [r["month"] for r in stats.anonymous_share(ledger, "month")]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,value\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs an id column"):
        stats.read_meta(bad)


def test_month_of_formats():
    assert stats.month_of("2019-01-04") == "2019-01"
    assert stats.month_of("2019-01-04T10:00:00Z") == "2019-01"
    assert stats.month_of("Fri, 04 Jan 2019 10:00:00 +0000") == "2019-01"
    assert stats.month_of("sometime") == stats.UNKNOWN and stats.month_of(None) == stats.UNKNOWN


def test_sentence_bounds():
    text = "First one. The source said \"it is over.\" Third here.\nNext line."
    s, e = sentence_bounds(text, text.index("it is"), text.index("over") + 4)
    assert text[s:e] == "The source said \"it is over.\""
    s, e = sentence_bounds(text, text.index("Third"), text.index("here") + 4)
    assert text[s:e] == "Third here."
