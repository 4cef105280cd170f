"""What every engine is and returns. It lives below the registry (`engines/__init__`) so
that engines can import it without importing the registry that imports them."""

from __future__ import annotations

from typing import Protocol

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
