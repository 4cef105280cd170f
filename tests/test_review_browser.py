"""The review UI in a real Chromium (Playwright driving Debian's /usr/bin/chromium).

One test reviews three claims by keyboard (accept, reject, edit a span), reloads, and
checks the store and the exported gold; another checks that markup in an article is inert.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from review_support import Server, build_store, free_port  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.evaluate.gold import load_gold  # noqa: E402
from extractor.review import decisions as rv  # noqa: E402
from extractor.review.export import write_reviewed  # noqa: E402
from extractor.review.app import ReviewConfig, create_app  # noqa: E402

from review_support import ARTIFACTS, CHROMIUM, chromium  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture
def served(tmp_path):
    db, texts = build_store(tmp_path)
    app = create_app(ReviewConfig(str(db), "crafted", reviewer="kb", threshold=0.95))
    with Server(app, free_port()) as srv:
        yield srv, db, texts


browser = pytest.fixture(scope="module")(chromium)


SELECT_FIRST_WORD = """() => {
  const art = document.getElementById('article');
  const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  const word = node.textContent.match(/^\\S+/)[0];
  const r = document.createRange();
  r.setStart(node, 0); r.setEnd(node, word.length);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
  return word;
}"""


def test_keyboard_review_persists_and_exports(served, browser, tmp_path):
    srv, db, _ = served
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(srv.url + "/")
    total = int(re.search(r"0 / (\d+) reviewed", page.inner_text("#progress")).group(1))
    assert total >= 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-queue.png"), full_page=True)

    page.keyboard.press("j")  # move the cursor down and back up, then open the first item
    assert "current" in (page.get_attribute("tr.qrow:nth-child(2)", "class") or "")
    page.keyboard.press("k")
    page.keyboard.press("Enter")
    page.wait_for_url(srv.url + "/item/0")
    page.keyboard.press("a")
    page.wait_for_url(srv.url + "/item/1")
    page.keyboard.press("r")
    page.wait_for_url(srv.url + "/item/2")
    page.keyboard.press("e")
    assert page.is_visible("#edit-form")
    page.keyboard.press("4")  # the source span
    word = page.evaluate(SELECT_FIRST_WORD)
    page.dispatch_event("#article", "mouseup")
    assert page.inner_text("#sel-show") == word
    page.fill("textarea[name=claim_text]", "Corrected by keyboard review")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    assert page.url == srv.url + "/item/2?saved=1"  # an edit stays on its item
    page.keyboard.press("j")
    page.wait_for_url(srv.url + "/item/3" if total > 3 else srv.url + "/done")

    page.goto(srv.url + "/")
    page.reload()
    assert page.inner_text("#progress").startswith("3 / ")
    cells = page.locator("tr.qrow td:nth-child(7)").all_inner_texts()
    assert cells[:3] == ["accept", "reject", "edit"]
    assert not errors

    # the store holds the three decisions with reviewer and time; the edit was re-grounded
    conn = st.open_store(db)
    run = st.get_run(conn, "crafted")
    live = st.latest_decisions(conn, run)
    assert sorted(d.action for d in live.values()) == ["accept", "edit", "reject"]
    assert all(d.reviewer == "kb" and d.decided_at for d in live.values())
    edit = next(d for d in live.values() if d.action == "edit")
    claim = rv.Claim.model_validate_json(edit.claim)
    assert claim.claim == "Corrected by keyboard review"
    m = claim.source.mention
    assert m and m.text == word and m.match == "exact" and m.start == 0

    # export feeds the gold loader; spans index the raw text
    out = tmp_path / "reviewed.jsonl"
    docs, claims, _ = write_reviewed(conn, run, out, texts_dir=str(tmp_path / "gold-texts"), complete=False,
                                     include_unflagged=False)
    assert claims == 2
    gold = load_gold(out, tmp_path / "gold-texts")
    got = [c for g in gold for c in g.claims]
    assert "Corrected by keyboard review" in {c.claim for c in got}
    for g in gold:
        for c in g.claims:
            for _, s in c.spans():
                assert g.text[s.start:s.end] == s.text

    # undo by keyboard from the queue page reopens the edited item
    page.keyboard.press("u")
    page.wait_for_url(srv.url + "/item/2")
    assert page.inner_text("#progress").startswith("2 / ")


def test_script_in_article_is_inert(served, browser):
    srv, _, _ = served
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(srv.url + "/?doc=markup.txt")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/item/0\?doc=markup\.txt"))
    text = page.inner_text("#article")
    assert "<script>window.__pwned = 1</script>" in text
    assert "<b>was</b>" in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article script, #article b").count() == 0
    assert not dialogs
