import json
import sqlite3

import pytest

from extractor.batch import store as st
from extractor.models import DocumentResult, Flag, Usage


def doc(doc_id: str, failed: bool = False, tokens: int = 10) -> DocumentResult:
    return DocumentResult(doc_id=doc_id, input_id=doc_id.split("#")[0], engine="e", model="m",
                          errors=[Flag(code="engine_error", message="boom")] if failed else [],
                          usage=Usage(requests=1, prompt_tokens=tokens, completion_tokens=1, cost_usd=0.5))


def test_migrations_are_versioned_and_idempotent(tmp_path):
    path = tmp_path / "s.db"
    conn = st.open_store(path)
    assert st.schema_version(conn) == len(st.MIGRATIONS)
    conn.close()
    conn = st.open_store(path)  # reopening applies nothing twice
    assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(st.MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_appended_migration_is_applied_once(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    more = [*st.MIGRATIONS, ["CREATE TABLE review_decisions (id INTEGER PRIMARY KEY, verdict TEXT)"]]
    assert st.migrate(conn, more) == len(more)
    assert st.migrate(conn, more) == len(more)
    conn.execute("INSERT INTO review_decisions (verdict) VALUES ('ok')")
    with pytest.raises(st.StoreError, match="newer"):
        st.migrate(conn, st.MIGRATIONS)


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(st.StoreError, match="not a usable run store"):
        st.open_store(bad)


def test_settings_never_keep_secrets(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "llm", "m", "p1", {"api_key": "sk-SECRET", "temperature": 0,
                                                     "client": {"OPENAI_API_KEY": "sk-SECRET2", "timeout": 5}})
    assert "SECRET" not in json.dumps(run.settings)
    assert run.settings == {"temperature": 0, "client": {"timeout": 5}}
    raw = (tmp_path / "s.db").read_bytes() + (tmp_path / "s.db-wal").read_bytes()
    assert b"SECRET" not in raw


def test_run_names_and_resume_rules(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    st.start_run(conn, "nightly", "llm", "m", "p1")
    with pytest.raises(st.StoreError, match="already exists"):
        st.start_run(conn, "nightly", "llm", "m", "p1")
    with pytest.raises(st.StoreError, match="same settings"):
        st.start_run(conn, "nightly", "llm", "other-model", "p1", resume=True)
    assert st.start_run(conn, "nightly", "llm", "m", "p1", resume=True).name == "nightly"
    assert st.start_run(conn, None, "llm", "m", "p1").name.startswith("run-")


def test_record_replaces_never_duplicates_and_counts(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "e", "m", None)
    item = st.make_item("a.txt", "dir/a.txt", "text of a", ordinal=0)
    st.record_item(conn, run, item, [doc("a.txt#1"), doc("a.txt#2", failed=True)])
    assert st.item_state(conn, run, item) == "failed"
    assert [f["attempts"] for f in st.iter_failures(conn, run)] == [1]
    st.record_item(conn, run, item, [doc("a.txt#1"), doc("a.txt#2", failed=True)])
    assert [f["attempts"] for f in st.iter_failures(conn, run)] == [2]  # retried: attempts counted
    st.record_item(conn, run, item, [doc("a.txt#1"), doc("a.txt#2")])
    assert st.item_state(conn, run, item) == "ok"
    assert list(st.iter_failures(conn, run)) == []
    assert [d.doc_id for d in st.iter_results(conn, run)] == ["a.txt#1", "a.txt#2"]
    stats = st.run_stats(conn, run)
    assert (stats.documents, stats.ok, stats.failed, stats.prompt_tokens, stats.cost_usd) == (2, 2, 0, 20, 1.0)


def test_cache_lookup_only_returns_fully_successful_items(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "e", "m", None)
    k1 = st.cache_key("text", "e", "m", "p", {"x": 1})
    assert k1 != st.cache_key("text", "e", "m", "p", {"x": 2})
    assert k1 != st.cache_key("text", "e", "m2", "p", {"x": 1})
    st.record_item(conn, run, st.make_item("a", None, "text"), [doc("a")], key=k1)
    assert [d.doc_id for d in st.cached_results(conn, k1)] == ["a"]
    k2 = st.cache_key("other", "e", "m", "p", {})
    st.record_item(conn, run, st.make_item("b", None, "other"), [doc("b", failed=True)], key=k2)
    assert st.cached_results(conn, k2) is None
    # a cache hit is not charged again
    st.record_item(conn, run, st.make_item("c", None, "text"), [doc("c")], key=k1, cached=True)
    assert st.run_stats(conn, run).cached == 1
    assert st.run_stats(conn, run).prompt_tokens == 20  # a and b were charged, c (cached) was not


def test_merge_combines_shards_without_duplicates(tmp_path):
    paths = []
    for shard, names in enumerate([["a", "b"], ["b", "c"]]):
        p = tmp_path / f"shard{shard}.db"
        conn = st.open_store(p)
        run = st.start_run(conn, "nightly", "e", "m", "p")
        for n in names:
            st.record_item(conn, run, st.make_item(n, None, n), [doc(n, failed=(shard == 0 and n == "b"))], text=n)
        st.finish_run(conn, run)
        conn.close()
        paths.append(str(p))
    target = st.open_store(tmp_path / "all.db")
    st.merge(target, paths)
    st.merge(target, paths)  # merging twice changes nothing
    run = st.get_run(target, "nightly")
    docs = {d.doc_id: d for d in st.iter_results(target, run)}
    assert sorted(docs) == ["a", "b", "c"]
    assert not docs["b"].failed  # the success wins over the failure
    assert st.get_text(target, st.sha256("c")) == "c"  # texts travel with their documents
    stats = st.run_stats(target, run)
    assert (stats.documents, stats.failed) == (3, 0)
    with pytest.raises(st.StoreError, match="no such store"):
        st.merge(target, [str(tmp_path / "missing.db")])


def test_transaction_rolls_back(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "e", "m", None)
    bad = DocumentResult(doc_id="x", input_id="x")
    item = st.make_item("x", None, "t")
    with pytest.raises(sqlite3.IntegrityError):
        st.record_item(conn, run, item, [bad, bad])  # same doc_id twice violates the key
    assert st.item_state(conn, run, item) is None
    assert conn.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 0


def test_a_cleaning_change_makes_a_new_cache_key(monkeypatch):
    # what cleaning keeps changes every engine's output: old results must not be reused
    k1 = st.cache_key("text", "e", "m", "p", {})
    monkeypatch.setattr("extractor.batch.store.documents.CLEANING_VERSION", 99)
    assert st.cache_key("text", "e", "m", "p", {}) != k1
