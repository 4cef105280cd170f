"""The clause an unsourced "reportedly" modifies (unsourced.py) when the parser hangs the
adverb on an auxiliary or a preposition. Sentences written for these tests."""


def hedges(rows):
    return [r[2] for r in rows if r[1] in ("reportedly", "allegedly")]


def test_reportedly_on_an_auxiliary_takes_the_verbs_clause(run):
    rows = run("For the governor, who reportedly has been itching to get into the race, the key question is timing.")
    assert hedges(rows) and hedges(rows)[0].endswith("who reportedly has been itching to get into the race"), rows


def test_reportedly_on_a_preposition_runs_to_the_next_punctuation(run):
    rows = run("The chain has shut dozens of shops, reportedly including last year its flagship store in the capital.")
    assert hedges(rows) and hedges(rows)[0] == "including last year its flagship store in the capital", rows
