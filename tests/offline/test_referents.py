"""Descriptions and pronouns resolved to the named entity the article introduced (referents.py,
state.py): issue 14 item 4, on sentences written for it."""

from .support import one


def test_a_description_takes_the_name_of_the_one_entity_it_fits(run):
    rows = run("Iranian general Esmail Qaani arrived in Baghdad on Monday.\n\n"
               "The Iranian general said the factions must stop their attacks.\n\n"
               "Governor Alexander Pimentel visited the site.\n\n"
               "The governor said the town would be rebuilt.\n\n"
               "The Unity Party of America held a convention.\n\n"
               "The party said it would field candidates.")
    general = one(rows, "The Iranian general")[3].source
    assert (general.type, general.name) == ("person", "Esmail Qaani")
    assert one(rows, "The governor")[3].source.name == "Alexander Pimentel"
    party = one(rows, "The party")[3].source
    assert (party.type, party.name) == ("organization", "Unity Party of America")


def test_a_title_of_an_office_takes_the_name_of_its_holder(run):
    rows = run("Esmail Qaani, the head of Iran's Quds Force, arrived in Baghdad.\n\n"
               "Head of Iran's Quds Force told the factions to stop.")
    assert one(rows, "Head of Iran's Quds Force")[3].source.name == "Esmail Qaani"


def test_an_organization_described_by_its_kind_takes_its_name(run):
    rows = run("British supermarket chain Tesco sold its Polish stores.\n\n"
               "The chain said the sale would close in a year.")
    chain = one(rows, "The chain")[3].source
    assert (chain.type, chain.name) == ("organization", "Tesco")


def test_a_pronoun_after_a_description_takes_the_named_person(run):
    rows = run("Billionaire businessman Tom Ridley bought the club in May.\n\n"
               "The billionaire businessman said he would invest.\n\n"
               "He also says the stadium will be rebuilt.")
    assert one(rows, "He")[3].source.name == "Tom Ridley"


def test_a_description_two_entities_fit_stays_unnamed(run):
    rows = run("General Ana Ruiz and General Mark Stone met in Geneva.\n\n"
               "The general said the talks went well.\n\n"
               "Quds Force commander Esmail Qaani arrived in Baghdad.\n\n"
               "The Iraqi commander said the border was closed.")
    assert one(rows, "The general")[3].source.name is None
    assert one(rows, "The Iraqi commander")[3].source.name is None  # a nationality must agree


def test_a_pronoun_takes_the_last_subject_even_a_mistagged_surname_or_a_partitive(run):
    rows = run("Judge Elena Voss said the men showed no remorse. Prosecutor Ravi Shah said the girls were vulnerable.\n\n"
               "One of the victims agreed to be named. She said she wanted others to come forward.\n\n"
               "Kyle Rittenhouse was charged. One other person was injured in the altercation.\n\n"
               "Rittenhouse was not old enough to own a firearm. He claimed to have obtained his weapon from a friend.")
    she = one(rows, "She")[3].source
    assert (she.type, she.name) == ("anonymous", None)
    he = one(rows, "He")[3].source
    assert (he.type, he.name) == ("person", "Kyle Rittenhouse")
