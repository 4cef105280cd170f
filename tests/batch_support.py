"""Shared helpers for the batch tests (store, runner, export, resume): a tiny rule engine
that proposes claims from sentences with "said", and small synthetic articles (our own
text: no publisher copy in the repo)."""

from __future__ import annotations

import asyncio
import re

from extractor.engines import EngineOutput
from extractor.models import Article, Claim, Source, Span, Usage

SENT = re.compile(r"[^.!?]+[.!?]")


def article_text(n: int) -> str:
    return (
        f"Harbour plan number {n} approved\n\n"
        f"The council approved harbour plan number {n} on Tuesday after a long debate.\n\n"
        f"\"We expect the works to start in spring {2000 + n},\" said Mayor Ada Quill.\n\n"
        f"Residents said the noise from project {n} would be a problem for months.\n"
    )


class SaidEngine:
    """Proposes one claim per sentence containing 'said'. Counts its calls."""

    name = "said"
    model = "rules-1"
    prompt_version = "v1"

    def __init__(self, fail_on: set[str] | None = None, delay: float = 0.0):
        self.calls = 0
        self.fail_on = fail_on or set()
        self.delay = delay

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        self.calls += 1
        if article.input_id in self.fail_on:
            raise RuntimeError(f"model refused {article.input_id}")
        claims = []
        for region in article.body:
            for m in SENT.finditer(raw, region.start, region.end):
                s = m.group(0).strip()
                if " said" in s:
                    claims.append(Claim(claim=s, content=Span(text=s), cue=Span(text="said"),
                                        source=Source(name="someone", type="person")))
        return EngineOutput(claims=claims, usage=Usage(requests=1, prompt_tokens=100, completion_tokens=20, cost_usd=0.001))


class AsyncSaidEngine(SaidEngine):
    name = "said-async"

    async def aextract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        if self.delay:
            await asyncio.sleep(self.delay)
        return self.extract(raw, article, include_unattributed)
