"""Grounding lookups per second on a 10k-character article (issue floor: 20,000/s exact hits),
and the cost of one fuzzy lookup of a long near-miss span (bounded: issue 12).

Run: python benchmarks/grounding_speed.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from extractor import locating
from extractor.grounding import ground
from extractor.models import Region

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    seed_text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = (seed_text * 2)[:10_000]
    region = Region(start=0, end=len(text))
    rng = random.Random(7)
    needles = []
    for _ in range(2000):
        start = rng.randrange(0, len(text) - 200)
        needles.append(text[start : start + rng.randrange(20, 200)])
    for kind, items in (("exact", needles), ("normalized", [n.replace("’", "'").replace("“", '"').replace("”", '"') for n in needles])):
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 2.0:
            for needle in items:
                ground(text, needle, region)
            n += len(items)
        rate = n / (time.perf_counter() - t0)
        print(f"{kind:>10}: {rate:,.0f} lookups/s on a {len(text):,}-char article")


def near_miss_cost() -> None:
    """One fuzzy lookup of a long span that is almost, not exactly, in the article (issue
    12: rapidfuzz alone took 70 ms at 2,000 chars, 2 s at 8,000, 15 s at 16,000)."""
    seed_text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = (seed_text * 3)[:60_000]
    region = Region(start=0, end=len(text))
    for size in (2_000, 8_000, 16_000):
        start = 1_000
        span = text[start : start + size]
        near_miss = span[: size // 2] + "X" + span[size // 2 + 1 :]  # one character off
        times = []
        for _ in range(3):
            # Cold lookup of this span; the article's normalized text is kept, as it is
            # for every span of a document after the first.
            for cache in (locating._align, locating.normalize_text):
                cache.cache_clear()
            t0 = time.perf_counter()
            got = ground(text, near_miss, region, anchor=start)
            times.append(time.perf_counter() - t0)
        times.sort()
        print(f"near-miss {size:>6,}-char span: {got.match} at {got.start}-{got.end} "
              f"(true {start}-{start + size}), median {times[1] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
    near_miss_cost()
