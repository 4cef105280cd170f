"""An inverted cue set off by commas inside the sentence it reports ("The plan, said Ana
Ruiz, would cost ..."; syntax.aside_left, syntax.inverted_aside): the subject after the cue
speaks, and both sides of the aside are the content, as with "The plan, Ana Ruiz said, ...".
The parser hangs the sentence's own subject on "said" as a second subject, so without the
rule the plan itself was the source. Invented sentences."""

from .support import one


def test_the_subject_after_an_inverted_aside_speaks(run):
    rows = run("The plan, said Ana Ruiz, would cost the city nothing.\n\n"
               "The bridge, said officials, will reopen in May.")
    ruiz = one(rows, "Ana Ruiz")
    assert ruiz[1:3] == ("said", "The plan, said Ana Ruiz, would cost the city nothing")
    assert ruiz[3].claim == 'Ana Ruiz said: "The plan would cost the city nothing."'
    assert one(rows, "officials")[2] == "The bridge, said officials, will reopen in May"
    assert not [r for r in rows if r[0] in ("The plan", "The bridge")], rows


def test_a_long_inverted_subject_is_still_an_aside(run):
    rows = run("The talks, said a spokesman for the dockers' union, had collapsed overnight.")
    assert one(rows, "a spokesman for the dockers' union")[2] == \
        "The talks, said a spokesman for the dockers' union, had collapsed overnight"


def test_a_trailing_inverted_cue_is_unchanged(run):
    rows = run("The vote was rigged, said the opposition leader.")
    assert one(rows, "the opposition leader")[2] == "The vote was rigged"
