"""Engines read one article and propose claims. They never decide offsets' truth:
grounding does. An engine is found by name with `get_engine`."""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, Field

from ..models import Article, Claim, Flag, Usage


class EngineOutput(BaseModel):
    claims: list[Claim] = Field(default_factory=list)
    usage: Usage | None = None
    errors: list[Flag] = Field(default_factory=list)


class Engine(Protocol):
    name: str
    model: str | None
    prompt_version: str | None

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput: ...


def get_engine(name: str, **settings: Any) -> Engine:
    if name == "offline":
        from .offline import OfflineEngine

        return OfflineEngine()
    if name == "llm":
        from .llm import LLMEngine

        return LLMEngine(**settings)
    raise ValueError(f"unknown engine {name!r}: choose 'offline' or 'llm'")
