"""Stances and nominations taken through acts (evals/GUIDELINES.md §1, §9.1;
position_cues.py, position_acts.py): opposing something, choosing someone as a nominee,
signalling an intent. Invented sentences."""

from .support import one


def test_opposed_a_measure_or_an_act(run):
    rows = run("Senator Ruiz opposed the sale of the harbour to a private firm.\n\n"
               "The union has opposed closing the night clinic.")
    assert one(rows, "Senator Ruiz")[1:3] == ("opposed", "the sale of the harbour to a private firm")
    assert one(rows, "The union")[2] == "closing the night clinic"


def test_being_opposed_or_an_opposing_side_is_no_act(run):
    rows = run("The bridge plan was opposed by few people.\n\nThe opposing team scored twice in the rain.")
    assert not [r for r in rows if r[1] and "oppos" in r[1]], rows


def test_chose_someone_as_a_nominee(run):
    rows = run("The Harbor Party chose teacher Mara Lind as its nominee for governor.\n\n"
               "Okafor picked a retired admiral as his running mate.")
    assert one(rows, "The Harbor Party")[1:3] == ("chose", "teacher Mara Lind as its nominee for governor")
    assert one(rows, "Okafor")[2] == "a retired admiral as his running mate"


def test_a_plain_choice_is_no_nomination(run):
    rows = run("The council chose a new venue for the spring fair.\n\n"
               "The coach picked the youngest player as a joke.")
    assert not [r for r in rows if r[1] and ("chose" in r[1] or "picked" in r[1])], rows


def test_signalled_an_intent(run):
    rows = run("The former mayor has signalled an intention to run again next year.")
    assert one(rows, "The former mayor")[2] == "an intention to run again next year"


def test_signalling_a_turn_is_no_intent(run):
    rows = run("The driver signalled a turn before the junction.")
    assert not [r for r in rows if r[1] and "signal" in r[1]], rows


def test_defended_a_position_or_oneself(run):
    rows = run("Councillor Baptiste defended her vote on the parking levy.\n\n"
               "The minister defended himself against the charge of cronyism.")
    assert one(rows, "Councillor Baptiste")[1:3] == ("defended", "her vote on the parking levy")
    assert one(rows, "The minister")[2].startswith("himself against the charge")


def test_defending_a_title_or_a_town_is_no_position(run):
    rows = run("The champion defended her title in Lisbon.\n\nSoldiers defended the town for a week.")
    assert not [r for r in rows if r[1] and "defend" in r[1]], rows


def test_judging_acts_with_an_object(run):
    rows = run("The opposition leader assailed the budget as a gift to landlords.\n\n"
               "Senator Maria Oduya faulted the agency for its slow response to the flood.")
    assert one(rows, "The opposition leader")[1] == "assailed"
    assert one(rows, "The opposition leader")[2].startswith("the budget")
    assert one(rows, "Senator Maria Oduya")[1] == "faulted"


def test_apologized_for_an_act(run):
    rows = run("The airline apologized for the cancelled flights on Monday.")
    assert one(rows, "The airline")[1] == "apologized"
    assert "the cancelled flights" in one(rows, "The airline")[2]
