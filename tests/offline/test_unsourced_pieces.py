"""Unsourced hedges cut as evals/GUIDELINES.md §9.2 says (unsourced.py): a leading adverb is
not part of the content; an adverb inside the clause splits it into two fragments with the
covering span. Sentences written for these tests."""

from .support import one


def hedge(rows):
    hits = [r for r in rows if r[1] and r[1].lower() in ("reportedly", "allegedly")]
    assert hits, rows
    return hits[0]


def test_a_leading_adverb_is_left_out(run):
    row = hedge(run("Reportedly, the driver had fallen asleep."))
    assert row[2] == "the driver had fallen asleep" and row[3].fragments is None
    row = hedge(run("A man has been charged for allegedly selling the car to the gang."))
    assert row[2] == "selling the car to the gang"


def test_an_adverb_inside_the_clause_makes_two_fragments(run):
    row = hedge(run("The driver had reportedly fallen asleep at the wheel."))
    assert row[2] == "The driver had reportedly fallen asleep at the wheel"
    assert [f.text for f in row[3].fragments["content"]] == ["The driver had", "fallen asleep at the wheel"]


def test_an_adverb_before_a_phrase_after_a_comma(run):
    row = hedge(run("The actor died at his home, reportedly after a long illness."))
    assert [f.text for f in row[3].fragments["content"]] == ["The actor died at his home", "after a long illness"]


def test_it_is_understood_that_is_an_unsourced_report(run):
    rows = run("It is understood that the talks will resume next week.")
    row = [r for r in rows if r[1] == "is understood"][0]
    assert row[0] is None and row[2] == "the talks will resume next week"
    assert row[3].source.type == "unattributed"


def test_understanding_something_oneself_is_no_report(run):
    rows = run("I understand that the talks will resume next week.")
    assert not [r for r in rows if r[1] and "understand" in r[1]], rows


def test_an_agentless_as_clause_credits_nobody(run):
    rows = run("As disclosed in the filing, the firm lost $3 million last year.\n\n"
               "As revealed at trial, the couple had kept their children indoors for years.")
    firm = [r for r in rows if r[2] == "the firm lost $3 million last year"]
    assert firm and firm[0][0] is None and firm[0][3].source.type == "unattributed", rows
    assert [r for r in rows if r[0] is None and r[2] == "the couple had kept their children indoors for years"], rows


def test_the_article_pointing_at_itself_is_no_report(run):
    rows = run("As mentioned above, the mayor resigned on Monday.\n\nAs noted earlier, the bridge is closed.")
    assert not [r for r in rows if r[0] is None], rows


def test_an_as_clause_with_an_agent_keeps_it(run):
    rows = run("As reported by the agency, the talks collapsed on Tuesday.")
    assert [r for r in rows if r[0] == "the agency" and r[2] == "the talks collapsed on Tuesday"], rows


def test_rumored_to_is_an_unsourced_report(run):
    rows = run("The aide was rumored to be leaving the campaign.\n\nThe rumored merger fell through.")
    assert [r for r in rows if r[1] == "was rumored" and r[0] is None], rows
    assert not [r for r in rows if r[1] and "rumored" in r[1] and "merger" in r[2]], rows


def test_confirmed_dead_is_an_unsourced_count(run):
    rows = run("Two people were confirmed dead after the blast.\n\n"
               "At least 12 people are confirmed to have died in the flooding.")
    assert [r for r in rows if r[1] == "were confirmed" and r[0] is None and r[2].startswith("Two people")], rows
    assert [r for r in rows if r[1] == "are confirmed" and r[0] is None], rows


def test_confirmed_without_a_state_or_inside_a_report_is_not_unsourced(run):
    rows = run("The appointment was confirmed on Monday.\n\n"
               "Officials told state media that a total of 39 are confirmed dead.")
    assert not [r for r in rows if r[0] is None], rows
    assert [r for r in rows if r[0] == "Officials" and r[2] == "a total of 39 are confirmed dead"], rows


def test_a_hedge_inside_a_named_sources_report_is_theirs(run):
    rows = run("The former mayor allegedly sent the messages to a teenager, the local paper reported.\n\n"
               "The senator reportedly told donors that she would not run again.\n\n"
               "Police said the driver had reportedly fallen asleep.")
    assert not [r for r in rows if r[0] is None], rows
    assert one(rows, "the local paper")[2] == "The former mayor allegedly sent the messages to a teenager"
    assert one(rows, "The senator")[3].stance == "hedged"


def test_a_hedge_beside_an_unsourced_charge_stays(run):
    rows = run("A man has been charged for allegedly selling the car to the gang.")
    assert [r for r in rows if r[1] == "allegedly" and r[0] is None], rows
