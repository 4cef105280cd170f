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

from .errors import LLMError, Truncated, completion_json, first_line, reask_reason
from .reask import ChunkAnswer, answer_text, cut_off, exhausted
from .usage import Meter


def checked_create(client: Any) -> Any:
    """`client.chat.completions.create` that reads the body first: an HTML page or a
    corrupt body raises BadBody (retried as a server error) instead of being handed to
    instructor as an answer to re-ask. Sync or async, as the client is."""
    raw = client.chat.completions.with_raw_response

    def check(response: Any, max_tokens: int | None) -> Any:
        r = response.http_response
        data = completion_json(r.status_code, r.headers.get("content-type", ""), r.content, r.request)
        # JSON cut off at max_tokens under another finish_reason: halve, as for "length".
        choice = (data.get("choices") or [{}])[0] or {}
        text = (choice.get("message") or {}).get("content") or ""
        if cut_off(text, (data.get("usage") or {}).get("completion_tokens"), max_tokens):
            raise Truncated("JSON cut off at max_tokens")
        return response.parse()

    if isinstance(client, openai.AsyncOpenAI):
        async def acreate(*args: Any, **kwargs: Any) -> Any:
            return check(await raw.create(*args, **kwargs), kwargs.get("max_tokens"))

        return acreate
    return lambda *args, **kwargs: check(raw.create(*args, **kwargs), kwargs.get("max_tokens"))


class PatchedPath:
    """A mixin of `LLMEngine`: uses its `_create` (the sync patched call), `_client_args`,
    `_policy`, `_mode`, `_acreates` and `_lock` (one patched async call per event loop)
    and `_api_error`."""

    def _ask(self, kwargs: dict[str, Any], meter: Meter) -> ChunkAnswer:
        self._breaker.check()
        before, hooks, reasons = meter.parse_errors, *self._hooks(meter)
        try:
            answer = self._create(hooks=hooks, **kwargs)
        except Exception as e:  # classified below; nothing escapes unexplained
            return self._failed(e, meter, before, reasons, kwargs)
        return ChunkAnswer(claims=list(answer.claims), reasks=meter.parse_errors - before, reasons=reasons)

    async def _aask(self, kwargs: dict[str, Any], meter: Meter) -> ChunkAnswer:
        self._breaker.check()
        before, hooks, reasons = meter.parse_errors, *self._hooks(meter)
        try:
            answer = await self._acreate()(hooks=hooks, **kwargs)
        except Exception as e:
            return self._failed(e, meter, before, reasons, kwargs)
        return ChunkAnswer(claims=list(answer.claims), reasks=meter.parse_errors - before, reasons=reasons)

    @staticmethod
    def _hooks(meter: Meter) -> tuple[Any, list[str]]:
        """The meter's hooks, plus one noting what each failed answer got wrong."""
        reasons: list[str] = []
        hooks = meter.hooks()
        hooks.on("parse:error", lambda e, *a, **k: reasons.append(reask_reason(e)))
        return hooks, reasons

    def _acreate(self) -> Any:
        loop = asyncio.get_running_loop()
        with self._lock:
            fn = self._acreates.get(loop)
            if fn is None:
                client = openai.AsyncOpenAI(**self._client_args)
                fn = instructor.patch(create=self._policy.awrap(checked_create(client)), mode=self._mode)
                self._acreates[loop] = fn
        return fn

    def _failed(self, e: Exception, meter: Meter, before: int, reasons: list[str],
                kwargs: dict[str, Any]) -> ChunkAnswer:
        """Turn what instructor raised into a kept answer, a truncation, or an LLMError."""
        if isinstance(e, IncompleteOutputException):
            raise Truncated() from None
        cause = e.__cause__ if isinstance(e, InstructorRetryException) and e.__cause__ else e
        if isinstance(cause, IncompleteOutputException):
            raise Truncated() from None
        if isinstance(cause, Truncated):
            raise cause from None
        if isinstance(cause, LLMError):
            raise cause from None
        if isinstance(cause, openai.APIError):
            raise self._breaker.trip(self._api_error(cause)) from None
        if isinstance(e, InstructorRetryException):
            text = answer_text(e.last_completion)
            usage = getattr(e.last_completion, "usage", None)
            if cut_off(text, getattr(usage, "completion_tokens", None), kwargs.get("max_tokens")):
                raise Truncated("JSON cut off at max_tokens") from None
            return exhausted(text, cause, max(0, meter.parse_errors - before - 1), reasons)
        raise LLMError("llm_error", f"{type(e).__name__}: {first_line(e)}") from None
