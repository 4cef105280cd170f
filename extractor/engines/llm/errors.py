"""What can go wrong with one request, and how a failure is said to the user.

`LLMError` ends a document's extraction (or, `fatal`, all its chunks) with a flag whose
message names the server and what to do; `Truncated` and `AnswerProblem` are not
failures but signals the engine acts on (halve the chunk; re-ask). Every message passes
through `redact`, so a key never reaches a flag or a log.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

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
    """The answer hit the output limit: finish_reason=length, or JSON cut off at max_tokens
    whatever finish_reason the server reported (`why` says which)."""

    def __init__(self, why: str = "finish_reason=length") -> None:
        super().__init__(why)
        self.why = why


class BadBody(openai.APIError):
    """A 2xx answer that is not a chat completion: an HTML page (a proxy, a login portal,
    a web server at the wrong path), a corrupt or cut body. The server's fault, not the
    model's: retried like a 5xx (`retries`), never re-asked."""

    def __init__(self, what: str, request: Any, status: int, content_type: str, content: bytes) -> None:
        snippet = " ".join(content[:200].decode("utf-8", "replace").split())
        super().__init__(f"{what} (HTTP {status}, {content_type or 'no Content-Type'}): {snippet[:120]!r}",
                         request, body=None)
        self.what, self.status = what, status


def completion_json(status: int, content_type: str, content: bytes, request: Any) -> dict[str, Any]:
    """The completion a 2xx answer holds, or BadBody saying what came instead."""
    try:
        data = json.loads(content)
    except ValueError:
        head = content.lstrip()[:15].lower()
        html = "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html"))
        raise BadBody("an HTML page" if html else "a body that is not JSON", request, status, content_type, content) from None
    if not isinstance(data, dict) or "choices" not in data:
        inner = data.get("error") if isinstance(data, dict) else None
        what = "an error inside a 200 answer" if inner else "JSON that is not a chat completion"
        raise BadBody(what, request, status, content_type, content)
    return data


class Breaker:
    """Once a request got an answer no other request can escape (the key refused, the
    model or endpoint missing), the engine sends no more: each would cost a request
    and get the same answer. One per engine, shared by its documents."""

    STOPS = frozenset({"llm_auth_failed", "llm_forbidden", "llm_model_not_found", "llm_endpoint_not_found"})

    def __init__(self) -> None:
        self.error: LLMError | None = None

    def trip(self, e: "LLMError") -> "LLMError":
        if e.code in self.STOPS and self.error is None:
            self.error = e
        return e

    def check(self) -> None:
        if self.error is not None:
            raise LLMError(self.error.code, f"{self.error} (not sent: an earlier request got this answer)", fatal=True)


class AnswerProblem(ValueError):
    """A completion with no answer to validate (no tool call, a refusal, no choices)."""


def first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0][:300] if str(e).strip() else type(e).__name__


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the answer"


_PROBLEMS = (  # instructor's AnswerProblem texts, said as what was wrong
    ("No tool calls", "the answer had no tool call"),
    ("Tool call arguments missing", "the tool call had no arguments"),
    ("No choices", "the completion had no choices"),
    ("Unable to generate a response", "the model refused"),
)


