"""An OpenAI-compatible chat-completions server of our own, for tests and benchmarks.

It speaks enough of `POST /v1/chat/completions` for the real `openai` client and
instructor (TOOLS, JSON_SCHEMA and MD_JSON modes) and answers either from a script
(one reply per request, in order) or, when the script is empty, with a *valid* answer
grounded in the requested article: it echoes real sentences of the article found in
the prompt between `<article>` and `</article>`, so the pipeline's grounding finds
them exactly.

Fault injection: 429 with Retry-After, 500, a hang (timeout), malformed JSON,
finish_reason=length, a tool call with the wrong schema, a fabricated quote, and a
bad API key (401) / unknown model (404). A "fault mix" picks faults at given rates,
deterministically by seed: the choice depends on (seed, article text, how many times
that article was asked for), not on request order, so concurrent runs reproduce.

    with MockOpenAI(latency=0.2, fault_rates={"rate_limit": 0.05, "server_error": 0.05}) as m:
        client = openai.OpenAI(base_url=m.base_url, api_key="test")

Standalone (for benchmarks against a separate process):
    python tests/mock_openai.py --port 8080 --latency 0.2 --fault-rate 0.1 --seed 0
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ARTICLE_RE = re.compile(r"<article>\n?(.*?)\n?</article>", re.S)
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|$)")
CUE_RE = re.compile(
    r"\b(said|says|told|according to|reported|stated|added|noted|confirmed|denied|warned|believes|learned)\b",
    re.I,
)
FABRICATED_QUOTE = "We will crush them all before the end of the week"

FAULTS = ("rate_limit", "server_error", "hang", "malformed", "length", "wrong_schema", "fabricated")


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a hanging handler must not block shutdown
    request_queue_size = 512  # listen backlog: benchmarks open many connections at once
    allow_reuse_address = True


@dataclass
class Reply:
    """One scripted answer. `kind` is one of: auto, claims, fabricated, malformed,
    wrong_schema, length, cut, raw, status, hang. Build them with the class methods."""

    kind: str = "auto"
    claims: list[dict[str, Any]] | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    seconds: float = 0.0
    text: str | None = None  # raw: the body sent as is; cut: the finish_reason reported

    @classmethod
    def auto(cls) -> "Reply":
        return cls("auto")

    @classmethod
    def with_claims(cls, claims: list[dict[str, Any]]) -> "Reply":
        return cls("claims", claims=claims)

    @classmethod
    def fabricated(cls) -> "Reply":
        return cls("fabricated")

    @classmethod
    def malformed(cls) -> "Reply":
        return cls("malformed")

    @classmethod
    def wrong_schema(cls) -> "Reply":
        return cls("wrong_schema")

    @classmethod
    def length(cls) -> "Reply":
        return cls("length")

    @classmethod
    def cut(cls, finish: str = "tool_calls") -> "Reply":
        """JSON cut off at max_tokens, but reported with another finish_reason (as some
        servers do): completion_tokens equals the request's max_tokens."""
        return cls("cut", text=finish)

    @classmethod
    def raw(cls, text: str, content_type: str = "text/html", status: int = 200) -> "Reply":
        """A body that is not a completion: an HTML page from a proxy, a corrupt body."""
        return cls("raw", status=status, headers={"Content-Type": content_type}, text=text)

    @classmethod
    def error(cls, status: int, message: str = "error", retry_after: float | None = None, code: str | None = None) -> "Reply":
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        body = {"error": {"message": message, "type": "mock_error", "param": None, "code": code}}
        return cls("status", status=status, headers=headers, body=body)

    @classmethod
    def rate_limit(cls, retry_after: float = 0.2) -> "Reply":
        return cls.error(429, "Rate limit reached, retry later.", retry_after, "rate_limit_exceeded")

    @classmethod
    def server_error(cls) -> "Reply":
        return cls.error(500, "The server had an error while processing your request.")

    @classmethod
    def hang(cls, seconds: float = 30.0) -> "Reply":
        return cls("hang", seconds=seconds)


# ---- building answers -------------------------------------------------------------


def article_of(body: dict[str, Any]) -> str:
    """The article text the request asks about: the first <article> block of a user message."""
    for msg in body.get("messages", []):
        if msg.get("role") != "user":
            continue
        content = msg.get("content")
        if isinstance(content, list):  # content parts
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        m = ARTICLE_RE.search(content or "")
        if m:
            return m.group(1)
    return ""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.findall(text) if len(s.strip().split()) >= 4]


