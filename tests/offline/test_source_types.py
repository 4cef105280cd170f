"""Source types from titles, appositions, role nouns and the article's earlier mentions
(sources.py, state.py): the error classes of issue 14 item 3, on sentences written for them."""

from .support import one


def test_a_title_before_proper_nouns_names_a_person_whatever_ner_says(run):
    rows = run("Prosecutor Lena Marsh QC said the witnesses were credible.\n\n"
               "U.S. Attorney Pell said the charges would stand.")
    marsh = one(rows, "Prosecutor Lena Marsh QC")[3].source
    assert (marsh.type, marsh.name, marsh.role) == ("person", "Lena Marsh", "Prosecutor")
    assert one(rows, "U.S. Attorney Pell")[3].source.type == "person"


def test_a_title_before_an_organization_name_stays_an_organization(run):
    rows = run("President Hotel Group said the rooms were full.")
    assert one(rows, "President Hotel Group")[3].source.type == "organization"


def test_a_role_with_its_holder_in_apposition_at_the_end_is_that_person(run):
    rows = run("The Northern Institute of Marine and Coastal Science's director, Dr. Paul Ekman, said the reef was dying.")
    src = rows[0][3].source
    assert (src.type, src.name) == ("person", "Paul Ekman")
    assert src.role.endswith("director")


def test_one_person_in_a_role_is_a_person(run):
    rows = run("The bus driver said the road was icy.\n\nThe pilot told reporters the engine had failed.")
    assert one(rows, "The bus driver")[3].source.type == "person"
    assert one(rows, "The pilot")[3].source.type == "person"


def test_a_short_form_of_an_organization_named_earlier_is_that_organization(run):
    rows = run("Harlow sold its northern stores to Brandt Group, a German retailer.\n\n"
               "With the purchase Brandt said it would double its market share.\n\n"
               "The Federal Office for Water Safety (FOWS) tested the wells.\n\n"
               "FOWS said the water was safe.")
    brandt = one(rows, "Brandt")[3].source
    assert (brandt.type, brandt.name) == ("organization", "Brandt Group")
    fows = one(rows, "FOWS")[3].source
    assert (fows.type, fows.name) == ("organization", "Federal Office for Water Safety")


def test_a_relative_pronoun_after_a_comma_is_the_noun_before_it(run):
    rows = run("The fire started at 9 p.m., according to firefighters, who said crews arrived ten minutes later.")
    who = one(rows, "who")[3].source
    assert who.type != "anonymous" or who.descriptor == "firefighters"
    assert who.descriptor != "fire"
