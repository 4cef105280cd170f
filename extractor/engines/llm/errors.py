"""What can go wrong with one request, and how a failure is said to the user.

`LLMError` ends a document's extraction (or, `fatal`, all its chunks) with a flag whose
message names the server and what to do; `Truncated` and `AnswerProblem` are not
failures but signals the engine acts on (halve the chunk; re-ask). Every message passes
through `redact`, so a key never reaches a flag or a log.
"""

from __future__ import annotations

import openai
from pydantic import ValidationError

from ...models import Flag
from .redaction import redact


class LLMError(Exception):
    """A failure of one request that ends the document's extraction, with a safe reason."""

    def __init__(self, code: str, message: str, fatal: bool = False) -> None:
        super().__init__(redact(message))
        self.code = code
        self.fatal = fatal  # pointless to try the document's other chunks (bad key, no model)

    @property
    def flag(self) -> Flag:
        return Flag(code=self.code, message=str(self))


class Truncated(Exception):
    """The answer hit the output limit (finish_reason=length)."""


class AnswerProblem(ValueError):
    """A completion with no answer to validate (no tool call, a refusal, no choices)."""


def first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0][:300] if str(e).strip() else type(e).__name__


def validation_summary(e: BaseException) -> str:
    if isinstance(e, ValidationError):
        msgs = [err["msg"].removeprefix("Value error, ") for err in e.errors()]
        return "; ".join(msgs)[:500]
    return first_line(e)


def server_message(e: openai.APIError) -> str:
    body = getattr(e, "body", None)
    if isinstance(body, dict):
        # openai hands over the "error" object; some servers nest it once more
        inner = body.get("error") if isinstance(body.get("error"), dict) else {}
        msg = body.get("message") or inner.get("message")
        if msg:
            return redact(str(msg))[:300]
    return redact(first_line(e))


def api_error(e: openai.APIError, where: str, model: str | None, timeout: float, attempts: int) -> LLMError:
    """The failure the user is told about, once retries (`attempts` in all) are spent."""
    if isinstance(e, openai.APITimeoutError):
        return LLMError("llm_timeout", f"no answer from {where} within {timeout:g} s "
                                       f"({attempts} attempt(s))")
    if isinstance(e, openai.APIConnectionError):
        return LLMError("llm_unreachable", f"cannot connect to {where} ({attempts} attempt(s))")
    status = getattr(e, "status_code", None)
    detail = server_message(e)
    if status == 401:
        return LLMError("llm_auth_failed", f"authentication failed at {where} (HTTP 401): check the API key "
                                           "(OPENAI_API_KEY or --api-key)", fatal=True)
    if status == 403:
        return LLMError("llm_forbidden", f"access denied at {where} (HTTP 403): {detail}", fatal=True)
    if status == 404:
        return LLMError("llm_model_not_found", f"model {model!r} not found at {where} "
                                               f"(HTTP 404): {detail}", fatal=True)
    if status == 429:
        return LLMError("llm_rate_limited", f"still rate limited by {where} after {attempts} attempt(s): {detail}")
    if status is not None and status >= 500:
        return LLMError("llm_server_error", f"{where} failed with HTTP {status} after {attempts} attempt(s): {detail}")
    hint = " (if the server rejects the response format, try --mode tools)" if status == 400 else ""
    return LLMError("llm_request_rejected", f"{where} rejected the request (HTTP {status}): {detail}{hint}", fatal=True)
