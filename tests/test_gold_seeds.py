"""The seed gold set: every span pinned to the raw seed files, every claim inside an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.cleaning import split_articles
from extractor.evaluate.gold import load_gold
from extractor.loading import read_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "gold" / "seeds.jsonl"
QUOTES = "\"“”'‘’"


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def all_spans(claim):
    spans = list(claim.spans())
    for field, parts in (claim.fragments or {}).items():
        spans.extend((f"{field} fragment", p) for p in parts)
    return spans


def test_every_seed_file_has_gold(gold):
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(d.input_id for d in gold) == seeds


def test_doc_ids_follow_the_splitter(gold):
    for doc in gold:
        articles = split_articles(next(read_file(str(ROOT / "seeds" / doc.input_id))))
        assert [r.doc_id for r in doc.results] == [a.doc_id for a in articles]


def test_every_span_matches_its_offsets(gold):
    n = 0
    for doc in gold:
        raw = next(read_file(str(ROOT / "seeds" / doc.input_id))).text
        assert raw == doc.text
        for claim in doc.claims:
            for field, span in all_spans(claim):
                assert span.match == "exact", (doc.input_id, field, span)
                assert raw[span.start : span.end] == span.text, (doc.input_id, field, span.text)
                n += 1
    assert n > 250


def test_claims_lie_inside_their_article_body(gold):
    for doc in gold:
        articles = {a.doc_id: a for a in split_articles(doc.raw_input())}
        for result in doc.results:
            article = articles[result.doc_id]
            for claim in result.claims:
                para = [b for b in article.body if b.start <= claim.content.start and claim.content.end <= b.end]
                assert para, (result.doc_id, claim.content.text)
                for _, span in all_spans(claim):
                    assert para[0].start <= span.start and span.end <= para[0].end, span.text


def test_content_follows_the_guideline(gold):
    for doc in gold:
        for claim in doc.claims:
            text = claim.content.text
            assert not text.lower().startswith("that "), text
            assert text == text.strip() and not text.endswith(","), text
            assert not (text[0] in QUOTES and text[-1] in QUOTES and text.count('"') + text.count("“") <= 1), text
            if claim.quote:
                assert claim.content.start <= claim.quote.start and claim.quote.end <= claim.content.end
            if claim.source.type in {"anonymous"}:
                assert claim.source.name is None and claim.source.descriptor
            if claim.source.mention is None:
                assert claim.source.type == "unattributed"


def test_gold_covers_every_seed_article(gold):
    counts = {r.doc_id: len(r.claims) for d in gold for r in d.results}
    assert all(n >= 3 for n in counts.values()), counts
    assert sum(counts.values()) >= 80
