"""Prompt loading, settings precedence, chunking/merging and cross-check: the LLM engine's pure parts."""

from __future__ import annotations

import json
import shutil

import pytest

from extractor.cleaning import split_articles
from extractor.engines import EngineOutput
from extractor.engines.llm.answer import ClaimAnswer, Extraction, validation_context
from extractor.engines.llm.chunking import chunk_article, merge_claims, sentences
from extractor.engines.llm.crosscheck import cross_check
from extractor.engines.llm.pricing import cost_usd
from extractor.engines.llm.prompting import PROMPTS_DIR, PromptError, load_prompt
from extractor.models import Claim, RawInput, Source, Span
from extractor.settings import SettingsError, load_settings


def test_prompt_version_and_examples_from_seeds():
    p = load_prompt()
    assert p.prompt_version.startswith("attribution-v1+") and len(p.sha8) == 8
    assert len(p.examples) >= 3
    root = PROMPTS_DIR.parent
    for ex in p.examples:  # examples are real seed text
        seed = root / ex.source.split(" ")[0]
        assert seed.is_file()
    assert "<example_article>" in p.system


def test_broken_example_raises_and_edit_changes_hash(tmp_path):
    shutil.copytree(PROMPTS_DIR / "attribution", tmp_path / "attribution")
    f = tmp_path / "attribution" / "examples.json"
    data = json.loads(f.read_text(encoding="utf-8"))
    data[0]["claims"][0]["quote"] = "words the article never says"
    f.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PromptError, match="words the article never says"):
        load_prompt("attribution", tmp_path)
    data[0]["claims"][0]["quote"] = None
    f.write_text(json.dumps(data), encoding="utf-8")
    assert load_prompt("attribution", tmp_path).sha8 != load_prompt().sha8


def test_validators_use_context_and_accept_normalized():
    ctx = validation_context("He said \u201cwe\u2019re ready\u201d \u2014 today.")
    ok = {"claim": "x", "content": 'said "we\'re ready" - today.', "cue": "said"}
    assert ClaimAnswer.model_validate(ok, context=ctx).content
    with pytest.raises(Exception, match="does not occur in the article"):
        ClaimAnswer.model_validate({"claim": "x", "content": "we are ready"}, context=ctx)
    # without a context (lenient parse) the check stands aside
    assert ClaimAnswer.model_validate({"claim": "x", "content": "we are ready"}).content
    with pytest.raises(Exception):
        Extraction.model_validate({"items": []})


def test_settings_precedence(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[llm]\nmodel = "file-model"\nmax_reasks = 5\ntimeout = 9\n[prices]\n"file-model" = [1.0, 2.0]\n')
    monkeypatch.setenv("EXTRACTOR_MAX_REASKS", "3")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env-123456")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://env:1/v1")
    s = load_settings(cfg, timeout=None)
    assert (s.model, s.max_reasks, s.timeout, s.base_url) == ("file-model", 3, 9.0, "http://env:1/v1")
    assert s.api_key.get_secret_value() == "sk-from-env-123456" and "sk-from-env" not in repr(s)
    assert s.prices["file-model"] == (1.0, 2.0) and "gpt-4o-mini" in s.prices
    s = load_settings(cfg, model="flag-model", max_reasks=0, base_url="http://flag/v1")
    assert (s.model, s.max_reasks, s.base_url) == ("flag-model", 0, "http://flag/v1")
    with pytest.raises(SettingsError):
        load_settings(tmp_path / "missing.toml")
    with pytest.raises(SettingsError, match="mode"):
        load_settings(None, mode="xml")


def test_cost_prefix_and_unknown():
    assert cost_usd("gpt-4o-mini-2024-07-18", 1_000_000, 0) == pytest.approx(0.15)
    assert cost_usd("qwen2.5-7b-instruct", 10**6, 10**6) == 0.0


