"""A second cue hung inside the first one's reported clause (shared_speaker.py): its speaker is
the first cue's, with the first cue's mention."""

from .support import one


def test_repeated_pronoun_gives_the_speakers_mention(run):
    rows = run("The mayor maintained that she had balanced the budget, arguing that she deserved a second term.\n\n"
               "Ruiz repeats that he has no debts and urged the auditors to open his books.\n\n"
               "The tenants said they had been cheated, and vowed to sue the landlord.")
    arguing = [r for r in rows if r[1] == "arguing"][0]
    assert arguing[0] == "The mayor" and arguing[2] == "she deserved a second term"
    assert [r[0] for r in rows if r[1] == "urged"] == ["Ruiz"]
    assert [r[0] for r in rows if r[1] == "vowed"] == ["The tenants"]


def test_set_off_participle_goes_with_the_main_clause(run):
    rows = run("The coach said Brandt had a bad game, repeating a complaint from last season.")
    assert one(rows, "The coach")[1] == "said"
    assert [r[0] for r in rows if r[1] == "repeating"] == ["The coach"]


def test_other_subjects_keep_their_own_cues(run):
    # A name in the reported clause is its own speaker when nothing marks the cue as the first
    # speaker's ("and called" after "the minister lied").
    rows = run("Okafor said that the minister lied and called her a fraud.")
    assert [r[0] for r in rows if r[1] == "called"] == ["the minister"]


def test_comma_inside_the_closing_quote_still_sets_off(run):
    rows = run("The coach said Brandt had \u201ca dreadful game,\u201d adding, \u201cHe should never work again.\u201d")
    adding = [r for r in rows if r[1] == "adding"][0]
    assert adding[0] == "The coach" and adding[2] == "He should never work again"
