"""Descriptions whose object is a relative pronoun (naming_relatives.py): "what X called Y" is
X's claim as a whole phrase; "N, which X called Y" is the antecedent and the complement."""

from .support import one


def test_what_a_source_called_something(run):
    rows = run("The outbreak reached every continent in what the agency declared a pandemic.\n\n"
               'The firm builds what it calls "smart profiles" of voters.\n\n'
               "The price fell to what economists call a floor.\n\n"
               'The auction is for what the owner described as a "piece of history."')
    assert one(rows, "the agency")[2] == "what the agency declared a pandemic"
    assert one(rows, "it")[2].startswith('what it calls "smart profiles')
    assert one(rows, "economists")[2] == "what economists call a floor"
    assert one(rows, "the owner")[2].startswith('what the owner described as a "piece of history')


def test_speech_act_on_what_its_speaker_called_it(run):
    rows = run("The mayor criticized what she called the angry rhetoric of the governor.")
    assert one(rows, "The mayor")[2] == "what she called the angry rhetoric of the governor"
    assert not [r for r in rows if r[0] == "she"]  # (one claim, the act's)


def test_what_he_called_inside_his_own_report_is_not_a_second_claim(run):
    rows = run("The minister said the country must fight what he called homegrown terrorism.")
    assert one(rows, "The minister")[2] == "the country must fight what he called homegrown terrorism"
    assert len(rows) == 1


def test_which_a_source_called_something(run):
    rows = run('The senator attacked the loan program, which she called "a cartel for higher education."')
    claim = next(r for r in rows if r[1] == "called")
    assert claim[2].startswith('the loan program, which she called "a cartel for higher education')


def test_no_description_without_a_complement_or_a_speaker(run):
    rows = run("She did what he told her.\n\nThe talks led to what is called a truce.\n\n"
               "He praised what the team did.")
    assert not [r for r in rows if r[2].startswith("what")]
