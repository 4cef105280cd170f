"""Grounding lookups per second on a 10k-character article (issue floor: 20,000/s exact hits).

Run: python benchmarks/grounding_speed.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

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


if __name__ == "__main__":
    main()
