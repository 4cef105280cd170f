"""Groups of people as the subjects of act cues (people_words.py, syntax.agent_capable):
"passengers praised the crew", "the plaintiffs accused the city of ...". Invented sentences."""

from .support import one


def test_groups_of_people_perform_acts(run):
    rows = run("Passengers praised the crew for their calm.\n\n"
               "The plaintiffs accused the city of negligence.\n\n"
               "The victims demanded an apology from the company.")
    assert one(rows, "Passengers")[1:3] == ("praised", "the crew for their calm")
    assert one(rows, "The plaintiffs")[1:3] == ("accused", "the city of negligence")
    assert one(rows, "The victims")[2] == "an apology from the company"


def test_the_coroner_rules(run):
    rows = run("The coroner ruled that the death was accidental.")
    assert one(rows, "The coroner")[1:3] == ("ruled", "the death was accidental")


def test_people_doing_things_say_nothing(run):
    rows = run("The crew repaired the engine before dawn.\n\n"
               "Refugees crossed the border on foot.")
    assert not rows, rows
