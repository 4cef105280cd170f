"""Review UI response time on a large run: the time of each request a reviewer makes.

    .venv/bin/python benchmarks/review_queue.py --docs 100000
    .venv/bin/python benchmarks/review_queue.py --docs 2000 --repeat 3

Each request is timed --repeat times; the median is printed (and the first, cold, time).

Builds a run store with the real runner (a fast in-process engine; about one document in
ten carries a claim whose content is not in the article, so grounding flags it for
review), then times requests to the real app served by uvicorn on 127.0.0.1, from one
keep-alive HTTP client, as a browser tab makes them.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch_support import AsyncSaidEngine  # noqa: E402
from throughput import article  # noqa: E402

from extractor.models import Claim, RawInput, Source, Span  # noqa: E402
from extractor.batch.runner import RunOptions, run_batch  # noqa: E402


class SometimesDoubtful(AsyncSaidEngine):
    """Claims from "... said" sentences; one document in ten also gets an ungroundable claim."""

    def extract(self, raw, article, include_unattributed=False):
        out = super().extract(raw, article, include_unattributed)
        if zlib.crc32(article.input_id.encode()) % 10 == 0:
            out.claims.append(Claim(claim="?", content=Span(text="words that are not in the article at all"),
                                    source=Source(name="someone", type="person")))
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--store", help="keep the run store here and reuse it when it exists (recording 100,000 takes minutes)")
    args = ap.parse_args()
    import httpx
    from review_support import Server, free_port

    from extractor.review.app import ReviewConfig, create_app

    with tempfile.TemporaryDirectory(prefix="extractor-review-") as tmp:
        db = args.store or str(Path(tmp) / "review.db")
        if not (args.store and Path(args.store).exists()):
            t0 = time.perf_counter()
            corpus = (RawInput(input_id=f"d{i}.txt", source_file=f"d{i}.txt", text=article(i)) for i in range(args.docs))
            run_batch(corpus, SometimesDoubtful(), db, "big", RunOptions(concurrency=64))
            print(f"{args.docs} documents recorded in {time.perf_counter() - t0:.1f} s")
        app = create_app(ReviewConfig(store=db, run="big"))
        token = app.state.csrf
        with Server(app, free_port()) as srv, httpx.Client(base_url=srv.url, timeout=60) as client:
            time_requests(client, token, args.repeat)


def time_requests(client, token: str, repeat: int) -> None:
    """Each page a reviewer opens, then decisions, each timed `repeat` times."""
    paths = ["/", "/item/0", "/item/1", "/?type=person", "/?status=undecided", "/?flag=unverified_span",
             "/?q=someone", "/item/5?type=person", "/?page=3"]
    for path in paths:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            r = client.get(path)
            times.append(1000 * (time.perf_counter() - t))
        print(f"  GET  {path:<26} {r.status_code}  first {times[0]:6.0f} ms  median {statistics.median(times):6.0f} ms")
    times = []
    for n in range(repeat):
        page = client.get(f"/item/{n}").text  # the form names its claim, as in the browser
        doc, index = (re.search(f'name="{k}" value="([^"]*)"', page).group(1) for k in ("doc", "index"))
        t = time.perf_counter()
        r = client.post(f"/item/{n}/decide", data={"action": "accept", "csrf": token, "doc": html.unescape(doc),
                                                     "index": index}, follow_redirects=False)
        times.append(1000 * (time.perf_counter() - t))
    print(f"  POST /item/N/decide (accept)      {r.status_code}  first {times[0]:6.0f} ms  median {statistics.median(times):6.0f} ms")


if __name__ == "__main__":
    main()
