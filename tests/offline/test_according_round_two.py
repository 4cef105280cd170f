""""According to X" opening a coordination the parser split (according.dangling_coordination).
Sentences written for these tests."""

from .support import one


def test_according_to_credits_both_clauses_of_a_so_coordination(run):
    rows = run("According to the coast guard, the ferry was overloaded, so when the storm hit, it capsized.")
    assert one(rows, "the coast guard")[2] == "the ferry was overloaded, so when the storm hit, it capsized"


def test_according_to_before_a_speaker_stays_inside_the_report(run):
    rows = run("According to the coast guard, the ferry was overloaded, the captain said.")
    assert one(rows, "the coast guard")[2] == "the ferry was overloaded"
