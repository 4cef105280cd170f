"""`extractor show`: one document's claims as a static, self-contained annotated HTML page.

The article is cut into segments at every span boundary of every claim; each segment
says which claims' fields cover it (shown as colour and a tooltip). Autoescaped Jinja,
no scripts, no remote assets: the file can be mailed or opened offline.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..batch import store as st
from ..models import DocumentResult
from .decisions import labelled_spans, segments
from .templating import templates


def find_document(conn: sqlite3.Connection, doc_id: str, run_name: str | None = None) -> tuple[DocumentResult, str | None, str]:
    """The stored result of `doc_id` (from `run_name`, or the newest run holding it), its text and run."""
    sql = """SELECT r.result, d.content_hash, u.name FROM documents d JOIN results r USING (run_id, item_key, doc_id)
             JOIN runs u ON u.id = d.run_id WHERE d.doc_id = ?"""
    args: list = [doc_id]
    if run_name:
        if st.get_run(conn, run_name) is None:
            raise st.StoreError(f"no run named {run_name!r} in this store")
        sql += " AND u.name = ?"
        args.append(run_name)
    row = conn.execute(sql + " ORDER BY u.id DESC LIMIT 1", args).fetchone()
    if row is None:
        raise st.StoreError(f"no document {doc_id!r}" + (f" in run {run_name!r}" if run_name else " in this store"))
    result = DocumentResult.model_validate_json(row[0])
    return result, st.get_text(conn, row[1], result.source_file), row[2]


def render(result: DocumentResult, text: str | None, run_name: str | None = None) -> str:
    spans = [(f"{name}", s, e, n) for n, c in enumerate(result.claims, 1)
             for name, s, e in labelled_spans(c)]
    segs = segments(text, [(f"{lab}:{n}", s, e) for lab, s, e, n in spans], result.span) if text is not None else []
    # "content:3" -> field classes for colour, claim numbers for the tooltip
    pieces = [(sg, sorted({lab.split(":")[0] for lab in sg.labels}), sorted({int(lab.split(":")[1]) for lab in sg.labels}),
               ", ".join(f"claim {lab.split(':')[1]} {lab.split(':')[0]}" for lab in sg.labels)) for sg in segs]
    return templates().get_template("show.html").render(doc=result, pieces=pieces, has_text=text is not None, run=run_name)


def write_show(conn: sqlite3.Connection, doc_id: str, out: str | Path, run_name: str | None = None) -> int:
    result, text, run = find_document(conn, doc_id, run_name)
    Path(out).write_text(render(result, text, run), encoding="utf-8")
    return len(result.claims)
