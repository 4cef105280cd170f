"""`extractor review export` and `extractor show` through the real CLI."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from review_support import build_store  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.evaluate.gold import load_gold  # noqa: E402
from extractor.review import decisions as rv  # noqa: E402


def test_export_and_show_cli(tmp_path):
    db, _ = build_store(tmp_path)
    conn = st.open_store(db)
    run = st.get_run(conn, "crafted")
    q = rv.build_queue([r for r, _ in st.iter_documents(conn, run)], 0.95)
    st.add_decision(conn, run, q[0].doc_id, q[0].index, q[0].key, "accept", "cli")
    st.add_decision(conn, run, q[1].doc_id, q[1].index, q[1].key, "reject", "cli")
    conn.close()
    runner = CliRunner()
    out = tmp_path / "gold" / "reviewed.jsonl"
    out.parent.mkdir()
    res = runner.invoke(app, ["review", "export", "--run", "crafted", "--store", str(db), "-o", str(out),
                              "--texts", str(tmp_path / "gold" / "texts"), "--partial"])
    assert res.exit_code == 0, res.output
    gold = load_gold(out, tmp_path / "gold" / "texts")
    assert [c.claim for g in gold for c in g.claims] == [q[0].claim.claim]
    res = runner.invoke(app, ["review", "export", "--run", "crafted", "--store", str(db), "-o", str(out), "--threshold", "0.95"])
    assert res.exit_code == 0 and "left out" in res.output  # unfinished documents are not complete gold
    assert load_gold(out, tmp_path / "gold" / "texts") == [] or all(
        g.doc_id not in {q[0].doc_id, q[1].doc_id} for g in load_gold(out, tmp_path / "gold" / "texts"))
    res = runner.invoke(app, ["review", "export", "--run", "crafted", "--store", str(db), "-o", str(out), "--partial",
                              "--include-unflagged", "--threshold", "0.5"])
    assert res.exit_code == 0
    assert len([c for g in load_gold(out, tmp_path / "gold" / "texts") for c in g.claims]) > 1

    html = tmp_path / "show.html"
    res = runner.invoke(app, ["show", "budget.txt", "--store", str(db), "--html", str(html)])
    assert res.exit_code == 0, res.output
    assert "Maria Lopez" in html.read_text()

    for args in (["review", "export", "--run", "nope", "--store", str(db), "-o", str(out)],
                 ["review", "--run", "nope", "--store", str(db)],
                 ["review", "--store", str(db)],
                 ["show", "nope", "--store", str(db), "--html", str(html)],
                 ["show", "budget.txt", "--store", str(tmp_path / "missing.db"), "--html", str(html)]):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert "Traceback" not in res.output
