"""The server's own tokenizer for the token budget, when the server has one.

llama.cpp's server (`POST /tokenize` with `{"content": ...}` -> `{"tokens": [...]}`) and
vLLM's (`POST /tokenize` with `{"prompt": ...}` -> `{"tokens": [...], "count": n}`) count
exactly what the model will see, where `budget`'s estimate (3 characters a token) can
be wrong both ways: too low for a tokenizer with a small vocabulary, too high for
English with a large one (chunks smaller than they could be). The endpoint sits at the
server's root, beside `/v1`.

It is probed once per run (when the engine is built, which a run does once), with a
short timeout, before any document: the budget is settled (and with it the prompt's
version) before the run starts, and each text is counted once. Anything but a good
answer (404 from a server without it, a refused connection, a timeout, a body without
tokens) means the documented estimate is used, logged once; the run never fails
because of it. A count that fails later falls back to the estimate for that text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import httpx

from .redaction import redact_url

log = logging.getLogger(__package__)

PROBE_TIMEOUT = 5.0  # seconds: a server that has the endpoint answers in milliseconds
PROBE_TEXT = "The minister said the plan would be announced on Monday."


def tokenize_url(base_url: str) -> str:
    """`http://host:8080/v1` -> `http://host:8080/tokenize` (the endpoint is beside /v1)."""
    parts = urlsplit(base_url)
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[:-3]
    return urlunsplit((parts.scheme, parts.netloc, path + "/tokenize", "", ""))


def _tokens_of(data: object) -> int | None:
    if not isinstance(data, dict):
        return None
    tokens, count = data.get("tokens"), data.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    if isinstance(tokens, list):
        return len(tokens)
    return None


class ServerTokens:
    """Counts with the server's tokenizer; a text is counted once."""

    def __init__(self, url: str, model: str | None, headers: dict[str, str], timeout: float) -> None:
        self.url, self.model, self.headers, self.timeout = url, model, headers, timeout
        self.calls = 0
        self._counts: dict[str, int] = {}

    def ask(self, text: str) -> int | None:
        """The server's count, None when it gives none (never raises)."""
        if text in self._counts:
            return self._counts[text]
        # Both servers' field names: each ignores the other's.
        body = {"content": text, "prompt": text, "add_special": False, "add_special_tokens": False}
        if self.model:
            body["model"] = self.model
        self.calls += 1
        try:
            r = httpx.post(self.url, json=body, headers=self.headers, timeout=self.timeout)
            n = _tokens_of(r.json()) if r.status_code == 200 else None
        except Exception as e:  # noqa: BLE001 - any failure means: use the estimate
            log.debug("tokenize at %s failed: %s", self.url, type(e).__name__)
            n = None
        if n is not None:
            self._counts[text] = n
        return n


def server_tokens(base_url: str | None, model: str | None, api_key: str | None,
                  timeout: float = PROBE_TIMEOUT, auth: str | None = None) -> ServerTokens | None:
    """The server's tokenizer, probed now; None when it has none. `auth`: the
    Authorization header made from credentials in the base URL, which wins over the key
    (as on the chat requests: a proxy asking for Basic auth guards /tokenize too)."""
    if not base_url:
        return None  # the hosted API has no tokenize endpoint: do not ask
    url = tokenize_url(base_url)
    headers = {"Authorization": auth} if auth else ({"Authorization": f"Bearer {api_key}"} if api_key else {})
    tokens = ServerTokens(url, model, headers, min(timeout, PROBE_TIMEOUT))
    if tokens.ask(PROBE_TEXT) is not None:
        return tokens
    log.info("no tokenizer at %s: the token budget uses the estimate (3 characters a token)", redact_url(url))
    return None


def counter(tokens: ServerTokens | None, estimate: Callable[[str], int]) -> Callable[[str], int]:
    """A count of tokens: the server's, else (or when it fails later) the estimate."""
    if tokens is None:
        return estimate

    def count(text: str) -> int:
        n = tokens.ask(text)
        return estimate(text) if n is None else n

    return count
