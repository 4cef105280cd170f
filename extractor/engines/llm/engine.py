"""The LLM engine: any OpenAI-compatible endpoint, through instructor and tenacity.

Per article: cut the body into chunks that fit the context, ask the model for claims
(every verbatim field is validated against the article; a failing answer is re-asked
with instructor's precise message), retry transport failures with backoff, halve a
chunk whose answer was cut off, merge claims across chunks, and count every attempt's
tokens. What the model still gets wrong after the last re-ask is kept, flagged
`reasked`, and left for grounding to mark unverified: nothing is dropped silently,
nothing is "fixed".

`extract` (sync) and `aextract` (asyncio) share everything but the HTTP call. The
engine holds no per-document state, so one object serves concurrent documents.

Why not `instructor.patch(...)(...)` on every request: it costs ~19 ms of CPU per call
(re-wrapping the response model, templating, openai's request transforms), which caps
one process near 50 requests/s. In the TOOLS and JSON_SCHEMA modes the request extras
(tool schema or response format) are built once by instructor's own request handler,
each request is one POST of a plain JSON body (sync: the openai client's `post`; async:
`AioPost`, aiohttp with the openai client's URL, headers and exception types), the
answer is validated with the same `model_validate_json(..., context=..., strict=True)`
instructor runs, and only a failing answer goes through instructor's re-ask formatting
(`handle_reask_kwargs`). Transport retries stay tenacity's (`RetryPolicy`). MD_JSON
(whose request instructor builds by rewriting the messages) keeps the patched call.
Measured on 2 CPUs (benchmarks/README.md): 46.6 -> ~135-150 documents/s at
concurrency 32 against a 200 ms mock.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
import threading
import weakref
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx2
import instructor
import openai
from instructor.core import Hooks, IncompleteOutputException, InstructorRetryException
from instructor.v2.core.response import handle_reask_kwargs, handle_response_model
from instructor.v2.core.response_model import prepare_response_model
from openai._models import construct_type
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from ..answer import ClaimAnswer, Extraction, to_claim, validation_context
from ..chunking import CHARS_PER_TOKEN, Chunk, chunk_article, estimate_tokens, locate, merge_claims, split_chunk
from ..limits import ANSWER_TOKENS, RequestGate
from ..models import Article, Claim, Flag, Usage
from ..pricing import cost_usd
from ..prompting import load_prompt
from ..settings import LLMSettings, SettingsError, load_settings
from . import EngineOutput

log = logging.getLogger(__name__)

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
RETRY_STATUS = {408, 409, 429}  # plus every 5xx
# Modes whose request instructor builds by adding fields only (messages untouched):
# these take the direct path below.
DIRECT_MODES = {"tools", "json_schema"}
# instructor wraps a response model on every call unless handed a prepared one, and
# the wrapped class misses pydantic's schema cache: ~7 ms of CPU a call. Prepare once.
PREPARED = prepare_response_model(Extraction)
NO_KEY = "not-needed"  # local servers ignore the key but the client wants one


# ---- secrets never leave ---------------------------------------------------------------

_SECRETS: set[str] = set()
_KEYLIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-]{3})[A-Za-z0-9_\-*.]{4,}")


def redact(text: str) -> str:
    for s in _SECRETS:
        if s:
            text = text.replace(s, "***")
    return _KEYLIKE.sub(r"\1***", text)


class _RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        return True


for _name in ("instructor", "openai", "httpx", "httpx2"):
    _logger = logging.getLogger(_name)
    _logger.addFilter(_RedactFilter())
# instructor logs every failed attempt at ERROR; the engine reports failures itself, so
# keep them out of the terminal unless the user configures logging.
logging.getLogger("instructor").addHandler(logging.NullHandler())


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


# ---- per-document accounting ------------------------------------------------------------


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
_current_meter: contextvars.ContextVar[Meter | None] = contextvars.ContextVar("extractor_llm_meter", default=None)


@dataclass
class ChunkAnswer:
    claims: list[ClaimAnswer]
    reasks: int = 0
    still_invalid: str | None = None  # the last validation error, when re-asks ran out
    errors: list[Flag] = field(default_factory=list)


# ---- transport retries --------------------------------------------------------------------


def _transient(e: BaseException) -> bool:
    if isinstance(e, openai.APIConnectionError):  # includes timeouts
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
        meter = _current_meter.get()
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


# ---- reading answers ------------------------------------------------------------------------


def answer_text(completion: Any) -> str:
    """The JSON the model wrote: tool-call arguments, or the message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return ""
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return calls[0].function.arguments or ""
    return message.content or ""