def test_chunks_are_sentence_aligned_and_overlap():
    text = "Title Line Here\n\n" + "\n\n".join(f"Sentence {i} is here. Another one {i} follows." for i in range(60)) + "\n"
    art = split_articles(RawInput(input_id="d", text=text))[0]
    chunks = chunk_article(text, art, budget_tokens=60)
    assert len(chunks) > 3
    units = [s for p in art.body for s in sentences(text, p)]
    unit_set = {(u.start, u.end) for u in units}
    for c in chunks:
        assert all((u.start, u.end) in unit_set for u in c.units)
        assert len(c.text(text, art.body)) <= 60 * 4 or len(c.units) == 1
    for a, b in zip(chunks, chunks[1:]):
        assert b.units[0] in a.units, "consecutive chunks overlap by a sentence"
        assert b.context
    covered = {(u.start, u.end) for c in chunks for u in c.units}
    assert covered == unit_set


def test_merge_dedupes_by_span_keeps_the_fuller():
    a = Claim(claim="x", content=Span(text="abc def", start=10, end=17, match="exact"))
    b = Claim(claim="x", content=Span(text="abc def", start=10, end=17, match="exact"),
              source=Source(mention=Span(text="the minister"), type="person"), cue=Span(text="said"))
    c = Claim(claim="y", content=Span(text="other", start=40, end=45, match="exact"))
    merged = merge_claims([a, b, c])
    assert len(merged) == 2 and merged[0].cue is not None


class _FakeOffline:
    def __init__(self, claims):
        self.claims = claims

    def extract(self, raw, article, include_unattributed=False):
        return EngineOutput(claims=self.claims)


def test_cross_check_flags_disagreements():
    text = "Head Line Is Here\n\nThe minister said the plan is final. Rebels said the town fell on Monday.\n"
    art = split_articles(RawInput(input_id="d", text=text))[0]
    llm = [
        Claim(claim="a", content=Span(text="the plan is final"), source=Source(mention=Span(text="The minister"), type="person")),
        Claim(claim="b", content=Span(text="the town fell on Monday"), source=Source(name="the army", type="organization")),
        Claim(claim="c", content=Span(text="nothing like this"), source=Source(type="anonymous")),
    ]
    offline = [
        Claim(claim="a", content=Span(text="The minister said the plan is final"), source=Source(mention=Span(text="The minister"))),
        Claim(claim="b", content=Span(text="the town fell on Monday"), source=Source(mention=Span(text="Rebels"), name="Rebels")),
    ]
    out = cross_check(text, art, llm, _FakeOffline(offline))
    flags = [[f.code for f in c.flags] for c in out]
    assert flags[0] == []
    assert flags[1] == ["cross_check_disagrees"] and "Rebels" in out[1].flags[0].message
    assert flags[2] == ["cross_check_disagrees"]
    assert out[0].content.start is None, "cross-check does not ground on the pipeline's behalf"


def test_harmless_type_slips_are_coerced_not_reasked(caplog):
    """Issue 12: "0.9", null relays and "Person" failed strict validation (re-ask, then drop)."""
    import json
    import logging

    from extractor.engines.llm.answer import validation_context
    from extractor.engines.llm.reask import PREPARED

    article = "The minister said taxes would rise."
    answer = {"claims": [{"claim": "Taxes will rise.", "content": "taxes would rise", "cue": "said",
                          "source_mention": "The minister", "source_type": "Person", "stance": "Asserted",
                          "relays": None, "confidence": "0.9"}]}
    with caplog.at_level(logging.INFO, logger="extractor.engines.llm"):
        got = PREPARED.model_validate_json(json.dumps(answer), context=validation_context(article), strict=True)
    c = got.claims[0]
    assert (c.source_type, c.stance, c.relays, c.confidence) == ("person", "asserted", [], 0.9)
    assert "coerced confidence='0.9'" in caplog.text
    bad = dict(answer["claims"][0], confidence="very")  # not a slip: still an error
    import pydantic
    import pytest
    with pytest.raises(pydantic.ValidationError):
        PREPARED.model_validate_json(json.dumps({"claims": [bad]}), context=validation_context(article), strict=True)
