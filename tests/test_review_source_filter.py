"""From a source in the corpus report or the review UI, the list of its claims: the review
queue's `source=` filter (the canonical source, by its key or words of its name)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

from review_support import build_store, many_articles  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.ledger import report, stats  # noqa: E402
from extractor.review.app import ReviewConfig, create_app  # noqa: E402


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    db, _ = build_store(tmp_path_factory.mktemp("town"), "town", many_articles(12))
    # every claim queued (threshold above any confidence), so a source's list is all its claims
    app = create_app(ReviewConfig(str(db), "town", threshold=1.01, extra_hosts=("testserver",)))
    return TestClient(app), db


def _rows(html: str) -> list[tuple[str, str]]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r'<td>([^<]+)</td>\s*<td><a class="src" href="[^"]*"[^>]*>([^<]+)</a>', body)


def test_source_filter_lists_that_sources_claims(town):
    c, db = town
    conn = st.open_store(db)
    ledger = stats.build(conn, "town")
    lopez = next(e for e in ledger.entities if e.name == "Maria Lopez")
    by_key = _rows(c.get("/", params={"source": lopez.key}).text)
    assert len(by_key) == len(lopez.claims) >= 2  # each of her claims, in every article that quotes her
    assert {src for _doc, src in by_key} <= set(lopez.all_variants())
    assert {doc for doc, _ in by_key} == {d for cid in lopez.claims for d in [ledger.claim_facts[cid][1]]}
    # words of the name find the same source; the item links keep the filter
    html = c.get("/", params={"source": "Lopez"}).text
    assert _rows(html) == by_key and 'href="/item/0?source=Lopez"' in html
    assert _rows(c.get("/", params={"source": "Nobody Atall"}).text) == []


def test_queue_rows_and_report_link_to_a_sources_claims(town):
    c, db = town
    html = c.get("/").text
    assert 'class="src" href="/?source=Maria%20Lopez"' in html  # from a source in the review UI
    conn = st.open_store(db)
    page = report.render(conn, stats.build(conn, "town"), review_url="http://127.0.0.1:8765")
    links = re.findall(r'href="http://127\.0\.0\.1:8765(/\?source=[^"]+)"', page)
    assert links, "the report links each source to its claims in the review UI"
    lopez = next(link for link in links if "maria" in unquote(link))
    assert len(_rows(c.get(unquote(lopez).replace("&amp;", "&")).text)) >= 2
