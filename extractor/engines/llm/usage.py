"""Counting what a document cost: requests, tokens and re-asks of every attempt.

One `Meter` per document collects the counts from both request paths (instructor's
hooks; the direct path's JSON completions) and from the retry policy, which finds the
document's meter through `current_meter` because one retry wrapper serves every
document. `usage_of` turns the counts into the output's `Usage`, priced by `pricing`.
"""

from __future__ import annotations

import contextvars
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from instructor.core import Hooks

from ...models import Usage
from .pricing import cost_usd


@dataclass
class Meter:
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    parse_errors: int = 0
    transport_retries: int = 0

    def on_response(self, response: Any) -> None:
        self.requests += 1
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)

    def on_data(self, data: dict[str, Any]) -> None:
        """The same count, from a completion still in its JSON form."""
        self.requests += 1
        usage = data.get("usage") or {}
        self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        self.completion_tokens += int(usage.get("completion_tokens") or 0)

    def on_parse_error(self, *args: Any, **kwargs: Any) -> None:
        self.parse_errors += 1

    def hooks(self) -> Hooks:
        h = Hooks()
        h.on("completion:response", self.on_response)
        h.on("parse:error", self.on_parse_error)
        return h


# The transport retry wrapper is shared by all documents; it finds the current
# document's meter here (each thread and asyncio task sees its own).
current_meter: contextvars.ContextVar[Meter | None] = contextvars.ContextVar("extractor_llm_meter", default=None)


def usage_of(meter: Meter, model: str | None, prices: Mapping[str, tuple[float, float]] | None) -> Usage:
    return Usage(
        requests=meter.requests,
        prompt_tokens=meter.prompt_tokens,
        completion_tokens=meter.completion_tokens,
        cost_usd=cost_usd(model, meter.prompt_tokens, meter.completion_tokens, prices),
    )
