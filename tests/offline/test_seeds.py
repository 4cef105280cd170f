"""The offline engine on the seed articles: who said it, with which cue, of what type, via whom.

Expectations are written from reading the articles (see evals/GUIDELINES.md), one row per
attribution: (article, source mention, cue, source type, relays).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.engines import get_engine
from extractor.evaluate.gold import load_gold
from extractor.evaluate.scoring import DEFAULT_DICE, dice, group_predictions, relay_matches, score_document, source_matches
from extractor.loading import read_inputs
from extractor.pipeline import process

ROOT = Path(__file__).parent.parent.parent
SEEDS = ROOT / "seeds"

EXPECTED = [
    ("000_f5927682ff13ca58.txt#1", "political sources", "said", "anonymous", []),
    ("000_f5927682ff13ca58.txt#1", "Local media", "reported", "media", []),
    ("000_f5927682ff13ca58.txt#1", "A source", "told", "anonymous", ["Asharq Al-Awsat"]),
    ("000_f5927682ff13ca58.txt#1", "The source", "confirmed", "anonymous", []),
    ("000_f5927682ff13ca58.txt#1", "Sources", "did not rule out", "anonymous", []),
    ("000_f5927682ff13ca58.txt#1", "The sources", "noted", "anonymous", []),
    ("000_f5927682ff13ca58.txt#2", "Lebanese Prime Minister Najib Mikati", "has expressed hope", "person", []),
    ("000_f5927682ff13ca58.txt#2", "Mikati", "told", "person", ["Reuters"]),
    ("000_f5927682ff13ca58.txt#2", "a senior Biden administration official", "said", "anonymous", []),
    ("001_03ac1d4672b59048.txt#1", "Informed sources", "told", "anonymous", ["Asharq Al-Awsat"]),
    ("001_03ac1d4672b59048.txt#1", "The Sadrist leader", "tweeted", "person", []),
    ("001_03ac1d4672b59048.txt#2", "widely informed sources", "learned", "anonymous", ["Asharq Al-Awsat"]),
    ("001_03ac1d4672b59048.txt#2", "the White House", "said", "organization", []),
    ("001_03ac1d4672b59048.txt#2", "White House national security spokesperson John Kirby", "said", "person", []),
    ("001_03ac1d4672b59048.txt#2", "The New York Times", "reported", "media", []),
    ("001_03ac1d4672b59048.txt#2", "Observers", "told", "anonymous", ["Asharq Al-Awsat"]),
    ("001_03ac1d4672b59048.txt#2", "Israeli officials", "said", "anonymous", []),
    ("001_03ac1d4672b59048.txt#2", "Two officials", "confirmed", "anonymous", []),
    ("002_e03c588a3ee11681.txt", "A knowledgeable political source", "revealed", "anonymous", []),
    ("002_e03c588a3ee11681.txt", "The source", "told", "anonymous", ["Shafaq News agency"]),
    ("002_e03c588a3ee11681.txt", "Al-Sudani", "had stated", "person", []),
    ("003_6e7b28dd61abec0b.txt#1", "Circles close to the factions", "claimed", "anonymous", []),
    ("003_6e7b28dd61abec0b.txt#1", "an Iraqi political source", "told", "anonymous", ["Asharq Al-Awsat"]),
    ("003_6e7b28dd61abec0b.txt#1", "he", "said", "anonymous", []),
    ("003_6e7b28dd61abec0b.txt#2", "two sources", "told", "anonymous", ["Reuters"]),
    ("003_6e7b28dd61abec0b.txt#2", "Mikati's office", "said", "organization", ["Reuters"]),
    ("003_6e7b28dd61abec0b.txt#2", "Another diplomat", "told", "anonymous", ["Reuters"]),
    ("003_6e7b28dd61abec0b.txt#2", "the diplomat", "said", "anonymous", []),
    ("003_6e7b28dd61abec0b.txt#2", "Netanyahu", "said", "person", []),
    ("003_6e7b28dd61abec0b.txt#2", "he", "said", "person", []),
    ("004_902baa1e4d506162.txt#1", "two Iraqi politicians", "said", "anonymous", []),
    ("004_902baa1e4d506162.txt#1", "the army general", "told", "anonymous", ["Associated Press"]),
    ("004_902baa1e4d506162.txt#1", "Ghaani", "quoted", "person", ["two Iraqi politicians"]),
    ("004_902baa1e4d506162.txt#1", "Ghaani", "quoted", "person", ["Lebanon’s Al-Manar TV"]),
    ("004_902baa1e4d506162.txt#1", "One of the two officials", "said", "anonymous", []),
    ("004_902baa1e4d506162.txt#2", "it", "said", "organization", []),
    ("004_902baa1e4d506162.txt#2", "Dolan Abu Saleh, head of the Majdal Shams local council", "said", "person", []),
    ("004_902baa1e4d506162.txt#2", "Israel's foreign ministry", "said", "organization", []),
    ("004_902baa1e4d506162.txt#2", "Two security sources", "told", "anonymous", ["Reuters"]),
    ("004_902baa1e4d506162.txt#2", "Netanyahu's office", "said", "organization", []),
]


@pytest.fixture(scope="module")
def seed_docs():
    engine = get_engine("offline")
    docs = {}
    raws = {}
    for raw in read_inputs([str(SEEDS)]):
        raws[raw.input_id] = raw.text
        for d in process(raw, engine):
            docs[d.doc_id] = d
    return docs, raws


@pytest.mark.parametrize("doc_id,mention,cue,stype,via", EXPECTED, ids=[f"{e[0][:3]}{e[0][-2:]}-{e[1][:20]}" for e in EXPECTED])
def test_seed_attribution(seed_docs, doc_id, mention, cue, stype, via):
    docs, _ = seed_docs
    claims = docs[doc_id].claims
    hits = [c for c in claims if c.source.mention and c.source.mention.text == mention and c.cue and c.cue.text == cue]
    assert hits, f"no claim by {mention!r} with cue {cue!r} in {doc_id}"
    assert any(c.source.type == stype for c in hits), [c.source.type for c in hits]
    if via:
        assert any([(r.mention.text if r.mention else r.name) for r in c.via] == via or [r.name for r in c.via] == via for c in hits), [[r.name for r in c.via] for c in hits]


GOLD = load_gold(ROOT / "evals" / "gold" / "seeds.jsonl")
GOLD_CASES = [(g.input_id, i) for g in GOLD for i in range(len(g.claims))]


@pytest.fixture(scope="module")
def gold_scores(seed_docs):
    docs, _ = seed_docs
    by_input = group_predictions(docs.values())
    return {g.input_id: score_document(g.claims, by_input.get(g.input_id, []), input_id=g.input_id) for g in GOLD}


@pytest.mark.parametrize("input_id,i", GOLD_CASES, ids=[f"{a[:3]}-{i}" for a, i in GOLD_CASES])
def test_every_gold_attribution_comes_out_right(gold_scores, input_id, i):
    """Each of the gold set's attributions (annotated from the text, evals/GUIDELINES.md):
    the content found, with the same source mention, cue, source type, relays and stance."""
    score = gold_scores[input_id]
    gold = score.gold[i]
    pair = next((p for p in score.pairs if p.gold == i), None)
    assert pair is not None, f"missed: {gold.source.mention and gold.source.mention.text!r} {gold.cue and gold.cue.text!r} -> {gold.content.text[:80]!r}"
    pred = score.pred[pair.pred]
    assert source_matches(gold, pred, DEFAULT_DICE), (gold.source.mention, pred.source.mention)
    assert (gold.cue is None) == (pred.cue is None) and (gold.cue is None or dice(gold.cue, pred.cue) >= DEFAULT_DICE), (gold.cue, pred.cue)
    assert pred.source.type == gold.source.type
    assert relay_matches(gold, pred, DEFAULT_DICE), ([v.name for v in gold.via], [v.name for v in pred.via])
    assert pred.stance == gold.stance


def test_no_claim_without_a_gold_counterpart(gold_scores):
    spurious = [(c.source.mention and c.source.mention.text, c.content.text[:60]) for s in gold_scores.values() for c in s.spurious()]
    assert not spurious


def test_named_sources_are_canonical_and_pronouns_resolved(seed_docs):
    docs, _ = seed_docs
    by = lambda d: {(c.source.mention.text if c.source.mention else None): c for c in docs[d].claims}
    kirby = by("001_03ac1d4672b59048.txt#2")["White House national security spokesperson John Kirby"]
    assert kirby.source.name == "John Kirby" and kirby.source.role == "White House national security spokesperson"
    assert kirby.fragments and len(kirby.fragments["content"]) == 2  # the quote goes on after "said"
    mikati = [c for c in docs["000_f5927682ff13ca58.txt#2"].claims if c.source.mention and c.source.mention.text == "Mikati"]
    assert all(c.source.name == "Najib Mikati" for c in mikati)
    it = by("004_902baa1e4d506162.txt#2")["it"]
    assert it.source.name == "White House"
    he = by("003_6e7b28dd61abec0b.txt#1")["he"]
    assert he.source.descriptor and "political source" in he.source.descriptor
    hedged = by("000_f5927682ff13ca58.txt#1")["Sources"]
    assert hedged.stance == "hedged"
    denied = by("003_6e7b28dd61abec0b.txt#2")["The office of Lebanese caretaker prime minister Najib Mikati"]
    assert denied.stance == "denied"


def test_no_claims_from_captions_headlines_or_chrome(seed_docs):
    docs, raws = seed_docs
    for d in docs.values():
        raw = raws[d.input_id]
        for c in d.claims:
            assert d.span.start <= c.content.start and c.content.end <= d.span.end
            line_start = raw.rfind("\n", 0, c.content.start) + 1
            line = raw[line_start : raw.find("\n", c.content.start)]
            assert raw.count(line) == 1, f"claim from a repeated line: {line[:60]!r}"


def test_cli_on_seeds_every_exact_span_indexes_the_raw_file(tmp_path):
    out = tmp_path / "out.jsonl"
    res = subprocess.run([sys.executable, "-m", "extractor", "extract", str(SEEDS), "-o", str(out),
                          "--store", str(tmp_path / "s.db")], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "9 documents" in res.stderr
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(docs) == 9 and sum(len(d["claims"]) for d in docs) >= 60
    n = 0
    for d in docs:
        raw = (SEEDS / d["input_id"]).read_text(encoding="utf-8")
        for c in d["claims"]:
            spans = [c["content"], c["quote"], c["cue"], c["source"]["mention"]] + [r["mention"] for r in c["via"]]
            for s in filter(None, spans):
                assert s["match"] == "exact", s
                assert raw[s["start"] : s["end"]] == s["text"]
                n += 1
    assert n > 150
