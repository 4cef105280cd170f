""""According to X" opening a coordination the parser split (according.dangling_coordination).
Sentences written for these tests."""

from .support import one


def test_according_to_credits_both_clauses_of_a_so_coordination(run):
    rows = run("According to the coast guard, the ferry was overloaded, so when the storm hit, it capsized.")
    assert one(rows, "the coast guard")[2] == "the ferry was overloaded, so when the storm hit, it capsized"


def test_according_to_before_a_speaker_stays_inside_the_report(run):
    rows = run("According to the coast guard, the ferry was overloaded, the captain said.")
    assert one(rows, "the coast guard")[2] == "the ferry was overloaded"


def test_by_an_account_or_estimate_credits_its_clause(run):
    row = one(run("By one estimate, 40,000 people joined the march."), "one estimate")
    assert row[1] == "By" and row[2] == "40,000 people joined the march"
    row = one(run("The merger, by all accounts, fell apart over pensions."), "all accounts")
    assert [f.text for f in row[3].fragments["content"]] == ["The merger", "fell apart over pensions"]


def test_by_a_time_or_an_agent_is_no_credit(run):
    rows = run("By Thursday, the crews had cleared the road.\n\nThe tower was designed by a local firm.")
    assert not [r for r in rows if r[1] in ("By", "by")], rows