def parse_leniently(text: str) -> tuple[list[ClaimAnswer], int, str | None]:
    """Claims from an answer that failed validation: (claims, unparseable items, error).

    Verbatim checks are off here (no validation context): grounding decides what is
    found. Items that do not fit the schema at all cannot become claims; they are counted.
    """
    fence = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    candidates = [text, fence.group(1) if fence else None]
    if "{" in text:
        candidates.append(text[text.index("{") : text.rindex("}") + 1] if "}" in text else None)
    data: Any = None
    for cand in candidates:
        if not cand:
            continue
        try:
            data = json.loads(cand)
            break
        except json.JSONDecodeError:
            continue
    if data is None:
        return [], 0, "the answer is not valid JSON"
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], 0, "the answer has no list of claims"
    claims, bad = [], 0
    for item in items:
        try:
            claims.append(ClaimAnswer.model_validate(item))
        except ValidationError:
            bad += 1
    return claims, bad, None


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0][:300] if str(e).strip() else type(e).__name__


def _validation_summary(e: BaseException) -> str:
    if isinstance(e, ValidationError):
        msgs = [err["msg"].removeprefix("Value error, ") for err in e.errors()]
        return "; ".join(msgs)[:500]
    return _first_line(e)


class AnswerProblem(ValueError):
    """A completion with no answer to validate (no tool call, a refusal, no choices)."""


def answer_of(data: dict[str, Any], tools: bool) -> str:
    """The JSON text to validate, from a completion in its JSON form, as instructor reads it.

    Raises Truncated for finish_reason=length and AnswerProblem when there is nothing
    to validate (re-asked like a validation error)."""
    choices = data.get("choices") if isinstance(data, dict) else None
    if not choices or not isinstance(choices, list):
        raise AnswerProblem("No choices in the response")
    choice = choices[0] or {}
    if choice.get("finish_reason") == "length":
        raise Truncated()
    message = choice.get("message") or {}
    if message.get("refusal") is not None:
        raise AnswerProblem(f"Unable to generate a response due to {message['refusal']}")
    if not tools:
        return message.get("content") or ""
    calls = message.get("tool_calls") or []
    call = calls[0].get("function") if calls else message.get("function_call")
    args = (call or {}).get("arguments")
    if args is None:
        raise AnswerProblem("No tool calls or function call found in response" if not call
                            else "Tool call arguments missing in response")
    return args if isinstance(args, str) else json.dumps(args)


class AioPost:
    """`AsyncOpenAI.post("/chat/completions", body=..., cast_to=object)` on aiohttp.

    Why: the openai client's request building (option copies, URL parsing, header merging,
    httpx models over its aiohttp transport) costs ~2 ms of CPU a request, a tenth of the
    event loop's budget at 160 requests/s. This sends the same request (the client's own
    URL and headers: key, organization, user agent) and raises the client's own exceptions
    (`_make_status_error_from_response`: RateLimitError with its Retry-After headers,
    AuthenticationError, ...; APITimeoutError; APIConnectionError), so retries and failure
    reasons are unchanged. Honours HTTP(S)_PROXY and NO_PROXY like httpx, looked up once:
    aiohttp's `trust_env` would look the proxy up, and read ~/.netrc, in a worker thread
    on every request."""

    def __init__(self, client: openai.AsyncOpenAI, timeout: float) -> None:
        import aiohttp
        from aiohttp.helpers import get_env_proxy_for_url
        from yarl import URL

        self.client = client
        self.url = str(client.base_url).rstrip("/") + "/chat/completions"
        headers = {**client.auth_headers, **client.default_headers}  # as openai's _build_headers merges them
        self.headers = {k: v for k, v in headers.items() if isinstance(v, str)}  # Omit() = not sent
        self.headers["Content-Type"] = "application/json"
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.session: Any = None
        self._aiohttp = aiohttp
        try:
            self.proxy, self.proxy_auth = get_env_proxy_for_url(URL(self.url))
        except LookupError:  # no proxy set for this scheme, or NO_PROXY names the host
            self.proxy, self.proxy_auth = None, None

    def _request(self) -> Any:
        return httpx2.Request("POST", self.url)

    async def __call__(self, path: str, body: dict[str, Any], cast_to: Any = object,
                       gate: RequestGate | None = None) -> Any:
        aiohttp = self._aiohttp
        if self.session is None:  # created inside the running loop it belongs to
            self.session = aiohttp.ClientSession(timeout=self.timeout, connector=aiohttp.TCPConnector(limit=0))
        data = json.dumps(body).encode()  # built before taking a slot: the slot is for the server
        try:
            async with gate.request() if gate else nullcontext():
                async with self.session.post(self.url, data=data, headers=self.headers,
                                             proxy=self.proxy, proxy_auth=self.proxy_auth) as r:
                    status, headers, content = r.status, r.headers, await r.read()
        except asyncio.TimeoutError as e:
            raise openai.APITimeoutError(request=self._request()) from e
        except aiohttp.ClientError as e:
            raise openai.APIConnectionError(request=self._request()) from e
        if status >= 400:
            response = httpx2.Response(status, headers=list(headers.items()), content=content, request=self._request())
            raise self.client._make_status_error_from_response(response)
        try:
            return json.loads(content)
        except ValueError:
            return {}  # no completion to read: re-asked like an answer without claims

    async def aclose(self) -> None:
        if self.session is not None:
            await self.session.close()
        await self.client.close()