def auto_claims(article: str, limit: int = 3) -> list[dict[str, Any]]:
    """Claims whose verbatim fields are real substrings of the article."""
    out: list[dict[str, Any]] = []
    for s in sentences(article):
        cue = CUE_RE.search(s)
        if not cue:
            continue
        out.append(claim_dict(s, cue=cue.group(0)))
        if len(out) >= limit:
            break
    if not out:
        ss = sentences(article)
        if ss:
            out.append(claim_dict(ss[0], cue=None, source_type="unattributed"))
    return out


def claim_dict(content: str, cue: str | None = None, source_type: str = "anonymous", **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "claim": content,
        "content": content,
        "quote": None,
        "cue": cue,
        "source_mention": None,
        "source_name": None,
        "source_type": source_type,
        "source_descriptor": None,
        "source_role": None,
        "relays": [],
        "stance": "asserted",
        "confidence": 0.8,
    }
    d.update(extra)
    return d


def _tokens(s: str) -> int:
    return max(1, len(s) // 4)


class MockOpenAI:
    def __init__(
        self,
        latency: float = 0.0,
        api_key: str | None = None,
        models: set[str] | None = None,
        fault_rates: dict[str, float] | None = None,
        seed: int = 0,
        hang_seconds: float = 30.0,
        retry_after: float = 0.2,
        host: str = "127.0.0.1",
        port: int = 0,
        context_limit: int | None = None,
        strict_paths: bool = False,
        tokenizer_chars: int | None = None,
    ) -> None:
        self.latency = latency
        # Like most servers: only /v1/chat/completions exists (a base URL without /v1 gets 404).
        self.strict_paths = strict_paths
        # Like llama.cpp's `POST /tokenize` ({"content": ...} -> {"tokens": [...]}): words and
        # punctuation, a word cut in pieces of `tokenizer_chars` characters (2 is a small
        # vocabulary, worse than the engine's estimate of 3). None: no such endpoint (404).
        # With it, `context_limit` counts with it too, as a real server does.
        self.tokenizer_chars = tokenizer_chars
        self.tokenize_calls = 0
        self.tokenize_auth: list[str] = []  # the Authorization header of each /tokenize request
        # Like llama.cpp's server: a request whose prompt (messages and tool schema, counted
        # at 3.5 chars a token) plus max_tokens (the whole window when absent) exceeds the
        # window is refused with HTTP 400.
        self.context_limit = context_limit
        self.api_key = api_key
        self.models = models
        self.fault_rates = dict(fault_rates or {})
        unknown = set(self.fault_rates) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; choose from {FAULTS}")
        self.seed = seed
        self.hang_seconds = hang_seconds
        self.retry_after = retry_after
        self._script: list[Reply] = []
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}
        self._generation = 0  # bumped by reset: a hang that ends after it is not this test's reply
        self._stop = threading.Event()
        self.requests: list[dict[str, Any]] = []  # request bodies, in arrival order
        self.authorizations: list[str] = []  # the Authorization header of every request
        self.keep_history = True  # `requests` and `replies`; off standalone, where nobody reads them
        self.replies: list[tuple[str, int, dict[str, int] | None]] = []  # (kind, status, usage)
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests answered at once: what a client's limit allows
        self._server = _Server((host, port), self._handler_class())
        self._thread: threading.Thread | None = None

    # ---- lifecycle ----

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> "MockOpenAI":
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # releases hanging handlers
        self._server.shutdown()
        self._server.server_close()

    def serve_until_interrupted(self, banner: str = "{url}") -> None:
        """Run as a process of its own (benchmarks): print the URL, serve until Ctrl-C / SIGINT."""
        self.start()
        print(banner.format(url=self.base_url), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            self.stop()

    def __enter__(self) -> "MockOpenAI":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ---- scripting ----

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self._script.extend(replies)

    def reset(self) -> None:
        with self._lock:
            self._script.clear()
            self.requests.clear()
            self.authorizations.clear()
            self.replies.clear()
            self._seen.clear()
            self._generation += 1
            self.max_in_flight = 0
            self.tokenize_calls = 0
            self.tokenize_auth.clear()

    def usage_total(self) -> dict[str, int]:
        """Sum of the usage this server reported, for asserting engine accounting."""
        with self._lock:
            used = [u for _, _, u in self.replies if u]
        return {
            "requests": len(used),
            "prompt_tokens": sum(u["prompt_tokens"] for u in used),
            "completion_tokens": sum(u["completion_tokens"] for u in used),
        }

    def _next_reply(self, body: dict[str, Any], article: str) -> Reply:
        with self._lock:
            if self.keep_history:
                self.requests.append(body)
            if self._script:
                return self._script.pop(0)
            if not self.fault_rates:
                return Reply.auto()
            key = hashlib.sha256(article.encode()).hexdigest()
            n = self._seen.get(key, 0)
            self._seen[key] = n + 1
        rng = random.Random(f"{self.seed}:{key}:{n}")
        x, acc = rng.random(), 0.0
        for fault in FAULTS:
            acc += self.fault_rates.get(fault, 0.0)
            if x < acc:
                return {
                    "rate_limit": lambda: Reply.rate_limit(self.retry_after),
                    "server_error": Reply.server_error,
                    "hang": lambda: Reply.hang(self.hang_seconds),
                    "malformed": Reply.malformed,
                    "length": Reply.length,
                    "wrong_schema": Reply.wrong_schema,
                    "fabricated": Reply.fabricated,
                }[fault]()
        return Reply.auto()

    # ---- responding ----

    def respond(
        self, headers: dict[str, str], body: dict[str, Any], started: float | None = None
    ) -> tuple[int, dict[str, str], dict[str, Any] | None]:
        """Answer one request `self.latency` seconds after it arrived (`started`, a
        `time.monotonic()` reading): the mock's own work (building the answer) is inside
        the latency, as a model server's is, so a benchmark measures the client, not this
        Python server's per-request overhead."""
        started = time.monotonic() if started is None else started
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            status, extra, payload = self._answer(headers, body)
            remaining = self.latency - (time.monotonic() - started)
            if remaining > 0:
                time.sleep(remaining)
            return status, extra, payload
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, headers: dict[str, str], body: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any] | None]:
        auth = headers.get("authorization", "")
        with self._lock:
            self.authorizations.append(auth)
        if self.api_key is not None and auth != f"Bearer {self.api_key}":
            self._log("status", 401, None)
            return 401, {}, {"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error",
                                       "param": None, "code": "invalid_api_key"}}
        model = body.get("model", "")
        if self.models is not None and model not in self.models:
            self._log("status", 404, None)
            return 404, {}, {"error": {"message": f"The model `{model}` does not exist.", "type": "invalid_request_error",
                                       "param": None, "code": "model_not_found"}}
        if self.context_limit is not None:
            sent = json.dumps(body.get("messages", [])) + json.dumps(body.get("tools", body.get("response_format", "")))
            asked = int(len(sent) / 3.5) + int(body.get("max_tokens") or self.context_limit)
            if self.tokenizer_chars:
                shown = [m.get("content") or "" for m in body.get("messages", [])]
                asked = (sum(len(self.tokenize(t)) + 4 for t in shown) + len(self.tokenize(json.dumps(body.get("tools", ""))))
                         + int(body.get("max_tokens") or self.context_limit))
            if asked > self.context_limit:
                self._log("status", 400, None)
                return 400, {}, {"error": {"message": f"the request exceeds the available context size: maximum "
                                           f"context length is {self.context_limit} tokens, you requested {asked}",
                                           "type": "invalid_request_error"}}
        article = article_of(body)
        reply = self._next_reply(body, article)
        if reply.kind == "status":
            self._log("status", reply.status, None)
            return reply.status, reply.headers, reply.body
        if reply.kind == "raw":
            self._log("raw", reply.status, None)
            return reply.status, reply.headers, reply.text  # type: ignore[return-value]
        if reply.kind == "hang":
            generation = self._generation
            self._stop.wait(reply.seconds)
            if generation == self._generation:
                self._log("hang", 0, None)
            return 504, {}, {"error": {"message": "gateway timeout", "type": "mock_error"}}
        finish = None
        if reply.kind == "claims":
            payload = json.dumps({"claims": reply.claims or []}, ensure_ascii=False)
        elif reply.kind == "fabricated":
            claims = auto_claims(article) or [claim_dict("placeholder content")]
            claims[0] = dict(claims[0], quote=FABRICATED_QUOTE)
            payload = json.dumps({"claims": claims}, ensure_ascii=False)
        elif reply.kind == "malformed":
            payload = '{"claims": [{"claim": "unfinished", "content": "the text'
        elif reply.kind == "wrong_schema":
            payload = json.dumps({"items": [{"text": s} for s in sentences(article)[:2]], "count": "two"})
        elif reply.kind == "length":
            full = json.dumps({"claims": auto_claims(article)}, ensure_ascii=False)
            payload, finish = full[: max(10, len(full) // 2)], "length"
        elif reply.kind == "cut":
            full = json.dumps({"claims": auto_claims(article)}, ensure_ascii=False)
            payload, finish = full[: max(10, len(full) // 2)], reply.text
        else:
            payload = json.dumps({"claims": auto_claims(article)}, ensure_ascii=False)
        usage = {
            "prompt_tokens": _tokens(json.dumps(body.get("messages", []))),
            "completion_tokens": _tokens(payload),
        }
        if reply.kind == "cut" and body.get("max_tokens"):
            usage["completion_tokens"] = int(body["max_tokens"])  # the whole allowance spent
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        self._log(reply.kind, 200, usage)
        return 200, {}, self._completion(body, payload, finish, usage, cut=reply.kind == "cut")

    def tokenize(self, text: str) -> list[int]:
        n = self.tokenizer_chars or 4
        pieces = [w[i:i + n] for w in re.findall(r"\w+|[^\w\s]", text) for i in range(0, len(w), n)]
        return [int(hashlib.md5(p.encode()).hexdigest()[:4], 16) for p in pieces]

    def _log(self, kind: str, status: int, usage: dict[str, int] | None) -> None:
        if not self.keep_history:
            return
        with self._lock:
            self.replies.append((kind, status, usage))

    @staticmethod
    def _completion(body: dict[str, Any], payload: str, finish: str | None, usage: dict[str, int],
                    cut: bool = False) -> dict[str, Any]:
        tools = body.get("tools") or []
        if tools:
            name = tools[0].get("function", {}).get("name", "Answer")
            message = {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": "call_" + hashlib.md5(payload.encode()).hexdigest()[:12], "type": "function",
                                "function": {"name": name, "arguments": payload}}],
            }
            finish = finish or "tool_calls"
        elif (body.get("response_format") or {}).get("type") in {"json_schema", "json_object"}:
            message = {"role": "assistant", "content": payload}
        else:  # MD_JSON: the JSON inside a fenced block, as chat models write it
            fence = "" if cut else "\n```"  # an answer cut off never closes its block
            message = {"role": "assistant", "content": f"Here are the claims.\n```json\n{payload}{fence}"}
        return {
            "id": "chatcmpl-mock",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "mock"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish or "stop", "logprobs": None}],
            "usage": usage,
        }

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like real servers
            # http.server writes headers and body in separate sends; with Nagle on, a
            # keep-alive client's delayed ACK adds ~40 ms to every response.
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _send(self, status: int, headers: dict[str, str], body: dict[str, Any] | str | None) -> None:
                data = body.encode() if isinstance(body, str) else json.dumps(body or {}).encode()
                headers = dict(headers)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", headers.pop("Content-Type", "application/json"))
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to answer

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    ids = sorted(mock.models) if mock.models is not None else ["mock-model"]
                    self._send(200, {}, {"object": "list", "data": [{"id": i, "object": "model"} for i in ids]})
                else:
                    self._send(404, {}, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                started = time.monotonic()
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path.rstrip("/") == "/tokenize" and mock.tokenizer_chars:
                    with mock._lock:
                        mock.tokenize_calls += 1
                        mock.tokenize_auth.append(self.headers.get("Authorization", ""))
                    self._send(200, {}, {"tokens": mock.tokenize(json.loads(raw or b"{}").get("content", ""))})
                    return
                wanted = self.path.split("?")[0] == "/v1/chat/completions" if mock.strict_paths else \
                    self.path.rstrip("/").endswith("/chat/completions")
                if not wanted and mock.strict_paths:
                    self._send(404, {}, {"detail": "Not Found"})  # FastAPI's answer for no route
                    return
                if not wanted:
                    self._send(404, {}, {"error": {"message": f"no route {self.path}"}})
                    return
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    self._send(400, {}, {"error": {"message": "request body is not JSON"}})
                    return
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, extra, payload = mock.respond(headers, body, started)
                self._send(status, extra, payload)

        return Handler


def main() -> None:
    ap = argparse.ArgumentParser(description="Run the mock OpenAI-compatible server.")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--latency", type=float, default=0.0, help="seconds added to every request")
    ap.add_argument("--fault-rate", type=float, default=0.0, help="total fault rate, spread evenly over the faults")
    ap.add_argument("--faults", default="rate_limit,server_error,malformed,wrong_schema,fabricated",
                    help="comma-separated faults the rate is spread over")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--api-key", default=None, help="require this bearer key (401 otherwise)")
    args = ap.parse_args()
    faults = [f for f in args.faults.split(",") if f]
    rates = {f: args.fault_rate / len(faults) for f in faults} if args.fault_rate else {}
    m = MockOpenAI(latency=args.latency, fault_rates=rates, seed=args.seed, api_key=args.api_key, port=args.port)
    m.keep_history = False  # a benchmark's 100,000 request bodies would be gigabytes here
    m.serve_until_interrupted("mock OpenAI server on {url}")


if __name__ == "__main__":
    main()
