"""Stances and nominations taken through acts (evals/GUIDELINES.md §1, §9.1;
position_cues.py, position_acts.py): signalling an intent, phrasal attacks,
crediting a cause; and the shapes left out (opposing, choosing, defending) staying out. Invented sentences."""

from .support import one



def test_being_opposed_or_an_opposing_side_is_no_act(run):
    rows = run("The bridge plan was opposed by few people.\n\nThe opposing team scored twice in the rain.")
    assert not [r for r in rows if r[1] and "oppos" in r[1]], rows



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



def test_defending_a_title_or_a_town_is_no_position(run):
    rows = run("The champion defended her title in Lisbon.\n\nSoldiers defended the town for a week.")
    assert not [r for r in rows if r[1] and "defend" in r[1]], rows




def test_phrasal_attacks(run):
    rows = run("Councillor Ines Moreau lashed out at the transit board over the fare rise.\n\n"
               "The senator took aim at the governor's housing plan.\n\n"
               "Bishop Alvaro Reyes railed against the new casino.")
    assert one(rows, "Councillor Ines Moreau")[2] == "at the transit board over the fare rise"
    assert one(rows, "The senator")[2] == "at the governor's housing plan"
    assert one(rows, "Bishop Alvaro Reyes")[2] == "against the new casino"


def test_hitting_or_taking_things_is_no_attack(run):
    rows = run("The striker hit the post twice.\n\nThe senator took the train to the capital.\n\n"
               "The council pushed back the vote to June.")
    assert not [r for r in rows if r[1] and ("hit" in r[1] or "took" in r[1] or "pushed" in r[1])], rows


def test_credited_a_cause(run):
    rows = run("Mayor Lena Ortiz credited the new curfew with cutting street crime.")
    assert one(rows, "Mayor Lena Ortiz")[1:3] == ("credited", "the new curfew with cutting street crime")


def test_crediting_an_account_is_no_claim(run):
    rows = run("The bank credited the refund to her account on Monday.")
    assert not [r for r in rows if r[1] and "credited" in r[1]], rows


def test_linked_x_to_y(run):
    rows = run("Mayor Lena Ortiz linked the closures to the budget cuts.")
    assert one(rows, "Mayor Lena Ortiz")[1:3] == ("linked", "the closures to the budget cuts")
