"""Content guards (content_guards.py): a cue verb whose content span holds nothing said, a
topic or a noun the cue already names (evals/GUIDELINES.md §9.9). Sentences written for these
tests; each group has cases the guard rules out and near misses it must leave alone."""

from .support import one


def contents(rows):
    return [r[2] for r in rows]


# ---- a topic or a place, not a content ----

def test_a_topic_after_the_cue_is_not_content(run):
    rows = run("The senator tweeted about the flooding that hit the valley last week.\n\n"
               "The coach spoke about the injuries in his squad on Friday.")
    assert not [c for c in contents(rows) if c.lower().startswith("about")], rows


def test_a_clause_after_a_time_phrase_stays(run):
    rows = run("The mayor said on Monday that the bridge would reopen in May.")
    assert one(rows, "The mayor")[2] == "the bridge would reopen in May"


# ---- a noun the cue already names ----

def test_a_named_view_or_question_is_not_content(run):
    rows = run("The deputy minister expressed a similar view.\n\n"
               "The candidate shared her thoughts with local reporters.")
    assert not [c for c in contents(rows) if c.endswith(("view", "thoughts"))], rows


def test_a_view_with_its_clause_stays(run):
    rows = run("The deputy minister expressed the view that the tax was unfair.")
    assert any("the tax was unfair" in c for c in contents(rows)), rows


def test_a_complaint_about_something_stays(run):
    rows = run("The union complained about the new shift rules imposed by the company.")
    assert any("the new shift rules" in c for c in contents(rows)), rows
