"""Shared fixtures for the ledger tests: run stores made by the real offline pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.batch import store as st
from extractor.loading import read_inputs
from extractor.pipeline import process

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Articles we wrote, with publisher and date in their JSONL fields, for the per-publisher
# and per-month figures. The last carries markup that must stay text in the report.
CRAFTED = [
    {"id": "a1", "publisher": "Daily Planet", "date": "2024-03-02",
     "text": "Port Strike Ends\n\nThe dock workers' union said on Monday that the strike was over.\n\n"
             "\"We have a deal,\" said union leader Maria Lopez.\n\n"
             "Lopez told reporters that wages would rise by five percent.\n\n"
             "Officials familiar with the talks said the government had offered a bonus.\n"},
    {"id": "a2", "publisher": "Daily Planet", "date": "2024-04-11",
     "text": "Talks Stall Again\n\nSenior government sources said the talks had stalled.\n\n"
             "Two diplomats told Reuters that a new round was unlikely before May.\n\n"
             "Maria Lopez denied that the union had walked out.\n"},
    {"id": "a3", "publisher": "Evening Star", "date": "2024-04-20",
     "text": "Harbour <b>Reopens</b>\n\nThe port authority said the harbour had reopened <script>alert(1)</script> on Friday.\n\n"
             "\"Ships are moving,\" said harbour master Tom Okafor.\n"},
]


def record_inputs(db: Path, run_name: str, inputs: list[str]) -> Path:
    """Read `inputs` like `extractor extract` does and record them in a new run of `db`."""
    from extractor.engines import get_engine

    engine = get_engine("offline")
    conn = st.open_store(db)
    run = st.start_run(conn, run_name, engine.name, engine.model, engine.prompt_version)
    for n, raw in enumerate(read_inputs(inputs)):
        item = st.make_item(raw.input_id, raw.source_file, raw.text, n)
        st.record_item(conn, run, item, process(raw, engine))
    st.finish_run(conn, run)
    conn.close()
    return db


def seeds_store(tmp: Path) -> Path:
    return record_inputs(tmp / "seeds.db", "seeds", [str(SEEDS)])


def crafted_store(tmp: Path) -> Path:
    path = tmp / "crafted.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in CRAFTED), encoding="utf-8")
    return record_inputs(tmp / "crafted.db", "crafted", [str(path)])