def reask_reason(e: BaseException) -> str:
    """What was really wrong with an answer that was re-asked, in a few words: not valid
    JSON, a missing tool call, a type error in field X, a verbatim field not in the text."""
    if isinstance(e, ValidationError):
        reasons: list[str] = []
        for err in e.errors():
            where, kind, msg = _field(err["loc"]), err["type"], err["msg"].removeprefix("Value error, ")
            if kind == "json_invalid":
                r = "the answer was not valid JSON"
            elif not err["loc"]:
                r = f"the answer was not the expected JSON object ({msg})"
            elif kind == "missing":
                r = f"field {where} was missing"
            elif "does not occur in the article" in msg:
                r = f"verbatim field {where} was not in the article"
            elif " is empty." in msg:
                r = f"verbatim field {where} was empty"
            else:
                r = f"type error in field {where} ({msg})"
            if r not in reasons:
                reasons.append(r)
        more = f" and {len(reasons) - 3} more" if len(reasons) > 3 else ""
        return ", ".join(reasons[:3]) + more
    text = first_line(e)
    for prefix, said in _PROBLEMS:
        if text.startswith(prefix):
            return said
    return text[:200]


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
    if isinstance(e, BadBody):
        return LLMError("llm_server_error", f"{where} returned {e} instead of a chat completion, after {attempts} "
                                            "attempt(s): the server (or a proxy in front of it) is at fault, not the "
                                            "model; check that --base-url names the OpenAI-compatible API")
    status = getattr(e, "status_code", None)
    detail = server_message(e)
    if status == 401:
        return LLMError("llm_auth_failed", f"authentication failed at {where} (HTTP 401): check the API key "
                                           "(OPENAI_API_KEY or --api-key)", fatal=True)
    if status == 403:
        return LLMError("llm_forbidden", f"access denied at {where} (HTTP 403): {detail}", fatal=True)
    if status == 404:
        return not_found(where, model, detail)
    if status == 429:
        return LLMError("llm_rate_limited", f"still rate limited by {where} after {attempts} attempt(s): {detail}")
    if status is not None and status >= 500:
        return LLMError("llm_server_error", f"{where} failed with HTTP {status} after {attempts} attempt(s): {detail}")
    if status == 400 and key_refused(e, detail):
        return LLMError("llm_auth_failed", f"the server or proxy at {where} refused the key (HTTP 400): {detail}; check "
                                           "the API key (OPENAI_API_KEY or --api-key). A LiteLLM proxy with a master "
                                           "key and no database accepts only the master key (any other key gets 'No "
                                           "connected db.'): send the master key, or give the proxy its database "
                                           "(DATABASE_URL) so its virtual keys work", fatal=True)
    hint = " (if the server rejects the response format, try --mode tools)" if status == 400 else ""
    return LLMError("llm_request_rejected", f"{where} rejected the request (HTTP {status}): {detail}{hint}", fatal=True)


# A 400 about the key, not the request: LiteLLM's proxy with a master key and no database
# answers every other key with 400 "No connected db." (with a database: 401); proxies say
# 400 for a malformed key too. Matched on the words a key refusal uses, or on the error's
# type/code, never on "token" alone (a context-length 400 counts tokens).
KEY_WORDS = re.compile(r"no connected db|\bapi[ _-]?key\b|authenticat|unauthori[sz]ed|proxy server token|"
                       r"\bmaster[ _-]?key\b|\bvirtual key\b", re.I)
KEY_TYPES = frozenset({"no_db_connection", "auth_error", "authentication_error", "invalid_api_key"})


def key_refused(e: openai.APIError, detail: str) -> bool:
    kinds = {str(getattr(e, "type", None) or ""), str(getattr(e, "code", None) or "")}
    return bool(KEY_WORDS.search(detail)) or bool(kinds & KEY_TYPES)


def not_found(where: str, model: str | None, detail: str) -> LLMError:
    """A 404: the model, when the server names it; else the endpoint, most often a base
    URL missing its `/v1` (the server has no /chat/completions there)."""
    if model and model in detail:
        return LLMError("llm_model_not_found", f"model {model!r} not found at {where} (HTTP 404): {detail}", fatal=True)
    if not re.search(r"/v\d[^/]*(/|$)", urlsplit(where).path):
        return LLMError("llm_endpoint_not_found", f"{where}/chat/completions not found (HTTP 404): {detail}; the base "
                                                  f"URL probably needs /v1 at the end: --base-url {where.rstrip('/')}/v1",
                        fatal=True)
    return LLMError("llm_model_not_found", f"{where} answered HTTP 404 for model {model!r}: {detail}; check --model "
                                           "and --base-url", fatal=True)


def truncated_message(chunk: str, why: str, max_output_tokens: int) -> str:
    """Why a chunk could not be cut any smaller, and what helps. Not a larger
    --context-tokens: that makes chunks, and their answers, longer."""
    return (f"the model's answer was cut off at the output limit ({why}, max_tokens={max_output_tokens}) even for "
            f"a chunk of {chunk}; raise --max-output-tokens if the model can answer at more length, lower "
            "--context-tokens for smaller chunks, or use a model with a larger output limit")
