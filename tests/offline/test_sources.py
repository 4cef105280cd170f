"""Sources (sources.py, subjects.py, state.py): who may speak, subjects the parser hung elsewhere,
surnames met before, time and channel phrases, names."""

from .support import one


def test_person_nouns_known_surnames_and_speaking_of(run):
    rows = run("Senator Maria Lopez spoke at a rally in Dayton on Monday.\n\n"
               "Lopez responded that the plan was fair.\n\n"
               "The actor recalled his first role at a theater in Boston.\n\n"
               "The ministry has spoken of \u201ccautious optimism\u201d that the talks could succeed.")
    assert one(rows, "Lopez")[2] == "the plan was fair"  # a surname seen before, even if mis-tagged
    assert one(rows, "The actor")[2].startswith("his first role")
    ministry = one(rows, "The ministry")
    assert ministry[1] == "has spoken" and ministry[2].endswith("optimism\u201d that the talks could succeed")
    assert not [r for r in rows if r[1] == "spoke"]  # speaking at a place is no speech act


def test_any_noun_can_speak_but_not_every_cue_takes_any_noun(run):
    rows = run("The challenger complained that the count had been slow in the northern wards.\n\n"
               "The results confirmed a rising wave of discontent against the militias.")
    assert one(rows, "The challenger")[2] == "the count had been slow in the northern wards"
    assert not [r for r in rows if r[0] == "The results"]


def test_senders_second_cues_and_time_phrases(run):
    rows = run("The governor emailed donors saying the race is close.\n\n"
               "The coach says the defense was weak and says he will change the lineup.\n\n"
               "The mayor at the time said the budget was balanced.")
    assert one(rows, "The governor")[2] == "the race is close"
    assert not [r for r in rows if r[0] == "donors"]
    coach = [r for r in rows if r[0] == "The coach"]
    assert {r[2] for r in coach} == {"the defense was weak", "he will change the lineup"}
    assert one(rows, "The mayor")[2] == "the budget was balanced"


def test_second_cue_inside_the_clause_and_channels_in_the_source(run):
    rows = run("Dana Ortiz, a senior aide, says the first task of the team is to win, but conceded that the polls were tight.\n\n"
               "Governor Hale in a blog post said he would sign the bill.")
    conceded = next(r for r in rows if r[1] == "conceded")
    assert conceded[0] == "Dana Ortiz, a senior aide" and conceded[2] == "the polls were tight"
    assert one(rows, "Governor Hale")[2] == "he would sign the bill"


def test_a_possessive_tagged_as_a_person_is_no_name():
    # A PolNeAR train article crashed the engine here (IndexError) before the fix.
    from spacy.tokens import Doc

    from extractor.engines.offline.nlp import load_nlp
    from extractor.engines.offline.source_phrase import person_name
    doc = Doc(load_nlp().vocab, words=["Fox", "\u2019s", "host"], ents=["O", "B-PERSON", "O"])
    assert person_name(list(doc)) is None
