"""Grounding: every proposal comes back pinned to raw offsets, or honestly unverified."""

from hypothesis import given, settings, strategies as st

from extractor.grounding import ground, ground_claim, normalize
from extractor.models import Claim, Region, Source, Span

TEXT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=300), st.data())
def test_any_substring_grounds_to_its_own_offsets(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    needle = text[start:end]
    span = ground(text, needle)
    assert span.match == "exact"
    assert text[span.start : span.end] == needle
    # The first occurrence is returned without an anchor; with the true start as anchor
    # the very same occurrence comes back.
    anchored = ground(text, needle, anchor=start)
    assert (anchored.start, anchored.end) == (start, end)


VARIANTS = {"'": "\u2019", '"': "\u201d", "-": "\u2014", " ": "\u00a0"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["said", "the", "'", '"', "-", " ", "war", "Reuters", "..."]), min_size=3, max_size=40), st.data())
def test_normalized_variants_map_back_to_the_raw_text(words, data):
    raw = "".join(words)
    typed = "".join(VARIANTS.get(ch, ch) for ch in raw)  # what a model might write back
    if typed == raw or not raw.strip():
        return
    article = "Intro. " + raw + " Outro."
    span = ground(article, typed, fuzzy=False)
    assert span.match in ("exact", "normalized")
    assert span.start is not None
    assert normalize(article[span.start : span.end]).text.strip() == normalize(typed).text.strip()


def test_typographic_variants_are_normalized_and_flagged():
    raw = "He said the deal was \u201chistoric\u201d \u2014 and\u00a0final\u2026 really."
    span = ground(raw, 'the deal was "historic" - and final... really')
    assert span.match == "normalized"
    assert raw[span.start : span.end] == "the deal was \u201chistoric\u201d \u2014 and\u00a0final\u2026 really"


def test_fuzzy_match_near_the_claim_and_unverified_otherwise():
    raw = "Officials said the ceasefire would apply to the Blue Line between the two countries."
    fuzzy = ground(raw, "the ceasefire will apply to the Blue Line between the two countries")
    assert fuzzy.match == "fuzzy" and fuzzy.start is not None
    missing = ground(raw, "Iran launched a missile at Tel Aviv yesterday evening")
    assert missing.match == "unverified" and missing.start is None


def test_ground_claim_flags_what_is_not_exact_and_keeps_the_text():
    raw = "A source told Reuters that the talks failed."
    claim = Claim(
        claim="x",
        content=Span(text="the talks collapsed completely in Geneva"),
        cue=Span(text="told"),
        source=Source(mention=Span(text="A source"), type="anonymous"),
    )
    out = ground_claim(raw, claim, Region(start=0, end=len(raw)))
    assert out.content.match == "unverified" and out.content.text == "the talks collapsed completely in Geneva"
    assert out.cue.match == "exact" and raw[out.cue.start : out.cue.end] == "told"
    assert [f.code for f in out.flags] == ["unverified_span"]


def test_engine_offsets_are_trusted_only_when_they_hold():
    raw = "said X. He said Y."
    claim = Claim(claim="x", content=Span(text="Y", start=16, end=17), cue=Span(text="said", start=0, end=4))
    out = ground_claim(raw, claim)
    assert out.cue.start == 0
    wrong = Claim(claim="x", content=Span(text="Y", start=16, end=17), cue=Span(text="said", start=1, end=5))
    assert ground_claim(raw, wrong).cue.start == 11  # re-found nearest the content
