"""What a model's tokens cost, from a price table users can extend in the config file.

Prices are USD per one million tokens (prompt, completion), the unit providers publish.
A model not in the table (a local server) costs nothing; a dated snapshot name such as
"gpt-4o-mini-2024-07-18" is priced by its longest listed prefix.
"""

from __future__ import annotations

from collections.abc import Mapping

# (prompt, completion) USD per 1M tokens, as published by OpenAI; override in config.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
}


def price_of(model: str | None, prices: Mapping[str, tuple[float, float]] | None = None) -> tuple[float, float]:
    table = DEFAULT_PRICES if prices is None else prices
    if not model:
        return (0.0, 0.0)
    if model in table:
        return tuple(table[model])  # type: ignore[return-value]
    # Longest prefix wins so "gpt-4o-mini-2024-07-18" is not priced as "gpt-4o".
    for name in sorted(table, key=len, reverse=True):
        if model.startswith(name):
            return tuple(table[name])  # type: ignore[return-value]
    return (0.0, 0.0)


def cost_usd(model: str | None, prompt_tokens: int, completion_tokens: int,
             prices: Mapping[str, tuple[float, float]] | None = None) -> float:
    p_in, p_out = price_of(model, prices)
    return round((prompt_tokens * p_in + completion_tokens * p_out) / 1_000_000, 8)
