"""Export a stored run: CSV and Parquet (one row per claim) or JSONL (one line per document).

Everything streams from the store in input order, so exporting a million documents
needs no more memory than exporting ten. The CSV is made for spreadsheets: UTF-8 with
a byte-order mark (Excel otherwise guesses a legacy code page), every field quoted as
needed, and text cells that a spreadsheet would run as a formula (= + - @, tab, CR at
the start) prefixed with an apostrophe. The offsets columns still point at the raw
text, so the original string is always recoverable; Parquet and JSONL are not altered.

Every file is written beside its destination and renamed over it when complete, so a
kill or a full disk mid-export leaves the previous file whole, never a partial last line.
`write_view` is how `extract -o` keeps its file a view of the whole run.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..models import DocumentResult, Span
from . import store as st

FORMATS = ("csv", "jsonl", "parquet")

COLUMNS: list[tuple[str, str]] = [  # (name, parquet type)
    ("run", "string"), ("doc_id", "string"), ("input_id", "string"), ("source_file", "string"),
    ("claim_no", "int32"), ("claim", "string"),
    ("source_name", "string"), ("source_type", "string"), ("source_descriptor", "string"), ("source_role", "string"),
    ("source_mention", "string"), ("source_start", "int64"), ("source_end", "int64"),
    ("cue", "string"), ("cue_start", "int64"), ("cue_end", "int64"),
    ("quote", "string"), ("quote_start", "int64"), ("quote_end", "int64"), ("quote_match", "string"),
    ("content", "string"), ("content_start", "int64"), ("content_end", "int64"), ("content_match", "string"),
    ("via", "string"), ("stance", "string"), ("confidence", "float64"), ("flags", "string"),
]
NAMES = [c for c, _ in COLUMNS]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _span(prefix: str, span: Span | None, with_match: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        prefix: span.text if span else None,
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }
    if with_match:
        out[f"{prefix}_match"] = span.match if span else None
    return out


def claim_rows(doc: DocumentResult, run: str = "") -> Iterator[dict[str, Any]]:
    """Flatten one document into one dict per claim (columns as in COLUMNS)."""
    for n, c in enumerate(doc.claims, 1):
        src = c.source
        row: dict[str, Any] = {
            "run": run, "doc_id": doc.doc_id, "input_id": doc.input_id, "source_file": doc.source_file,
            "claim_no": n, "claim": c.claim,
            "source_name": src.name, "source_type": src.type, "source_descriptor": src.descriptor, "source_role": src.role,
            "source_mention": src.mention.text if src.mention else None,
            "source_start": src.mention.start if src.mention else None,
            "source_end": src.mention.end if src.mention else None,
            **_span("cue", c.cue), **_span("quote", c.quote, True), **_span("content", c.content, True),
            "via": "; ".join(r.name or (r.mention.text if r.mention else "") for r in c.via) or None,
            "stance": c.stance, "confidence": c.confidence,
            "flags": "; ".join(f.code for f in c.flags) or None,
        }
        yield row


def guard_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (OWASP CSV injection advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@contextmanager
def atomic_path(path: str) -> Iterator[str]:
    """A temporary path beside `path`, renamed over it on success, removed on failure.
    A special file (/dev/stdout, a FIFO) is written directly: it cannot be replaced."""
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        special = False
    if special:
        yield path
        return
    folder, name = os.path.split(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())  # the rename must not outrun the data on a power cut
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_view(conn: sqlite3.Connection, run: st.Run, path: str | os.PathLike[str]) -> int:
    """The -o file of `extract`: every document of the run once, in input order, written whole."""
    return write_jsonl(st.iter_results(conn, run), os.fspath(path))


def write_csv(docs: Iterable[DocumentResult], path: str, run: str = "") -> int:
    with atomic_path(path) as tmp:
        return _write_csv(docs, tmp, run)


def _write_csv(docs: Iterable[DocumentResult], path: str, run: str) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(NAMES)
        for doc in docs:
            for row in claim_rows(doc, run):
                w.writerow(["" if row[k] is None else guard_cell(row[k]) for k in NAMES])
                rows += 1
    return rows


def write_jsonl(docs: Iterable[DocumentResult], path: str) -> int:
    n = 0
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(doc.model_dump_json() + "\n")
            n += 1
    return n


def write_parquet(docs: Iterable[DocumentResult], path: str, run: str = "", batch_rows: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, typ)()) for name, typ in COLUMNS])
    rows = 0
    buf: list[dict[str, Any]] = []
    with atomic_path(path) as tmp, pq.ParquetWriter(tmp, schema) as writer:
        def flush() -> None:
            if buf:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                buf.clear()

        for doc in docs:
            for row in claim_rows(doc, run):
                buf.append(row)
                rows += 1
                if len(buf) >= batch_rows:
                    flush()
        flush()
    return rows


def export_run(conn: sqlite3.Connection, run_name: str, fmt: str, path: str | os.PathLike[str]) -> int:
    """Write a stored run to `path`. Returns rows (claims) for csv/parquet, documents for jsonl."""
    if fmt not in FORMATS:
        raise st.StoreError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    run = st.get_run(conn, run_name)
    if run is None:
        names = [s.run.name for s in st.list_runs(conn)]
        hint = f"; runs in this store: {', '.join(names[-5:])}" if names else "; the store has no runs"
        raise st.StoreError(f"no run named {run_name!r}{hint}")
    docs = st.iter_results(conn, run)
    path = os.fspath(path)
    if fmt == "csv":
        return write_csv(docs, path, run.name)
    if fmt == "jsonl":
        return write_jsonl(docs, path)
    return write_parquet(docs, path, run.name)
