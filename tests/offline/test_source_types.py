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


def test_an_outlet_word_before_a_proper_name_makes_an_outlet(run):
    rows = run("Estonian daily Postimees reported that the border was closed.\n\n"
               "The weekly, Northern Ledger, said the mayor had resigned.\n\n"
               "Radio Free Asia reported that the dam had burst.\n\n"
               "Agency chief Ana Ruiz said the budget was cut.")
    post = one(rows, "Estonian daily Postimees")[3].source
    assert (post.type, post.name) == ("media", "Postimees")
    assert one(rows, "The weekly, Northern Ledger")[3].source.name == "Northern Ledger"
    assert one(rows, "Radio Free Asia")[3].source.type == "media"
    assert one(rows, "Agency chief Ana Ruiz")[3].source.type == "person"


def test_a_message_from_a_person_or_their_account_speaks_for_them(run):
    rows = run("A letter from Dana Ortiz said the plan was unfair.\n\n"
               "A tweet sent from Ortiz's Twitter account repeated the pledge, saying \"We will win.\"")
    assert one(rows, "A letter from Dana Ortiz")[3].source.type == "person"
    tweet = one(rows, "A tweet sent from Ortiz's Twitter account")[3].source
    assert tweet.type == "person"


def test_a_bare_name_tagged_an_organization_more_often_in_the_article_is_one(run):
    rows = run("Walmart opened a store in Texas. Walmart employs many people, and Walmart pays them well.\n\n"
               "Walmart said the store would reopen.")
    assert one(rows, "Walmart")[3].source.type == "organization"


def test_definite_kinds_of_organization_and_individual_roles(run):
    rows = run("The airline said the flight was delayed.\n\n"
               "The lawyer said the verdict was unfair.\n\n"
               "A lawyer said the verdict was unfair.\n\n"
               "Lawyers said the appeal would fail.")
    assert one(rows, "The airline")[3].source.type == "organization"
    assert one(rows, "The lawyer")[3].source.type == "person"
    assert one(rows, "A lawyer")[3].source.type == "anonymous"
    assert one(rows, "Lawyers")[3].source.type == "anonymous"


def test_a_capitalized_outlet_word_is_part_of_the_outlets_name(run):
    rows = run("The Philippine Daily Inquirer reported that the mayor resigned.")
    src = one(rows, "The Philippine Daily Inquirer")[3].source
    assert (src.type, src.name) == ("media", "Philippine Daily Inquirer")
