"""The LLM engine: any OpenAI-compatible endpoint, through instructor and tenacity.

Per article: cut the body into chunks that fit the context (`chunking`), ask the model
for claims (every verbatim field is validated against the article, `answer`; a failing
answer is re-asked with instructor's precise message, `reask`), retry transport failures
with backoff (`retries`), halve a chunk whose answer was cut off, merge claims across
chunks, and count every attempt's tokens (`usage`, `pricing`). What the model still gets
wrong after the last re-ask is kept, flagged `reasked`, and left for grounding to mark
unverified: nothing is dropped silently, nothing is "fixed".

This module ties those parts: settings, prompt and clients are set up once here, and a
document's chunks are walked here. The requests themselves go by one of two paths: the
direct path (`transport.DirectPath`, TOOLS and JSON_SCHEMA modes) or instructor's patched
call (`patched.PatchedPath`, MD_JSON); `transport` says why there are two.

`extract` (sync) and `aextract` (asyncio) share everything but the HTTP call. The
engine holds no per-document state, so one object serves concurrent documents.
"""

from __future__ import annotations

import asyncio
import json
import threading
import weakref
from typing import Any
from urllib.parse import urlsplit

import instructor
import openai
from instructor.v2.core.response import handle_response_model

from ...batch.limits import RequestGate
from ...grounding import ground_claim
from ...models import Article, Claim, Flag, Region
from ...settings import LLMSettings, SettingsError, load_settings
from ..base import EngineOutput
from .answer import to_claim, validation_context
from .budget import fit, sent_tokens
from .chunking import (CHARS_PER_TOKEN, Chunk, borrowed_from_context, chunk_article, keep_borrowed, locate, merge_claims,
                       split_chunk)
from .crosscheck import cross_check, offline_engine
from .errors import Breaker, LLMError, Truncated, api_error, truncated_message
from .patched import PatchedPath, checked_create
from .prompting import load_prompt
from .reask import PREPARED, ChunkAnswer
from .redaction import SECRETS
from .retries import RetryPolicy
from .tokenizer import counter, server_tokens
from .transport import DirectPath, checked_post
from .usage import Meter, current_meter, usage_of

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
# Modes whose request instructor builds by adding fields only (messages untouched):
# these take the direct path (`transport`).
DIRECT_MODES = {"tools", "json_schema"}
NO_KEY = "not-needed"  # local servers ignore the key but the client wants one


def _jinja_literal(text: str) -> str:
    # instructor renders messages as Jinja templates whenever a validation context is
    # given; the article must reach the model untouched, braces and all.
    return "{% raw %}" + text.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}") + "{% endraw %}"


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
        self.answered: list[Chunk] = []
        self.borrowed: list[tuple[Claim, Region]] = []  # claims from a <context> block (`chunking`)
        self.lost: list[Chunk] = []  # unanswered when the document's timeout fired

    def next_chunk(self) -> tuple[Chunk, int] | None:
        return None if self.stopped or not self.queue else self.queue.pop(0)

    def wave(self) -> list[tuple[Chunk, int]]:
        """Every chunk waiting, in order (none once a fatal failure stopped the document)."""
        if self.stopped:
            return []
        wave, self.queue = self.queue, []
        return wave

    def took(self, step: tuple[Chunk, int], answer) -> None:
        for claim in self.engine._claims(self.raw, step[0], answer):
            where = borrowed_from_context(self.raw, claim, step[0])
            if where is None:
                self.claims.append(claim)
            else:
                self.borrowed.append((claim, where))
        self.errors.extend(answer.errors)
        self.answered.append(step[0])

    def kept_claims(self) -> list[Claim]:
        """The chunks' own claims, and the borrowed ones whose owner was not answered."""
        return self.claims + keep_borrowed(self.raw, self.borrowed, [c.region for c in self.answered])

    def timed_out(self, seconds: float | None) -> None:
        """The document's timeout fired: what was answered stays, the rest is named."""
        self.lost.extend(c for c, _ in self.queue)
        self.queue, self.stopped = [], True
        where = ", ".join(f"{c.region.start}-{c.region.end}" for c in sorted(self.lost, key=lambda c: c.region.start))
        kept = len(self.answered)
        self.errors.append(Flag(code="partial" if kept else "doc_timeout", message=(
            f"the per-document timeout of {seconds:g} s fired with {len(self.lost)} chunk(s) unanswered (characters "
            f"{where}); the claims and usage of the {kept} answered chunk(s) are kept; raise --doc-timeout, or "
            "rerun with --resume --retry-failed")))

    def failed(self, step: tuple[Chunk, int], e: Exception) -> None:
        chunk, depth = step
        if isinstance(e, Truncated):
            self.queue[:0] = self.engine._smaller(self.raw, self.article, chunk, depth, self.errors, e.why)
            return
        self.errors.append(e.flag)  # type: ignore[attr-defined]
        self.stopped = bool(getattr(e, "fatal", False))


