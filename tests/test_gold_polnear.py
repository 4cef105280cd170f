"""PolNeAR-style span gold converted into the Claim contract (read from ../shared, never copied)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate.gold import GoldError, guess_source_type, load_gold, polnear_doc, strip_quotes
from extractor.models import Span

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"

TOY = {
    "doc_id": "toy", "text": '"We will win," she said, "and soon." Officials said it rained.',
    "attributions": [
        {"id": "E1", "source": "she", "source_span": [15, 18], "source_fragments": [[15, 18]],
         "cue": "said", "cue_span": [19, 23], "cue_fragments": [[19, 23]],
         "content": '"We will win," "and soon."', "content_span": [0, 36],
         "content_fragments": [[0, 14], [25, 36]], "direct_quote": True, "discontinuous": True},
        {"id": "E2", "source": None, "source_span": None, "source_fragments": [],
         "cue": "said", "cue_span": [47, 51], "cue_fragments": [[47, 51]],
         "content": "it rained", "content_span": [52, 61], "content_fragments": [[52, 61]],
         "direct_quote": False, "discontinuous": False},
    ],
}


def test_toy_discontinuous_quote_keeps_pieces_and_covering_span():
    doc = polnear_doc(TOY)
    first, second = doc.claims
    assert first.content.text == TOY["text"][0:36]
    assert [p.text for p in first.fragments["content"]] == ['"We will win,"', '"and soon."']
    assert first.source.mention.text == "she" and first.cue.text == "said"
    assert first.quote.text == 'We will win," she said, "and soon.'
    assert second.source.mention is None and second.source.type == "unattributed"
    assert doc.scheme == "polnear" and doc.typed is False


def test_strip_quotes_moves_offsets():
    s = strip_quotes(Span(text="“Hi there,”", start=10, end=21, match="exact"))
    assert (s.text, s.start, s.end) == ("Hi there", 11, 19)


@pytest.mark.parametrize("mention,expected", [
    (None, "unattributed"), ("The New York Post", "media"), ("a source", "anonymous"),
    ("Clinton campaign", "organization"), ("Donald Trump", "person"), ("he", "person"),
])
def test_guess_source_type(mention, expected):
    assert guess_source_type(mention) == expected


def test_bad_gold_is_a_clear_error(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(GoldError, match="line 1"):
        load_gold(bad)
    with pytest.raises(GoldError, match="no such gold file"):
        load_gold(tmp_path / "missing.jsonl")


@pytest.mark.skipif(not DEV.is_file(), reason="PolNeAR dev split not present in ../shared")
def test_first_polnear_dev_docs_convert_exactly(tmp_path):
    lines = DEV.read_text(encoding="utf-8").splitlines()[:5]
    sample = tmp_path / "dev5.jsonl"  # a temp copy only: the text is never committed
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = load_gold(sample)
    assert len(docs) == 5
    for doc, line in zip(docs, lines):
        obj = json.loads(line)
        assert doc.input_id == obj["doc_id"] and len(doc.claims) == len(obj["attributions"])
        for claim in doc.claims:
            for _, span in claim.spans():
                assert doc.text[span.start : span.end] == span.text
        for att in obj["attributions"]:
            if not att["discontinuous"]:
                s, e = att["content_span"]
                assert any(c.content.start == s and c.content.end == e for c in doc.claims)