def _jinja_literal(text: str) -> str:
    # instructor renders messages as Jinja templates whenever a validation context is
    # given; the article must reach the model untouched, braces and all.
    return "{% raw %}" + text.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}") + "{% endraw %}"


# ---- the engine ---------------------------------------------------------------------------------


class _DocumentRun:
    """The chunk queue of one document, shared by `extract` and `aextract`: a truncated
    chunk is replaced by its halves, a failed one leaves its reason (a fatal one, such as
    a bad key, stops the document)."""

    def __init__(self, engine: "LLMEngine", raw: str, article: Article) -> None:
        self.engine, self.raw, self.article = engine, raw, article
        self.queue = [(c, 0) for c in engine.plan(raw, article)]
        self.claims: list[Claim] = []
        self.errors: list[Flag] = []
        self.stopped = False

    def next_chunk(self) -> tuple[Chunk, int] | None:
        return None if self.stopped or not self.queue else self.queue.pop(0)

    def took(self, step: tuple[Chunk, int], answer) -> None:
        self.claims.extend(self.engine._claims(self.raw, step[0], answer))
        self.errors.extend(answer.errors)

    def failed(self, step: tuple[Chunk, int], e: Exception) -> None:
        chunk, depth = step
        if isinstance(e, Truncated):
            self.queue[:0] = self.engine._smaller(self.raw, self.article, chunk, depth, self.errors)
            return
        self.errors.append(e.flag)  # type: ignore[attr-defined]
        self.stopped = bool(getattr(e, "fatal", False))


