"""A scripted reviewer decides 50 queued claims in Chromium by keyboard only, and counts
the keys each decision took (the figure in docs/review.md). No mouse, no form filling:
only key presses, as a fact-checker working through the queue would."""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from review_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Server, build_store, free_port, many_articles  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.review import decisions as rv  # noqa: E402
from extractor.review.app import ReviewConfig, create_app  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's Chromium at /usr/bin/chromium"),
]

# What the reviewer does with a claim that is not junk, in turn; the keys include the
# one that moves on (accept and reject move on by themselves).
PLANS = {
    "accept": ["a"],
    "stance": ["h", "Enter", "j"],                               # hedged, save, next
    "span": ["e", "1", "Shift+ArrowLeft", "Enter", "j"],         # content one word shorter
    "source type": ["Shift+O", "Enter", "j"],                    # organization, save, next
}
NAVIGATES = {"a", "r", "j", "Enter"}


def test_fifty_decisions_by_keyboard(tmp_path):
    from playwright.sync_api import sync_playwright

    db, _ = build_store(tmp_path, articles=many_articles(20))
    app = create_app(ReviewConfig(str(db), "crafted", reviewer="script", threshold=0.95))
    keys: dict[str, list[int]] = {"reject": [], **{k: [] for k in PLANS}}
    expected: dict[tuple[str, int], str] = {}
    with Server(app, free_port()) as srv, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(srv.url + "/")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        turn = 0
        for _ in range(50):
            pos = int(re.search(r"/item/(\d+)", page.url).group(1))
            doc = page.get_attribute("#accept-form input[name=doc]", "value")
            index = int(page.get_attribute("#accept-form input[name=index]", "value"))
            if page.inner_text("#claim-line").startswith("They said"):
                kind = "reject"
                plan = ["r"]
            else:
                kind = list(PLANS)[turn % len(PLANS)]
                plan = PLANS[kind]
                turn += 1
            for key in plan:
                if key in NAVIGATES:
                    with page.expect_navigation():
                        page.keyboard.press(key)
                else:
                    page.keyboard.press(key)
            keys[kind].append(len(plan))
            expected[(doc, index)] = kind
            assert f"/item/{pos + 1}" in page.url or "/done" in page.url
        browser.close()
    assert not errors

    conn = st.open_store(db)
    run = st.get_run(conn, "crafted")
    live = st.latest_decisions(conn, run)
    machine = {(r.doc_id, i): c for r, _ in st.iter_documents(conn, run) for i, c in enumerate(r.claims)}
    assert len(live) == 50 and {k for k in live} == set(expected)
    for k, kind in expected.items():
        d = live[k]
        claim = rv.Claim.model_validate_json(d.claim) if d.claim else None
        if kind in ("accept", "reject"):
            assert d.action == kind
        elif kind == "stance":
            assert d.action == "edit" and claim.stance == "hedged"
        elif kind == "source type":
            assert d.action == "edit" and claim.source.type == "organization"
        else:
            assert d.action == "edit" and claim.content.match == "exact"
            assert claim.content.text.split() == machine[k].content.text.split()[:-1]  # one word shorter
    counted = sum(len(v) for v in keys.values())
    report = {"decisions": counted, "keys": sum(sum(v) for v in keys.values()),
              "by_kind": {k: {"decisions": len(v), "keys_each": v[0] if v else None} for k, v in keys.items()},
              "mean_keys_per_decision": round(statistics.mean(x for v in keys.values() for x in v), 2)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "keyboard-reviewer.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report))
    assert counted == 50 and report["mean_keys_per_decision"] <= 3
