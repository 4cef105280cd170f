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
