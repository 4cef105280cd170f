"""The review app over HTTP (in-process): CSRF, Host/Origin checks, escaping, decisions."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

from review_support import build_store  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.review.app import ReviewConfig, create_app  # noqa: E402
from extractor.review.showpage import write_show  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("review"))


@pytest.fixture
def client(built, tmp_path):
    db = tmp_path / "review.db"
    db.write_bytes(built[0].read_bytes())  # each test its own copy of the store
    app = create_app(ReviewConfig(str(db), "crafted", reviewer="tess", threshold=0.95, extra_hosts=("testserver",)))
    return TestClient(app), app, db


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_post_without_or_with_wrong_token_is_403_and_records_nothing(client):
    c, app, db = client
    assert c.post("/item/0/decide", data={"action": "accept"}).status_code == 403
    assert c.post("/item/0/decide", data={"action": "accept", "csrf": "nope"}).status_code == 403
    assert c.post("/undo", data={}).status_code == 403
    # the token in JSON or multipart does not count: only the page's urlencoded form
    assert c.post("/item/0/decide", json={"action": "accept", "csrf": app.state.csrf}).status_code == 403
    conn = st.open_store(db)
    assert conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0


def test_cross_origin_and_foreign_host_refused(client):
    c, app, _ = client
    tok = csrf_of(c.get("/").text)
    assert tok == app.state.csrf
    r = c.post("/item/0/decide", data={"action": "accept", "csrf": tok}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert c.get("/", headers={"Host": "evil.example"}).status_code == 403  # DNS rebinding
    r = c.post("/item/0/decide", data={"action": "accept", "csrf": tok}, headers={"Origin": "http://testserver"},
               follow_redirects=False)
    assert r.status_code == 303


def test_article_markup_is_escaped(client):
    c, _, _ = client
    page = c.get("/").text
    assert "<script>window" not in page
    n = next(i for i in range(10) if "__pwned" in c.get(f"/item/{i}").text)
    html = c.get(f"/item/{n}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<script>window" not in html and "<b>was</b>" not in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/review.js">']
    assert "script-src 'self'" in c.get(f"/item/{n}").headers["content-security-policy"]


def test_decide_edit_undo_persist(client):
    c, app, db = client
    tok = app.state.csrf
    q = c.get("/").text
    total = int(re.search(r"0 / (\d+) reviewed", q).group(1))
    assert total >= 3
    assert c.post("/item/0/decide", data={"action": "accept", "csrf": tok}, follow_redirects=False).headers["location"] == "/item/1"
    assert c.post("/item/1/decide", data={"action": "reject", "csrf": tok}).status_code == 200
    item2 = c.get("/item/2").text
    raw_start = int(re.search(r'<span data-s="(\d+)"', item2).group(1))
    r = c.post("/item/2/edit", data={"csrf": tok, "claim_text": "edited", "source_name": "Someone", "source_type": "person",
                                     "stance": "denied", "cue_start": str(raw_start),
                                     "cue_end": str(raw_start + 4)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/item/2?saved=1"  # an edit stays on its item
    bad = c.post("/item/2/decide", data={"action": "bogus", "csrf": tok})
    assert bad.status_code == 400 and "unknown action" in bad.text and "<h1>" in bad.text  # a page, not JSON
    assert c.post("/item/99/decide", data={"action": "accept", "csrf": tok}).status_code == 404
    for sel in ({"cue_start": "x", "cue_end": "1"}, {"cue_start": "5", "cue_end": "5"}):
        r = c.post("/item/2/edit", data={"csrf": tok, **sel})
        assert r.status_code == 400 and '"detail"' not in r.text and "select" in r.text
    assert "3 / " in c.get("/").text
    conn = st.open_store(db)
    rows = conn.execute("SELECT action, reviewer, claim FROM decisions ORDER BY id").fetchall()
    assert [(a, r) for a, r, _ in rows] == [("accept", "tess"), ("reject", "tess"), ("edit", "tess")]
    assert '"stance":"denied"' in rows[2][2] and '"claim":"edited"' in rows[2][2]
    r = c.post("/undo", data={"csrf": tok}, follow_redirects=False)
    assert r.headers["location"] == "/item/2"
    assert "2 / " in c.get("/").text


def test_filters_and_unknown_item(client):
    c, _, _ = client
    html = c.get("/?doc=markup.txt").text
    body = html.split("<tbody>")[1]
    assert "markup.txt" in body and "budget.txt" not in body
    assert 'href="/item/0?doc=markup.txt"' in body  # filters carry over to the item links
    assert c.get("/item/999").status_code == 404
    assert c.get("/static/review.js").headers["content-type"].startswith("text/javascript")
    assert c.get("/static/../store.py").status_code == 404


def test_show_page_escapes_and_annotates(built, tmp_path):
    conn = st.open_store(built[0])
    out = tmp_path / "show.html"
    assert write_show(conn, "markup.txt", out, "crafted") >= 1
    html = out.read_text()
    assert "&lt;script&gt;" in html and "<script" not in html
    assert 'class="hl-cue' in html and "claim 1" in html
    with pytest.raises(st.StoreError):
        write_show(conn, "nope", out)


def test_filter_dropdowns_list_all_values_while_filtered(client):
    c, _, _ = client
    def types(html):
        return re.findall(r"<option\s*(?:selected)?>([a-z]+)</option>", html.split('name="type"')[1].split("</select>")[0])
    everything = types(c.get("/").text)
    assert len(everything) >= 2
    assert types(c.get("/?doc=markup.txt").text) == everything
    assert 'name="doc" value="markup.txt"' in c.get("/?doc=markup.txt").text


def test_queue_follows_results_recorded_while_the_app_runs(client):
    c, _, db = client
    before = c.get("/").text
    conn = st.open_store(db)
    run = st.get_run(conn, "crafted")
    from extractor.models import Claim, DocumentResult, Flag, Region, Source, Span

    text = "Late article.\n\nA late source said the queue must show this."
    content = "the queue must show this"
    i = text.index(content)
    late = DocumentResult(doc_id="late.txt", input_id="late.txt", span=Region(start=0, end=len(text)), claims=[
        Claim(claim=content, content=Span(text=content, start=i, end=i + len(content), match="exact"),
              source=Source(type="anonymous"), confidence=0.2, flags=[Flag(code="hedged", message="h")])])
    st.record_item(conn, run, st.make_item("late.txt", None, text, 99), [late], text=text)
    conn.close()
    after = c.get("/").text
    assert "the queue must show this" not in before and "the queue must show this" in after


def test_stale_token_from_our_own_page_reloads_it_and_records_nothing(client):
    c, _, db = client
    r = c.post("/item/1/decide?doc=budget.txt", data={"action": "accept", "csrf": "from-before-a-restart"},
               headers={"Referer": "http://testserver/item/1?doc=budget.txt"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/item/1?doc=budget.txt&stale=1"
    page = c.get(r.headers["location"]).text
    assert 'id="stale"' in page and csrf_of(page) == c.app.state.csrf  # the reload brings the new token
    # a forged request from another site is not redirected anywhere useful: still refused
    r = c.post("/item/1/decide", data={"action": "accept", "csrf": "x"}, headers={"Referer": "http://evil.example/"},
               follow_redirects=False)
    assert r.status_code == 403
    conn = st.open_store(db)
    assert conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0


def test_a_form_drawn_for_one_claim_decides_that_claim_even_if_the_queue_moved(client):
    c, app, db = client
    tok = app.state.csrf
    html = c.get("/item/2").text
    doc = re.search(r'name="doc" value="([^"]+)"', html).group(1)
    index = int(re.search(r'name="index" value="(\d+)"', html).group(1))
    # the tab shows item 2, but the form is posted to position 0 (as if the queue had shifted)
    r = c.post("/item/0/decide", data={"action": "reject", "csrf": tok, "doc": doc, "index": str(index)},
               follow_redirects=False)
    assert r.status_code == 303
    conn = st.open_store(db)
    live = st.latest_decisions(conn, st.get_run(conn, "crafted"))
    assert list(live) == [(doc, index)] and live[(doc, index)].action == "reject"


def test_end_of_queue_page_and_guideline(client):
    c, app, _ = client
    total = int(re.search(r"0 / (\d+) reviewed", c.get("/").text).group(1))
    r = c.post(f"/item/{total - 1}/decide", data={"action": "skip", "csrf": app.state.csrf}, follow_redirects=False)
    assert r.headers["location"] == "/done"
    done = c.get("/done").text
    assert "extractor review export --run crafted" in done and "1 skipped" in done
    assert "Guideline" in c.get("/guidelines").text or "guideline" in c.get("/guidelines").text
