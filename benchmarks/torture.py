"""Kill `extractor extract` at random moments, resume it, and check nothing was lost.

A real batch ends badly in every way a process can die; what must survive is the run
store and the -o file. This script makes a corpus (our own sentences; two JSONL files
whose ids collide, plus a few lines no reader can take), runs it once uninterrupted (the
reference, in parallel), and again under torture: start with --resume, SIGKILL at a random
moment (after a random number of newly stored documents, or at a random instant that may
fall in start-up, a transaction or the final rewrite of -o), repeat `--kills` times, then
let it finish. It compares the tortured store and -o with the reference and prints

    lost / duplicated / differing   (each must be 0)

for the store and for -o, plus whether -o is in input order and has no partial line.
`usage` is left out of the comparison (the tokens of a request in flight at a kill are
spent again). Engines: the offline one, and the LLM engine against the project's mock
server (`tests/mock_openai.py`, in this process, with retried 429/500 faults).

    python benchmarks/torture.py --docs 3000 --kills 20 --engine offline
    python benchmarks/torture.py --docs 3000 --kills 20 --engine llm
    python benchmarks/torture.py --docs 200 --kills 3            # both engines, a few minutes

Exit status 0 when every count is 0, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the mock server and the synthetic articles

BAD_LINES = [
    '{"id": "bad-surrogate", "text": "The minister said \\ud800 it."}',
    '{"id": "bad-deep", "text": "Officials said so.", "m": ' + "[" * 1000 + "]" * 1000 + "}",
    '{"id": "bad-empty", "text": "  "}',
    "{not json",
]


def make_corpus(folder: Path, docs: int, seed: int) -> list[Path]:
    """Two JSONL files numbering their ids 1..n (they collide), bad lines in the first."""
    from batch_support import article_text

    rng = random.Random(seed)
    half = docs // 2
    files = []
    for name, offset, n in (("a.jsonl", 0, half), ("b.jsonl", half, docs - half)):
        lines = []
        for i in range(n):
            k = offset + i
            extra = " ".join(f"Officials said step {k}.{j} of plan {rng.randrange(10**6)} was on schedule."
                             for j in range(rng.randrange(1, 6)))
            lines.append(json.dumps({"id": i + 1, "text": article_text(k) + extra + "\n", "batch": name}))
        if name == "a.jsonl":
            for j, bad in enumerate(BAD_LINES):
                lines.insert((j + 1) * max(1, n // (len(BAD_LINES) + 1)), bad)
        path = folder / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


def extract_cmd(files: list[Path], store: Path, out: Path, run: str, engine: list[str]) -> list[str]:
    return [sys.executable, "-m", "extractor", "extract", *map(str, files), "--store", str(store), "--run", run,
            "--resume", "-q", "-o", str(out), *engine]


def stored(store: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1) as c:
            return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def run_to_end(cmd: list[str]) -> int:
    return subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).returncode


def torture(cmd: list[str], store: Path, kills: int, docs: int, rng: random.Random, log,
            instant_max: float = 12.0) -> dict[str, int]:
    """SIGKILL the run `kills` times at random moments, then let it finish."""
    done_kills = restarts = 0
    step = max(2, int(1.6 * docs / (kills + 1)))
    while done_kills < kills:
        before = stored(store)
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        restarts += 1
        if rng.random() < 0.25:  # a random instant: start-up, mid-transaction, the -o rewrite
            deadline = time.time() + rng.uniform(0.0, instant_max)
            while time.time() < deadline and p.poll() is None:
                time.sleep(0.01)
            how = "instant"
        else:  # after a random number of newly stored documents, plus a random fraction of a second
            target = before + rng.randint(1, step)
            while p.poll() is None and stored(store) < target:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.3))
            how = f"after {stored(store) - before} new"
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()
            done_kills += 1
            log(f"  kill {done_kills}/{kills} ({how}): {stored(store)} documents stored")
        elif p.returncode not in (0, 1):
            raise SystemExit(f"the run ended with exit {p.returncode} before a kill")
        else:
            log(f"  the run finished before kill {done_kills + 1}; restarting")
            break
    rc = run_to_end(cmd)
    return {"kills": done_kills, "restarts": restarts + 1, "final_exit": rc}


def _docs_from_store(store: Path, run: str) -> tuple[dict[str, str], int]:
    from extractor.batch import store as st

    conn = st.open_store(store, readonly=True)
    r = st.get_run(conn, run)
    docs = {d.doc_id: json.dumps(d.model_dump(exclude={"usage"}), sort_keys=True) for d in st.iter_results(conn, r)}
    rows, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents WHERE run_id = ?",
                                  (r.id,)).fetchone()
    return docs, rows - distinct


def _docs_from_output(out: Path) -> tuple[list[str], dict[str, str], bool]:
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    whole = not text or text.endswith("\n")
    ids, docs = [], {}
    for line in text.splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            whole = False
            continue
        d.pop("usage", None)
        ids.append(d["doc_id"])
        docs[d["doc_id"]] = json.dumps(d, sort_keys=True)
    return ids, docs, whole


def compare(ref: dict[str, str], got: dict[str, str], dup: int) -> dict[str, int]:
    return {"lost": len(ref.keys() - got.keys()), "duplicated": dup,
            "differing": sum(1 for k in ref.keys() & got.keys() if ref[k] != got[k]),
            "extra": len(got.keys() - ref.keys())}


def one_engine(name: str, engine: list[str], files: list[Path], work: Path, args, log) -> bool:
    # The reference runs beside the torture (its own store): it is never killed, so nothing
    # it does depends on timing, and the two together take the time of one.
    log(f"[{name}] reference run (uninterrupted) and the tortured run, side by side")
    ref_store, ref_out = work / f"ref-{name}.db", work / f"ref-{name}.jsonl"
    ref_proc = subprocess.Popen(extract_cmd(files, ref_store, ref_out, "R", engine), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rng = random.Random(args.seed)
    store, out = work / f"tort-{name}.db", work / f"tort-{name}.jsonl"
    t0 = time.time()
    info = torture(extract_cmd(files, store, out, "T", engine), store, args.kills, args.docs, rng, log, args.instant_max)
    rc = ref_proc.wait()
    log(f"  reference: exit {rc}, {stored(ref_store)} documents")
    ref, _ = _docs_from_store(ref_store, "R")
    got, dup = _docs_from_store(store, "T")
    s = compare(ref, got, dup)
    ref_ids, _, _ = _docs_from_output(ref_out)
    out_ids, out_docs, whole = _docs_from_output(out)
    o = compare(ref, out_docs, len(out_ids) - len(set(out_ids)))
    in_order = out_ids == ref_ids
    log(f"[{name}] {info['kills']} kills over {info['restarts']} starts, {time.time() - t0:.0f} s; final exit "
        f"{info['final_exit']}")
    log(f"[{name}] store: {len(ref)} documents in the reference; lost {s['lost']} / duplicated {s['duplicated']} / "
        f"differing {s['differing']} (extra {s['extra']})")
    log(f"[{name}] -o:    {len(out_ids)} lines; lost {o['lost']} / duplicated {o['duplicated']} / differing "
        f"{o['differing']} (extra {o['extra']}); input order {'yes' if in_order else 'NO'}; "
        f"whole lines {'yes' if whole else 'NO'}")
    counts = [*s.values(), *o.values()]
    # The final session's exit says only what it did itself (failed lines were recorded before), so 0 or 1.
    return not any(counts) and in_order and whole and info["kills"] == args.kills and info["final_exit"] in (0, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--engine", choices=("offline", "llm", "both"), default="both")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--latency", type=float, default=0.02, help="the mock server's seconds per request (llm)")
    ap.add_argument("--concurrency", type=int, default=16, help="requests in flight (llm)")
    ap.add_argument("--instant-max", type=float, default=12.0,
                    help="seconds: the latest a kill at a random instant may come (keep it inside a run's length)")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the corpus, stores and outputs here")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, flush=True)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="torture-"))
    work.mkdir(parents=True, exist_ok=True)
    files = make_corpus(work, args.docs, args.seed)
    log(f"corpus: {args.docs} documents (+{len(BAD_LINES)} bad lines) in {work}")
    ok = True
    if args.engine in ("offline", "both"):
        ok &= one_engine("offline", ["--engine", "offline", "--concurrency", "2"], files, work, args, log)
    if args.engine in ("llm", "both"):
        from mock_openai import MockOpenAI

        # Only faults a retry answers the same way: the reference and the tortured run must agree.
        with MockOpenAI(latency=args.latency, fault_rates={"rate_limit": 0.05, "server_error": 0.05},
                        retry_after=0.01, seed=args.seed) as mock:
            mock._server.handle_error = lambda *a: None  # a killed client resets its connections: not news
            engine = ["--engine", "llm", "--base-url", mock.base_url, "--model", "mock", "--concurrency", str(args.concurrency),
                      "--max-retries", "8"]
            os.environ.setdefault("EXTRACTOR_BACKOFF_INITIAL", "0.01")
            ok &= one_engine("llm", engine, files, work, args, log)
    log("PASS: nothing lost, duplicated or changed" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
