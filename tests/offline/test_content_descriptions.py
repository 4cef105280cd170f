"""A description's "as" predicate is part of the speech act's complement (spans.predicate_as):
"described X as Y", "dismissed X as too vague" (evals/GUIDELINES.md section 1, descriptions);
a time clause opened by "as" is not."""


def test_as_predicate_after_the_object(run):
    rows = run("The senator has described the annual dinner as Washington celebrating itself.\n\n"
               "The governor dismissed the proposal as too vague and politically unrealistic.\n\n"
               "She criticized the plan as the vote neared.")
    contents = {r[0]: r[2] for r in rows}
    assert contents["The senator"] == "the annual dinner as Washington celebrating itself"
    assert contents["The governor"] == "the proposal as too vague and politically unrealistic"
    assert contents["She"] == "the plan"


def test_made_the_case_that_after_a_phrase(run):
    rows = run("The governor has been making the case for weeks that the senator is not ready for the job.\n\n"
               "The candidate hopes to make the case to women that he would be a better choice.")
    contents = {r[0]: r[2] for r in rows}
    assert contents["The governor"] == "the senator is not ready for the job"
    assert contents["The candidate"] == "he would be a better choice"
