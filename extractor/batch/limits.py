"""What a model server sees from a batch: at most `concurrency` requests in flight, at
most `rpm` requests and `tpm` tokens a minute.

Rates are taken per document, before its engine call (a document waiting for its turn
is not yet on the clock of its timeout). Concurrency can be held per HTTP request
instead (`RequestGate`, for engines that take it): a document whose answer is being
validated and grounded, or that waits out a backoff after a 429, then no longer
occupies a slot, and the runner can keep documents ready (request built) behind the
gate, so the next request leaves the moment a response is read and the server stays
at `concurrency` in flight.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiolimiter import AsyncLimiter

# Room an answer takes beside the prompt, for the tokens-per-minute estimate.
ANSWER_TOKENS = 1000

# The runner's timeout behind an engine that keeps its own (grounding the answered
# chunks runs after the engine's timeout fires).
BACKSTOP, BACKSTOP_SECONDS = 1.25, 30.0


def per_minute(rate: float, bucket: float) -> AsyncLimiter:
    """A limiter of `rate` per minute that allows bursts of about one second's worth
    (at least `bucket`), not a whole minute's: providers enforce limits over short
    windows too, so a 500-request opening burst would only buy 429s."""
    size = min(rate, max(bucket, rate / 60))
    return AsyncLimiter(size, 60 * size / rate)


class RateLimits:
    def __init__(self, rpm: float | None = None, tpm: float | None = None) -> None:
        self._rpm = per_minute(rpm, bucket=1) if rpm else None
        self._tpm = per_minute(tpm, bucket=8000) if tpm else None

    async def take(self, tokens: float) -> None:
        """One document's turn, of about `tokens` tokens (prompts and answers)."""
        if self._rpm:
            await self._rpm.acquire()
        if self._tpm:
            # The bucket cannot take more than its size; a longer request takes all of it.
            await self._tpm.acquire(min(self._tpm.max_rate, tokens))


def document_tokens(engine: object, article_chars: int) -> float:
    """The engine's own estimate (`request_tokens`, the LLM engine's counts its prompt),
    else the article at about 4 characters a token plus room for an answer."""
    estimate = getattr(engine, "request_tokens", None)
    return estimate(article_chars) if callable(estimate) else article_chars / 4 + ANSWER_TOKENS


class RequestGate:
    """At most `concurrency` HTTP requests in flight."""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = max(1, concurrency)
        self._slots = asyncio.Semaphore(self.concurrency)

    @asynccontextmanager
    async def request(self) -> AsyncIterator[None]:
        async with self._slots:
            yield
