"""A local fake of the OpenAI files and batches endpoints, for the Batch API tests.

Files: POST /v1/files (multipart), GET /v1/files/{id}/content. Batches: POST /v1/batches,
GET /v1/batches/{id}. A batch moves validating -> in_progress -> completed over
successive retrieves (`steps`); on completion each request line is answered by the
project's mock chat server (`MockOpenAI.respond`, scripted replies and fault mix
included), successes into the output file and non-200 answers into the error file,
in shuffled order as the real service does not keep order.
"""

from __future__ import annotations

import json
import random
import threading
import time
from email.parser import BytesParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from mock_openai import MockOpenAI


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakeBatchAPI:
    def __init__(self, chat: MockOpenAI | None = None, steps: int = 2, fail_batch: bool = False) -> None:
        self.chat = chat or MockOpenAI()
        self.steps = steps  # retrieves before a batch completes
        self.fail_batch = fail_batch
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.retrieves: dict[str, int] = {}
        self.uploads: list[str] = []  # file ids, in order
        self.auth: list[str] = []
        self._lock = threading.Lock()
        self._n = 0
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> "FakeBatchAPI":
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _id(self, prefix: str) -> str:
        with self._lock:
            self._n += 1
            return f"{prefix}-{self._n:04d}"

    def requests_in(self, file_id: str) -> list[dict[str, Any]]:
        return [json.loads(x) for x in self.files[file_id].decode().splitlines() if x.strip()]

    # ---- behaviour ----

    def create_file(self, name: str, data: bytes, purpose: str) -> dict[str, Any]:
        fid = self._id("file")
        self.files[fid] = data
        self.uploads.append(fid)
        return {"id": fid, "object": "file", "bytes": len(data), "created_at": int(time.time()),
                "filename": name, "purpose": purpose, "status": "processed"}

    def create_batch(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("input_file_id") not in self.files:
            raise KeyError(body.get("input_file_id"))
        bid = self._id("batch")
        n = len(self.requests_in(body["input_file_id"]))
        self.batches[bid] = {
            "id": bid, "object": "batch", "endpoint": body["endpoint"], "errors": None,
            "input_file_id": body["input_file_id"], "completion_window": body["completion_window"],
            "status": "validating", "output_file_id": None, "error_file_id": None, "created_at": int(time.time()),
            "request_counts": {"total": n, "completed": 0, "failed": 0}, "metadata": body.get("metadata"),
        }
        self.retrieves[bid] = 0
        return self.batches[bid]

    def retrieve(self, bid: str) -> dict[str, Any]:
        b = self.batches[bid]
        self.retrieves[bid] += 1
        if b["status"] == "validating":
            b["status"] = "in_progress"
        if b["status"] == "in_progress" and self.retrieves[bid] >= self.steps:
            self._complete(b)
        return b

    def _complete(self, b: dict[str, Any]) -> None:
        reqs = self.requests_in(b["input_file_id"])
        if self.fail_batch:  # the service gave up: some answered, the rest nowhere
            reqs = reqs[: len(reqs) // 2]
        ok, bad = [], []
        for r in reqs:
            status, _, payload = self.chat.respond({}, r["body"])
            line = {"id": self._id("batch_req"), "custom_id": r["custom_id"],
                    "response": {"status_code": status, "request_id": self._id("req"), "body": payload}, "error": None}
            (ok if status == 200 else bad).append(json.dumps(line))
        random.Random(0).shuffle(ok)
        if ok:
            b["output_file_id"] = self.create_file("output.jsonl", ("\n".join(ok) + "\n").encode(), "batch_output")["id"]
        if bad:
            b["error_file_id"] = self.create_file("errors.jsonl", ("\n".join(bad) + "\n").encode(), "batch_output")["id"]
        b["request_counts"] = {"total": len(reqs), "completed": len(ok), "failed": len(bad)}
        b["status"] = "failed" if self.fail_batch else "completed"

    # ---- HTTP ----

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, raw: bytes | None = None) -> None:
                data = raw if raw is not None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/octet-stream" if raw is not None else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:
                fake.auth.append(self.headers.get("Authorization", ""))
                parts = self.path.split("?")[0].strip("/").split("/")  # v1 files id content | v1 batches id
                try:
                    if parts[1] == "files" and len(parts) == 4 and parts[3] == "content":
                        self._send(200, None, fake.files[parts[2]])
                    elif parts[1] == "batches" and len(parts) == 3:
                        self._send(200, fake.retrieve(parts[2]))
                    else:
                        self._send(404, {"error": {"message": f"no route {self.path}"}})
                except KeyError as e:
                    self._send(404, {"error": {"message": f"no such object {e}"}})

            def do_POST(self) -> None:
                fake.auth.append(self.headers.get("Authorization", ""))
                data = self._body()
                path = self.path.split("?")[0].rstrip("/")
                if path.endswith("/files"):
                    msg = BytesParser(policy=default_policy).parsebytes(
                        b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + data)
                    fields: dict[str, Any] = {}
                    for part in msg.iter_parts():
                        name = part.get_param("name", header="content-disposition")
                        fields[name] = (part.get_filename(), part.get_payload(decode=True))
                    filename, content = fields["file"]
                    self._send(200, fake.create_file(filename, content, fields["purpose"][1].decode()))
                elif path.endswith("/batches"):
                    try:
                        self._send(200, fake.create_batch(json.loads(data)))
                    except KeyError as e:
                        self._send(400, {"error": {"message": f"no such file {e}"}})
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}"}})

        return Handler
