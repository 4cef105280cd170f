"""Cue-less quotation paragraphs (continuation.py, evals/GUIDELINES.md 9.3) on layouts written for
these tests: curly quotes, several sentences, several paragraphs in a row, after a colon intro,
a quotation left open, and the places where the speaker is not known."""


def inferred(rows):
    return [r for r in rows if r[1] is None]


def test_curly_multi_sentence_paragraphs_in_a_row(run):
    rows = run("“We were slow in the first half,” the coach, Mira Lund, said after the game.\n\n"
               "“Next week will be different. We know what we have to fix.”\n\n"
               "“The fans deserve better.”\n")
    got = inferred(rows)
    assert [r[2] for r in got] == ["Next week will be different. We know what we have to fix.", "The fans deserve better."]
    assert all(r[0] == "the coach, Mira Lund" and r[3].source.name == "Mira Lund" for r in got)
    assert got[0][3].claim == 'Mira Lund said: "Next week will be different. We know what we have to fix."'


def test_after_a_colon_intro(run):
    rows = run("The fire chief, Dana Reyes, said:\n\n"
               "\"Three crews are still at the scene. We expect to contain the fire by tonight.\"\n\n"
               "\"Residents should stay away from the valley road.\"\n")
    colon = [r for r in rows if r[1] == "said"]
    assert colon and colon[0][2].startswith("Three crews")
    assert [r[2] for r in inferred(rows)] == ["Residents should stay away from the valley road."]


def test_a_quotation_left_open_is_one_claim_not_two(run):
    rows = run("\"We will rebuild,\" Mayor Lena Ortiz said. \"Every house will stand again.\n\n"
               "\"Every school will reopen by the autumn.\n\n"
               "\"Nobody will be left behind.\"\n")
    covering = [r for r in rows if "Every school" in r[2]]
    assert len(covering) == 1, rows
    assert not [r for r in inferred(rows) if "Every school" in r[2]]


def test_another_actor_after_the_attribution_stops_the_inference(run):
    rows = run("\"We will rebuild,\" Mayor Lena Ortiz said, but the opposition leader, Ben Hale, disagreed.\n\n"
               "\"The money is not there.\"\n")
    assert not inferred(rows), rows


def test_a_pronoun_sentence_after_the_quote_does_not_stop_it(run):
    rows = run("\"The vote was fair,\" said Senator Ana Diaz. She left without taking questions.\n\n"
               "\"We will appeal.\"\n")
    assert [(r[0], r[2]) for r in inferred(rows)] == [("Senator Ana Diaz", "We will appeal.")]


def test_no_inference_without_a_speaker_or_across_a_caption(run):
    rows = run("The statement, signed by Ortiz, ended with a line from an old song.\n\n"
               "\"We shall overcome.\"\n\n"
               "“We will rebuild,” said Ortiz.\n\n"
               "(Photo: the town hall after the flood)\n\n"
               "“Nobody will be left behind.”\n")
    assert not inferred(rows), rows


def test_a_relative_clause_after_the_quote_does_not_stop_it(run):
    rows = run("\"We will rebuild,\" Mayor Lena Ortiz said at the town hall, where residents had gathered since dawn.\n\n"
               "\"Nobody will be left behind.\"\n")
    assert [(r[0], r[2]) for r in inferred(rows)] == [("Mayor Lena Ortiz", "Nobody will be left behind.")]