class LLMEngine:
    name = "llm"

    def __init__(self, settings: LLMSettings | None = None, config: str | None = None, **flags: Any) -> None:
        self.settings = s = settings or load_settings(config, **flags)
        self.model: str | None = s.model
        self.prompt = load_prompt(s.prompt, s.prompts_dir)
        self.prompt_version: str | None = self.prompt.prompt_version
        key = s.api_key.get_secret_value() if s.api_key else None
        if not key and not s.base_url:
            raise SettingsError(
                "no API key: set OPENAI_API_KEY or pass --api-key, or name a local server with --base-url"
            )
        if key:
            _SECRETS.add(key)
        self._client_args = dict(api_key=key or NO_KEY, base_url=s.base_url, timeout=s.timeout, max_retries=0)
        self._mode = MODES[s.mode]
        self._policy = RetryPolicy(s)
        self._direct = s.mode in DIRECT_MODES
        # The tool schema / response format, built once by instructor's own request handler.
        extras = handle_response_model(PREPARED, self._mode, messages=[])[1] if self._direct else {}
        extras.pop("messages", None)
        self._extras: dict[str, Any] = extras
        self._schema_tokens = estimate_tokens(json.dumps(extras)) if extras else 0
        client = openai.OpenAI(**self._client_args)
        self._post = self._policy.wrap(client.post)
        self._create = instructor.patch(create=self._policy.wrap(client.chat.completions.create), mode=self._mode)
        # An async client belongs to one event loop; keep one per loop.
        self._acreates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()
        self._overhead = estimate_tokens(self.prompt.system) + estimate_tokens(
            self.prompt.messages("", title="x" * 80, context="x" * 400)[1]["content"]
        )
        self._cross = None
        if s.cross_check:
            from ..crosscheck import offline_engine

            self._cross = offline_engine()

    def __repr__(self) -> str:  # never the key
        return f"LLMEngine(model={self.model!r}, base_url={self.settings.base_url!r}, mode={self.settings.mode!r})"

    @property
    def where(self) -> str:
        url = self.settings.base_url or "https://api.openai.com/v1"
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.hostname}{':' + str(parts.port) if parts.port else ''}{parts.path}"

    # ---- planning ----

    def chunk_budget(self) -> int:
        """Tokens of article per chunk: half of what the prompt leaves, the rest for the answer."""
        return max(128, (self.settings.context_tokens - self._overhead) // 2)

    def request_tokens(self, article_chars: int) -> int:
        """Tokens an article this long costs, prompts and answers of all its chunks: what
        `--tpm` takes before the call. The prompt (system text, few-shot examples, tool
        schema) is most of a short article's request."""
        article = article_chars // CHARS_PER_TOKEN + 1
        chunks = -(-article // self.chunk_budget())
        answer = self.settings.max_output_tokens or ANSWER_TOKENS
        return article + chunks * (self._overhead + self._schema_tokens + answer)

    def plan(self, raw: str, article: Article) -> list[Chunk]:
        return chunk_article(raw, article, self.chunk_budget())

    def _request(self, raw: str, article: Article, chunk: Chunk, include_unattributed: bool) -> dict[str, Any]:
        text = chunk.text(raw, article.body)
        messages = self.prompt.messages(
            text, title=article.title, context=chunk.context or None,
            part=chunk.index, parts=chunk.total, include_unattributed=include_unattributed,
        )
        for m in messages:
            m["content"] = _jinja_literal(m["content"])
        body = "\n\n".join(raw[p.start : p.end] for p in article.body)
        kwargs: dict[str, Any] = dict(
            model=self.settings.model,
            messages=messages,
            response_model=PREPARED,
            context=validation_context(body),
            max_retries=self.settings.max_reasks,
            temperature=self.settings.temperature,
        )
        if self.settings.max_output_tokens:
            kwargs["max_tokens"] = self.settings.max_output_tokens
        return kwargs

    def _body(self, raw: str, article: Article, chunk: Chunk, include_unattributed: bool) -> dict[str, Any]:
        """The chat-completions request body of the direct path (no templating: sent as is)."""
        messages = self.prompt.messages(
            chunk.text(raw, article.body), title=article.title, context=chunk.context or None,
            part=chunk.index, parts=chunk.total, include_unattributed=include_unattributed,
        )
        body: dict[str, Any] = {"model": self.settings.model, "messages": messages, **self._extras,
                                "temperature": self.settings.temperature}
        if self.settings.max_output_tokens:
            body["max_tokens"] = self.settings.max_output_tokens
        return body

    @staticmethod
    def _context(raw: str, article: Article) -> dict[str, Any]:
        return validation_context("\n\n".join(raw[p.start : p.end] for p in article.body))

    # ---- the direct path: one conversation, sans I/O ----

    def _dialog(self, body: dict[str, Any], context: dict[str, Any], meter: Meter) -> Any:
        """Yields each request body, receives its completion (JSON), returns the ChunkAnswer.

        The same validation instructor runs, the same re-ask messages (instructor's
        `handle_reask_kwargs`), the same count of attempts (1 + max_reasks)."""
        tools = self._mode is instructor.Mode.TOOLS
        reasks = self.settings.max_reasks
        text, error = "", None
        for attempt in range(reasks + 1):
            data = yield body
            meter.on_data(data)
            text = ""
            try:
                text = answer_of(data, tools)  # raises Truncated on finish_reason=length
                answer = PREPARED.model_validate_json(text, context=context, strict=True)
                return ChunkAnswer(claims=list(answer.claims), reasks=attempt)
            except (ValidationError, AnswerProblem) as e:
                meter.parse_errors += 1
                error = e
            if attempt < reasks:
                body = self._reask(body, data, error)
        assert error is not None
        return self._exhausted(text, error, reasks)

    def _reask(self, body: dict[str, Any], data: dict[str, Any], error: Exception) -> dict[str, Any]:
        kwargs = dict(body, messages=list(body["messages"]))  # the handler extends the list in place
        try:
            completion = construct_type(type_=ChatCompletion, value=data)  # lenient, as openai reads answers
            return handle_reask_kwargs(kwargs, self._mode, completion, error)
        except Exception:  # an answer too odd for the handler (no message): say what was wrong anyway
            kwargs["messages"].append({"role": "user", "content": f"Validation Error found:\n{error}\n"
                                                                  "Recall the function correctly, fix the errors"})
            return kwargs

    def _transport_failed(self, e: Exception) -> LLMError:
        if isinstance(e, openai.APIError):
            return self._api_error(e)
        return LLMError("llm_error", f"{type(e).__name__}: {_first_line(e)}")

    def _ask_direct(self, body: dict[str, Any], context: dict[str, Any], meter: Meter) -> ChunkAnswer:
        dialog = self._dialog(body, context, meter)
        request = next(dialog)
        while True:
            try:
                data = self._post("/chat/completions", body=request, cast_to=object)
            except Exception as e:  # classified; nothing escapes unexplained
                raise self._transport_failed(e) from None
            try:
                request = dialog.send(data if isinstance(data, dict) else {})
            except StopIteration as done:
                return done.value

    async def _aask_direct(self, body: dict[str, Any], context: dict[str, Any], meter: Meter,
                           gate: RequestGate | None = None) -> ChunkAnswer:
        post = self._apost()
        dialog = self._dialog(body, context, meter)
        request = next(dialog)
        while True:
            try:
                data = await post("/chat/completions", body=request, cast_to=object, gate=gate)
            except Exception as e:
                raise self._transport_failed(e) from None
            try:
                request = dialog.send(data if isinstance(data, dict) else {})
            except StopIteration as done:
                return done.value

    def _apost(self) -> Any:
        loop = asyncio.get_running_loop()
        with self._lock:
            entry = self._aclients.get(loop)
            if entry is None:
                poster = AioPost(openai.AsyncOpenAI(**self._client_args), self.settings.timeout)
                entry = self._aclients[loop] = (poster, self._policy.awrap(poster))
        return entry[1]

    async def aclose(self) -> None:
        """Close this event loop's HTTP session (the runner calls this before its loop ends)."""
        with self._lock:
            entry = self._aclients.pop(asyncio.get_running_loop(), None)
        if entry is not None:
            await entry[0].aclose()

    def _chunk(self, raw: str, article: Article, chunk: Chunk, include_unattributed: bool, meter: Meter) -> ChunkAnswer:
        if self._direct:
            return self._ask_direct(self._body(raw, article, chunk, include_unattributed), self._context(raw, article), meter)
        return self._ask(self._request(raw, article, chunk, include_unattributed), meter)

    async def _achunk(self, raw: str, article: Article, chunk: Chunk, include_unattributed: bool, meter: Meter,
                      gate: RequestGate | None = None) -> ChunkAnswer:
        if self._direct:
            return await self._aask_direct(self._body(raw, article, chunk, include_unattributed),
                                           self._context(raw, article), meter, gate)
        kwargs = self._request(raw, article, chunk, include_unattributed)
        if gate is None:
            return await self._aask(kwargs, meter)
        # instructor holds the conversation (re-asks and backoff included): one slot for it all.
        async with gate.request():
            return await self._aask(kwargs, meter)

    # ---- one request through instructor (MD_JSON), sync and async ----

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
            return self._exhausted(answer_text(e.last_completion), cause, max(0, meter.parse_errors - before - 1))
        raise LLMError("llm_error", f"{type(e).__name__}: {_first_line(e)}") from None

    def _exhausted(self, text: str, cause: BaseException, reasks: int) -> ChunkAnswer:
        """Re-asks ran out: keep the last answer, leniently parsed, for grounding to judge."""
        claims, bad, problem = parse_leniently(text)
        errors = []
        if problem:
            errors.append(Flag(code="llm_answer_invalid", message=redact(
                f"the model's answer could not be used after {reasks} re-ask(s): {problem} "
                f"({_validation_summary(cause)})")))
        elif bad:
            errors.append(Flag(code="llm_answer_invalid", message=redact(
                f"{bad} claim(s) in the model's last answer did not fit the schema and could not be kept "
                f"({_validation_summary(cause)})")))
        return ChunkAnswer(claims=claims, reasks=reasks, still_invalid=redact(_validation_summary(cause)), errors=errors)

    def _api_error(self, e: openai.APIError) -> LLMError:
        attempts = self._policy.attempts
        if isinstance(e, openai.APITimeoutError):
            return LLMError("llm_timeout", f"no answer from {self.where} within {self.settings.timeout:g} s "
                                           f"({attempts} attempt(s))")
        if isinstance(e, openai.APIConnectionError):
            return LLMError("llm_unreachable", f"cannot connect to {self.where} ({attempts} attempt(s))")
        status = getattr(e, "status_code", None)
        detail = _server_message(e)
        if status == 401:
            return LLMError("llm_auth_failed", f"authentication failed at {self.where} (HTTP 401): check the API key "
                                               "(OPENAI_API_KEY or --api-key)", fatal=True)
        if status == 403:
            return LLMError("llm_forbidden", f"access denied at {self.where} (HTTP 403): {detail}", fatal=True)
        if status == 404:
            return LLMError("llm_model_not_found", f"model {self.settings.model!r} not found at {self.where} "
                                                   f"(HTTP 404): {detail}", fatal=True)
        if status == 429:
            return LLMError("llm_rate_limited", f"still rate limited by {self.where} after {attempts} attempt(s): {detail}")
        if status is not None and status >= 500:
            return LLMError("llm_server_error", f"{self.where} failed with HTTP {status} after {attempts} attempt(s): {detail}")
        hint = " (if the server rejects the response format, try --mode tools)" if status == 400 else ""
        return LLMError("llm_request_rejected", f"{self.where} rejected the request (HTTP {status}): {detail}{hint}", fatal=True)

    # ---- a document ----

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        meter = Meter()
        token = _current_meter.set(meter)
        try:
            doc = _DocumentRun(self, raw, article)
            while (step := doc.next_chunk()) is not None:
                try:
                    doc.took(step, self._chunk(raw, article, step[0], include_unattributed, meter))
                except (Truncated, LLMError) as e:
                    doc.failed(step, e)
            claims = merge_claims(doc.claims)
            if self._cross is not None and claims:
                from ..crosscheck import cross_check

                claims = cross_check(raw, article, claims, self._cross)
            return EngineOutput(claims=claims, usage=self._usage(meter), errors=doc.errors)
        finally:
            _current_meter.reset(token)

    async def aextract(self, raw: str, article: Article, include_unattributed: bool = False,
                       gate: RequestGate | None = None) -> EngineOutput:
        """`gate` (the runner's) is held for each HTTP request: the concurrency limit."""
        meter = Meter()
        token = _current_meter.set(meter)
        try:
            doc = _DocumentRun(self, raw, article)
            while (step := doc.next_chunk()) is not None:
                try:
                    doc.took(step, await self._achunk(raw, article, step[0], include_unattributed, meter, gate))
                except (Truncated, LLMError) as e:
                    doc.failed(step, e)
            claims = merge_claims(doc.claims)
            if self._cross is not None and claims:
                from ..crosscheck import cross_check

                claims = await asyncio.to_thread(cross_check, raw, article, claims, self._cross)
            return EngineOutput(claims=claims, usage=self._usage(meter), errors=doc.errors)
        finally:
            _current_meter.reset(token)

    def _smaller(self, raw: str, article: Article, chunk: Chunk, depth: int, errors: list[Flag]) -> list[tuple[Chunk, int]]:
        halves = split_chunk(raw, article, chunk) if depth < self.settings.max_length_splits else None
        if not halves:
            errors.append(Flag(code="llm_answer_truncated", message=(
                f"the model's answer was cut off (finish_reason=length) even for a chunk of "
                f"{len(chunk.units)} sentence(s) at {chunk.region.start}-{chunk.region.end}; "
                "raise --context-tokens or the server's output limit")))
            return []
        return [(h, depth + 1) for h in halves]

    def _claims(self, raw: str, chunk: Chunk, answer: ChunkAnswer) -> list[Claim]:
        flags: list[Flag] = []
        if answer.reasks or answer.still_invalid:
            msg = f"The model was asked again {answer.reasks} time(s) because a verbatim field was not in the article"
            if answer.still_invalid:
                msg += f"; its last answer still failed the check: {answer.still_invalid}"
            flags.append(Flag(code="reasked", message=msg))
        return [locate(raw, to_claim(a, flags), chunk.region) for a in answer.claims]

    def _usage(self, meter: Meter) -> Usage:
        return Usage(
            requests=meter.requests,
            prompt_tokens=meter.prompt_tokens,
            completion_tokens=meter.completion_tokens,
            cost_usd=cost_usd(self.settings.model, meter.prompt_tokens, meter.completion_tokens, self.settings.prices),
        )


def _server_message(e: openai.APIError) -> str:
    body = getattr(e, "body", None)
    if isinstance(body, dict):
        # openai hands over the "error" object; some servers nest it once more
        inner = body.get("error") if isinstance(body.get("error"), dict) else {}
        msg = body.get("message") or inner.get("message")
        if msg:
            return redact(str(msg))[:300]
    return redact(_first_line(e))
