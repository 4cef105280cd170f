"""Where a reported clause ends (content.before_a_rival_claim): not across another source's
claim set beside it. Sentences written for these tests."""

from .support import one


def test_a_semicolon_before_another_sources_report(run):
    rows = run("The first agency reported the quake's magnitude was 5.5; the second agency reported 5.8.")
    assert one(rows, "The first agency")[2] == "the quake's magnitude was 5.5"


def test_despite_another_source_claiming(run):
    rows = run("The committee says it has found no trace of explosives despite the website claiming a "
               "witness saw a depot in the cellar.")
    assert one(rows, "The committee")[2] == "it has found no trace of explosives"
    assert one(rows, "the website")[1] == "claiming"


def test_a_concession_without_a_claim_stays_in_the_clause(run):
    rows = run("The committee says it has found no trace of explosives despite a long search of the cellar.")
    assert one(rows, "The committee")[2] == "it has found no trace of explosives despite a long search of the cellar"
