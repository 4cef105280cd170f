"""Blocks of a corpus and the output shards written for them, for the Ray executor.

Why blocks: a cluster must not ship a million articles through its driver, and a lost
worker must redo a known piece of work. The driver only plans *descriptors* (a few file
names, or a byte range of a JSONL file, or row groups of a Parquet file); the worker
that takes a block reads its inputs itself, where they are (a shared folder, or an
object store through pyarrow filesystems), and writes exactly one shard for it.

Why the names: a block's shard is `part-<k>-<digest>.<fmt>`, `k` its place in the
corpus and `digest` a hash of what it covers, written to a temporary name and renamed.
A re-run of a block (a retry after a lost worker, or a run without --resume) replaces
its file, never adds a second one, and `--resume` skips every block whose file exists.
Each shard holds today's output contract, one record per article: JSONL lines, or
Parquet rows whose `result` column is that same JSON object.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..loading import decode, expand, parquet_lines, read_file, read_inputs, read_jsonl
from ..models import DocumentResult, RawInput

SHARD = re.compile(r"^part-(\d{6,})-([0-9a-f]{12})\.(parquet|jsonl)$")
FORMATS = ("parquet", "jsonl")


def is_uri(path: str) -> bool:
    return "://" in path


def _fs(path: str) -> tuple[Any, str]:
    from pyarrow import fs

    return fs.FileSystem.from_uri(path)


def _uri_files(uri: str) -> list[str]:
    """The files under an object-store (or file://) URI, sorted, as URIs again."""
    from pyarrow import fs

    filesystem, root = _fs(uri)
    info = filesystem.get_file_info(root)
    if info.type == fs.FileType.NotFound:
        from ..loading import UsageError

        raise UsageError(f"no such file or folder: {uri}")
    if info.type == fs.FileType.File:
        return [uri]
    prefix = uri[: uri.index("://") + 3]
    found = filesystem.get_file_info(fs.FileSelector(root, recursive=True))
    return sorted(prefix + f.path for f in found if f.type == fs.FileType.File and not f.base_name.startswith("."))


def _suffix(path: str) -> str:
    return Path(path.split("?")[0]).suffix.lower()


def _jsonl_blocks(path: str, size: int) -> Iterator[dict[str, Any]]:
    """Byte ranges of `size` lines each: one pass over the file, nothing kept."""
    offset, start, first, count, lineno = 0, 0, 1, 0, 0
    with _open(path) as fh:
        for line in fh:
            lineno += 1
            count += 1
            offset += len(line)
            if count == size:
                yield {"kind": "jsonl", "path": path, "offset": start, "length": offset - start, "line": first}
                start, first, count = offset, lineno + 1, 0
    if count:
        yield {"kind": "jsonl", "path": path, "offset": start, "length": offset - start, "line": first}


def _parquet_blocks(path: str, size: int) -> Iterator[dict[str, Any]]:
    """Row groups, gathered until a block holds about `size` rows."""
    import pyarrow.parquet as pq

    filesystem, where = _fs(path) if is_uri(path) else (None, path)
    try:
        meta = pq.ParquetFile(where, filesystem=filesystem).metadata
    except Exception:  # a broken file: its worker records the failure, as the local reader does
        yield {"kind": "files", "paths": [path]}
        return
    groups: list[int] = []
    rows, first = 0, 1  # `first`: the block's first row, numbered as the local reader numbers it
    for rg in range(meta.num_row_groups):
        groups.append(rg)
        rows += meta.row_group(rg).num_rows
        if rows >= size:
            yield {"kind": "parquet", "path": path, "row_groups": groups, "line": first}
            groups, first, rows = [], first + rows, 0
    if groups:
        yield {"kind": "parquet", "path": path, "row_groups": groups, "line": first}


def plan_blocks(paths: list[str], size: int) -> Iterator[dict[str, Any]]:
    """Descriptors of blocks of about `size` inputs, in corpus order; each gets its number
    `k` and a digest of what it covers. Raises UsageError for a name that matches nothing."""
    def raw() -> Iterator[dict[str, Any]]:
        files: list[str] = []
        for p in paths:
            for path in (_uri_files(p) if is_uri(p) else expand([p])):
                suffix = _suffix(path)
                if path == "-" or suffix in {".jsonl", ".parquet"}:
                    if files:
                        yield {"kind": "files", "paths": files}
                        files = []
                if path == "-":  # stdin cannot be read by a worker: it travels with the block
                    inputs = [r.model_dump(mode="json") for r in read_inputs(["-"])]
                    for i in range(0, len(inputs), size):
                        yield {"kind": "inline", "inputs": inputs[i:i + size]}
                elif suffix == ".jsonl":
                    yield from _jsonl_blocks(path, size)
                elif suffix == ".parquet":
                    yield from _parquet_blocks(path, size)
                else:
                    files.append(path)
                    if len(files) == size:
                        yield {"kind": "files", "paths": files}
                        files = []
        if files:
            yield {"kind": "files", "paths": files}

    for k, block in enumerate(raw()):
        digest = hashlib.sha256(json.dumps(block, sort_keys=True).encode()).hexdigest()[:12]
        yield {**block, "k": k, "digest": digest}


def _open(path: str) -> Any:
    if is_uri(path):
        filesystem, where = _fs(path)
        return filesystem.open_input_stream(where)
    return open(path, "rb")


def _uri_file(path: str) -> Iterator[RawInput]:
    """A text file in an object store: the same checks as a local one."""
    name = Path(path.split("?")[0]).name
    try:
        with _open(path) as fh:
            data = fh.read()
    except OSError as e:
        yield RawInput(input_id=name, source_file=path, error={"code": "unreadable", "message": f"{path}: cannot read ({e})"})
        return
    yield decode(data, name, path)


def block_inputs(block: dict[str, Any]) -> Iterator[RawInput]:
    """The inputs of one block, read by the worker that processes it."""
    kind = block["kind"]
    if kind == "inline":
        yield from (RawInput.model_validate(r) for r in block["inputs"])
    elif kind == "files":
        for path in block["paths"]:
            yield from (_uri_file(path) if is_uri(path) else read_file(path))
    elif kind == "jsonl":
        with _open(block["path"]) as fh:
            if hasattr(fh, "seek"):
                fh.seek(block["offset"])
            else:  # a stream without seek (some object stores): skip to the range
                fh.read(block["offset"])
            data = fh.read(block["length"])
        yield from read_jsonl(data.splitlines(keepends=True), block["path"], first_line=block["line"])
    elif kind == "parquet":
        path = block["path"]
        filesystem, where = _fs(path) if is_uri(path) else (None, path)
        yield from read_jsonl(parquet_lines(where, block["row_groups"], filesystem), path, first_line=block["line"])
    else:
        raise ValueError(f"unknown block kind {kind!r}")


# ---- shards ----


def shard_name(block: dict[str, Any], fmt: str) -> str:
    return f"part-{block['k']:06d}-{block['digest']}.{fmt}"


def out_fs(out_dir: str) -> tuple[Any, str]:
    """The output folder as a pyarrow filesystem and a path in it (created if missing)."""
    from pyarrow import fs

    filesystem, root = _fs(out_dir) if is_uri(out_dir) else (fs.LocalFileSystem(), os.path.abspath(out_dir))
    filesystem.create_dir(root, recursive=True)
    return filesystem, root


def write_shard(out_dir: str, block: dict[str, Any], docs: list[DocumentResult], fmt: str,
                texts: dict[tuple[str | None, str], str] | None = None) -> str:
    """Write one block's results under a temporary name, then rename: a reader (or a
    resumed driver) sees the whole shard or none of it. A Parquet shard also keeps each
    input's raw text (`texts`, by source and input id) on its first article's row, so
    `extractor import` gives the review UI the text the offsets index."""
    filesystem, root = out_fs(out_dir)
    name = shard_name(block, fmt)
    tmp = f"{root}/.tmp-{name}-{uuid.uuid4().hex[:8]}"
    lines = [d.model_dump_json() for d in docs]
    if fmt == "jsonl":
        with filesystem.open_output_stream(tmp) as fh:
            fh.write("".join(line + "\n" for line in lines).encode("utf-8"))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({
            "doc_id": pa.array([d.doc_id for d in docs], pa.string()),
            "input_id": pa.array([d.input_id for d in docs], pa.string()),
            "source_file": pa.array([d.source_file for d in docs], pa.string()),
            "claims": pa.array([len(d.claims) for d in docs], pa.int32()),
            "failed": pa.array([bool(d.failed) for d in docs], pa.bool_()),
            "result": pa.array(lines, pa.string()),  # the output contract, one JSON object per article
        })
        seen: set[tuple[str | None, str]] = set()
        column = []
        for d in docs:
            key = (d.source_file, d.input_id)
            column.append(None if key in seen else (texts or {}).get(key))
            seen.add(key)
        table = table.append_column("text", pa.array(column, pa.string()))
        pq.write_table(table, tmp, filesystem=filesystem)
    filesystem.move(tmp, f"{root}/{name}")
    return name


def written_shards(out_dir: str) -> set[str]:
    """The names of the shards complete in `out_dir`."""
    from pyarrow import fs

    filesystem, root = out_fs(out_dir)
    return {f.base_name for f in filesystem.get_file_info(fs.FileSelector(root)) if SHARD.match(f.base_name)}


def read_shards(out_dir: str) -> Iterator[DocumentResult]:
    """Every document of the shards in `out_dir`, in block order (corpus order)."""
    for doc, _ in read_shards_with_text(out_dir):
        yield doc


def read_shards_with_text(out_dir: str) -> Iterator[tuple[DocumentResult, str | None]]:
    """Documents with their input's raw text where the shard has it (Parquet: on the
    first article of each input; JSONL shards are the bare output contract)."""
    filesystem, root = out_fs(out_dir)
    for name in sorted(written_shards(out_dir), key=lambda n: int(SHARD.match(n).group(1))):  # type: ignore[union-attr]
        path = f"{root}/{name}"
        if name.endswith(".jsonl"):
            with filesystem.open_input_stream(path) as fh:
                for line in fh.read().decode("utf-8").splitlines():
                    if line.strip():
                        yield DocumentResult.model_validate_json(line), None
        else:
            import pyarrow.parquet as pq

            table = pq.read_table(path, columns=["result", "text"], filesystem=filesystem)
            for result, text in zip(table.column("result").to_pylist(), table.column("text").to_pylist()):
                yield DocumentResult.model_validate_json(result), text


def remove_stale(out_dir: str, keep: set[str]) -> int:
    """After a complete run: drop shards of blocks that are no longer in the corpus plan
    (the corpus changed), and temporary files a killed worker left behind."""
    from pyarrow import fs

    filesystem, root = out_fs(out_dir)
    removed = 0
    for f in filesystem.get_file_info(fs.FileSelector(root)):
        if (SHARD.match(f.base_name) and f.base_name not in keep) or f.base_name.startswith(".tmp-part-"):
            filesystem.delete_file(f.path)
            removed += 1
    return removed
