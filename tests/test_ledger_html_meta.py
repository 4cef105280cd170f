"""Publisher and date of HTML input reach the ledger's per-publisher / per-month figures,
as JSONL fields and `--meta` do (pages we wrote, each stating them a different way)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ledger_support import record_inputs  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.htmlmeta import html_metadata  # noqa: E402
from extractor.ledger import stats  # noqa: E402
from extractor.loading import read_inputs  # noqa: E402

BODY = ("<body><nav>Home | World</nav><article><h1>{title}</h1><p>On March 3, 2021 the ministry said that the "
        "talks would resume next week in Cairo after a long pause.</p><p>Two diplomats told Reuters that a deal "
        "was close, but that several issues remained open.</p>{extra}</article></body>")
PAGES = {
    # Open Graph tags
    "og.html": "<html><head><meta property='og:site_name' content='Harbour Herald'>"
               "<meta property='article:published_time' content='2024-03-05T10:00:00Z'></head>"
               + BODY.format(title="Talks resume", extra=""),
    # JSON-LD with an @graph, the publisher an Organization
    "ld.html": "<html><head><script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": "
               "[{\"@type\": \"NewsArticle\", \"datePublished\": \"2023-11-02T08:00:00+03:00\", \"publisher\": "
               "{\"@type\": \"Organization\", \"name\": \"Valley Courier\"}}]}</script></head>"
               + BODY.format(title="Deal close", extra=""),
    # only a <time datetime> in the article, no publisher
    "time.html": "<html><head><title>x</title></head>"
                 + BODY.format(title="Talks stall", extra="<p><time datetime='2022-07-09'>9 July</time></p>"),
}


def test_page_metadata_is_what_the_page_states():
    assert html_metadata(PAGES["og.html"]) == {"publisher": "Harbour Herald", "date": "2024-03-05", "title": "Talks resume"}
    assert html_metadata(PAGES["ld.html"])["publisher"] == "Valley Courier"
    assert html_metadata(PAGES["ld.html"])["date"] == "2023-11-02"
    # a date written in the article's text is not the publication date
    assert html_metadata(PAGES["time.html"]) == {"date": "2022-07-09", "title": "Talks stall"}
    assert html_metadata("<p>no head at all <<<") == {}


def test_html_publisher_and_month_in_the_ledger(tmp_path):
    for name, html in PAGES.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    raws = {r.input_id: r for r in read_inputs([str(tmp_path)])}
    assert raws["og.html"].metadata["publisher"] == "Harbour Herald"
    db = record_inputs(tmp_path / "s.db", "html", [str(tmp_path / n) for n in sorted(PAGES)])
    conn = st.open_store(db)
    ledger = stats.build(conn, "html")
    by_pub = {r["publisher"]: r["claims"] for r in stats.anonymous_share(ledger, "publisher")}
    by_month = {r["month"] for r in stats.anonymous_share(ledger, "month")}
    assert {"Harbour Herald", "Valley Courier"} <= set(by_pub) and stats.UNKNOWN in by_pub
    assert {"2024-03", "2023-11", "2022-07"} <= by_month
