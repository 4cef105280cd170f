"""Source types from more than NER (session 7, types): the kind noun beside a name, a given
name opening a full name, a pronoun in the name's own sentence, and generic descriptions
("the company", "the newspaper", "the agency") resolved to the entity the article introduced.
Sentences invented for each construction."""

import pytest

from .support import check_sources, one


# Each case: the construction (the test id), an invented text, and what each source mention
# must come out as: its type, or (type, name) or (type, name, role).
CASES = {
    # ---- a kind noun beside a name (referents.kind_names, state.learn_kinds) ------------------
    "a role and the full name after it, though NER takes only the surname": (
        "University of California, San Diego's chancellor, Pradeep Khosla, said the campus would close.",
        {"University of California, San Diego's chancellor, Pradeep Khosla": ("person", "Pradeep Khosla")}),
    "a role and a full name after an inverted cue, with no name tagged at all": (
        "\"We have lost a giant,\" said University of California, San Diego's chancellor, Pradeep Khosla.",
        {"University of California, San Diego's chancellor, Pradeep Khosla": ("person", "Pradeep Khosla")}),
    "a kind noun before a name makes it an organization wherever it stands": (
        "Chilean copper miner Codelco halted work at the pit on Monday.\n\n"
        "Codelco said the strike had cost it two days of output.\n\n"
        "Second-division club Harwick confirmed the sale of its ground.\n\n"
        "Harwick said the fans would be consulted.",
        {"Codelco": "organization", "Harwick": "organization"}),
    "a kind noun after a name in apposition counts too": (
        "Vantora, the state power company, cut supplies to the north.\n\n"
        "Vantora said the grid would recover by Friday.",
        {"Vantora": "organization"}),
    "a role noun before a name makes its surname a person": (
        "Senegalese midfielder Ousmane Ndiaye Kalu scored the winner on Sunday.\n\n"
        "Kalu said the team had deserved the victory.",
        {"Kalu": ("person", "Ousmane Ndiaye Kalu")}),
    "an agency is an outlet only with a news word": (
        "The UN refugee agency UNHCR said 2,000 people had crossed the border.\n\n"
        "The state news agency Velta said the president had returned.",
        {"The UN refugee agency UNHCR": "organization", "The state news agency Velta": "media"}),
    # ---- generic descriptions take the introduced name (referents.py) -------------------------
    "the company is the company the article introduced": (
        "Brazilian oil firm Petrobras found a leak off the coast on Monday.\n\n"
        "The company said the spill had been contained.",
        {"The company": ("organization", "Petrobras")}),
    "the newspaper and the agency are the outlets introduced": (
        "The Riverton Ledger published the letter on Monday.\n\n"
        "The newspaper said the mayor had known about the leak.\n\n"
        "Reuters obtained a copy of the memo.\n\n"
        "The agency reported that the plan had been shelved.",
        {"The newspaper": ("media", "Riverton Ledger"), "The agency": ("media", "Reuters")}),
    # ---- a given name opens a person's full name (sources.given_name_source) ------------------
    "a full name opening with a given name is a person": (
        "Rodrigo Duterte said the drug war would continue.\n\n"
        "Ursula von der Leyen said the bloc would act.",
        {"Rodrigo Duterte": "person", "Ursula von der Leyen": "person"}),
    "a firm named like a person without a given name is not made one": (
        "Goldman Sachs said the market would recover.",
        {"Goldman Sachs": "organization"}),
    # ---- a pronoun in the name's own sentence (state.by_pronoun) ------------------------------
    "he after a bare name makes it a person": (
        "Mbappe said he was happy in Paris.",
        {"Mbappe": "person"}),
    "its right after a bare name makes it an organization": (
        "Arsenal said its defender would miss the rest of the season.",
        {"Arsenal": "organization"}),
    "its after another noun stands for that noun": (
        "Mendez welcomed the call for a truce but said its timing was wrong.",
        {"Mendez": "person"}),
    "a name opening with team or club is an organization": (
        "Team Velo said the rider had been cleared.",
        {"Team Velo": "organization"}),
    "capitals around a function word make an organization": (
        "Transport for Lagos said the line would reopen.\n\n"
        "Feed the Hungry said the camps were overcrowded.\n\n"
        "Residents of the Old Town said the water had risen.",
        {"Transport for Lagos": "organization", "Feed the Hungry": "organization", "Residents of the Old Town": "anonymous"}),
    "bare party members are unnamed people": (
        "Republicans said the bill would fail.\n\n"
        "The Democrats said the bill would pass.",
        {"Republicans": "anonymous", "The Democrats": "organization"}),
    "one person by nationality and age": (
        "The Briton said the race had been hard.\n\n"
        "The 22-year-old Spaniard said he was delighted.\n\n"
        "The Dalai Lama said the talks should resume.",
        {"The Briton": "person", "The 22-year-old Spaniard": "person", "The Dalai Lama": "person"}),
    "a one word name with a capital inside is a company": (
        "SpaceX said the rocket would fly in May.\n\n"
        "McAllister said he was happy with the result.",
        {"SpaceX": "organization", "McAllister": "person"}),
    "media reports are the outlets": (
        "According to Japanese media reports, the ship sank off the coast.",
        {"Japanese media reports": "media"}),
    "a title with of takes the holder in apposition": (
        "The head of the agency, Mara Ilves, said the data was wrong.",
        {"The head of the agency, Mara Ilves": ("person", "Mara Ilves")}),
    "a company by its kind is an organization": (
        "The tech giant said sales would start in May.",
        {"The tech giant": "organization"}),
    "quantified party members and nationalities are unnamed people": (
        "Senate Republicans said the bill would fail.\n\n"
        "Many Democrats said the vote was rigged.\n\n"
        "Germans say the plan is fair.\n\n"
        "Democrats in Congress said the bill would pass.",
        {"Senate Republicans": "anonymous", "Many Democrats": "anonymous", "Germans": "anonymous", "Democrats in Congress": "anonymous"}),
    "unnamed organizations in the plural are anonymous": (
        "Patient advocacy groups said the law was cruel.\n\n"
        "Several states argued the rule was illegal.",
        {"Patient advocacy groups": "anonymous", "Several states": "anonymous"}),
    "one unnamed party member is anonymous": (
        "A Democrat familiar with the talks said the deal was close.\n\n"
        "The Ohio Republican said the vote would fail.",
        {"A Democrat familiar with the talks": "anonymous", "The Ohio Republican": "person"}),
    "a document met before does not lend its issuer": (
        "A Fox News poll found that voters were split.\n\n"
        "The poll found that most backed the plan.\n\n"
        "The justice said the case was moot.",
        {"The poll": "anonymous", "The justice": "person"}),
    "a titled name inside an outlets words is a person": (
        "Channel 9 host Dara Quinn said the debate was rigged.\n\n"
        "Harbor City Mayor Don Guardian said the casinos would reopen.\n\n"
        "Michael Bloomberg said the city was safe.",
        {"Channel 9 host Dara Quinn": ("person", "Dara Quinn"), "Harbor City Mayor Don Guardian": "person", "Michael Bloomberg": "person"}),
    "the broadcaster is the broadcaster introduced": (
        "The BBC interviewed the minister on Sunday.\n\n"
        "The broadcaster said the interview would air later.",
        {"The broadcaster": ("media", "BBC")}),
    "institutions by a common noun are organizations": (
        "The museum said the paintings had been returned.\n\n"
        "The coastguard said three fishermen were missing.\n\n"
        "The consulate said the visas would be issued.",
        {"The museum": "organization", "The coastguard": "organization", "The consulate": "organization"}),
    "an outlets own name ending in agency is an outlet": (
        "Xinhua News Agency reported that the dam had held.\n\n"
        "Anadolu Agency reported that the border was closed.\n\n"
        "Stuff.co.nz reported that the road was cut.",
        {"Xinhua News Agency": "media", "Anadolu Agency": "media", "Stuff.co.nz": "media"}),
    "a surname written first names the person later": (
        "Ban Ki-moon, the former UN chief, spoke in Seoul.\n\n"
        "Ban said the war must end.",
        {"Ban": ("person", "Ban Ki-moon")}),
    "a name opening with a foreign article is no person": (
        "La Liga said in a statement that the match would be reviewed.\n\n"
        "According to Spanish sports daily Marca, the club will appeal. "
        "The newspaper said the lawyers were preparing a complaint.",
        {"La Liga": "organization", "The newspaper": ("media", "Marca")}),
}


