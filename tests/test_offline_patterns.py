"""Attribution patterns of the offline engine on sentences written for these tests."""

import pytest

from extractor.engines import get_engine
from extractor.models import RawInput
from extractor.pipeline import process


@pytest.fixture(scope="module")
def run():
    engine = get_engine("offline")

    def _run(text):
        claims = [c for d in process(RawInput(input_id="t", text=text), engine) for c in d.claims]
        return [(c.source.mention.text if c.source.mention else None, c.cue.text if c.cue else None, c.content.text, c) for c in claims]
    return _run


def one(rows, source):
    hits = [r for r in rows if r[0] == source]
    assert hits, rows
    return hits[0]


def test_plain_inverted_trailing_and_parenthetical(run):
    rows = run("The mayor said the bridge would reopen in May.\n\n"
               "The bridge would reopen in May, city officials said.\n\n"
               "In the long run, several engineers said, the repairs could cost twice as much.\n\n"
               "Kaine now says, however, that he supports the plan.")
    assert one(rows, "The mayor")[2] == "the bridge would reopen in May"
    assert one(rows, "city officials")[2] == "The bridge would reopen in May"
    engineers = one(rows, "several engineers")[3]
    assert [p.text for p in engineers.fragments["content"]] == ["In the long run", "the repairs could cost twice as much"]
    assert one(rows, "Kaine")[2] == "he supports the plan"


def test_quotes_interrupted_continued_and_typed_with_apostrophes(run):
    rows = run("''We are close,'' said Dana Ortiz, a spokeswoman for the agency. ''Nothing is done until everything is done.''\n\n"
               "\u201cThe talks were useful,\u201d he added.")
    src, cue, content, claim = one(rows, "Dana Ortiz, a spokeswoman for the agency")
    assert claim.source.name == "Dana Ortiz" and claim.source.type == "person"
    assert [p.text for p in claim.fragments["content"]] == ["We are close", "Nothing is done until everything is done"]
    he = one(rows, "he")
    assert he[2] == "The talks were useful" and he[3].source.name == "Dana Ortiz"


def test_according_to_relays_and_colon_paragraphs(run):
    rows = run("The plant will close next year, according to two people familiar with the plans.\n\n"
               "A senior official told Reuters that the deal was signed.\n\n"
               "The minister went on to say:\n\n"
               "\u201cWe will not raise taxes this year. We will cut them.\u201d")
    acc = one(rows, "two people familiar with the plans")
    assert acc[1] == "according to" and acc[2] == "The plant will close next year" and acc[3].source.type == "anonymous"
    told = one(rows, "A senior official")
    assert [r.name for r in told[3].via] == ["Reuters"] and told[3].via[0].type == "media"
    colon = one(rows, "The minister")
    assert colon[2] == "We will not raise taxes this year. We will cut them"


def test_speech_acts_stance_and_what_is_not_a_claim(run):
    rows = run("The ministry denied that troops had crossed the border.\n\n"
               "United Nations officials urged maximum restraint from both sides.\n\n"
               "The president will discuss the budget with lawmakers on Monday.\n\n"
               "Analysts believe the economy is slowing.\n\n"
               "\u201cI think we believe in this,\u201d the coach said.")
    assert one(rows, "The ministry")[3].stance == "denied"
    assert one(rows, "United Nations officials")[2] == "maximum restraint from both sides"
    assert not [r for r in rows if r[0] in ("The president", "Analysts", "I", "we")]
