"""Review UI response time on a large run: the time of each request a reviewer makes.

    .venv/bin/python benchmarks/review_queue.py            # 20,000 documents
    .venv/bin/python benchmarks/review_queue.py --docs 2000

Builds a run store with the real runner (a fast in-process engine; about one document in
ten carries a claim whose content is not in the article, so grounding flags it for
review), then times requests through the real app (FastAPI's in-process client).
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from extractor.review.app import ReviewConfig, create_app

    with tempfile.TemporaryDirectory(prefix="extractor-review-") as tmp:
        db = str(Path(tmp) / "review.db")
        t0 = time.perf_counter()
        corpus = (RawInput(input_id=f"d{i}.txt", source_file=f"d{i}.txt", text=article(i)) for i in range(args.docs))
        run_batch(corpus, SometimesDoubtful(), db, "big", RunOptions(concurrency=64))
        print(f"{args.docs} documents recorded in {time.perf_counter() - t0:.1f} s")
        client = TestClient(create_app(ReviewConfig(store=db, run="big", extra_hosts=("testserver",))))
        for path in ["/", "/item/0", "/item/1", "/item/2", "/?type=person", "/item/5?type=person", "/"]:
            t = time.perf_counter()
            r = client.get(path)
            print(f"  GET {path:<22} {r.status_code}  {1000 * (time.perf_counter() - t):7.0f} ms")


if __name__ == "__main__":
    main()
