"""Shared fixtures for the review tests: a run store made by the real offline pipeline."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from extractor.batch import store as st
from extractor.loading import decode
from extractor.pipeline import process

# Small crafted articles (ours, no publisher text). The second carries markup that must
# render as text in the review UI.
ARTICLES = {
    "budget.txt": (
        "City Council Delays Budget Vote\n\n"
        "The city council postponed its budget vote on Monday after a heated session.\n\n"
        "\"We need more time to study the numbers,\" said council member Maria Lopez, who chairs the finance committee.\n\n"
        "Mayor John Carter told reporters that the delay could cost the city millions of dollars.\n\n"
        "According to officials familiar with the talks, the vote may be rescheduled for next week.\n\n"
        "The police union said in a statement that it opposed any cuts to public safety.\n"
    ),
    "markup.txt": (
        "Hackers Target Newsroom\n\n"
        "A security researcher said the attackers planted <script>window.__pwned = 1</script> in a comment field.\n\n"
        "The company said that no customer data <b>was</b> taken, according to its spokesperson.\n"
    ),
}


PEOPLE = ["Maria Lopez", "John Carter", "Ana Silva", "Peter Novak", "Grace Okafor", "Liam Brennan", "Sara Haddad",
          "Tom Becker", "Nina Petrova", "Omar Aziz", "Julia Weiss", "Ken Sato"]
TOPICS = ["the bridge repairs", "the school budget", "the water contract", "the new stadium", "the bus routes",
          "the housing plan", "the library hours", "the tax refund"]


def many_articles(n: int) -> dict[str, str]:
    """n small articles we wrote from templates, three or four claims each, some with a
    pronoun source the engine cannot resolve (the look-alike junk bulk reject is for)."""
    out = {}
    for i in range(n):
        a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 5) % len(PEOPLE)]
        topic, other = TOPICS[i % len(TOPICS)], TOPICS[(i + 3) % len(TOPICS)]
        out[f"town{i:02d}.txt"] = (
            f"Council Weighs {topic.title()}\n\n"
            f"The council met on Tuesday to discuss {topic}.\n\n"
            f"\"We cannot wait another year for {topic},\" said council member {a}, who leads the committee.\n\n"
            f"{b} told reporters that {other} might be delayed until spring.\n\n"
            f"They said the vote on {topic} was postponed.\n\n"
            f"According to officials familiar with the talks, the cost of {other} may rise.\n"
        )
    return out


def build_store(tmp: Path, run_name: str = "crafted", articles: dict[str, str] | None = None) -> tuple[Path, Path]:
    """Write the articles to tmp/texts, run the offline pipeline, record a run. Returns (db, texts dir)."""
    from extractor.engines import get_engine

    texts = tmp / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    db = tmp / "review.db"
    engine = get_engine("offline")
    conn = st.open_store(db)
    run = st.start_run(conn, run_name, engine.name, engine.model, engine.prompt_version)
    for n, (name, text) in enumerate((articles or ARTICLES).items()):
        path = texts / name
        path.write_text(text, encoding="utf-8")
        raw = decode(path.read_bytes(), name, str(path))
        item = st.make_item(raw.input_id, raw.source_file, raw.text, n)
        st.record_item(conn, run, item, process(raw, engine))
    conn.close()
    return db, texts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread, for the browser tests."""

    def __init__(self, app, port: int):
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("review server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def chromium():
    """Debian's headless Chromium through Playwright (its own browser download cannot work
    here); browser tests make it a fixture: `browser = pytest.fixture(scope="module")(chromium)`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def long_article(paragraphs: int = 120) -> str:
    """A long article whose only attributed claim sits far below the first screen."""
    filler = "".join(f"On day {n} the weather on the coast was mild and dry for the season.\n\n"
                     for n in range(paragraphs))
    return ("Coast Report\n\n" + filler + "Harbour master Elena Ruiz said the port would reopen on Friday.\n\n"
            + "The ferry company said that tickets would be refunded.\n\n" + "".join(f"In week {n} the tides stayed calm near the old lighthouse.\n\n" for n in range(paragraphs // 3)))
