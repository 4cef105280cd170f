"""Speakers the parser hung elsewhere (lost_subjects.py): a finite cue with a content and no
subject takes the name the parser read as an apposition inside the opening phrase, or the
noun it made the root of a sentence with no verb of its own."""

from .support import one


def test_speaker_read_as_apposition_in_an_opening_phrase(run):
    rows = run("Saturday at the state party's annual convention Sen. Ana Ruiz (D-Ohio) said the governor was a failure in business.\n\n"
               "But in a conference call with reporters on May 3, Maj. Tom Alvarez, a military spokesman in Kabul, said, "
               "\"The raid was a combat operation. There is no way around that.\"\n\n"
               "Addressing about 50 donors at the dinner, the campaign manager, Rita Olsen, bluntly suggested that the ads had been a mistake.")
    assert one(rows, "Sen. Ana Ruiz (D-Ohio)")[2] == "the governor was a failure in business"
    assert one(rows, "Tom Alvarez, a military spokesman in Kabul")[2].startswith("The raid was a combat operation.")
    assert one(rows, "the campaign manager, Rita Olsen")[2] == "the ads had been a mistake"


def test_speaker_made_the_root_of_a_verbless_sentence(run):
    rows = run("Governor Ana M. Ruiz, the state's top Republican, on Friday called Tom R. Baker's comments about a black judge "
               "''ugly,'' an unusual attack that set off a wave of protest.")
    assert one(rows, "Governor Ana M. Ruiz, the state's top Republican")[2].startswith("Tom R. Baker's comments about a black judge")


def test_no_speaker_from_an_opening_phrase_without_apposition(run):
    # the opener's own nouns are not speakers: "At the rally in Ohio" names no one
    rows = run("At the rally in Ohio on Monday, the crowd cheered as the senator said the plant would stay open.\n\n"
               "The report, released by the agency, said the river was polluted.")
    assert not [r for r in rows if r[0] in ("Ohio", "the rally in Ohio", "the agency")]
    assert one(rows, "the senator")[2] == "the plant would stay open"


def test_speech_gerund_after_a_preposition(run):
    rows = run("The comedian was booed by the crowd after telling the fans that they were \"being ridiculous.\"\n\n"
               "In addition to stating that the tax was illegal, the senator has vowed to repeal it.")
    assert one(rows, "The comedian")[2].startswith("they were")
    assert [r for r in rows if r[0] == "the senator" and r[2] == "the tax was illegal"]


def test_a_message_that_says_speaks_for_who_put_it_out(run):
    rows = run("The senator is releasing a new ad that urges voters to reject the tax.\n\n"
               "The Daily Ledger recently ran a piece that noted the mayor's \"rising star.\"\n\n"
               "He walked them through a slide show that predicted victory for the mayor.")
    assert one(rows, "The senator")[2] == "voters to reject the tax"
    assert one(rows, "The Daily Ledger")[2].startswith("the mayor's")
    assert not [r for r in rows if r[0] == "He"]  # (a slide show he showed is not a message he put out)


def test_speaker_set_off_after_the_clause_it_reports(run):
    rows = run("Two files sent to aides who worked for the mayor have been placed in secure storage, "
               "Patrick F. Ortiz, the undersecretary for management, wrote in a memo.")
    assert one(rows, "Patrick F. Ortiz, the undersecretary for management")[2] == \
        "Two files sent to aides who worked for the mayor have been placed in secure storage"
