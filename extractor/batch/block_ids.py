"""The local runner's input ids for a corpus split into blocks (the Ray executor).

Why: two inputs may carry the same id (two JSONL files both numbering 1..N). The local
runner reads the corpus in order through `loading.Identities`, which gives every later
one `<path>:<id>`; a block read alone by its worker cannot know what earlier blocks
held. So the driver runs the same `Identities` over the blocks in corpus order, before
any block is scheduled, and each block carries the few ids that differ from what its
worker reads (`renames`: position in the block -> id). Nearly every corpus has none, so
descriptors stay small; a block that has some gets a digest that covers them, so its
shard is redone if an earlier block's change alters its ids.

The cost: the driver reads each block's ids once. Files of a folder are named by their
path (nothing is read); JSONL and Parquet inputs are read and parsed (the planning pass
already reads every JSONL line on the driver).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..loading import Identities
from ..models import RawInput

_READ_BY_NAME = {".jsonl", ".parquet"}  # in a "files" block these are read to learn their ids


def _raw_ids(block: dict[str, Any]) -> Iterator[tuple[str | None, str]]:
    """(source_file, input_id) of each input of `block`, as its worker will read them."""
    from . import shards

    if block["kind"] == "files" and not any(Path(p.split("?")[0]).suffix.lower() in _READ_BY_NAME for p in block["paths"]):
        for path in block["paths"]:  # `loading.read_file`: one input per file, named by it
            yield path, Path(path.split("?")[0]).name
        return
    for raw in shards.block_inputs(block):
        yield raw.source_file, raw.input_id


def with_run_ids(blocks: Iterable[dict[str, Any]], ids: Identities | None = None) -> Iterator[dict[str, Any]]:
    """The blocks again, each with `renames` where `Identities` over the whole corpus
    gives an input another id than its own (and then a digest covering them)."""
    ids = ids if ids is not None else Identities()
    for block in blocks:
        renames: dict[str, str] = {}
        for i, (source, input_id) in enumerate(_raw_ids(block)):
            key = ids(RawInput(input_id=input_id, source_file=source, text="")).input_id
            if key != input_id:
                renames[str(i)] = key
        if renames:
            block = {**block, "renames": renames}
            body = {k: v for k, v in block.items() if k not in {"k", "digest"}}
            block["digest"] = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:12]
        yield block


def renamed(inputs: Iterable[RawInput], block: dict[str, Any]) -> Iterator[RawInput]:
    """A block's inputs under their run-wide ids (the worker's side of `with_run_ids`)."""
    renames = block.get("renames") or {}
    for i, raw in enumerate(inputs):
        new = renames.get(str(i))
        yield raw.model_copy(update={"input_id": new}) if new else raw
