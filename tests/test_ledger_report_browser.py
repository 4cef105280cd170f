"""The corpus report in a real Chromium: it renders, runs no script and logs no error,
loads nothing from the network, and fits a narrow (phone) viewport."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ledger_support import crafted_store, record_inputs, SEEDS  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.ledger import stats  # noqa: E402
from extractor.ledger.report import render  # noqa: E402

from review_support import CHROMIUM, chromium  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    db = crafted_store(tmp)
    record_inputs(db, "seeds", [str(SEEDS)])  # a second run in the same store
    conn = st.open_store(db)
    ledger = stats.build(conn, "seeds")
    out = tmp / "seeds.html"
    out.write_text(render(conn, ledger, review_url="http://127.0.0.1:9/"), encoding="utf-8")
    crafted = tmp / "crafted.html"
    crafted.write_text(render(conn, stats.build(conn, "crafted")), encoding="utf-8")
    return out, crafted


browser = pytest.fixture(scope="module")(chromium)


def _open(browser, path: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    problems, requests = [], []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


@pytest.mark.parametrize("width", [1200, 360])
def test_report_renders_without_errors(browser, report_file, width):
    seeds, _ = report_file
    page, problems, requests = _open(browser, seeds, width)
    assert problems == [] and requests == []
    assert page.locator("svg").count() == 7
    for svg in page.locator("svg").all():  # every chart drawn and inside the viewport
        box = svg.bounding_box()
        assert box and box["height"] > 10 and box["width"] <= width
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a {width}px viewport"
    assert page.locator("#top table tr").count() > 10
    # the relay table names the outlets with their counts
    relays = page.locator("#relays").inner_text()
    assert "Asharq Al-Awsat" in relays and "Reuters" in relays and "Shafaq News" in relays
    page.close()


def test_source_links_to_its_claims(browser, report_file):
    seeds, _ = report_file
    page, problems, _ = _open(browser, seeds, 1000)
    page.get_by_role("link", name="Esmail Ghaani").first.click()
    section = page.locator("section:target")
    assert section.count() == 1
    text = section.inner_text()
    assert "Ghaani" in text and "Ismael Qaani" in text and "004_902baa1e4d506162.txt#1 line" in text
    assert section.locator(".claim").count() == 5
    assert section.locator(".claim a", has_text="review").first.get_attribute("href").startswith("http://127.0.0.1:9/?doc=004_")
    # the source itself links to the list of its claims in the review UI
    assert section.locator("a.review").get_attribute("href").startswith("http://127.0.0.1:9/?source=person%3A")
    assert problems == []
    page.close()


def test_markup_in_articles_stays_text(browser, report_file):
    _, crafted = report_file
    page, problems, requests = _open(browser, crafted, 800)
    assert problems == [] and requests == []
    assert page.evaluate("document.querySelectorAll('script, b').length") == 0
    assert "<script>alert(1)</script>" in page.inner_text("body")
    page.close()
