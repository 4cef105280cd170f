"""A reviewed claim's sentence reads like the engines' own (issue 15: gold you can trust)."""

from extractor.models import Claim, Relay, Source, Span
from extractor.review import decisions as rv
from extractor.review.sentences import build, rewrite, who

RAW = ('The minister said taxes would rise. "We will not cut pensions," they said. '
       'Officials told the Daily Ledger the call for a truce was welcome.')


def span(needle: str, after: int = 0) -> Span:
    i = RAW.index(needle, after)
    return Span(text=needle, start=i, end=i + len(needle), match="exact")


def test_only_the_subject_changes_when_only_the_source_does():
    old = Claim(claim='They said: "We will not cut pensions."', content=span("We will not cut pensions"),
                cue=span("said", 40), source=Source(mention=span("they"), type="person"))
    new = old.model_copy(update={"source": Source(name="Maria Lopez", type="person")})
    assert rewrite(old, new, RAW) == 'Maria Lopez said: "We will not cut pensions."'


def test_a_new_content_builds_who_verb_content_not_a_formula():
    c = Claim(claim="", content=span("the call for a truce was welcome"), cue=span("told"),
              source=Source(mention=span("Officials"), type="anonymous"), via=[Relay(name="Daily Ledger", type="media")])
    assert build(c, RAW) == "Officials told the call for a truce was welcome, according to Daily Ledger."
    c = c.model_copy(update={"cue": Span(text="according to", match="unverified"), "via": []})
    assert build(c, RAW) == "Officials said the call for a truce was welcome."


def test_who_gives_a_description_its_article_and_a_missing_source_a_word():
    assert who(Claim(claim="x", content=span("taxes"), source=Source(descriptor="senior official", type="anonymous"))) == "A senior official"
    assert who(Claim(claim="x", content=span("taxes"), source=Source(descriptor="informed sources", type="anonymous"))) == "Informed sources"
    assert who(Claim(claim="x", content=span("taxes"))) == "An unnamed source"


def test_participle_and_passive_cues_become_a_finite_verb():
    base = Claim(claim="", content=span("taxes would rise"), source=Source(name="The minister", type="person"))
    assert build(base.model_copy(update={"cue": Span(text="saying", match="unverified")}), RAW) == "The minister said taxes would rise."
    assert build(base.model_copy(update={"cue": Span(text="was told by", match="unverified")}), RAW) == "The minister said taxes would rise."
    assert build(base.model_copy(update={"cue": Span(text="has warned", match="unverified")}), RAW) == "The minister has warned taxes would rise."


def test_edit_claim_rewrites_after_a_cue_change_too():
    c = Claim(claim="The minister said taxes would rise.", content=span("taxes would rise"), cue=span("said"),
              source=Source(mention=span("The minister"), name="The minister", type="person"))
    i = RAW.index("said")
    fixed = rv.edit_claim(RAW, c, spans={"cue": Span(text="said", start=i, end=i + 4, match="exact")})
    assert fixed.claim == c.claim  # the same cue: the reviewer's sentence stands
    edited = rv.edit_claim(RAW, c, spans={"cue": Span(text="told", match="unverified")})
    assert edited.claim != c.claim and "told" in edited.claim
