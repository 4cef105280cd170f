"""How a request reaches the server on the direct path: one POST of a plain JSON body.

Why not `instructor.patch(...)(...)` on every request: it costs ~19 ms of CPU per call
(re-wrapping the response model, templating, openai's request transforms), which caps
one process near 50 requests/s. In the TOOLS and JSON_SCHEMA modes the request extras
(tool schema or response format) are built once by instructor's own request handler
(`engine`), each request is one POST of a plain JSON body (sync: the openai client's
`post`; async: `AioPost`, aiohttp with the openai client's URL, headers and exception
types), the answer is validated with the same `model_validate_json(..., context=...,
strict=True)` instructor runs (`reask.dialog`), and only a failing answer goes through
instructor's re-ask formatting. Transport retries stay tenacity's (`retries`). MD_JSON
(whose request instructor builds by rewriting the messages) keeps the patched call
(`patched`). Measured on 2 CPUs (benchmarks/README.md): 46.6 -> ~135-150 documents/s
at concurrency 32 against a 200 ms mock.
"""

from __future__ import annotations

import asyncio
import json
from contextlib import nullcontext
from typing import Any

import httpx2
import openai

from ...batch.limits import RequestGate
from .errors import LLMError, completion_json, first_line
from . import reask
from .reask import ChunkAnswer
from .usage import Meter


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
                       gate: RequestGate | None = None, ready: Any = None) -> Any:
        """`ready` runs once the slot is taken, just before sending (the engine's breaker:
        a request that waited for its slot is not sent after a refused key)."""
        aiohttp = self._aiohttp
        if self.session is None:  # created inside the running loop it belongs to
            self.session = aiohttp.ClientSession(timeout=self.timeout, connector=aiohttp.TCPConnector(limit=0))
        data = json.dumps(body).encode()  # built before taking a slot: the slot is for the server
        try:
            async with gate.request() if gate else nullcontext():
                if ready is not None:
                    ready()
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
        # An HTML page or a corrupt body is the server's failure (BadBody, retried), not an answer to re-ask.
        return completion_json(status, headers.get("Content-Type", ""), content, self._request())

    async def aclose(self) -> None:
        if self.session is not None:
            await self.session.close()
        await self.client.close()


class DirectPath:
    """The engine's requests in the TOOLS and JSON_SCHEMA modes (a mixin of `LLMEngine`).

    Uses the engine's `settings`, `_mode`, `_policy`, `_post` (the sync client's `post`,
    retry-wrapped), `_client_args`, `_aclients` and `_lock` (one async poster per event
    loop) and `_api_error`."""

    def _dialog(self, body: dict[str, Any], context: dict[str, Any], meter: Meter) -> Any:
        return reask.dialog(body, context, meter, self._mode, self.settings.max_reasks)

    def _transport_failed(self, e: Exception) -> LLMError:
        if isinstance(e, LLMError):
            return e
        if isinstance(e, openai.APIError):
            return self._breaker.trip(self._api_error(e))
        return LLMError("llm_error", f"{type(e).__name__}: {first_line(e)}")

    def _ask_direct(self, body: dict[str, Any], context: dict[str, Any], meter: Meter) -> ChunkAnswer:
        dialog = self._dialog(body, context, meter)
        request = next(dialog)
        while True:
            self._breaker.check()
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
            self._breaker.check()
            try:
                data = await post("/chat/completions", body=request, cast_to=object, gate=gate,
                                  ready=self._breaker.check)
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


def checked_post(client: openai.OpenAI) -> Any:
    """The sync client's `post`, reading the body itself: an HTML page or a corrupt body
    raises BadBody (retried as a server error) instead of reaching the model's re-asks."""

    def post(path: str, body: dict[str, Any], cast_to: Any = object) -> Any:
        r = client.post(path, body=body, cast_to=httpx2.Response)
        return completion_json(r.status_code, r.headers.get("content-type", ""), r.content, r.request)

    return post
