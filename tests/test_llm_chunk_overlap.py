"""Claims a model takes from a chunk's `<context>` block (the neighbour's text) do not
survive as partial duplicates of the neighbour's claims; they are kept when the
neighbour was not answered (issue 12)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from llm_support import engine, fresh, mock, reset  # noqa: E402,F401  (fixtures)
from mock_openai import Reply, claim_dict  # noqa: E402

from extractor.cleaning import split_articles  # noqa: E402
from extractor.models import RawInput  # noqa: E402
from extractor.pipeline import process  # noqa: E402

# Sentences of my own, each a different claim with its own source and cue.
TEXT = "Harbour Plans\n\n" + "\n\n".join(
    f"Councillor {name} said the harbour wall at pier {i} would be rebuilt before the winter storms arrive."
    for i, name in enumerate(["Ames", "Baker", "Chen", "Dorsey", "Ellis", "Fisher", "Garcia", "Hale"] * 12)) + "\n"


def _plan(eng):
    raw = RawInput(input_id="h", text=TEXT)
    article = split_articles(raw)[0]
    chunks = eng.plan(raw.text, article)
    assert len(chunks) >= 2 and chunks[1].context
    return raw, chunks


def _borrowed_case(eng):
    """The sentence just before chunk 2 (inside chunk 1, shown to chunk 2 as context),
    a claim on it for chunk 1 and a partial one for chunk 2."""
    raw, chunks = _plan(eng)
    second = chunks[1]
    before = max((u for u in chunks[0].units if u.end <= second.region.start), key=lambda u: u.start)
    sentence = raw.text[before.start:before.end]
    assert sentence in second.context and sentence not in raw.text[second.region.start:second.region.end]
    tail = sentence[sentence.index("the harbour"):].rstrip(".")  # what a block cut mid-sentence shows
    source = sentence[: sentence.index(" said")]
    whole = claim_dict(sentence.rstrip("."), cue="said", source_mention=source, source_type="person")
    partial = claim_dict(tail, cue=None, source_type="anonymous")
    return raw, chunks, before, whole, partial


def _overlapping(doc):
    spans = sorted((c.content.start, c.content.end) for c in doc.claims if c.content.start is not None)
    return [(a, b) for a, b in zip(spans, spans[1:]) if b[0] < a[1]]


def test_a_claim_from_the_context_block_does_not_duplicate_the_neighbours(mock):
    eng = engine(mock, context_tokens=4096)
    raw, chunks, before, whole, partial = _borrowed_case(eng)
    # the sync path asks the chunks in order: one reply each
    mock.script(Reply.with_claims([whole]), Reply.with_claims([partial]), *[Reply.auto()] * (len(chunks) - 2))
    doc = process(raw, eng)[0]
    assert not doc.errors, doc.errors
    inside = [c for c in doc.claims if c.content.start is not None and before.start <= c.content.start < before.end]
    assert len(inside) == 1 and inside[0].content.text == whole["content"], [c.content.text for c in inside]
    assert not _overlapping(doc)


def test_a_claim_from_the_context_block_is_kept_when_its_owner_was_not_answered(mock):
    eng = engine(mock, context_tokens=4096)
    raw, chunks, before, whole, partial = _borrowed_case(eng)
    mock.script(*[Reply.server_error()] * 3, Reply.with_claims([partial]), *[Reply.auto()] * (len(chunks) - 2))
    doc = process(raw, eng)[0]
    kept = [c for c in doc.claims if c.content.text == partial["content"]]
    assert len(kept) == 1, (doc.errors, [c.content.text for c in doc.claims][:5])
    assert before.start <= kept[0].content.start < before.end and kept[0].content.match == "exact"


def test_a_claim_reaching_into_the_block_with_its_cue_in_the_chunk_is_the_chunks(mock):
    eng = engine(mock, context_tokens=4096)
    raw, chunks, before, whole, partial = _borrowed_case(eng)
    first = raw.text[chunks[1].units[0].start:chunks[1].units[0].end]
    cue = first[: first.index(" said") + 5]  # "Councillor X said": only in the chunk
    reaching = dict(partial, source_mention=cue[: -5], cue="said")
    mock.script(Reply.auto(), Reply.with_claims([reaching]), *[Reply.auto()] * (len(chunks) - 2))
    doc = process(raw, eng)[0]
    assert any(c.content.text == partial["content"] for c in doc.claims)
