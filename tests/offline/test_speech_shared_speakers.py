"""Speakers shared with another verb (subjects.find_subject): a cue joined to a passive verb
takes its passive subject, and a speaker's next act hung by the parser on their own report
goes to the speaker, not to the pronoun inside the report."""

from .support import one


def test_cue_joined_to_a_passive_verb_shares_its_subject(run):
    rows = run("The mayor was asked about the fire and said it was under control.\n\n"
               "The coach was fired on Monday and later told reporters that he had no regrets.\n\n"
               "The minister was questioned for hours and denied that he had taken a bribe.")
    assert one(rows, "The mayor")[2] == "it was under control"
    assert one(rows, "The coach")[2] == "he had no regrets"
    assert one(rows, "The minister")[2] == "he had taken a bribe"


def test_no_shared_subject_from_an_expletive_or_for_a_passive_cue(run):
    rows = run("It was raining all day and the crowd said nothing.\n\n"
               "The bridge was closed and was later described as unsafe.")
    assert not [r for r in rows if r[0] in ("It", "The bridge")]


def test_participle_hung_on_the_report_goes_to_the_speaker(run):
    text = "The mayor insisted that she had expanded the party, claiming that she is responsible for higher turnout."
    rows = run(text)
    claim = next(r for r in rows if r[1] == "claiming")
    assert claim[0] == "The mayor" and claim[2] == "she is responsible for higher turnout"
    rows = run("The company said it would cut 500 jobs, citing weak demand.")
    assert next(r for r in rows if r[1] == "citing")[0] == "The company"


def test_same_pronoun_speaker_is_the_outer_mention(run):
    text = 'On taxes, he says he would release his returns on Friday, calling them "very boring."'
    rows = run(text)
    calling = next(r for r in rows if r[1] == "calling")
    assert calling[3].source.mention.start == text.index("he says")


def test_verb_in_the_report_tense_goes_to_the_speaker(run):
    rows = run('The senator says he respects the governor and calls her "an extremely smart woman."')
    assert next(r for r in rows if r[1] == "calls")[0] == "The senator"


def test_another_pronoun_in_the_report_keeps_its_own_act(run):
    # "she" is not the speaker "He": her act inside his report stays hers
    text = "He says she respects the governor and calls her a friend."
    rows = run(text)
    calls = [r for r in rows if r[1] == "calls"]
    assert calls and calls[0][3].source.mention.start == text.index("she")
