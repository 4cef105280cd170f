"""A LiteLLM proxy (PyPI `litellm[proxy]`, a server this project did not write) in front of
our mock, for the tests that prove the engine speaks to a real OpenAI-compatible gateway.

The proxy runs as its own process (as users run it) on a free port with a generated config:
one model name routed to the mock as an `openai/` upstream, a master key the client must
send, and a different upstream key the mock demands, so a request only succeeds if the
proxy authenticated us and rewrote the credentials. The proxy's own retries are off, so
what is retried is retried by our engine. Its model price map is the one it ships
(`LITELLM_LOCAL_MODEL_COST_MAP`): no network at run time.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROXY_MODEL = "proxy-model"
UPSTREAM_MODEL = "mock-model"
# Built at run time so no key-shaped literal sits in the repository.
MASTER_KEY = "sk-" + "proxy-master-7f3a9c21d0e84b56"
UPSTREAM_KEY = "sk-" + "upstream-only-5d1e0b7a99c2"
START_SECONDS = 900.0  # it imports a lot: ~25 s of CPU, so ~25 s on an idle 2-core machine, minutes on a loaded one


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(path: Path, upstream_base_url: str) -> Path:
    path.write_text(f"""model_list:
  - model_name: {PROXY_MODEL}
    litellm_params:
      model: openai/{UPSTREAM_MODEL}
      api_base: {upstream_base_url}
      api_key: {UPSTREAM_KEY}
litellm_settings:
  num_retries: 0
  request_timeout: 30
  telemetry: false
router_settings:
  num_retries: 0
general_settings:
  master_key: {MASTER_KEY}
""", encoding="utf-8")
    return path


class Proxy:
    """`litellm --config ...` as a child process; `base_url` once it answers."""

    def __init__(self, config: Path, log: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        env = dict(os.environ, LITELLM_LOCAL_MODEL_COST_MAP="True", LITELLM_TELEMETRY="False",
                   NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
        self.log = log
        self._log_fh = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "litellm.proxy.proxy_cli", "--config", str(config), "--host", "127.0.0.1",
             "--port", str(self.port), "--num_workers", "1"],
            stdout=self._log_fh, stderr=subprocess.STDOUT, env=env)

    def wait_ready(self, seconds: float = START_SECONDS) -> float:
        """Seconds it took the proxy to answer its liveness probe."""
        started = time.monotonic()
        url = f"http://127.0.0.1:{self.port}/health/liveliness"
        while time.monotonic() - started < seconds:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the LiteLLM proxy exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the LiteLLM proxy did not answer within {seconds:g} s:\n{self.tail()}")

    def tail(self) -> str:
        self._log_fh.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log_fh.close()
