"""A reported sentence that goes on after its cue (content.goes_on_after_cue): "X, he said,
because Y" and "X, she added, 'but Y'" are one content split by the cue; a participle, a
time clause or the author's clause after a closed quotation are not part of it."""


def test_reason_and_quoted_contrast_after_the_cue(run):
    rows = run("He is leaning toward the mayor, he said, because he values experience.\n\n"
               "The streets were deserted, he added, ''but people need to meet somehow.''")
    contents = [r[2] for r in rows]
    assert "He is leaning toward the mayor, he said, because he values experience" in contents
    assert any(c.startswith("The streets were deserted, he added, ''but people need") for c in contents)


def test_what_follows_the_cue_that_is_not_the_content(run):
    rows = run("The plan is dead, she said, adding that the council would meet.\n\n"
               "\"We will win,\" she said on Monday, and the crowd cheered.")
    contents = [r[2] for r in rows]
    assert "The plan is dead" in contents and "We will win" in contents
    assert not any("cheered" in c for c in contents)
