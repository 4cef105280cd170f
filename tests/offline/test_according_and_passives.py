""""According to X" on the clause it qualifies (according.py) and passives with an agent and
a complement (content_objects.passive_with_complement). Sentences written for these tests."""

from .support import one


def test_according_to_before_a_relative_clause_about_the_source(run):
    rows = run("The fire started shortly after midnight, according to firefighters, who said the alarm "
               "had been switched off.")
    fire = one(rows, "firefighters")
    assert fire[1] == "according to" and fire[2] == "The fire started shortly after midnight"
    assert [r for r in rows if r[1] == "said" and r[2] == "the alarm had been switched off"], rows


def test_according_to_closing_a_participle_aside(run):
    rows = run("Volunteers, working through the night in heavy rain, according to the county office "
               "rescued forty people from the flooded estate.")
    county = one(rows, "the county office")
    assert county[2].startswith("Volunteers, working through the night") and county[2].endswith("from the flooded estate")
    assert county[3].fragments and len(county[3].fragments["content"]) == 2


def test_according_to_at_the_end_is_unchanged(run):
    rows = run("The plant will close next year, according to two people familiar with the plans.")
    assert one(rows, "two people familiar with the plans")[2] == "The plant will close next year"


def test_a_passive_with_its_agent_and_a_complement_is_the_whole_clause(run):
    rows = run('The old bishop was described by the council as "a tireless friend of the poor."\n\n'
               "The coach has been criticized by several players for ignoring the younger squad.")
    assert one(rows, "the council")[2].startswith('The old bishop was described by the council as "a tireless friend')
    assert one(rows, "several players")[2] == ("The coach has been criticized by several players for ignoring "
                                               "the younger squad")


def test_a_passive_with_only_its_agent_keeps_the_patient(run):
    rows = run("The offer was communicated by the envoy on Tuesday.")
    assert one(rows, "the envoy")[2] == "The offer"


def test_according_to_opening_the_sentence(run):
    rows = run("According to the harbour master, two ferries collided in thick fog on Sunday.")
    assert one(rows, "the harbour master")[2] == "two ferries collided in thick fog on Sunday"
