"""`extractor eval` end to end on predictions files: three report files, escaping, --compare."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import Claim, DocumentResult, Source, Span

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Officials say <script>alert('x')</script> matters.\n\n"
        "The minister said the talks failed. Rain fell on the city, residents told Reuters.\n")
runner = CliRunner()


def span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(text=s, start=i, end=i + len(s), match="exact")


def claim(content: str, source: str, cue: str, stype: str = "person", confidence: float = 1.0) -> Claim:
    return Claim(claim=content, content=span(content), cue=span(cue),
                 source=Source(mention=span(source), type=stype), confidence=confidence)


def write_jsonl(path: Path, claims: list[Claim], source_file: str | None = None) -> Path:
    doc = DocumentResult(doc_id="a.txt", input_id="a.txt", source_file=source_file, engine="test", claims=claims)
    path.write_text(doc.model_dump_json() + "\n", encoding="utf-8")
    return path


def setup(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        claim("the talks failed", "The minister", "said"),
        claim("Rain fell on the city", "residents", "told", "anonymous"),
    ], source_file="a.txt")
    pred = write_jsonl(tmp_path / "pred.jsonl", [
        claim("the talks failed", "The minister", "said", confidence=0.9),
        claim("<script>alert('x')</script> matters", "Officials", "say", "anonymous", 0.3),
    ])
    return gold, pred


def test_eval_pred_writes_three_files_and_escapes_article_text(tmp_path):
    gold, pred = setup(tmp_path)
    out = tmp_path / "report"
    res = runner.invoke(app, ["eval", "--pred", str(pred), "--gold", str(gold), "--report-dir", str(out)])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"metrics.json", "report.md", "report.html"}
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["content"]["tp"] == 1 and metrics["content"]["n_pred"] == 2 and metrics["content"]["n_gold"] == 2
    assert metrics["linked"]["precision"] == 0.5 and metrics["calibration"]["auroc"] == 1.0
    html = (out / "report.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="missed"' in html and 'class="spurious"' in html and "<svg" in html
    assert "http://" not in html and "https://" not in html  # self-contained
    assert "linked.f1" in res.output


def test_eval_compare_shows_deltas_and_regressions(tmp_path):
    gold, pred = setup(tmp_path)
    first = tmp_path / "first"
    assert runner.invoke(app, ["eval", "--pred", str(gold), "--gold", str(gold), "--report-dir", str(first)]).exit_code == 0
    second = tmp_path / "second"
    res = runner.invoke(app, ["eval", "--pred", str(pred), "--gold", str(gold), "--report-dir", str(second),
                              "--compare", str(first / "metrics.json")])
    assert res.exit_code == 0, res.output
    assert "-0.500" in res.output and "regressions" in res.output
    metrics = json.loads((second / "metrics.json").read_text())
    linked = next(d for d in metrics["compare"] if d["metric"] == "linked.f1")
    assert linked["old"] == 1.0 and linked["regression"] is True
    assert "Regressions against the previous run" in (second / "report.html").read_text()
    assert "| previous | delta |" in (second / "report.md").read_text()


def test_eval_seed_gold_against_itself_is_perfect(tmp_path):
    gold = ROOT / "evals" / "gold" / "seeds.jsonl"
    res = runner.invoke(app, ["eval", "--pred", str(gold), "--gold", str(gold), "--report-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["linked"]["f1"] == 1.0 and metrics["source_type"]["accuracy"] == 1.0
    assert metrics["counts"]["gold"] == metrics["counts"]["pred"] >= 80


def test_eval_usage_errors_exit_2(tmp_path):
    gold, _ = setup(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    for args in (["--pred", str(bad), "--gold", str(gold)], ["--pred", str(gold), "--gold", str(tmp_path / "none.jsonl")],
                 ["--pred", str(gold), "--gold", str(gold), "--compare", str(tmp_path / "none.json")]):
        res = runner.invoke(app, ["eval", *args, "--report-dir", str(tmp_path / "r")])
        assert res.exit_code == 2, (args, res.output)
        assert "Traceback" not in res.output
