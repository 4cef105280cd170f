"""An adverb hedging an adjective, and agentless passives of orders, findings and estimates
(evals/GUIDELINES.md §9.9; unsourced.py, syntax.figure_at). Sentences written for these tests."""


def by_cue(rows, cue):
    hits = [r for r in rows if r[1] == cue]
    assert hits, rows
    return hits[0]


def test_an_adverb_on_an_adjective_hedges_only_the_adjective(run):
    row = by_cue(run("Officers dispersed reportedly peaceful marchers near the bridge."), "reportedly")
    assert row[2] == "peaceful"


def test_agentless_orders_and_findings(run):
    row = by_cue(run("Residents were told to leave their homes by noon."), "were told")
    assert row[0] is None and row[2] == "Residents were told to leave their homes by noon"
    assert row[3].source.type == "unattributed"
    assert by_cue(run("Shoppers were ordered to stay inside the mall."), "were ordered")[0] is None
    assert by_cue(run("The treasurer was found to have moved the money abroad."), "was found")[0] is None


def test_an_agentless_identification_needs_its_as_phrase(run):
    row = by_cue(run("The cyclist was identified as Dana Pike, 34."), "was identified")
    assert row[0] is None and row[2] == "The cyclist was identified as Dana Pike, 34"
    assert not [r for r in run("The enzyme was identified in 1998.") if r[1] == "was identified"]


def test_an_agentless_estimate_with_its_figure(run):
    row = by_cue(run("Damage to the harbour is estimated at 4 million euros."), "is estimated")
    assert row[0] is None and row[2] == "Damage to the harbour is estimated at 4 million euros"
    assert not [r for r in run("The cost was estimated at the time.") if r[1] == "was estimated"]


def test_verdicts_and_hearers_are_no_agentless_reports(run):
    rows = run("The clerk was found guilty of fraud.\n\nThe official was told that his post was gone.")
    assert not [r for r in rows if r[1] in ("was found", "was told")], rows
