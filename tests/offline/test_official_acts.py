"""Official acts and unsourced hedges (issue 14, evals/GUIDELINES.md section 9.1-9.2):
lexicon.OFFICIAL_ACTS read by the speech-act content rules, the `act_not_performed` guard,
and unsourced.py's "reportedly"/"allegedly"."""

from .support import one


def test_official_acts_are_speech_acts(run):
    rows = run("The governor declared a state of emergency in three coastal counties.\n\n"
               "Police identified the driver as a 40-year-old man from the harbour district.\n\n"
               "The league named Ana Ruiz its new commissioner on Friday.\n\n"
               "The state party endorsed the senator by acclamation.")
    assert one(rows, "The governor")[1:3] == ("declared", "a state of emergency in three coastal counties")
    assert one(rows, "Police")[2].startswith("the driver as a 40-year-old man")
    assert one(rows, "The league")[2].startswith("Ana Ruiz its new commissioner")
    assert one(rows, "The state party")[1] == "endorsed"


def test_an_act_asked_for_or_supposed_is_not_reported(run):
    rows = run("The mayor had asked the council to declare a day of mourning.\n\n"
               "If the board named a new chair, the strike would end.")
    assert not [r for r in rows if r[1] in ("declare", "named")], rows


def test_reportedly_and_allegedly_without_a_source(run):
    rows = run("The ferry reportedly sank within minutes of leaving the port.\n\n"
               "A clerk was arrested for allegedly selling the exam papers, and the school said it would retest.")
    ferry = [r for r in rows if r[1] == "reportedly"][0]
    assert ferry[0] is None and ferry[2] == "The ferry reportedly sank within minutes of leaving the port"
    claim = ferry[3]
    assert claim.source.type == "unattributed" and claim.stance == "hedged"
    assert any(f.code == "no_source" for f in claim.flags)
    clerk = [r for r in rows if r[1] == "allegedly"][0]
    assert clerk[2] == "selling the exam papers"  # not the school's statement after "and"; §9.2: without the adverb
    assert clerk[3].claim.startswith("A clerk was arrested")
    assert one(rows, "the school")[2] == "it would retest"


def test_reportedly_inside_a_quotation_is_the_speakers(run):
    rows = run('"The files were reportedly lost in the flood," the archivist said.')
    assert not [r for r in rows if r[1] == "reportedly"]