class LLMEngine(DirectPath, PatchedPath):
    """The `llm` engine: its two request paths are mixins (`DirectPath`, `PatchedPath`)
    sharing the clients, retry policy and mode set up here."""

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
            SECRETS.add(key)
        # Credentials given in the URL are the Authorization header (`endpoint`).
        headers = {"Authorization": s.url_auth.get_secret_value()} if s.url_auth else None
        self._client_args = dict(api_key=key or NO_KEY, base_url=s.base_url, timeout=s.timeout, max_retries=0,
                                 default_headers=headers)
        self._breaker = Breaker()  # a refused key or missing model: no more requests
        self._mode = MODES[s.mode]
        self._policy = RetryPolicy(s)
        self._direct = s.mode in DIRECT_MODES
        # The tool schema / response format, built once by instructor's own request handler.
        extras = handle_response_model(PREPARED, self._mode, messages=[])[1] if self._direct else {}
        extras.pop("messages", None)
        self._extras: dict[str, Any] = extras
        schema = json.dumps(extras) if extras else json.dumps(PREPARED.model_json_schema())  # MD_JSON puts it in the prompt
        tokens = server_tokens(s.base_url, s.model, key, s.timeout,  # probed once per endpoint and model
                               auth=headers["Authorization"] if headers else None)
        self.budget = fit(self.prompt, schema, s.context_tokens, s.max_output_tokens,
                          counter(tokens, sent_tokens) if tokens else None)
        self.prompt = self.budget.prompt
        self.prompt_version = self.prompt.prompt_version
        client = openai.OpenAI(**self._client_args)
        self._post = self._policy.wrap(checked_post(client))
        self._create = instructor.patch(create=self._policy.wrap(checked_create(client)), mode=self._mode)
        # An async client belongs to one event loop; keep one per loop.
        self._acreates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()
        self._cross = None
        if s.cross_check:
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
        """Tokens of article per chunk (`budget`: what the prompt and the answer leave)."""
        return self.budget.chunk_tokens

    def request_tokens(self, article_chars: int) -> int:
        """Tokens an article this long costs, prompts and answers of all its chunks: what
        `--tpm` takes before the call. The prompt (system text, few-shot examples, tool
        schema) is most of a short article's request."""
        article = article_chars // CHARS_PER_TOKEN + 1
        chunks = -(-article // self.chunk_budget())
        return article + chunks * (self.budget.fixed + self.budget.answer)

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
        kwargs["max_tokens"] = self.budget.answer
        return kwargs

    def _body(self, raw: str, article: Article, chunk: Chunk, include_unattributed: bool) -> dict[str, Any]:
        """The chat-completions request body of the direct path (no templating: sent as is)."""
        messages = self.prompt.messages(
            chunk.text(raw, article.body), title=article.title, context=chunk.context or None,
            part=chunk.index, parts=chunk.total, include_unattributed=include_unattributed,
        )
        body: dict[str, Any] = {"model": self.settings.model, "messages": messages, **self._extras,
                                "temperature": self.settings.temperature}
        body["max_tokens"] = self.budget.answer
        return body

    @staticmethod
    def _context(raw: str, article: Article) -> dict[str, Any]:
        return validation_context("\n\n".join(raw[p.start : p.end] for p in article.body))

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

    def _api_error(self, e: openai.APIError) -> LLMError:
        return api_error(e, self.where, self.settings.model, self.settings.timeout, self._policy.attempts)

    # ---- a document ----

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        meter = Meter()
        token = current_meter.set(meter)
        try:
            doc = _DocumentRun(self, raw, article)
            while (step := doc.next_chunk()) is not None:
                try:
                    doc.took(step, self._chunk(raw, article, step[0], include_unattributed, meter))
                except (Truncated, LLMError) as e:
                    doc.failed(step, e)
            claims = merge_claims(doc.kept_claims())
            if self._cross is not None and claims:
                claims = cross_check(raw, article, claims, self._cross)
            usage = usage_of(meter, self.settings.model, self.settings.prices)
            return EngineOutput(claims=claims, usage=usage, errors=doc.errors)
        finally:
            current_meter.reset(token)

    async def aextract(self, raw: str, article: Article, include_unattributed: bool = False,
                       gate: RequestGate | None = None, doc_timeout: float | None = None) -> EngineOutput:
        """`gate` (the runner's) is held for each HTTP request: the concurrency limit.
        `doc_timeout` bounds the requests: when it fires, what the answered chunks gave
        (claims, and the usage of every request billed so far) is kept and the document
        is flagged `partial` with the chunks lost (`timeouts`)."""
        meter = Meter()
        token = current_meter.set(meter)
        try:
            doc = _DocumentRun(self, raw, article)
            await self._waves(doc, include_unattributed, meter, gate, doc_timeout)
            claims = merge_claims(doc.kept_claims())
            if self._cross is not None and claims:
                claims = await asyncio.to_thread(cross_check, raw, article, claims, self._cross)
            # Grounding (a fuzzy lookup can take a while) runs off the event loop; the
            # pipeline then finds every offset holding and keeps it.
            claims = await asyncio.to_thread(lambda: [ground_claim(raw, c, article.span) for c in claims])
            usage = usage_of(meter, self.settings.model, self.settings.prices)
            return EngineOutput(claims=claims, usage=usage, errors=doc.errors)
        finally:
            current_meter.reset(token)

    async def _waves(self, doc: _DocumentRun, include_unattributed: bool, meter: Meter,
                     gate: RequestGate | None, doc_timeout: float | None) -> None:
        # The chunks of a document go out together (the gate bounds what is in flight);
        # the halves of a truncated one, in the next wave.
        loop = asyncio.get_running_loop()
        deadline = None if doc_timeout is None else loop.time() + doc_timeout
        while wave := doc.wave():
            tasks = [asyncio.ensure_future(self._achunk(doc.raw, doc.article, step[0], include_unattributed, meter, gate))
                     for step in wave]
            left = None if deadline is None else max(0.0, deadline - loop.time())
            try:
                _, pending = await asyncio.wait(tasks, timeout=left)
            except asyncio.CancelledError:  # the document itself was cancelled: so are its requests
                for t in tasks:
                    t.cancel()
                raise
            for t in pending:
                t.cancel()
            await asyncio.gather(*pending, return_exceptions=True)  # the cancellations, finished
            for step, task in zip(wave, tasks):
                if task in pending:
                    doc.lost.append(step[0])
                    continue
                answer = task.exception() or task.result()
                if isinstance(answer, (Truncated, LLMError)):
                    doc.failed(step, answer)
                elif isinstance(answer, BaseException):
                    raise answer
                else:
                    doc.took(step, answer)
            if pending:
                doc.timed_out(doc_timeout)
                return

    def _smaller(self, raw: str, article: Article, chunk: Chunk, depth: int, errors: list[Flag],
                 why: str = "finish_reason=length") -> list[tuple[Chunk, int]]:
        halves = split_chunk(raw, article, chunk) if depth < self.settings.max_length_splits else None
        if not halves:
            where = f"{len(chunk.units)} sentence(s) at {chunk.region.start}-{chunk.region.end}"
            errors.append(Flag(code="llm_answer_truncated", message=truncated_message(where, why, self.budget.answer)))
            return []
        return [(h, depth + 1) for h in halves]

    def _claims(self, raw: str, chunk: Chunk, answer: ChunkAnswer) -> list[Claim]:
        msg = answer.reask_message()  # names what was really wrong (`reask_reason`)
        flags = [Flag(code="reasked", message=msg)] if msg else []
        return [locate(raw, to_claim(a, flags), chunk.region) for a in answer.claims]
