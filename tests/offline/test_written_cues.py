"""Written things that speak (cues.written_reader) and a reported clause the parser read as
an object (content_objects.said_object). Sentences written for these tests."""

from .support import one


def test_a_document_that_reads_its_words(run):
    rows = run('"The river will crest on Friday night," reads the flood bulletin.\n\n'
               'The sign read: "Closed until spring."')
    bulletin = one(rows, "the flood bulletin")
    assert bulletin[1] == "reads" and bulletin[2] == "The river will crest on Friday night"
    assert one(rows, "The sign")[2] == "Closed until spring"


def test_a_banner_that_read(run):
    rows = run('Students carried a banner that read "Fund our schools".')
    assert [r for r in rows if r[1] == "read" and r[2] == "Fund our schools"], rows


def test_a_person_reading_is_not_a_cue(run):
    rows = run("The clerk read the verdict aloud to a silent court.\n\n"
               "She reads the paper every morning.")
    assert not [r for r in rows if r[1] and r[1].startswith("read")], rows


def test_said_with_a_quotation_deep_in_a_clause_read_as_an_object(run):
    # The small model reads "appeals" as a noun, so the clause becomes an object of "says".
    rows = run("Senator Ana Ruiz says the populist movement that is sweeping the country and boosting "
               "candidates in the 2016 presidential race appeals to the “bad angels” of human nature.")
    ruiz = one(rows, "Senator Ana Ruiz")
    assert ruiz[1] == "says" and ruiz[2].startswith("the populist movement") and ruiz[2].endswith("of human nature")


def test_a_reported_clause_read_as_object_and_adverbial_clause(run):
    # The small model makes "Storm Ana" the object of "reported" and "had strengthened" an
    # adverbial clause of its own.
    rows = run("In an advisory issued this morning the weather service reported Storm Ana in the gulf "
               "had strengthened into a hurricane.")
    service = one(rows, "the weather service")
    assert service[2] == "Storm Ana in the gulf had strengthened into a hurricane"


def test_an_object_and_a_second_predicate_stay_apart(run):
    rows = run("The company reported record profits and had announced a buyback.")
    assert [r for r in rows if r[1] == "reported" and r[2] == "record profits"], rows
