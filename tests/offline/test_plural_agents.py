"""Plural organisations as the subjects of act cues (syntax.agent_capable): "the parties
nominated", "the unions condemned". The word lists hold singular heads; their plurals hold
views as well. Invented sentences."""

from .support import one


def test_plural_parties_nominate(run):
    rows = run("The two parties nominated Ana Ruiz for president.")
    assert one(rows, "The two parties")[1:3] == ("nominated", "Ana Ruiz for president")
    assert one(rows, "The two parties")[3].source.type == "organization"


def test_plural_unions_and_governments_act(run):
    rows = run("The unions condemned the layoffs at the port.\n\n"
               "Several governments welcomed the ceasefire between the rival factions.")
    assert one(rows, "The unions")[1:3] == ("condemned", "the layoffs at the port")
    assert one(rows, "Several governments")[2] == "the ceasefire between the rival factions"


def test_plural_things_still_hold_no_view(run):
    rows = run("The storms threatened the coast.\n\n"
               "The results confirmed a swing to the left.")
    assert not [r for r in rows if r[1] in ("threatened", "confirmed")], rows


def test_a_bare_objection_of_plural_agents_is_no_claim(run):
    rows = run("The council delayed the vote after the objection expressed by some unions.")
    assert not [r for r in rows if r[2] == "the objection"], rows
