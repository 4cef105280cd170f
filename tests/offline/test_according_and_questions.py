""""According to X" between a subject and its verb (according.splits_subject), and questions
("asked"): a participle "asked about X" describing the speaker is not a cue. Sentences
written for these tests."""

from .support import one


def test_according_to_between_subject_and_verb_is_the_whole_clause(run):
    rows = run("The harbour board, according to the port authority, closed the east pier on Sunday.")
    port = one(rows, "the port authority")
    assert port[2].startswith("The harbour board") and port[2].endswith("closed the east pier on Sunday")
    assert port[3].fragments and len(port[3].fragments["content"]) == 2


def test_according_to_inside_a_report_makes_a_relay(run):
    rows = run("Lindqvist, according to the local radio station, said the factory would reopen in May.")
    radio = one(rows, "the local radio station")
    assert radio[2].startswith("Lindqvist") and radio[2].endswith("would reopen in May")
    said = one(rows, "Lindqvist")
    assert said[2] == "the factory would reopen in May"
    assert [v.mention.text for v in said[3].via] == ["the local radio station"]


def test_according_to_closing_a_report_credits_the_whole_report(run):
    rows = run("The ministry said the road would stay closed, according to local radio.")
    radio = one(rows, "local radio")
    assert radio[2] == "The ministry said the road would stay closed"
    ministry = one(rows, "The ministry")
    assert ministry[2].startswith("the road would stay closed")
    assert [v.mention.text for v in ministry[3].via] == ["local radio"]


def test_a_question_put_aside_to_the_speaker_is_not_her_claim(run):
    rows = run("Ruiz, asked whether the plan was legal, said it was.")
    assert not [r for r in rows if r[1] == "asked"], rows


def test_a_source_asking_a_question_is_still_read(run):
    rows = run("Ruiz asked whether the plan was legal.")
    assert one(rows, "Ruiz")[2] == "whether the plan was legal"
