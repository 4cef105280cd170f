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


def build_store(tmp: Path, run_name: str = "crafted") -> tuple[Path, Path]:
    """Write the articles to tmp/texts, run the offline pipeline, record a run. Returns (db, texts dir)."""
    from extractor.engines import get_engine

    texts = tmp / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    db = tmp / "review.db"
    engine = get_engine("offline")
    conn = st.open_store(db)
    run = st.start_run(conn, run_name, engine.name, engine.model, engine.prompt_version)
    for n, (name, text) in enumerate(ARTICLES.items()):
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
