"""The `claim` field reads as English (sentences.py): a grammatical, self-contained sentence
that keeps the cue's meaning, on every seed claim and on sentences written for it."""

import re
from pathlib import Path

import pytest

from extractor.engines import get_engine
from extractor.engines.offline.nlp import load_nlp
from extractor.engines.offline.sentences import past
from extractor.loading import read_inputs
from extractor.pipeline import process

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def claims_of(text_or_inputs, engine):
    raws = text_or_inputs if isinstance(text_or_inputs, list) else None
    return [c for raw in raws for d in process(raw, engine) for c in d.claims]


@pytest.fixture(scope="module")
def seed_claims():
    engine = get_engine("offline")
    return claims_of(list(read_inputs([str(SEEDS)])), engine)


def problems(sentence: str, nlp) -> list[str]:
    """What keeps a claim from reading as a sentence."""
    out = []
    if not sentence[:1].isupper() and not sentence[:1] in "\"“":
        out.append("does not start with a capital")
    if not re.search(r"[.!?…][\"”’']?$", sentence):
        out.append("does not end like a sentence")
    if re.match(r"According to [a-z]", sentence) or re.search(r"\bAccording to (source|sources|official)\b", sentence):
        out.append("a bare descriptor without its article")
    if re.match(r"(A|An|The) (A|An|The)\b", sentence):
        out.append("a doubled article")
    if sentence.count('"') % 2:
        out.append("unbalanced quotation marks")
    doc = nlp(sentence)
    first = next(doc.sents)
    # A noun phrase is not a sentence: the first sentence needs a finite verb of its own.
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in first):
        out.append("no finite verb (a bare noun phrase)")
    return out


def test_every_seed_claim_reads_as_a_sentence(seed_claims):
    nlp = load_nlp()
    assert len(seed_claims) >= 100
    bad = {c.claim: p for c in seed_claims if (p := problems(c.claim, nlp))}
    assert not bad, bad


def test_seed_claims_keep_the_cue_and_name_the_source(seed_claims):
    for c in seed_claims:
        assert not c.claim.startswith("According to "), c.claim
        if c.source.name and c.source.type == "person":
            assert c.source.name.split()[-1] in c.claim, c.claim


def test_noun_phrase_contents_keep_their_verb(run):
    rows = run("The White House also blamed the militia for the strike on the harbour.\n\n"
               "Prime Minister Ana Kask welcomed the call for a truce.\n\n"
               "The league's chief, Tomas Berg, announced a ban on night games.\n\n"
               "A source told the Daily Ledger that the talks had stalled.\n\n"
               "Two officials said the port would stay closed, according to the Harbour Gazette.")
    claims = [r[3].claim for r in rows]
    assert "The White House also blamed the militia for the strike on the harbour." in claims
    assert "Ana Kask welcomed the call for a truce." in claims
    assert "Tomas Berg announced a ban on night games." in claims
    assert "A source told the Daily Ledger that the talks had stalled." in claims or \
        "A source told Daily Ledger that the talks had stalled." in claims


def test_quotations_participles_and_unsourced_claims(run):
    rows = run('"We were slow in the first half," the coach said.\n\n'
               "The mayor left early, saying the vote was rigged.\n\n"
               "The bridge was reportedly closed for repairs.\n\n"
               "Officials said the water was safe, calling the reports \"baseless\".")
    claims = [r[3].claim for r in rows]
    assert 'The coach said: "We were slow in the first half."' in claims
    assert any(c.startswith("The mayor said the vote was rigged") for c in claims), claims
    assert any(c.startswith("Officials called the reports") for c in claims), claims


def test_told_keeps_whom_after_a_quotation_and_relays_keep_their_article(run):
    rows = run('"We will rebuild," Ana Ruiz told reporters on Tuesday.\n\n'
               '"We will not sell," Tom Hale told the Harbour Gazette.\n\n'
               "The minister said in an interview with the Harbour Gazette that taxes would rise.")
    claims = [r[3].claim for r in rows]
    assert 'Ana Ruiz told reporters on Tuesday: "We will rebuild."' in claims, claims
    assert 'Tom Hale told the Harbour Gazette: "We will not sell."' in claims, claims
    assert "The minister said taxes would rise, according to the Harbour Gazette." in claims, claims


def test_a_group_keeps_its_articles_and_a_lost_what_becomes_it(run):
    rows = run("Israel and the United States blamed the militia for the strike.\n\n"
               "He tweeted a slogan, in what observers said was a sign of defeat.")
    claims = [r[3].claim for r in rows]
    assert "Israel and the United States blamed the militia for the strike." in claims, claims
    assert "Observers said it was a sign of defeat." in claims, claims


def test_a_pronoun_for_an_institution_keeps_its_article(run):
    rows = run('The White House on Sunday blamed the militia for the strike. "This attack was planned," it said.\n\n'
               'Reuters obtained the memo. "It is genuine," it said.')
    claims = [r[3].claim for r in rows]
    assert 'The White House said: "This attack was planned."' in claims, claims
    assert 'Reuters said: "It is genuine."' in claims, claims


def test_an_apposition_before_the_verb_is_closed_by_a_comma(run):
    rows = run("The striker, 24, told the Harbour Gazette he was ready to play.\n\n"
               "Ortiz, Lund and Berg said the deal was fair.")
    claims = [r[3].claim for r in rows]
    assert "The striker, 24, told the Harbour Gazette that he was ready to play." in claims, claims
    assert "Ortiz, Lund and Berg said the deal was fair." in claims, claims


@pytest.mark.parametrize("lemma, form", [("say", "said"), ("call", "called"), ("deny", "denied"), ("place", "placed"),
                                         ("admit", "admitted"), ("pledge", "pledged"), ("write", "wrote")])
def test_past_tense(lemma, form):
    assert past(lemma) == form
