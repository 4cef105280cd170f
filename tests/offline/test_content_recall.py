"""Speech cues that were recognised but yielded no content: one group of tests per
construction the content rules had no family for. Sentences written for these tests."""

from .support import one


# ---- a reported clause that opens a quotation ----


def test_a_quoted_clause_opening_with_what(run):
    rows = run('But the coach added, "What we saw tonight is a team that never gives up."')
    assert one(rows, "the coach")[2] == "What we saw tonight is a team that never gives up"


def test_a_quotation_after_phrases_between_cue_and_quote(run):
    rows = run('The senator said on Monday, in a post about her son, "Next year will be better for all of us."')
    assert one(rows, "The senator")[2] == "Next year will be better for all of us"


def test_an_unquoted_wh_clause_still_reports_nothing(run):
    rows = run("The coach added what the players had asked for.")
    assert not [r for r in rows if r[0] == "The coach"]


# ---- an aside between the cue and its clause ----


def test_a_subject_with_an_aside_read_as_the_object(run):
    rows = run("The teachers said their classes of adult learners, nearly all retirees until recently, "
               "were now filled with young parents.")
    assert one(rows, "The teachers")[2] == ("their classes of adult learners, nearly all retirees until recently, "
                                            "were now filled with young parents")


def test_an_aside_set_off_before_that(run):
    rows = run("The chief said, as expected, that the strike would go on.")
    assert one(rows, "The chief")[2] == "the strike would go on"


def test_an_aside_in_dashes_before_that(run):
    rows = run("Her campaign manager said — on the radio, as it happens — that the plan had failed.")
    assert one(rows, "Her campaign manager")[2] == "the plan had failed"


# ---- a reported clause after a comma that opens with an adverbial ----


def test_a_clause_after_a_comma_opening_with_if(run):
    rows = run("She said, if elected, she would ask the mayor to stay.")
    assert one(rows, "She")[2] == "if elected, she would ask the mayor to stay"


def test_a_clause_after_a_comma_opening_with_a_phrase(run):
    rows = run("The coach said, after the game, his players had done their best.")
    assert one(rows, "The coach")[2] == "after the game, his players had done their best"


# ---- a commitment's infinitive after a time or place phrase ----


def test_a_promise_after_a_day_and_a_place(run):
    rows = run("The mayor promised Sunday at a rally to end the program.")
    assert one(rows, "The mayor")[2] == "to end the program"


def test_a_vow_whose_infinitive_hangs_on_the_speech(run):
    rows = run("The governor vowed on Friday in a speech to veto the bill.")
    assert one(rows, "The governor")[2] == "to veto the bill"
