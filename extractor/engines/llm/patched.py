"""The engine's requests in MD_JSON mode, through `instructor.patch`.

instructor builds an MD_JSON request by rewriting the messages, so this path keeps the
patched `create` (the direct path, `transport`, serves the other modes) and lets
instructor hold the conversation: validation, re-asks and, through the retry-wrapped
`create`, transport retries. What instructor raises is turned here into a kept answer,
a truncation or an `LLMError`, like the direct path's outcomes.
"""

from __future__ import annotations

import asyncio
from typing import Any

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException

from .errors import LLMError, Truncated, first_line
from .reask import ChunkAnswer, answer_text, exhausted
from .usage import Meter


class PatchedPath:
    """A mixin of `LLMEngine`: uses its `_create` (the sync patched call), `_client_args`,
    `_policy`, `_mode`, `_acreates` and `_lock` (one patched async call per event loop)
    and `_api_error`."""

    def _ask(self, kwargs: dict[str, Any], meter: Meter) -> ChunkAnswer:
        before = meter.parse_errors
        try:
            answer = self._create(hooks=meter.hooks(), **kwargs)
        except Exception as e:  # classified below; nothing escapes unexplained
            return self._failed(e, meter, before)
        return ChunkAnswer(claims=list(answer.claims), reasks=meter.parse_errors - before)

    async def _aask(self, kwargs: dict[str, Any], meter: Meter) -> ChunkAnswer:
        before = meter.parse_errors
        try:
            answer = await self._acreate()(hooks=meter.hooks(), **kwargs)
        except Exception as e:
            return self._failed(e, meter, before)
        return ChunkAnswer(claims=list(answer.claims), reasks=meter.parse_errors - before)

    def _acreate(self) -> Any:
        loop = asyncio.get_running_loop()
        with self._lock:
            fn = self._acreates.get(loop)
            if fn is None:
                client = openai.AsyncOpenAI(**self._client_args)
                fn = instructor.patch(create=self._policy.awrap(client.chat.completions.create), mode=self._mode)
                self._acreates[loop] = fn
        return fn

    def _failed(self, e: Exception, meter: Meter, before: int) -> ChunkAnswer:
        """Turn what instructor raised into a kept answer, a truncation, or an LLMError."""
        if isinstance(e, IncompleteOutputException):
            raise Truncated() from None
        cause = e.__cause__ if isinstance(e, InstructorRetryException) and e.__cause__ else e
        if isinstance(cause, IncompleteOutputException):
            raise Truncated() from None
        if isinstance(cause, openai.APIError):
            raise self._api_error(cause) from None
        if isinstance(e, InstructorRetryException):
            return exhausted(answer_text(e.last_completion), cause, max(0, meter.parse_errors - before - 1))
        raise LLMError("llm_error", f"{type(e).__name__}: {first_line(e)}") from None
