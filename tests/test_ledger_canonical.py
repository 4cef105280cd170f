"""Canonical sources: the phonetic key, the conservative person rule, joins inside one
article (surname-only, title-only) and across articles, on sentences written for these tests."""

from __future__ import annotations

import itertools

from extractor.batch.store.claims_index import introduced_names
from extractor.ledger.canonical import Canonicalizer, resolve_in_article, same_person
from extractor.ledger.names import descriptor_group, media_name, organization_name, phonetic, strip_titles

_ids = itertools.count(1)


def claim(type_, name=None, mention=None, descriptor=None, role=None, via=(), at=None, doc="d"):
    return {"id": next(_ids), "doc_id": doc, "source_type": type_, "source_name": name, "mention": mention or name,
            "mention_start": at, "descriptor": descriptor, "role": role, "via": list(via)}


def test_phonetic_key_folds_transliterations_only():
    assert phonetic("Qaani") == phonetic("Ghaani")
    assert phonetic("Ismail") == phonetic("Ismael") == phonetic("Esmail")
    assert phonetic("Mohammed") == phonetic("Muhammad")
    assert phonetic("al-Sudani") == phonetic("Sudani")
    assert phonetic("Qaani") != phonetic("Khan")
    assert phonetic("Smith") != phonetic("Schmidt")


def test_same_person_is_conservative():
    assert same_person("Ismail Qaani", "Esmail Ghaani")
    assert same_person("Mohammed Shia al-Sudani", "Mohammed Shia’ Al-Sudani")
    assert not same_person("Donald Trump", "Ivanka Trump")  # one surname, two people
    assert not same_person("John Smith", "Jane Smith")
    assert not same_person("Ali Khan", "Ali Kuhn")
    assert not same_person("Trump", "Donald Trump")  # a surname alone is rule 1 or 3, never rule 2


def test_titles_stripped_from_names_in_text():
    assert strip_titles("Lebanese Prime Minister Najib Mikati") == "Najib Mikati"
    assert strip_titles("Iran’s Quds Force Esmail Ghaani’s") == "Esmail Ghaani"
    assert strip_titles("General Ismael Qaani") == "Ismael Qaani"
    assert strip_titles("White House") is None
    assert strip_titles("Visited Iraq") is None
    assert strip_titles("On Monday") is None


def test_surname_joins_the_full_name_the_article_introduced():
    text = "Union leader Maria Lopez said the strike was over. Later, Lopez said wages would rise."
    names = introduced_names(text)
    assert [n["name"] for n in names] == ["Maria Lopez"]
    assert resolve_in_article("Lopez", "Lopez", None, names, []) == ("full", "Maria Lopez")


def test_surname_shared_by_two_people_in_one_article_stays_alone():
    text = "Donald Trump spoke first. Ivanka Trump spoke next. Trump said the deal was done."
    assert resolve_in_article("Trump", "Trump", None, introduced_names(text), []) == ("surname", "Trump")


def test_title_only_mention_takes_the_name_its_article_gave_the_title():
    text = ("The head of the space agency, Laura Chen, said the launch would go ahead. "
            "Engineers worked overnight. The agency head said the weather was fine.")
    at = text.index("The agency head")
    assert resolve_in_article(None, "The agency head", "agency head", introduced_names(text), [], at) == ("full", "Laura Chen")
    # no name shares a word with "the official": not guessed
    text2 = "Mayor Ann Lee met Governor Bob Kay on Monday. The official said talks went well."
    got = resolve_in_article(None, "The official", "official", introduced_names(text2), [], text2.index("The official"))
    assert got == ("title", "official")  # the title stays an entity of its own


def test_across_articles_two_trumps_and_a_bare_surname():
    c = Canonicalizer()
    c.add_document(introduced_names("Donald Trump said it. Trump added more."),
                   [claim("person", "Donald Trump"), claim("person", "Trump")])
    c.add_document(introduced_names("Ivanka Trump said it. Trump added more."),
                   [claim("person", "Ivanka Trump", doc="e"), claim("person", "Trump", doc="e")])
    c.add_document([], [claim("person", "Trump", doc="f")])
    ents = {e.name: e for e in c.finish().values() if e.claims}
    assert len(ents["Donald Trump"].claims) == 2
    assert len(ents["Ivanka Trump"].claims) == 2
    assert len(ents["Trump"].claims) == 1  # two Trumps in the corpus: the bare one is not guessed


def test_bare_surname_joins_the_only_person_with_it():
    c = Canonicalizer()
    c.add_document(introduced_names("Esmail Ghaani arrived."), [claim("person", "Esmail Ghaani")])
    c.add_document([], [claim("person", "Qaani", doc="e")])
    ents = [e for e in c.finish().values() if e.claims]
    assert len(ents) == 1 and len(ents[0].claims) == 2
    assert set(ents[0].variants) == {"Esmail Ghaani", "Qaani"}


def test_outlets_organisations_and_descriptors_normalised():
    assert media_name("the New York Times") == "New York Times"
    assert media_name("Lebanon’s Al-Manar TV") == "Al-Manar"
    assert media_name("Shafaq News agency") == "Shafaq News"
    assert organization_name("the U.S.") == organization_name("US") == "United States"
    assert descriptor_group("Other informed sources") == ("source", "informed source")
    assert descriptor_group("Circles close to the factions") == ("circle", "circle close to the factions")
    assert descriptor_group("a senior Lebanese political source and a senior diplomat") == (
        "source", "senior Lebanese political source")
    assert descriptor_group("One of the two officials") == ("official", "official")


def test_relay_back_reference_is_the_outlet_named_before():
    c = Canonicalizer()
    a = claim("anonymous", descriptor="political source", via=[{"name": "Shafaq News agency", "type": "media"}])
    b = claim("anonymous", descriptor="political source", via=[{"name": "the same agency", "type": "media"}])
    c.add_document([], [a, b])
    c.finish()
    assert c.relay_entities[a["id"]] == c.relay_entities[b["id"]] == ["media:shafaq news"]