@pytest.mark.parametrize("text, expect", CASES.values(), ids=CASES)
def test_source_comes_out_as(run, text, expect):
    check_sources(run(text), expect)


def src(rows, mention):
    return one(rows, mention)[3].source


# ---- names no person's name looks like (sources.py) ----------------------------------------

def test_the_before_a_singular_name_makes_no_person(run):
    rows = run("The Atlantic reported that the aide had quit.\n\n"
               "The Rev. Ana Okoro said the church would stay open.")
    assert src(rows, "The Atlantic").type != "person"
    assert src(rows, "The Rev. Ana Okoro").type == "person"


def test_a_hyphenated_title_keeps_its_first_half(run):
    rows = run("Wikipedia co-founder Jimmy Wales said the site would not be censored.\n\n"
               "Former vice-president Tom Hale said the war was over.")
    wales = src(rows, "Wikipedia co-founder Jimmy Wales")
    assert (wales.type, wales.name) == ("person", "Jimmy Wales")
    assert src(rows, "Former vice-president Tom Hale").name == "Tom Hale"


def test_a_first_person_quotation_after_the_cue_is_a_persons():
    # (unit level: whether the small model tags the bare name ORG depends on the sentence)
    from extractor.engines.offline.nlp import load_nlp
    from extractor.engines.offline.records import Mention
    from extractor.engines.offline.state import by_pronoun

    doc = load_nlp()('Velkor said: "I was at the plant the other day and it was full."')
    m = Mention(start=0, end=6, text="Velkor", head=doc[0], name="Velkor", type="organization")
    by_pronoun(m, [doc[0]], set())
    assert m.type == "person"
    m = Mention(start=0, end=6, text="Velkor", head=doc[0], name="Velkor", type="organization")
    by_pronoun(m, [doc[0]], {"velkor"})  # the article showed Velkor to be an organization
    assert m.type == "organization"


