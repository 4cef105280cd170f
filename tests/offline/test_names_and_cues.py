"""Names learned for the whole article before attributions are read, cue nouns of feeling
("expressed disappointment that ..."), documents and tallies as speakers of evidence verbs,
and the content after "according to X (ACRONYM),". Sentences written for these tests."""

from .support import one


# ---- names learned before they are used (engine.py, state.learn_names) ----

def test_a_surname_in_the_lede_is_the_full_name_given_later(run):
    rows = run("Okafor said the clinics would reopen next week.\n\n"
               "The ministry has struggled with shortages for months.\n\n"
               "Health Minister Grace Okafor visited the northern region on Tuesday.")
    src = one(rows, "Okafor")[3].source
    assert src.type == "person" and src.name == "Grace Okafor", src


def test_a_surname_given_no_full_name_keeps_its_own(run):
    rows = run("Lindqvist said the bridge would open in May.\n\n"
               "The council met on Tuesday.")
    assert one(rows, "Lindqvist")[3].source.name == "Lindqvist"


# ---- "according to X (ACRONYM)," ----

def test_the_content_after_an_acronym_in_brackets_starts_after_them(run):
    rows = run("According to Friends of the Earth (FOE), the river is polluted.\n\n"
               "According to Notes from Harbor (NFH), the chain will close twelve stores.")
    assert one(rows, "Friends of the Earth (FOE)")[2] == "the river is polluted"
    assert one(rows, "Notes from Harbor (NFH)")[2] == "the chain will close twelve stores"


# ---- cue nouns of feeling: "expressed disappointment that ..." (cues.light_noun) ----

def test_an_expressed_feeling_keeps_its_noun_in_the_cue_and_its_clause_as_content(run):
    rows = run("The mayor expressed disappointment that the court had rejected the appeal.\n\n"
               "The minister has expressed deep regret that the vote was delayed.")
    mayor = one(rows, "The mayor")
    assert mayor[1] == "expressed disappointment" and mayor[2] == "the court had rejected the appeal"
    assert one(rows, "The minister")[1] == "has expressed deep regret"


def test_an_expressed_feeling_about_something_has_that_phrase_as_content(run):
    rows = run("The union expressed concern about the new shift rules.\n\n"
               "The club expressed outrage over the fine.")
    union, club = one(rows, "The union"), one(rows, "The club")
    assert union[1] == "expressed concern" and "concern" not in union[2] and "the new shift rules" in union[2]
    assert club[1] == "expressed outrage" and "the fine" in club[2] and "outrage" not in club[2]


def test_a_feeling_expressed_about_nothing_stated_is_no_claim(run):
    rows = run("The club expressed outrage.\n\nThe union expressed concern.")
    assert not rows, rows


# ---- documents and tallies as speakers of evidence verbs (evidence.issued_tally) ----

def test_a_count_by_an_issuer_finds(run):
    rows = run("A count by the AP found that turnout fell in every county.\n\n"
               "An email from the chair reveals that the budget was cut twice.")
    row = one(rows, "A count by the AP")
    assert row[1] == "found" and row[2] == "turnout fell in every county"
    assert one(rows, "An email from the chair")[2] == "the budget was cut twice"


def test_results_show_what_they_found(run):
    rows = run("Early results showed that the incumbent was ahead.\n\n"
               "The tally indicates that the measure passed narrowly.")
    assert one(rows, "Early results")[2] == "the incumbent was ahead"
    assert one(rows, "The tally")[2] == "the measure passed narrowly"


def test_results_without_a_verb_of_finding_and_documents_without_an_issuer_say_nothing(run):
    rows = run("The results were good for the company.\n\n"
               "The plan shows a park near the river.\n\n"
               "The results confirmed the trend.")
    assert not rows, rows
