"""Where a content after its cue ends (content_ends.py, content_objects.comma_aside,
according.reported_clause_head): the source's next act, the act's own circumstances, a
second quoted part, the preposition of "warned of", an aside in a lost subject and a
participle aside before "according to". Sentences written for these tests."""

from .support import one


def test_the_sources_next_act_after_an_infinitive(run):
    rows = run("The senator had signalled an intent to run but ultimately decided against it.")
    assert one(rows, "The senator")[2] == "an intent to run"
    rows = run("The union vowed to fight the ruling and appealed it the next day.")
    assert one(rows, "The union")[2] == "to fight the ruling"


def test_a_conjunct_of_a_verb_with_a_tense_stays(run):
    rows = run("He said he would not vote for either but planned to write in a name.")
    assert one(rows, "He")[2] == "he would not vote for either but planned to write in a name"
    rows = run("The mayor has been calling on the council to amend the law and give residents a vote.")
    assert one(rows, "The mayor")[2] == "to amend the law and give residents a vote"


def test_when_and_where_the_act_was_done(run):
    rows = run("The president railed against the rioters during his first rally since the lockdown ended, on June 20 in Tulsa.")
    assert one(rows, "The president")[2] == "against the rioters"
    rows = run("The senator denounced the new bill as it was sailing through the chamber.")
    assert one(rows, "The senator")[2] == "the new bill"


def test_a_circumstance_before_more_content_stays(run):
    rows = run("The minister condemned the attack on Monday's march.")
    assert one(rows, "The minister")[2] == "the attack on Monday's march"
    rows = run("The senator has described the dinner as Washington celebrating itself.")
    assert one(rows, "The senator")[2] == "the dinner as Washington celebrating itself"


def test_a_second_quoted_part_of_the_same_said(run):
    rows = run('The owner said he had received offers for the boat, but "the offers were to race it in a way I did not like."')
    assert one(rows, "The owner")[2] == 'he had received offers for the boat, but "the offers were to race it in a way I did not like'
    rows = run('She said the team was "thrilled" by the draw and "we will be back next year."')
    assert one(rows, "She")[2] == 'the team was "thrilled" by the draw and "we will be back next year'


def test_the_preposition_of_warned_of_goes_with_the_cue(run):
    rows = run("The weather service also warned of potential flash floods in the valley.")
    assert one(rows, "The weather service")[2] == "potential flash floods in the valley"
    rows = run("The senator called for a ceasefire.")
    assert one(rows, "The senator")[2] == "for a ceasefire"


def test_an_aside_inside_a_lost_subject(run):
    rows = run("The scientists suggested the snails, like the warmer water, might weaken the kelp.")
    assert one(rows, "The scientists")[2] == "the snails, like the warmer water, might weaken the kelp"
    rows = run("The agency reported the figures, and had no further comment.")
    assert one(rows, "The agency")[2] == "the figures"


def test_a_participle_aside_before_according_to(run):
    rows = run("The tower was home to 300 people. Divers, working in water well below freezing, according to the "
               "coast guard recovered six survivors from the wreck on Monday.")
    assert one(rows, "the coast guard")[2] == ("Divers, working in water well below freezing, according to the coast guard "
                                              "recovered six survivors from the wreck on Monday")
