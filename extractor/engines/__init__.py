"""Engines read one article and propose claims. They never decide offsets' truth:
grounding does. An engine is found by name with `get_engine`."""

from __future__ import annotations

from typing import Any

from .base import Engine, EngineOutput

__all__ = ["Engine", "EngineOutput", "get_engine"]


def get_engine(name: str, **settings: Any) -> Engine:
    if name == "offline":
        from .offline import OfflineEngine

        return OfflineEngine()
    if name == "llm":
        from .llm import LLMEngine

        return LLMEngine(**settings)
    raise ValueError(f"unknown engine {name!r}: choose 'offline' or 'llm'")
