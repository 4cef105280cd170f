"""Queue logic, decisions in the store, edits re-grounded, export read back as gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from extractor.batch import store as st  # noqa: E402
from extractor.evaluate.gold import load_gold  # noqa: E402
from extractor.models import Claim, DocumentResult, Flag, Region, Source, Span  # noqa: E402
from extractor.review import decisions as rv  # noqa: E402
from extractor.review.export import write_reviewed  # noqa: E402

RAW = 'Intro line.\n\n"Taxes will rise," said Finance Minister Ann Roe on Friday.\n\nOfficials said the plan may change.\n'


def exact(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span(text=needle, start=i, end=i + len(needle), match="exact")


def claim(content: str, conf: float, flags=(), stype="person", source=None) -> Claim:
    return Claim(claim=content, content=exact(RAW, content), confidence=conf,
                 source=Source(mention=exact(RAW, source) if source else None, type=stype),
                 flags=[Flag(code=c, message=c) for c in flags])


def doc(doc_id: str, claims: list[Claim]) -> DocumentResult:
    return DocumentResult(doc_id=doc_id, input_id=doc_id, claims=claims, span=Region(start=0, end=len(RAW)))


def test_queue_selects_low_or_flagged_lowest_first_and_filters():
    a = doc("a", [claim("Taxes will rise", 0.9), claim("the plan may change", 0.5, stype="anonymous"),
                  claim("Taxes will rise,", 0.95, flags=["hedged"])])
    b = doc("b", [claim("the plan may change", 0.3, flags=["unresolved_pronoun"], stype="anonymous")])
    failed = DocumentResult(doc_id="c", input_id="c", claims=[claim("Taxes will rise", 0.1)],
                            errors=[Flag(code="engine_error", message="x")])
    q = rv.build_queue([a, b, failed], threshold=0.6)
    assert [(i.doc_id, i.index) for i in q] == [("b", 0), ("a", 1), ("a", 2)]  # 0.3, 0.5, then flagged 0.95
    assert [i.doc_id for i in rv.build_queue([a, b], 0.6, flag="hedged")] == ["a"]
    assert [(i.doc_id, i.index) for i in rv.build_queue([a, b], 0.6, source_type="anonymous")] == [("b", 0), ("a", 1)]
    assert [(i.doc_id, i.index) for i in rv.build_queue([a, b], 0.6, doc="a")] == [("a", 1), ("a", 2)]
    assert len(rv.build_queue([a, b], threshold=0.91)) == 4  # the 0.9 claim joins
    assert rv.facets(q) == {"flag": ["hedged", "unresolved_pronoun"], "type": ["anonymous", "person"], "doc": ["b", "a"]}


def test_segments_cover_text_and_label_overlaps():
    c = claim("Taxes will rise", 0.5, source="Finance Minister Ann Roe")
    c = c.model_copy(update={"quote": exact(RAW, "Taxes will")})
    segs = rv.segments(RAW, rv.labelled_spans(c))
    assert "".join(s.text for s in segs) == RAW
    assert all(RAW[s.start:s.end] == s.text for s in segs)
    labels = {s.text: s.labels for s in segs}
    assert labels["Taxes will"] == ("content", "quote")
    assert labels[" rise"] == ("content",)
    assert labels["Finance Minister Ann Roe"] == ("source",)
    region = Region(start=13, end=40)
    assert "".join(s.text for s in rv.segments(RAW, rv.labelled_spans(c), region)) == RAW[13:40]


def test_reground_selection_trims_and_checks_offsets():
    i = RAW.index("Ann Roe")
    s = rv.reground_selection(RAW, i - 1, i + 8)  # " Ann Roe " with spaces
    assert (s.text, s.match, RAW[s.start:s.end]) == ("Ann Roe", "exact", "Ann Roe")
    # offsets that do not hold are not trusted: the selected text is searched instead
    s = rv.reground_selection(RAW, 0, 7, "Ann Roe")
    assert s.match == "exact" and RAW[s.start:s.end] == "Ann Roe"
    assert rv.reground_selection(RAW, 0, 5, "nowhere in it").match == "unverified"


def test_edit_claim_regrounds_and_drops_stale_grounding_flags():
    bad = claim("Taxes will rise", 0.4).model_copy(update={
        "cue": Span(text="sayd", match="unverified"),
        "flags": [Flag(code="unverified_span", message="cue"), Flag(code="hedged", message="h")]})
    new = rv.edit_claim(RAW, bad, claim_text="Taxes will rise.", source_name="Ann Roe", source_type="person",
                        stance="asserted", spans={"cue": rv.reground_selection(RAW, RAW.index("said"), RAW.index("said") + 4),
                                                  "source": rv.reground_selection(RAW, RAW.index("Ann"), RAW.index("Ann") + 7)})
    assert new.cue and new.cue.match == "exact" and RAW[new.cue.start:new.cue.end] == "said"
    assert new.source.name == "Ann Roe" and new.source.mention and new.source.mention.text == "Ann Roe"
    assert [f.code for f in new.flags] == ["hedged"]
    assert new.claim == "Taxes will rise."


def test_decisions_persist_undo_and_export_reads_back_as_gold(tmp_path):
    (tmp_path / "a.txt").write_text(RAW, encoding="utf-8")
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "offline", None, None)
    result = doc("a.txt", [claim("Taxes will rise", 0.5), claim("the plan may change", 0.4, stype="anonymous"),
                           claim("Taxes will rise,", 0.3)]).model_copy(update={"source_file": str(tmp_path / "a.txt")})
    item = st.make_item("a.txt", str(tmp_path / "a.txt"), RAW, 0)
    st.record_item(conn, run, item, [result])
    q = rv.build_queue([r for r, _ in st.iter_documents(conn, run)])
    assert [i.index for i in q] == [2, 1, 0]
    st.add_decision(conn, run, "a.txt", 2, q[0].key, "reject", "ann")
    st.add_decision(conn, run, "a.txt", 1, q[1].key, "accept", "ann")
    edited = rv.edit_claim(RAW, q[2].claim, source_name="Ann Roe",
                           spans={"source": rv.reground_selection(RAW, RAW.index("Finance"), RAW.index("Roe") + 3)})
    st.add_decision(conn, run, "a.txt", 0, q[2].key, "edit", "ann", edited.model_dump_json())
    st.add_decision(conn, run, "a.txt", 0, q[2].key, "skip", "bob")
    assert st.undo_decision(conn, run, "ann").action == "edit"  # ann's latest, not bob's
    assert st.undo_decision(conn, run, "bob").action == "skip"
    conn.close()

    conn = st.open_store(tmp_path / "s.db")  # a restart loses nothing
    run = st.get_run(conn, "r")
    live = st.latest_decisions(conn, run)
    assert {k: d.action for k, d in live.items()} == {("a.txt", 2): "reject", ("a.txt", 1): "accept"}
    st.add_decision(conn, run, "a.txt", 0, q[2].key, "edit", "ann", edited.model_dump_json())
    assert st.latest_decisions(conn, run)[("a.txt", 0)].reviewer == "ann"
    assert conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 5  # undo keeps history

    out = tmp_path / "gold" / "reviewed.jsonl"
    out.parent.mkdir()
    assert write_reviewed(conn, run, out, texts_dir=str(tmp_path / "texts")) == (1, 2, 0)
    line = json.loads(out.read_text().splitlines()[0])
    assert line["metadata"]["reviewed"] == {"accept": 1, "reject": 1, "edit": 1, "skip": 0}
    assert line["metadata"]["gold"] == "complete"
    assert {(d["action"], d["reviewer"]) for d in line["metadata"]["decisions"]} == {("reject", "ann"), ("accept", "ann"), ("edit", "ann")}
    assert all(d["decided_at"] for d in line["metadata"]["decisions"])
    gold = load_gold(out, tmp_path / "texts")
    claims = gold[0].claims
    # index 2 was rejected; the new source rewrote the sentence the reviewer left alone
    assert {c.claim for c in claims} == {"the plan may change", 'Ann Roe said: "Taxes will rise."'}
    assert gold[0].text == RAW
    assert all(c.confidence == 1.0 for c in claims)
    roe = next(c for c in claims if c.claim.startswith("Ann Roe said"))
    assert roe.source.name == "Ann Roe" and roe.source.mention.text == "Finance Minister Ann Roe"
    assert all(RAW[s.start:s.end] == s.text for c in claims for _, s in c.spans())


def test_text_falls_back_to_source_file_only_if_hash_matches(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text(RAW, encoding="utf-8")
    conn = st.open_store(tmp_path / "s.db")
    h = st.sha256(RAW)
    assert st.get_text(conn, h, str(p)) == RAW
    p.write_text(RAW + "changed", encoding="utf-8")
    assert st.get_text(conn, h, str(p)) is None


def test_undo_with_nothing_to_undo(tmp_path):
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "offline", None, None)
    assert st.undo_decision(conn, run) is None
    with pytest.raises(Exception):
        st.add_decision(conn, run, "d", 0, "k", "approve", "x")  # not an action


@pytest.mark.parametrize("threshold", [0.0, 0.35, 0.6, 0.95, 1.01])
def test_store_picks_the_same_doubtful_documents_as_the_queue(tmp_path, threshold):
    # SQLite's JSON functions pre-select documents for the review queue; the queue built
    # from them must equal the one built from every document.
    docs = [
        doc("clean", [claim("Taxes will rise", 0.9)]),
        doc("low", [claim("Taxes will rise", 0.9), claim("the plan may change", 0.3)]),
        doc("flag", [claim("Taxes will rise,", 0.99, flags=["hedged"])]),
        doc("none", []),
        doc("edge", [claim("the plan may change", 0.6)]),
    ]
    conn = st.open_store(tmp_path / "s.db")
    run = st.start_run(conn, "r", "offline", None, None)
    for n, d in enumerate(docs):
        st.record_item(conn, run, st.make_item(d.doc_id, None, RAW + d.doc_id, n), [d])
    everything = [r for r, _ in st.iter_documents(conn, run)]
    picked = [r for r, _ in st.iter_documents(conn, run, doubtful_below=threshold)]
    assert len(everything) == 5
    key = [(i.doc_id, i.index) for i in rv.build_queue(everything, threshold)]
    assert [(i.doc_id, i.index) for i in rv.build_queue(picked, threshold)] == key
    assert {r.doc_id for r in picked} == {d for d, _ in key}  # nothing parsed that the queue does not show
