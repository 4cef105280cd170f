"""Read inputs (files, folders, globs, stdin, JSONL, HTML) into RawInput records.

Reading never raises for a bad document: the record carries an `error` instead, so a
batch goes on and the failure is reported with its reason (`file:line: ...` for a JSONL
line). That holds all the way down: a line that cannot be decoded, parsed or written back
as UTF-8 JSON (lone surrogates, 5,000-digit numbers, nesting 1,000 deep) is that line's
error here, so no later stage (the store, the output) meets it and a resume never re-dies.

Text encodings: UTF-8 (a leading byte-order mark is dropped) and UTF-16 with a BOM. Offsets
always index the decoded text without its BOM, in code points.

Identity: two inputs may carry the same id (two JSONL files both numbering 1..N, two
`article.txt` in different folders). `Identities` gives the later ones a key made of the
input's path and its id, so no two documents of a run share a `doc_id`.
"""

from __future__ import annotations

import glob
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pydantic_core

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


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes, input_id: str, source: str | None) -> RawInput:
    """Bytes to text: UTF-8, or UTF-8/UTF-16 after a byte-order mark (dropped: offsets index the text after it)."""
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], enc
            break
    name = source or input_id
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        return _error(input_id, source, "binary_input", f"{name}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        label = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
        return _error(input_id, source, "not_utf8",
                      f"{name}: not {label} text (invalid byte at position {e.start}); re-encode it as UTF-8")
    if not text.strip():
        return _error(input_id, source, "empty_input", f"{name}: the input is empty")
    return RawInput(input_id=input_id, source_file=source, text=text)


def _html_to_text(html: str) -> str | None:
    import trafilatura  # imported lazily: only HTML input pays for it

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)


def _special(path: str) -> str | None:
    """What a path is if not a regular file: reading a FIFO or a device would block or never end."""
    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))
    return next((k for test, k in kinds if test(mode)), "not a regular file")


def read_file(path: str) -> Iterator[RawInput]:
    input_id = Path(path).name
    try:
        kind = _special(path)
        if kind:
            yield _error(input_id, path, "special_file", f"{path}: {kind}, not a regular file; skipped")
            return
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
    # Offsets index the extracted article text, which is kept in the output metadata; the
    # page's publisher and date go with it for the source ledger (`htmlmeta`).
    from .htmlmeta import html_metadata

    meta = {"extracted_from": "html", **html_metadata(raw.text)}
    yield RawInput(input_id=input_id, source_file=path, text=text, metadata=meta)


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


def _jsonl_line(line: bytes, path: str, lineno: int, name: str) -> RawInput:
    """One JSONL line to a record; anything wrong with it is this line's error, `path:lineno: ...`."""
    where, fallback = f"{path}:{lineno}", f"{name}:{lineno}"
    if len(line) > MAX_BYTES:
        return _error(fallback, path, "too_large",
                      f"{where}: {len(line) / 1e6:.1f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit for one article")
    try:
        obj = json.loads(line)
    except RecursionError:
        return _error(fallback, path, "bad_jsonl", f"{where}: JSON nested too deeply to read")
    except ValueError as e:  # bad JSON, bad UTF-8, numbers over Python's digit limit
        return _error(fallback, path, "bad_jsonl", f"{where}: not valid JSON ({e})")
    if not isinstance(obj, dict):
        return _error(fallback, path, "bad_jsonl", f"{where}: expected a JSON object, got {type(obj).__name__}")
    input_id = obj.get("id") or obj.get("doc_id") or fallback
    if isinstance(input_id, (int, float)) and not isinstance(input_id, bool):
        input_id = str(input_id)
    input_id = input_id if isinstance(input_id, str) else fallback
    if len(input_id) > 1000:
        input_id = fallback
    text = obj.get("text")
    if not isinstance(text, str):
        return _error(input_id, path, "bad_jsonl", f"{where}: the object has no string field \"text\"")
    if not text.strip():
        return _error(input_id, path, "empty_input", f"{where}: \"text\" is empty")
    try:  # what is read must be writable back as UTF-8 JSON: the store and -o do exactly that
        pydantic_core.to_json(obj)
    except (ValueError, RecursionError, pydantic_core.PydanticSerializationError) as e:
        reason = "a lone surrogate (an unpaired \\ud800-\\udfff escape)" if "surrogate" in str(e) else str(e).split("\n")[0]
        return _error(fallback, path, "bad_jsonl", f"{where}: cannot be written back as UTF-8 JSON: {reason}")
    meta = {k: v for k, v in obj.items() if k not in {"id", "doc_id", "text"}}
    return RawInput(input_id=input_id, source_file=path, text=text, metadata=meta)


def read_jsonl(lines: Iterable[bytes], path: str, first_line: int = 1) -> Iterator[RawInput]:
    """`first_line`: the number of the first of `lines` in the file, when a worker reads
    one block of a larger file."""
    name = Path(path).name
    for lineno, line in enumerate(lines, first_line):
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if line.strip():
            yield _jsonl_line(line, path, lineno, name)


class Identities:
    """Gives every input of a run a distinct input_id, stable for the same inputs in the same order.

    The first input with an id keeps it; a later one with the same id gets `<path>:<id>`
    (`<path>:<id>:2`, `:3`, ... for an id repeated inside one file). `collisions` counts them and
    `first` names the first, so the caller reports it once."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.collisions = 0
        self.first: tuple[str, str] | None = None  # (id, the key it got)

    def __call__(self, raw: RawInput) -> RawInput:
        key = raw.input_id
        if key in self.seen:
            base = key = f"{raw.source_file or 'stdin'}:{raw.input_id}"
            n = 1
            while key in self.seen:
                n += 1
                key = f"{base}:{n}"
            self.collisions += 1
            self.first = self.first or (raw.input_id, key)
            raw = raw.model_copy(update={"input_id": key})
        self.seen.add(key)
        return raw


def _read_path(path: str) -> Iterator[RawInput]:
    if path == "-":
        data = sys.stdin.buffer.read()
        if data.lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"{"):
            yield from read_jsonl(data.splitlines(), "<stdin>")
        else:
            yield decode(data, "stdin", None)
    else:
        yield from read_file(path)


def read_inputs(paths: Iterable[str], identities: Identities | None = None) -> Iterator[RawInput]:
    """All inputs in order, each with an input_id no earlier one has (see `Identities`).
    Raises UsageError only for names that match nothing."""
    ids = identities if identities is not None else Identities()
    for path in expand(paths):
        for raw in _read_path(path):
            yield ids(raw)
