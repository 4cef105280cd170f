"""Cue guards (guards.py): a cue word is there, nothing is attributed. Sentences written
for these tests; each guard has a case it rules out and a near miss it must leave alone."""

from .support import one


def test_claiming_a_win_a_share_or_lives_is_not_saying(run):
    rows = run("The senator won the state primary, claiming her third victory of the night.\n\n"
               "The challenger claimed 41 percent of the vote to the mayor's 33 percent.\n\n"
               "The blast claimed 20 lives in the old town.")
    assert not [r for r in rows if r[1] and "claim" in r[1]], rows


def test_claims_that_say_something_stay(run):
    rows = run("The challenger claimed that the count had been rigged.\n\n"
               "A little-known group claimed responsibility for the blast.")
    assert one(rows, "The challenger")[2] == "the count had been rigged"
    assert one(rows, "A little-known group")[2] == "responsibility for the blast"


def test_writing_a_piece_is_not_what_it_says(run):
    rows = run("She wrote a children's book.\n\n"
               "The retired judge writes a weekly column for the county paper.\n\n"
               "Farmers may write off the costs of new equipment.")
    assert not [r for r in rows if r[1] and ("wr" in r[1].lower())], rows


def test_writing_what_a_piece_says_stays(run):
    rows = run("The retired judge wrote that the court had lost its way.\n\n"
               "The mayor wrote a letter saying the bridge would close.")
    assert one(rows, "The retired judge")[2] == "the court had lost its way"
    assert [r for r in rows if r[1] == "saying" and r[2] == "the bridge would close"], rows


def test_a_person_who_said_stays(run):
    rows = run("Ana Ruiz, who said the plan would fail, resigned on Monday.")
    assert [r for r in rows if r[1] == "said" and r[2] == "the plan would fail"], rows


def test_an_editors_note_is_the_outlets_boilerplate(run):
    rows = run("The council met on Monday.\n\n"
               "Editor’s note: The mayor is a candidate who has repeatedly pledged to close the harbour.")
    assert not [r for r in rows if r[1] and "pledged" in r[1]], rows
    rows = run("The council met on Monday.\n\nThe mayor has repeatedly pledged to close the harbour.")
    assert [r for r in rows if r[1] and "pledged" in r[1]], rows
