"""Where a content span starts and ends when the cue and source are right but the parse
misleads the cut: one group of tests per construction. Sentences written for these tests."""

from .support import one


# ---- a list the parser read as an apposition, and an aside the complement goes on after ----


def test_a_listed_object_keeps_every_item(run):
    rows = run("The minister noted the drought, her plan for the farmers and her work to bring water to the towns.")
    assert one(rows, "The minister")[2] == "the drought, her plan for the farmers and her work to bring water to the towns"


def test_announced_figures_keep_every_count(run):
    rows = run("The chairman announced twelve votes for Smith, nine for Jones and three abstentions.")
    assert one(rows, "The chairman")[2] == "twelve votes for Smith, nine for Jones and three abstentions"


def test_an_aside_inside_the_complement_does_not_end_it(run):
    rows = run("Later the governor praised Ana Ruiz, who quit the race on Monday, as a woman of courage.")
    assert one(rows, "the governor")[2] == "Ana Ruiz, who quit the race on Monday, as a woman of courage"


def test_a_closing_aside_still_ends_the_complement(run):
    rows = run("The militia denied responsibility for the attack on the town on Saturday, the deadliest in the "
               "country since 2006.")
    assert one(rows, "The militia")[2] == "responsibility for the attack on the town on Saturday"


# ---- an "in"/"at" phrase the parser hung on the cue, right after the object -----------------


def test_where_the_recalled_thing_happened_stays_with_it(run):
    rows = run("The coach recalled an incident at a small gym that left his brother in tears.")
    assert one(rows, "The coach")[2] == "an incident at a small gym that left his brother in tears"


def test_in_support_of_stays_with_the_object(run):
    rows = run("The coach recalled the kindness of his first teacher in support of a reading program in the town.")
    assert one(rows, "The coach")[2] == "the kindness of his first teacher in support of a reading program in the town"


def test_the_occasion_of_the_speech_act_is_not_content(run):
    rows = run("The senator praised the firefighters at a rally in the spring.")
    assert one(rows, "The senator")[2] == "the firefighters"
    rows = run("The senator praised the volunteers at the White House.")
    assert one(rows, "The senator")[2] == "the volunteers"
