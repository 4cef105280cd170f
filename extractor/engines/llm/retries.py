"""Retrying a request that failed in transit: which failures are worth another try, and
how long to wait (exponential backoff with jitter, or the server's Retry-After).

Validation failures are not retried here: they are re-asked (`reask`). The policy wraps
the HTTP call of both request paths, sync and async, so a rate limit or a dropped
connection costs the same waits whichever path asked.
"""

from __future__ import annotations

import logging
from typing import Any

import openai
from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from ...settings import LLMSettings
from .errors import BadBody
from .usage import current_meter

log = logging.getLogger(__package__)  # "extractor.engines.llm", as before the split

RETRY_STATUS = {408, 409, 429}  # plus every 5xx


def _transient(e: BaseException) -> bool:
    if isinstance(e, (openai.APIConnectionError, BadBody)):  # includes timeouts; an HTML page is a server error
        return True
    if isinstance(e, openai.APIStatusError):
        return e.status_code in RETRY_STATUS or e.status_code >= 500
    return False


def retry_after_seconds(e: BaseException) -> float | None:
    response = getattr(e, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        if headers.get("retry-after"):
            return float(headers["retry-after"])
    except ValueError:  # an HTTP date: fall back to backoff
        return None
    return None


class RetryPolicy:
    """Exponential backoff with jitter, or the server's Retry-After when it gives one."""

    def __init__(self, s: LLMSettings) -> None:
        self.attempts = s.max_retries + 1
        self.retry_after_max = s.retry_after_max
        self.backoff = wait_exponential_jitter(multiplier=s.backoff_initial, max=s.backoff_max, jitter=s.backoff_initial)

    def wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        after = retry_after_seconds(exc) if exc else None
        if after is not None:
            return min(max(after, 0.0), self.retry_after_max)
        return self.backoff(state)

    def before_sleep(self, state: RetryCallState) -> None:
        meter = current_meter.get()
        if meter is not None:
            meter.transport_retries += 1
        exc = state.outcome.exception() if state.outcome else None
        log.info("retrying after %s (attempt %d)", type(exc).__name__, state.attempt_number)

    def kwargs(self) -> dict[str, Any]:
        return dict(
            retry=retry_if_exception(_transient),
            wait=self.wait,
            stop=stop_after_attempt(self.attempts),
            before_sleep=self.before_sleep,
            reraise=True,
        )

    # The first attempt runs outside tenacity (setting up a Retrying costs more CPU than
    # the rest of a successful request's bookkeeping); a transient failure is then
    # replayed as tenacity's attempt 1, so waits, Retry-After, before_sleep and the
    # attempt count are exactly those of a plain Retrying loop.

    def wrap(self, create: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return create(*args, **kwargs)
            except Exception as e:
                if not _transient(e) or self.attempts <= 1:
                    raise
                first = [e]

            def again() -> Any:
                if first:
                    raise first.pop()
                return create(*args, **kwargs)

            for attempt in Retrying(**self.kwargs()):
                with attempt:
                    return again()

        return call

    def awrap(self, create: Any) -> Any:
        async def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return await create(*args, **kwargs)
            except Exception as e:
                if not _transient(e) or self.attempts <= 1:
                    raise
                first = [e]

            async def again() -> Any:
                if first:
                    raise first.pop()
                return await create(*args, **kwargs)

            async for attempt in AsyncRetrying(**self.kwargs()):
                with attempt:
                    return await again()

        return call
