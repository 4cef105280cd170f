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


# ---- the occurrence that belongs to the claim (issue 12) ------------------------------

import random  # noqa: E402

from extractor.grounding import sentence_of  # noqa: E402

SPEAKERS = ["the minister", "the prime minister", "a spokesman", "Reuters", "the police", "she", "he"]
CUES = ["said", "told reporters", "said on Monday", "added"]
QUOTES = ["We will not cut pensions", "taxes would rise", "the talks failed", "We will not cut pensions again",
          "the deal is dead", "taxes would rise sharply"]


def _article(rng: random.Random, n: int) -> tuple[str, list[dict[str, tuple[int, int]]]]:
    """An article of `n` attributed sentences drawn from a few repeated phrases, with the
    true offsets of each claim's spans."""
    text, truth = "", []
    for _ in range(n):
        sp, cue, q = rng.choice(SPEAKERS), rng.choice(CUES), rng.choice(QUOTES)
        if rng.random() < 0.5:
            sentence = f'"{q}," {sp} {cue}. '
            qs = len(text) + 1
            ss = qs + len(q) + 3
            cs = ss + len(sp) + 1
        else:
            sentence = f'{sp[0].upper() + sp[1:]} {cue} "{q}". '
            ss = len(text)
            cs = ss + len(sp) + 1
            qs = cs + len(cue) + 2
            sp = sp[0].upper() + sp[1:]
        text += sentence
        truth.append({"content": (qs, qs + len(q)), "cue": (cs, cs + len(cue)), "source": (ss, ss + len(sp))})
    return text, truth


def _claim_from(text: str, t: dict[str, tuple[int, int]]) -> Claim:
    def s(k: str) -> Span:
        return Span(text=text[t[k][0] : t[k][1]])  # text only: as an LLM answers

    return Claim(claim="x", content=s("content"), cue=s("cue"), source=Source(mention=s("source"), type="person"))


def _wrong(text: str, truth: dict, out: Claim) -> list[str]:
    """Fields pinned somewhere else than their own occurrence without an ambiguity flag."""
    flagged = {f.message.split()[1] for f in out.flags if f.code == "ambiguous_span"}
    got = {"content": out.content, "cue": out.cue, "source": out.source.mention}
    if "content" in flagged:  # the same sentence twice: the claim's spans must go together
        at = sentence_of(text, out.content.start)
        return [k for k, s in got.items() if sentence_of(text, s.start) != at]
    return [k for k, (a, b) in truth.items() if (got[k].start, got[k].end) != (a, b) and k not in flagged]


def test_the_issue_example_pins_the_cue_in_its_own_sentence():
    raw = 'The minister said taxes would rise. "We will not cut pensions," the prime minister said.'
    claim = Claim(claim="x", content=Span(text="We will not cut pensions"), cue=Span(text="said"),
                  source=Source(mention=Span(text="the prime minister"), type="person"))
    out = ground_claim(raw, claim)
    assert out.cue.start == raw.rindex("said") == 83
    assert out.source.mention.start == raw.index("the prime minister")
    assert not out.flags


def test_no_candidate_cap_can_miss_the_right_occurrence():
    raw = "Officials said so. " * 80 + '"Rates will fall," the governor said.'
    claim = Claim(claim="x", content=Span(text="Rates will fall"), cue=Span(text="said"),
                  source=Source(mention=Span(text="the governor"), type="person"))
    out = ground_claim(raw, claim)
    assert out.cue.start == raw.rindex("said")


def test_the_same_sentence_twice_is_flagged_not_silently_exact():
    sentence = '"We will not cut pensions," the minister said. '
    raw = sentence + "Markets rose. " + sentence
    claim = Claim(claim="x", content=Span(text="We will not cut pensions"), cue=Span(text="said"),
                  source=Source(mention=Span(text="the minister"), type="person"))
    out = ground_claim(raw, claim)
    assert [f.code for f in out.flags] == ["ambiguous_span"]
    assert "content" in out.flags[0].message
    # whichever occurrence was chosen, the other spans sit in the same sentence as the content
    assert sentence_of(raw, out.cue.start) == sentence_of(raw, out.content.start)
    assert sentence_of(raw, out.source.mention.start) == sentence_of(raw, out.content.start)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**9), st.integers(2, 40))
def test_repeated_phrases_every_span_at_its_own_occurrence(seed, n):
    rng = random.Random(seed)
    text, truth = _article(rng, n)
    i = rng.randrange(n)
    out = ground_claim(text, _claim_from(text, truth[i]))
    assert not _wrong(text, truth[i], out)


@settings(max_examples=3, deadline=None)
@given(st.integers(0, 10**9))
def test_sixty_thousand_character_articles(seed):
    rng = random.Random(seed)
    text, truth = _article(rng, 1400)
    assert len(text) >= 60_000
    for i in rng.sample(range(len(truth)), 60):
        assert not _wrong(text, truth[i], ground_claim(text, _claim_from(text, truth[i])))
