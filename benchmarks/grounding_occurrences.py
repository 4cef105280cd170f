"""Wrong-occurrence spans: how many verbatim fields grounding pins somewhere else than the
place that belongs to the claim, without saying so (issue 12: must be 0).

Each gold claim is handed to grounding as an LLM answers it (the strings only, no
offsets) and every field's offsets are compared with the gold ones. A field pinned
elsewhere is "wrong" unless it carries an `ambiguous_span` flag (then it is counted as
flagged). Two inputs: the seed gold set, and a 60,000-character article written from a
handful of repeated phrases (speakers, cues and quotes reused hundreds of times).

Run: python benchmarks/grounding_occurrences.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from extractor.evaluate.gold import load_gold
from extractor.grounding import ground_claim
from extractor.models import Claim, Region, Span

ROOT = Path(__file__).resolve().parent.parent
SPEAKERS = ["the minister", "the prime minister", "a spokesman", "Reuters", "the police", "she", "he", "officials"]
CUES = ["said", "told reporters", "said on Monday", "added", "according to"]
QUOTES = ["We will not cut pensions", "taxes would rise", "the talks failed", "We will not cut pensions again",
          "the deal is dead", "taxes would rise sharply", "the ceasefire holds"]


def textless(claim: Claim) -> Claim:
    """The claim as a model states it: verbatim strings without offsets."""
    def strip(s: Span | None) -> Span | None:
        return Span(text=s.text) if s else None

    return claim.model_copy(update={
        "content": strip(claim.content), "quote": strip(claim.quote), "cue": strip(claim.cue),
        "source": claim.source.model_copy(update={"mention": strip(claim.source.mention)}),
        "via": [r.model_copy(update={"mention": strip(r.mention)}) for r in claim.via], "flags": []})


def count(text: str, gold: Claim, region: Region, tally: dict[str, int]) -> None:
    out = ground_claim(text, textless(gold), region)
    flagged = {f.message.split()[1] for f in out.flags if f.code == "ambiguous_span"}
    for (field, want), (_, got) in zip(gold.spans(), out.spans()):
        tally["spans"] += 1
        if (got.start, got.end) == (want.start, want.end):
            continue
        tally["flagged" if field in flagged or "content" in flagged else "wrong"] += 1


def repeated_article(rng: random.Random, chars: int) -> tuple[str, list[tuple[Claim, Region]]]:
    text, claims = "", []
    while len(text) < chars:
        sp, cue, q = rng.choice(SPEAKERS), rng.choice(CUES), rng.choice(QUOTES)
        if cue == "according to":
            parts = [(q[0].upper() + q[1:], "content"), (", ", None), (cue, "cue"), (" ", None), (sp, "source"), (". ", None)]
        elif rng.random() < 0.5:
            parts = [('"', None), (q, "content"), ('," ', None), (sp, "source"), (" ", None), (cue, "cue"), (". ", None)]
        else:
            parts = [(sp[0].upper() + sp[1:], "source"), (" ", None), (cue, "cue"), (' "', None), (q, "content"), ('". ', None)]
        at: dict[str, Span] = {}
        for piece, field in parts:
            if field:
                at[field] = Span(text=piece, start=len(text), end=len(text) + len(piece), match="exact")
            text += piece
        claims.append(Claim.model_validate({"claim": "x", "content": at["content"], "cue": at["cue"],
                                            "source": {"mention": at["source"], "type": "person"}}))
    region = Region(start=0, end=len(text))
    return text, [(c, region) for c in claims]


def main() -> None:
    t0 = time.perf_counter()
    seeds = {"spans": 0, "wrong": 0, "flagged": 0}
    for doc in load_gold(ROOT / "evals" / "gold" / "seeds.jsonl", ROOT / "seeds"):
        for result in doc.results:
            for c in result.claims:
                count(doc.text, c, result.span or Region(start=0, end=len(doc.text)), seeds)
    print(f"seeds: {seeds['wrong']} wrong-occurrence spans of {seeds['spans']} ({seeds['flagged']} flagged ambiguous_span)")
    text, claims = repeated_article(random.Random(12), 60_000)
    big = {"spans": 0, "wrong": 0, "flagged": 0}
    for c, region in claims:
        count(text, c, region, big)
    print(f"{len(text):,}-char article of repeated phrases ({len(claims)} claims): {big['wrong']} wrong-occurrence "
          f"spans of {big['spans']} ({big['flagged']} flagged ambiguous_span)")
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
