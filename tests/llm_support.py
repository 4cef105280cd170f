"""Shared setup of the LLM engine tests: a fast-retrying engine against the mock server,
one mock per test module (`mock`), reset before each test (`fresh`, autouse)."""

from __future__ import annotations

import asyncio

import pytest
from mock_openai import MockOpenAI

from extractor.cleaning import split_articles
from extractor.engines.llm import LLMEngine
from extractor.models import RawInput

ARTICLE = (
    "Talks Resume in Geneva\n\n"
    "The foreign minister said the talks would resume on Monday in Geneva.\n\n"
    "Officials denied that any deal had been reached. The weather was mild all week in the city.\n"
)


def engine(mock: MockOpenAI, **kw) -> LLMEngine:
    """An engine pointed at the mock, with retries and backoff short enough for tests."""
    opts = dict(base_url=mock.base_url, model="mock-model", backoff_initial=0.01, backoff_max=0.05, timeout=5.0,
                max_retries=2, retry_after_max=2.0)
    opts.update(kw)
    return LLMEngine(**opts)


def reset(mock: MockOpenAI) -> None:
    """Forget the previous test's script, key, models and latency."""
    mock.reset()
    mock.api_key = None
    mock.models = None
    mock.context_limit = None
    mock.tokenizer_chars = None
    mock.latency = 0.0


@pytest.fixture(scope="module")
def mock():
    with MockOpenAI() as m:
        yield m


@pytest.fixture(autouse=True)
def fresh(mock):
    reset(mock)
    yield


def aextract(eng: LLMEngine, text: str = ARTICLE):
    """The engine's async path on one article, its HTTP session closed after."""
    raw = RawInput(input_id="d", text=text)

    async def go():
        try:
            return await eng.aextract(raw.text, split_articles(raw)[0])
        finally:
            await eng.aclose()

    return asyncio.run(go())
