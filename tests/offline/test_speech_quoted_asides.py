"""A cue set off by commas inside one reported sentence whose second half opens a quotation
typed with two apostrophes (content_objects.aside_before_quote): both sides are the content,
as with any other quotation mark."""

from .support import one


def test_aside_before_a_two_apostrophe_quotation(run):
    rows = run("The new stadium, the mayor said, ''will pay for itself'' within ten years.\n\n"
               "The plan, Ms. Ortiz said, ''will not survive'' a vote in the Senate.")
    assert one(rows, "the mayor")[2] == "The new stadium, the mayor said, ''will pay for itself'' within ten years"
    assert one(rows, "Ms. Ortiz")[2].startswith("The plan, Ms. Ortiz said, ''will not survive''")


def test_a_cue_before_a_whole_quotation_keeps_the_quotation(run):
    rows = run("The mayor said, ''We will finish the stadium on time.''")
    assert one(rows, "The mayor")[2] == "We will finish the stadium on time"
