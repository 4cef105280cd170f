"""Which inputs a run takes and which settings make two runs' answers the same: the shard
of an input, the settings that belong in the cache key, and the up-front check that the
named inputs exist. Shared by the streaming runner and the OpenAI Batch API path."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from ..engines import Engine
from ..engines.llm.endpoint import without_credentials
from ..loading import expand


def parse_shard(text: str) -> tuple[int, int]:
    """'i/N' with 0 <= i < N. Raises ValueError with a message fit for the user."""
    try:
        i_s, n_s = text.split("/")
        i, n = int(i_s), int(n_s)
    except ValueError:
        raise ValueError(f"--shard must look like i/N (e.g. 0/4), got {text!r}") from None
    if n < 1 or not 0 <= i < n:
        raise ValueError(f"--shard {text}: need N >= 1 and 0 <= i < N (shards are numbered from 0)")
    return i, n


def check_inputs(paths: Iterable[str]) -> None:
    """Fail fast (UsageError) on a name that matches nothing, without reading the corpus:
    inputs are streamed later, and a usage error must come before any work."""
    for p in paths:
        next(expand([p]), None)


def shard_of(input_id: str, n: int) -> int:
    """Stable across machines and Python versions (unlike hash())."""
    return int.from_bytes(hashlib.sha256(input_id.encode("utf-8", "surrogatepass")).digest()[:8], "big") % n


def output_settings(engine: Engine, include_unattributed: bool) -> dict[str, Any]:
    """Settings that change what the engine returns: part of the cache key.

    An engine may expose `cache_settings` (a dict, or a method returning one) naming
    them, e.g. temperature or mode; concurrency and limits never belong here.
    """
    extra = getattr(engine, "cache_settings", None)
    if callable(extra):
        extra = extra()
    if extra is None:
        # Engines with a settings object (the LLM engine): the fields that shape answers.
        s = getattr(engine, "settings", None)
        extra = {k: getattr(s, k) for k in OUTPUT_SETTINGS if hasattr(s, k)}
        if extra.get("base_url"):  # same model name on another server may be another model
            extra["base_url"] = without_credentials(str(extra["base_url"]))
    return {"include_unattributed": include_unattributed, **extra}


# LLM settings that change answers. Not here: timeouts, retries, prices, the key.
OUTPUT_SETTINGS = ("base_url", "mode", "temperature", "max_reasks", "context_tokens", "max_output_tokens",
                   "max_length_splits", "cross_check", "prompt")
