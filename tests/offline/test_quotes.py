"""Quotations (quotes.py and the quotation content families): interrupted, continued, typed with
apostrophes or without spaces, before and right after a cue."""

from .support import one


def test_quotes_interrupted_continued_and_typed_with_apostrophes(run):
    rows = run("''We are close,'' said Dana Ortiz, a spokeswoman for the agency. ''Nothing is done until everything is done.''\n\n"
               "\u201cThe talks were useful,\u201d he added.")
    src, cue, content, claim = one(rows, "Dana Ortiz, a spokeswoman for the agency")
    assert claim.source.name == "Dana Ortiz" and claim.source.type == "person"
    assert [p.text for p in claim.fragments["content"]] == ["We are close", "Nothing is done until everything is done"]
    he = one(rows, "he")
    assert he[2] == "The talks were useful" and he[3].source.name == "Dana Ortiz"


def test_no_break_spaces_around_a_quotation(run):
    rows = run("\u201cNot today. Maybe Friday,\u201d\u00a0the mayor said.\u00a0\u201cThe permits are late.\u201d")
    mayor = one(rows, "the mayor")
    assert [p.text for p in mayor[3].fragments["content"]] == ["Not today. Maybe Friday", "The permits are late"]


def test_closing_two_apostrophe_mark_after_a_space(run):
    rows = run("''Readers pushed back on 'The Long Road,'  '' Ms. Ortiz noted, referring to a novel.")
    ortiz = one(rows, "Ms. Ortiz")
    assert ortiz[1] == "noted" and ortiz[2].startswith("Readers pushed back on 'The Long Road")


def test_quotation_before_a_cue_with_an_object(run):
    rows = run("The coach gave a one-word answer. \u201cAustin,\u201d he answered.\n\n"
               "\u201cThe roof will hold, because we checked it twice,\u201d Ortiz, 41, told the radio station on Monday.")
    assert one(rows, "he")[2] == "Austin"
    ortiz = one(rows, "Ortiz, 41")
    assert ortiz[1] == "told" and ortiz[2] == "The roof will hold, because we checked it twice"


def test_quoted_questions_after_the_cue(run):
    rows = run("A student responded, \u201cThat is the old library.\u201d\n\n"
               "The senator asks, \u201cWho will pay for the bridge?\u201d")
    assert one(rows, "The senator")[2].startswith("Who will pay for the bridge")
    assert one(rows, "A student")[2] == "That is the old library"


def test_quotation_marks_without_spaces_around_them(run):
    rows = run("The mayor said,\u201cThe bridge stays closed until May.\u201d\n\n"
               "\u201cWe will rebuild it,\u201dthe engineer said.")
    assert one(rows, "The mayor")[2] == "The bridge stays closed until May"
    assert one(rows, "the engineer")[2] == "We will rebuild it"


def test_a_quotation_right_after_the_cue(run):
    rows = run("She declared \u201cWe won tonight!\u201d and thanked her staff.\n\n"
               "The fact-checkers said \u201cthe senator exaggerates\u201d the number of jobs lost.")
    assert one(rows, "She")[2] == "We won tonight!"
    assert one(rows, "The fact-checkers")[2].endswith("the number of jobs lost")


def test_quotation_then_cue_then_a_clause_of_its_own(run):
    rows = run("\u201cThe roof will hold,\u201d Marta Lind said, as a few workers climbed the ladder behind her.\n\n"
               "\u201cWe had finished the tests before the storm came,\u201d the engineer said, mentioning the report is "
               "\u201cnearly ready.\u201d")
    assert one(rows, "Marta Lind")[2] == "The roof will hold"
    assert one(rows, "the engineer")[2] == "We had finished the tests before the storm came"