def test_a_role_word_before_a_name_is_the_role_not_the_name(run):
    rows = run("Witness Ana Ruiz said the car was speeding.\n\n"
               "Professor Tom Hale of the University of Leeds said the ice was melting.")
    ruiz = src(rows, "Witness Ana Ruiz")
    assert (ruiz.type, ruiz.name, ruiz.role) == ("person", "Ana Ruiz", "Witness")
    assert src(rows, "Professor Tom Hale of the University of Leeds").name == "Tom Hale"


def test_a_surname_met_before_does_not_rename_another_full_name(run):
    rows = run("Donald Okafor spoke on Monday.\n\n"
               "Ivana Okafor said the plan was good.\n\n"
               "Okafor said the plan was great.")
    assert src(rows, "Ivana Okafor").name == "Ivana Okafor"
    assert src(rows, "Okafor").name == "Donald Okafor"


def test_a_kind_noun_in_the_source_phrase_types_the_name(run):
    rows = run("Brazilian state oil company Petrobras said the leak had been contained.\n\n"
               "The company said 300 barrels had spilled.\n\n"
               "Environmental group Greenpeace said the spill was larger.\n\n"
               '"We have seen slicks for miles," Greenpeace campaigner Ana Ruiz told reporters.')
    assert src(rows, "The company").name == "Petrobras"
    green = src(rows, "Environmental group Greenpeace")
    assert (green.type, green.name) == ("organization", "Greenpeace")
    ruiz = src(rows, "Greenpeace campaigner Ana Ruiz")
    assert (ruiz.type, ruiz.name) == ("person", "Ana Ruiz")
