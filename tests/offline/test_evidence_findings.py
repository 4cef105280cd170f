"""Forecasts with their clause and written things that read (evidence_cues.py, cues.py).
Sentences written for these tests."""

from .support import one


def test_a_forecast_with_its_clause(run):
    rows = run("The budget office projected that the deficit will double by 2030.")
    assert one(rows, "The budget office")[2] == "the deficit will double by 2030"


def test_projecting_a_quality_is_no_forecast(run):
    rows = run("The candidate projected confidence throughout the debate.\n\n"
               "Each faction projected its own hopes onto the newcomer.")
    assert not [r for r in rows if r[1] == "projected"], rows


def test_a_bare_record_or_email_is_no_source(run):
    rows = run("The emails showed up in her inbox on Monday.")
    assert not [r for r in rows if r[0] == "The emails"], rows


def test_an_editorial_reads_its_words(run):
    rows = run('"There is no spine left in this town," reads a Sunday editorial in the local paper.')
    assert one(rows, "a Sunday editorial in the local paper")[2] == "There is no spine left in this town"


def test_records_and_papers_that_present_a_finding(run):
    rows = run("The ledgers show that the club overspent by a third.\n\n"
               "A 2015 paper found steep declines in bee numbers.")
    assert one(rows, "The ledgers")[2] == "the club overspent by a third"
    assert one(rows, "A 2015 paper")[2] == "steep declines in bee numbers"


def test_a_record_without_a_finding_is_no_source(run):
    rows = run("The files show.\n\nThe memo showed up on his desk.")
    assert not [r for r in rows if r[0] in ("The files", "The memo")], rows
