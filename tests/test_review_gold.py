"""Gold you can trust (issue 15, problem 5): complete documents, rewritten sentences,
no machine doubt on human decisions, no skip-only documents, and a partial-gold banner
in `extractor eval` instead of a precision of 0.01."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from review_support import build_store, many_articles  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.batch.store import queue as sq  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.evaluate.gold import load_gold  # noqa: E402
from extractor.models import Region  # noqa: E402
from extractor.review import decisions as rv  # noqa: E402
from extractor.review.export import write_reviewed  # noqa: E402

T = 0.95


def _store(tmp_path, n=3):
    db, _ = build_store(tmp_path, articles=many_articles(n))
    conn = st.open_store(db)
    return db, conn, st.get_run(conn, "crafted")


def _doc(conn, run, doc_id):
    for r, h in st.iter_documents(conn, run):
        if r.doc_id == doc_id:
            return r, st.get_text(conn, h)
    raise KeyError(doc_id)


def _decide_all(conn, run, doc_id, action="accept"):
    result, _ = _doc(conn, run, doc_id)
    for i, c in enumerate(result.claims):
        if rv.is_flagged(c, T):
            st.add_decision(conn, run, doc_id, i, rv.claim_key(c), action, "gina")


def test_source_change_rewrites_sentence_and_gold_drops_doubt(tmp_path):
    db, conn, run = _store(tmp_path)
    result, text = _doc(conn, run, "town00.txt")
    i = next(n for n, c in enumerate(result.claims) if c.claim.startswith("They said"))
    c = result.claims[i]
    assert any(f.code == "unresolved_pronoun" for f in c.flags) and c.confidence < 0.9
    start = text.index("Maria Lopez")
    fixed = rv.edit_claim(text, c, claim_text="", source_name="Maria Lopez", source_type="person",
                          spans={"source": rv.reground_selection(text, start, start + 11)},
                          region=result.span or Region(start=0, end=len(text)))
    assert fixed.claim.startswith("Maria Lopez said ")  # not "They said ...", nor "According to Maria Lopez, ..."
    _decide_all(conn, run, "town00.txt")
    st.add_decision(conn, run, "town00.txt", i, rv.claim_key(c), "edit", "gina", fixed.model_dump_json())
    out = tmp_path / "gold.jsonl"
    docs, claims, unfinished = write_reviewed(conn, run, out, threshold=T)
    assert (docs, unfinished) == (1, 0)
    line = json.loads(out.read_text())
    assert line["metadata"]["gold"] == "complete"
    by_action = {d["index"]: d for d in line["metadata"]["decisions"]}
    assert by_action[i]["action"] == "edit" and by_action[i]["reviewer"] == "gina" and by_action[i]["decided_at"]
    gold = [rv.Claim.model_validate(x) for x in line["claims"]]
    assert not any(g.claim.startswith("They said") for g in gold)
    assert all(g.confidence == 1.0 and not any(f.code == "unresolved_pronoun" for f in g.flags) for g in gold)
    assert all(text[s.start:s.end] == s.text for g in gold for _, s in g.spans())


def test_complete_export_keeps_every_claim_and_skip_only_docs_are_not_gold(tmp_path):
    db, conn, run = _store(tmp_path)
    _decide_all(conn, run, "town00.txt")                    # complete
    _decide_all(conn, run, "town01.txt", "skip")            # skips only: never gold
    r2, _ = _doc(conn, run, "town02.txt")                    # one decision of several: unfinished
    st.add_decision(conn, run, "town02.txt", 0, rv.claim_key(r2.claims[0]), "reject", "gina")
    r0, text0 = _doc(conn, run, "town00.txt")
    start = text0.index("The council met")
    added = rv.new_claim(text0, {"content": rv.reground_selection(text0, start, text0.index(".", start))},
                         r0.span, source_type="organization", source_name="the council")
    st.add_decision(conn, run, "town00.txt", len(r0.claims), rv.claim_key(added), "edit", "gina", added.model_dump_json())
    out = tmp_path / "gold.jsonl"
    assert write_reviewed(conn, run, out, threshold=T) == (1, len(r0.claims) + 1, 1)
    gold = load_gold(out, tmp_path / "texts")
    assert [g.input_id for g in gold] == ["town00.txt"]
    assert any(c.content.text.startswith("The council met") for c in gold[0].claims)  # the added claim
    # partial: the unfinished document too, with only its decided claims (the reject leaves none)
    assert write_reviewed(conn, run, out, threshold=T, complete=False, include_unflagged=False)[0] == 2
    assert all(json.loads(x)["metadata"]["gold"] == "partial" for x in out.read_text().splitlines())


def test_eval_against_partial_gold_prints_and_renders_a_banner(tmp_path):
    db, conn, run = _store(tmp_path, 4)
    for d in ("town00.txt", "town01.txt"):
        result, _ = _doc(conn, run, d)
        st.add_decision(conn, run, d, 0, rv.claim_key(result.claims[0]), "accept", "gina")
    result, _ = _doc(conn, run, "town00.txt")  # town00 reviewed to the end: complete gold
    for i, c in enumerate(result.claims):
        if c.flags:
            st.add_decision(conn, run, "town00.txt", i, rv.claim_key(c), "accept", "gina")
    preds = tmp_path / "pred.jsonl"
    preds.write_text("".join(r.model_dump_json() + "\n" for r in st.iter_results(conn, run)), encoding="utf-8")
    conn.close()
    runner = CliRunner()
    for partial, banner in ((True, True), (False, False)):
        gold = tmp_path / f"gold-{partial}.jsonl"
        texts = tmp_path / f"texts-{partial}"
        res = runner.invoke(app, ["review", "export", "--run", "crafted", "--store", str(db), "-o", str(gold),
                                  "--texts", str(texts), "--threshold", "0.1"] + (["--partial"] if partial else []))
        assert res.exit_code == 0, res.output
        assert len(load_gold(gold, texts)) == (2 if partial else 1)
        rep = tmp_path / f"report-{partial}"
        res = runner.invoke(app, ["eval", "--gold", str(gold), "--texts", str(texts), "--pred", str(preds),
                                  "--report-dir", str(rep)])
        assert res.exit_code == 0, res.output
        assert ("Partial gold" in res.output) is banner
        assert ('id="partial-gold"' in (rep / "report.html").read_text()) is banner
        assert ("Partial gold" in (rep / "report.md").read_text()) is banner


def test_queue_index_follows_replaced_documents_and_fills_old_stores(tmp_path):
    db, conn, run = _store(tmp_path)
    before = sq.counts(conn, run, T, {})[0]
    # an old store (before migration 5): drop the index and the version row, reopen
    conn.execute("DROP TABLE review_claims")
    for t in ("ledger_docs", "ledger_claims", "ledger_entities", "ledger_sources", "claims_fts"):  # migration 6, after it
        conn.execute(f"DROP TABLE {t}")
    conn.execute("DELETE FROM schema_version WHERE version >= 5")
    conn.close()
    conn = st.open_store(db)
    assert sq.counts(conn, run, T, {})[0] == before
    # a document re-recorded with fewer claims: its old rows go with it
    result, text = _doc(conn, run, "town00.txt")
    item = st.make_item(result.input_id, result.source_file, text, 0)
    st.record_item(conn, run, item, [result.model_copy(update={"claims": result.claims[:1]})])
    assert sq.counts(conn, run, T, {"doc": "town00.txt"})[0] == int(rv.is_flagged(result.claims[0], T))
    assert sq.counts(conn, run, T, {})[0] == before - sum(rv.is_flagged(c, T) for c in result.claims[1:])
