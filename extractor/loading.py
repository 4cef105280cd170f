"""Read inputs (files, folders, globs, stdin, JSONL, HTML) into RawInput records.

Reading never raises for a bad document: the record carries an `error` instead, so a
batch goes on and the failure is reported with its reason.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .models import Flag, RawInput

MAX_BYTES = 10 * 1024 * 1024  # bigger than any news article by two orders of magnitude
TEXT_SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".parquet", ".html", ".htm", ""}


class UsageError(Exception):
    """An input the user named does not exist: a usage error (exit 2), not a bad document."""


def _error(input_id: str, source: str | None, code: str, message: str) -> RawInput:
    return RawInput(input_id=input_id, source_file=source, error=Flag(code=code, message=message))


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named directly, found under folders (recursively, sorted) or matched by globs."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and Path(f).suffix.lower() in TEXT_SUFFIXES:
                        yield os.path.join(root, f)
        elif os.path.lexists(p):
            yield p
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise UsageError(f"no such file, folder or glob match: {p}")
            yield from (m for m in matches if os.path.isfile(m))


def decode(data: bytes, input_id: str, source: str | None) -> RawInput:
    if not data.strip():
        return _error(input_id, source, "empty_input", f"{source or input_id}: the input is empty")
    if b"\x00" in data[:8192]:
        return _error(input_id, source, "binary_input", f"{source or input_id}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return _error(
            input_id, source, "not_utf8",
            f"{source or input_id}: not UTF-8 text (invalid byte at position {e.start}); re-encode it as UTF-8",
        )
    return RawInput(input_id=input_id, source_file=source, text=text)


def _html_to_text(html: str) -> str | None:
    import trafilatura  # imported lazily: only HTML input pays for it

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)


def read_file(path: str) -> Iterator[RawInput]:
    input_id = Path(path).name
    try:
        if Path(path).suffix.lower() == ".jsonl":
            # Streamed line by line: a corpus file may hold millions of articles.
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, path)
            return
        if Path(path).suffix.lower() == ".parquet":
            yield from _read_parquet(path)
            return
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            yield _error(
                input_id, path, "too_large",
                f"{path}: {size / 1e6:.1f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit for one input; split it",
            )
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        yield _error(input_id, path, "unreadable", f"{path}: cannot read ({e.strerror or e})")
        return
    suffix = Path(path).suffix.lower()
    raw = decode(data, input_id, path)
    if raw.error or suffix not in {".html", ".htm"}:
        yield raw
        return
    text = _html_to_text(raw.text)
    if not text:
        yield _error(input_id, path, "no_article_text", f"{path}: no article text found in the HTML")
        return
    # Offsets index the extracted article text, which is kept in the output metadata.
    yield RawInput(input_id=input_id, source_file=path, text=text, metadata={"extracted_from": "html"})


def parquet_lines(path: str, row_groups: list[int] | None = None, filesystem: object = None) -> Iterator[bytes]:
    # a block of row groups reads its rows only; its first row's number is the caller's
    """A Parquet file's rows (columns id or doc_id, text, the rest metadata) as JSONL
    lines, read one row group at a time, so they get exactly the checks of a JSONL line."""
    import pyarrow.parquet as pq  # only Parquet input pays for it

    pf = pq.ParquetFile(path, filesystem=filesystem)
    for rg in range(pf.num_row_groups) if row_groups is None else row_groups:
        for row in pf.read_row_group(rg).to_pylist():
            yield json.dumps(row, default=str).encode()


def _read_parquet(path: str) -> Iterator[RawInput]:
    try:
        yield from read_jsonl(parquet_lines(path), path)
    except ImportError:
        yield _error(Path(path).name, path, "unreadable", f"{path}: Parquet input needs pyarrow: pip install 'extractor[parquet]'")
    except Exception as e:  # pyarrow's errors for a broken file are ValueErrors and OSErrors
        yield _error(Path(path).name, path, "bad_parquet", f"{path}: not a readable Parquet file ({e})")


def read_jsonl(lines: Iterable[bytes], path: str, first_line: int = 1) -> Iterator[RawInput]:
    """`first_line`: the number of the first of `lines` in the file, when a worker reads
    one block of a larger file."""
    name = Path(path).name
    for lineno, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        fallback = f"{name}:{lineno}"
        if len(line) > MAX_BYTES:
            yield _error(fallback, path, "too_large", f"{path} line {lineno}: {len(line) / 1e6:.1f} MB is over the "
                         f"{MAX_BYTES / 1e6:.0f} MB limit for one article")
            continue
        try:
            obj = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            yield _error(fallback, path, "bad_jsonl", f"{path} line {lineno}: not valid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            yield _error(fallback, path, "bad_jsonl", f"{path} line {lineno}: expected a JSON object, got {type(obj).__name__}")
            continue
        input_id = str(obj.get("id") or obj.get("doc_id") or fallback)
        text = obj.get("text")
        if not isinstance(text, str):
            yield _error(input_id, path, "bad_jsonl", f"{path} line {lineno}: the object has no string field \"text\"")
            continue
        if not text.strip():
            yield _error(input_id, path, "empty_input", f"{path} line {lineno}: \"text\" is empty")
            continue
        meta = {k: v for k, v in obj.items() if k not in {"id", "doc_id", "text"}}
        yield RawInput(input_id=input_id, source_file=path, text=text, metadata=meta)


def read_inputs(paths: Iterable[str]) -> Iterator[RawInput]:
    """All inputs in order. Raises UsageError only for names that match nothing."""
    for path in expand(paths):
        if path == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip().startswith(b"{"):
                yield from read_jsonl(data.splitlines(), "<stdin>")
            else:
                yield decode(data, "stdin", None)
        else:
            yield from read_file(path)
