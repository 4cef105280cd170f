"""The ledger on the seed articles: Qaani once with all his spellings, anonymous sources
grouped by descriptor, and the outlets that relayed claims with their counts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ledger_support import seeds_store  # noqa: E402

from extractor.batch import store as st  # noqa: E402
from extractor.ledger import stats  # noqa: E402


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = seeds_store(tmp_path_factory.mktemp("seeds"))
    return stats.build(st.open_store(db), "seeds")


def test_qaani_is_one_entity_with_every_spelling(ledger):
    qaani = [e for e in ledger.entities
             if any("qaani" in v.lower() or "ghaani" in v.lower() for v in e.all_variants())]
    assert len(qaani) == 1, [e.name for e in qaani]
    e = qaani[0]
    assert e.type == "person"
    seen = set(e.all_variants())
    # the spellings of the five articles, and the surname-only and title-only mentions
    assert {"Ismail Qaani", "Esmail Qaani", "Ismael Qaani", "Esmail Ghaani", "Ghaani",
            "Head of Iran’s Quds Force", "the Iranian general"} <= seen
    assert len(e.claims) == 5  # his five claims in 004 as the engine finds them
    assert e.variants["Ghaani"] == 3


def test_anonymous_sources_grouped_by_descriptor(ledger):
    groups = {e.name: e for e in ledger.entities if e.type == "anonymous"}
    for label in ("senior Lebanese political source", "informed source", "circle close to the factions",
                  "Iraqi political source", "knowledgeable political source", "Iraqi army general"):
        assert label in groups, sorted(groups)
    # later mentions ("The source", "he") join the group the article introduced
    assert groups["Iraqi political source"].variants["The source"] == 2
    assert groups["knowledgeable political source"].head == "source"
    assert len(groups) >= 20  # not one "anonymous" bucket


def test_relays_with_their_counts(ledger):
    relayed = {}
    for (relay, _source), n in ledger.relays.items():
        relayed[ledger.entity(relay).name] = relayed.get(ledger.entity(relay).name, 0) + n
    # the seed gold's counts (evals/gold/seeds.jsonl); "the same agency" is Shafaq News again
    assert relayed["Asharq Al-Awsat"] == 5
    assert relayed["Reuters"] == 6
    assert relayed["Shafaq News"] == 2
    assert relayed["New York Times"] == 1
    edges = {(r["relay"], r["source"]): r["claims"] for r in stats.relay_edges(ledger)}
    assert edges[("Al-Manar", "Esmail Ghaani")] == 2


def test_rows_rank_and_count(ledger):
    rows = stats.entity_rows(ledger)
    assert sum(r["claims"] for r in rows) == ledger.claims == 114
    assert [r["claims"] for r in rows] == sorted((r["claims"] for r in rows), reverse=True)
    mikati = next(r for r in rows if r["source"] == "Najib Mikati")
    assert mikati["claims"] == 4 and mikati["hedged"] == 1
    assert "Mikati (3)" in mikati["variants"]
