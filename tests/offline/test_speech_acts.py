"""Content rule families for objects of speech acts (content.py): complements, light verbs,
questions, instructions, passives with an agent, and what is not a claim (cue guards)."""

from .support import one


def test_speech_acts_stance_and_what_is_not_a_claim(run):
    rows = run("The ministry denied that troops had crossed the border.\n\n"
               "United Nations officials urged maximum restraint from both sides.\n\n"
               "The president will discuss the budget with lawmakers on Monday.\n\n"
               "Analysts believe the economy is slowing.\n\n"
               "\u201cI think we believe in this,\u201d the coach said.")
    assert one(rows, "The ministry")[3].stance == "denied"
    assert one(rows, "United Nations officials")[2] == "maximum restraint from both sides"
    assert not [r for r in rows if r[0] in ("The president", "Analysts", "I", "we")]


def test_participles_objects_and_for_clauses(run):
    rows = run("After the debate, the senator left the stage quickly, calling him \u201ca failed manager.\u201d\n\n"
               "The mayor said during Tuesday's council meeting that the budget would be balanced.\n\n"
               "The union is calling for the city to raise wages for bus drivers.\n\n"
               "The players union has been pushing for a salary cap as a way to keep small teams afloat, two owners told reporters.\n\n"
               "Riders were more likely to say the new line was too slow.")
    calling = one(rows, "the senator")
    assert calling[1] == "calling" and calling[2].startswith("him")
    assert not [r for r in rows if r[0] == "him"]  # an object pronoun is never the speaker
    assert one(rows, "The mayor")[2] == "the budget would be balanced"
    assert one(rows, "The union")[2] == "for the city to raise wages for bus drivers"
    league = one(rows, "The players union")
    assert league[1] == "has been pushing" and league[2].startswith("for a salary cap")
    assert one(rows, "two owners")[2].startswith("The players union has been pushing")
    assert one(rows, "Riders")[2] == "the new line was too slow"


def test_advocacy_verbs_only_with_for(run):
    rows = run("The farmer pushed the cart to the market, while the council is pushing to widen the road.")
    assert not [r for r in rows if r[1] and "push" in r[1]]


def test_requests_and_questions(run):
    rows = run("After the sermon, the bishop asked the choir to sing a second hymn.\n\n"
               "The manager thanked the crew and asked the drivers if they would work on Sunday.\n\n"
               "Asked whether the plant would close, the director said no decision had been made.")
    bishop = one(rows, "the bishop")
    assert bishop[1] == "asked" and bishop[2] == "the choir to sing a second hymn"
    # (thanking the crew is a speech act of its own, acts.py)
    assert [r for r in rows if r[0] == "The manager" and r[1] == "asked"][0][2] == "if they would work on Sunday"
    # A question put to a source is not a claim; the answer is (evals/GUIDELINES.md).
    assert not [r for r in rows if r[1] == "Asked"]
    assert one(rows, "the director")[2] == "no decision had been made"


def test_instructions_indirect_questions_and_contracted_modals(run):
    rows = run("Last winter, health officials told families not to use the well water.\n\n"
               "The minister isn't saying which budget she prefers.\n\n"
               "Ortiz says he\u2019ll welcome volunteers at the shelter.\n\n"
               "The video showed protesters saying the election was stolen.")
    assert one(rows, "health officials")[2] == "not to use the well water"
    minister = one(rows, "The minister")
    assert minister[2] == "which budget she prefers" and minister[3].stance == "denied"
    assert not [r for r in rows if r[1] == "welcome"]  # "he'll welcome": announced, not reported
    assert one(rows, "protesters")[2] == "the election was stolen"  # the participle is not in the source


def test_explained_and_wrote_with_noun_content(run):
    rows = run("The coach explained the new schedule to the players.\n\n"
               "The judge wrote a short note on the ruling.")
    assert one(rows, "The coach")[2].startswith("the new schedule")
    assert one(rows, "The judge")[2].startswith("a short note")


def test_passive_and_participle_with_an_agent(run):
    rows = run("Officials said the offer was communicated by the special envoy to the prime minister on Monday.\n\n"
               "Two groups rejected the ceasefire declared by the northern militia.\n\n"
               "The merger was first reported by Bloomberg.")
    assert one(rows, "the special envoy")[2] == "the offer"
    assert one(rows, "the northern militia")[2] == "the ceasefire"
    bloomberg = one(rows, "Bloomberg")
    assert bloomberg[2] == "The merger" and bloomberg[3].source.type == "media"


def test_light_verb_cues(run):
    rows = run("The ministry said the fire was caused by a faulty cable, placing the blame squarely on the contractor.\n\n"
               "The union casts doubt on the figures released by the company.\n\n"
               "The senator made the point that the bill had no funding.")
    ministry = [r for r in rows if r[0] == "The ministry" and r[1] == "placing the blame"]
    assert ministry and ministry[0][2] == "on the contractor"
    union = one(rows, "The union")
    assert union[1] == "casts doubt" and union[2].startswith("on the figures")
    assert one(rows, "The senator")[2] == "the bill had no funding"


def test_spoke_out_against(run):
    rows = run("The mayor of the city also spoke out against the new stadium.")
    mayor = one(rows, "The mayor of the city")
    assert mayor[2] == "against the new stadium"
