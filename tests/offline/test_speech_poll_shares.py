"""A share of those polled speaks for them with any cue (attributions.poll_share): "64 percent
call him competent", "a majority describe the plan as unfair"."""

from .support import one


def test_poll_share_is_a_speaker(run):
    rows = run("Among independents, 64 percent call him competent.\n\n"
               "A majority describe the plan as unfair.")
    assert one(rows, "64 percent")[2] == "him competent"
    assert one(rows, "A majority")[2] == "the plan as unfair"


def test_a_bare_share_word_is_not_a_speaker(run):
    # "percent" with no figure is not a share of people
    rows = run("Percent signs confirmed the totals.\n\nThe budget rose 5 percent, the report said.")
    assert not [r for r in rows if r[0] and "ercent" in r[0]]
    assert one(rows, "the report")[2] == "The budget rose 5 percent"
