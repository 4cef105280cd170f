"""Content rule families for clauses (content.py): the reported clause, inverted, trailing and
parenthetical cues, clauses the parser hung elsewhere, sentence-final cues."""

import pytest

from .support import one


def test_plain_inverted_trailing_and_parenthetical(run):
    rows = run("The mayor said the bridge would reopen in May.\n\n"
               "The bridge would reopen in May, city officials said.\n\n"
               "In the long run, several engineers said, the repairs could cost twice as much.\n\n"
               "Kaine now says, however, that he supports the plan.")
    assert one(rows, "The mayor")[2] == "the bridge would reopen in May"
    assert one(rows, "city officials")[2] == "The bridge would reopen in May"
    engineers = one(rows, "several engineers")[3]
    assert [p.text for p in engineers.fragments["content"]] == ["In the long run", "the repairs could cost twice as much"]
    assert one(rows, "Kaine")[2] == "he supports the plan"


def test_clauses_the_parser_hung_elsewhere_and_short_answers(run):
    rows = run("The committee's chairman says in a statement that the hearing will go ahead.\n\n"
               "Asked who should coach the team, the owner said Martinez.\n\n"
               "The coach noted the team's poor defense in the second half.\n\n"
               "The union is already claiming victory in the pay talks.")
    assert one(rows, "The committee's chairman")[2] == "the hearing will go ahead"
    assert one(rows, "the owner")[2] == "Martinez"
    assert one(rows, "The coach")[2].startswith("the team's poor defense")
    assert one(rows, "The union")[2].startswith("victory")


def test_trailing_cue_parsed_as_the_complement(run):
    rows = run("The envoy visited Cairo after the attack, and said his government had nothing to do with the strike, two diplomats said Monday.")
    envoy = one(rows, "The envoy")
    assert envoy[2] == "his government had nothing to do with the strike"
    assert one(rows, "two diplomats")[2] == "The envoy visited Cairo after the attack"

    assert not [r for r in rows if r[0] == "a statement"]


def test_trailing_as_clause_is_not_said(run):
    rows = run("The coach says she is happy with the team as she prepares for the final.")
    assert one(rows, "The coach")[2] == "she is happy with the team"


def test_sentence_final_cue_after_a_misparsed_clause(run):
    rows = run("Farmers who borrow heavily struggle, even in a good year, he said.\n\n"
               "But when the council cut the funding, the mayor said.")
    assert one(rows, "he")[2] == "Farmers who borrow heavily struggle, even in a good year"
    assert not [r for r in rows if r[0] == "the mayor"]  # a subordinate clause is not what was said


@pytest.mark.parametrize("text, source, cue, content", [
    pytest.param("The envoy informed the delegations of the need to extend the talks.",
                 "The envoy", "informed", "the delegations of the need to extend the talks", id="informed_x_of_y"),
    pytest.param("The coach resigned on Friday, in what players said was a sign that the club had given up.",
                 "players", "said", "was a sign that the club had given up", id="what_x_said_was"),
    pytest.param("The league issued a statement saying that the season would resume in March.",
                 "The league", "saying", "the season would resume in March", id="a_statement_saying_speaks_for_its_issuer"),
    pytest.param("The budget plan promises to raise wages for teachers.",
                 "The budget plan", "promises", "to raise wages for teachers", id="documents_that_promise_and_note"),
])
def test_one_sentence_one_attribution(run, text, source, cue, content):
    _, got_cue, got_content, _ = one(run(text), source)
    assert (got_cue, got_content) == (cue, content)
