"""Evidence, tallies and forecasts as sources (evidence.py, figures.py): records and papers
that find, a figure set on a measured thing, a forecast with its clause. Sentences written
for these tests."""

from .support import one


def test_records_and_papers_that_present_a_finding(run):
    rows = run("The emails show that she mishandled the budget.\n\n"
               "A 2012 paper found large gains in reading scores.")
    assert one(rows, "The emails")[2] == "she mishandled the budget"
    assert one(rows, "A 2012 paper")[2] == "large gains in reading scores"


def test_a_record_without_a_finding_is_no_source(run):
    rows = run("The emails showed up in her inbox on Monday.\n\nThe files show.")
    assert not [r for r in rows if r[0] in ("The emails", "The files")], rows


def test_a_figure_set_on_a_measured_thing_is_a_tally(run):
    rows = run("The ministry put the death toll at 37.\n\n"
               "The research group estimates the market at 30 billion dollars.")
    toll = one(rows, "The ministry")
    assert toll[1] == "put" and toll[2] == "the death toll at 37" and toll[3].stance == "asserted"
    assert one(rows, "The research group")[2] == "the market at 30 billion dollars"


def test_no_tally_without_a_number_or_with_a_time(run):
    rows = run("The flood put the town at risk.\n\nThe coach set the meeting at 3 p.m. on Friday.\n\n"
               "Someone put the parcel at 5 Main Street.")
    assert not [r for r in rows if r[1] in ("put", "set")], rows


def test_a_forecast_with_its_clause(run):
    rows = run("The budget office projected that the deficit will double by 2030.")
    assert one(rows, "The budget office")[2] == "the deficit will double by 2030"


def test_projecting_a_quality_is_no_forecast(run):
    rows = run("The candidate projected confidence throughout the debate.")
    assert not [r for r in rows if r[1] == "projected"], rows
