"""Court acts and impeachment (evals/GUIDELINES.md §9.9, §9.10; legal_cues.py,
legal_acts.py): a court declining to hear a case, a ruling issued with what it holds,
ruling X to be Y, impeachment for a charge. Invented sentences."""

from .support import one


def rows_with(rows, cue_word):
    return [r for r in rows if r[1] and cue_word in r[1]]



def test_a_court_declining_to_hear_a_case(run):
    rows = run("The Supreme Court declined to hear the case on Monday.\n\n"
               "The appeals court refused to block the new voting law.")
    assert one(rows, "The Supreme Court")[1:3] == ("declined", "to hear the case")
    assert one(rows, "The appeals court")[2] == "to block the new voting law"



def test_a_person_refusing_is_not_a_ruling(run):
    rows = run("The striking miners refused to leave the building.")
    assert not rows_with(rows, "refused"), rows



def test_issued_a_ruling_finding(run):
    rows = run("On Tuesday, the state Supreme Court issued a ruling finding in favor of the teachers' union.\n\n"
               "The tribunal issued a decision declaring the election void.")
    assert one(rows, "the state Supreme Court")[1:3] == ("issued", "finding in favor of the teachers' union")
    assert one(rows, "The tribunal")[2] == "declaring the election void"



def test_a_bare_ruling_issued_states_nothing(run):
    rows = run("The court issued its ruling on Tuesday.")
    assert not rows_with(rows, "issued"), rows



def test_ruled_to_be(run):
    rows = run("The high court ruled the curfew to be unlawful.\n\n"
               "Voters rejected the 1990 levy, which the state court later ruled to be unconstitutional.")
    assert one(rows, "The high court")[1:3] == ("ruled", "the curfew to be unlawful")
    assert one(rows, "the state court")[1:3] == ("ruled", "the 1990 levy, which the state court later ruled to be unconstitutional")



def test_impeached_for(run):
    rows = run("The assembly impeached the governor for abuse of power.\n\n"
               "The judge was impeached over bribes paid by a developer.")
    assert one(rows, "The assembly")[1:3] == ("impeached", "the governor for abuse of power")
    hit = rows_with(rows, "was impeached")
    assert hit and hit[0][0] is None and hit[0][2] == "The judge was impeached over bribes paid by a developer", rows


def test_a_bare_impeachment_or_a_plan_to_impeach_is_not_a_claim(run):
    rows = run("The governor was impeached in 1868.\n\n"
               "The assembly moved to impeach the judge for perjury.")
    assert not rows_with(rows, "impeach"), rows


def test_ruling_a_country_is_not_a_ruling(run):
    rows = run("The king, who ruled the country for forty years, died on Sunday.")
    assert not rows_with(rows, "ruled"), rows
