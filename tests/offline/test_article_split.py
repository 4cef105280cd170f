"""Article splitting (cleaning.split_articles): a text is cut into several articles only on
evidence of a scraped multi-article page; `--split never|always` forces either way."""

import json

import pytest
from typer.testing import CliRunner

from extractor.cleaning import split_articles
from extractor.cli import app
from extractor.models import RawInput

# A written article: subheadings, blank lines, even two blank lines between sections.
PLAIN = ("Harbour bridge to reopen in spring\n\n"
         "The harbour bridge will reopen in April, the transport board said on Monday.\n\n\n"
         "Repairs\n\n"
         "Engineers replaced two cables after a storm. The board's chair, Mara Ilves, said the work was on time.\n\n\n"
         "Reaction\n\n"
         "She added that ferries would run again in May.\n")

# A scraped page holding two articles: each block repeats its headline and carries a credited
# caption and the page's "TT" chrome.
PAGE = ("Dockers strike over pay\n\nDockers strike over pay\n\nTT\n\n"
        "Workers walk past cranes at the port. (Reuters)\n\n"
        "Dockers walked out on Tuesday, the union said, demanding a raise.\n\n\n"
        "Farmers block a motorway\n\nFarmers block a motorway\n\nTT\n\n"
        "Tractors on the motorway near the city. (AP Photo/Ana Kask)\n\n"
        "Farmers blocked the motorway for six hours, police said.\n")


def test_a_plain_article_with_sections_stays_one_article():
    arts = split_articles(RawInput(input_id="plain.txt", text=PLAIN))
    assert [a.doc_id for a in arts] == ["plain.txt"]
    body = " ".join(PLAIN[r.start:r.end] for r in arts[0].body)
    assert "Mara Ilves" in body and "ferries" in body
    assert "Repairs" not in [PLAIN[r.start:r.end] for r in arts[0].body]  # subheadings are still not body


def test_a_scraped_page_is_split_into_its_articles():
    arts = split_articles(RawInput(input_id="page.txt", text=PAGE))
    assert [a.doc_id for a in arts] == ["page.txt#1", "page.txt#2"]
    assert [a.title for a in arts] == ["Dockers strike over pay", "Farmers block a motorway"]
    for a in arts:
        assert all("(Reuters)" not in PAGE[r.start:r.end] and PAGE[r.start:r.end] != "TT" for r in a.body)


def test_one_block_of_furniture_is_not_evidence_of_several_articles():
    # Chrome at the foot of a single article ("Share", "Related articles") does not make it a page of articles.
    text = PLAIN + "\n\n\nRelated articles\n\nShare\n"
    assert len(split_articles(RawInput(input_id="x", text=text))) == 1


@pytest.mark.parametrize("mode, plain, page", [("never", 1, 1), ("always", 3, 2), ("auto", 1, 2)])
def test_the_user_forces_either_way(mode, plain, page):
    assert len(split_articles(RawInput(input_id="p", text=PLAIN), mode)) == plain
    assert len(split_articles(RawInput(input_id="q", text=PAGE), mode)) == page


def test_pronouns_resolve_across_sections_of_one_article(run):
    she = [r for r in run(PLAIN) if r[0] == "She"]
    assert she and she[0][3].source.name == "Mara Ilves"


def test_split_option_of_extract(tmp_path):
    src = tmp_path / "plain.txt"
    src.write_text(PLAIN, encoding="utf-8")
    runner = CliRunner()
    for mode, n in (("auto", 1), ("always", 3)):
        out = tmp_path / f"{mode}.jsonl"
        res = runner.invoke(app, ["extract", str(src), "--split", mode, "-q", "-o", str(out),
                                  "--store", str(tmp_path / "s.db")])
        assert res.exit_code == 0, res.output
        assert len([json.loads(line) for line in out.read_text().splitlines()]) == n
    res = runner.invoke(app, ["extract", str(src), "--split", "sometimes", "--store", str(tmp_path / "s.db")])
    assert res.exit_code == 2 and "--split" in res.output
