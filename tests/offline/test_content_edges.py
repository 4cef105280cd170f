"""Where a content span starts and ends when the cue and source are right but the parse
misleads the cut: one group of tests per construction. Sentences written for these tests."""

from .support import one


# ---- a list the parser read as an apposition, and an aside the complement goes on after ----


def test_a_listed_object_keeps_every_item(run):
    rows = run("The minister noted the drought, her plan for the farmers and her work to bring water to the towns.")
    assert one(rows, "The minister")[2] == "the drought, her plan for the farmers and her work to bring water to the towns"


def test_announced_figures_keep_every_count(run):
    rows = run("The chairman announced twelve votes for Smith, nine for Jones and three abstentions.")
    assert one(rows, "The chairman")[2] == "twelve votes for Smith, nine for Jones and three abstentions"


def test_an_aside_inside_the_complement_does_not_end_it(run):
    rows = run("Later the governor praised Ana Ruiz, who quit the race on Monday, as a woman of courage.")
    assert one(rows, "the governor")[2] == "Ana Ruiz, who quit the race on Monday, as a woman of courage"


def test_a_closing_aside_still_ends_the_complement(run):
    rows = run("The militia denied responsibility for the attack on the town on Saturday, the deadliest in the "
               "country since 2006.")
    assert one(rows, "The militia")[2] == "responsibility for the attack on the town on Saturday"


# ---- an "in"/"at" phrase the parser hung on the cue, right after the object -----------------


def test_where_the_recalled_thing_happened_stays_with_it(run):
    rows = run("The fisherman recalled a storm at a small harbour that sank his brother's boat.")
    assert one(rows, "The fisherman")[2] == "a storm at a small harbour that sank his brother's boat"


def test_in_support_of_stays_with_the_object(run):
    rows = run("The fisherman recalled the courage of his first captain in defence of a drowning crew near the cape.")
    assert one(rows, "The fisherman")[2] == "the courage of his first captain in defence of a drowning crew near the cape"


def test_the_occasion_of_the_speech_act_is_not_content(run):
    rows = run("The senator praised the firefighters at a rally in the spring.")
    assert one(rows, "The senator")[2] == "the firefighters"
    rows = run("The senator praised the volunteers at the White House.")
    assert one(rows, "The senator")[2] == "the volunteers"


# ---- a reported clause ends before another claim set beside it ---------------------------------


def test_a_with_phrase_holding_another_sources_claim(run):
    rows = run("The driver told reporters he lost control, with some witnesses claiming he was speeding.")
    assert one(rows, "The driver")[2] == "he lost control"
    assert one(rows, "some witnesses")[2] == "he was speeding"


def test_a_with_phrase_without_a_claim_stays(run):
    rows = run("The driver told reporters he lost control, with the road still wet from the storm.")
    assert one(rows, "The driver")[2] == "he lost control, with the road still wet from the storm"


def test_a_time_clause_reporting_another_claim_frames_the_report(run):
    rows = run("The coach insists the team is ready for the final after a scout told him the defence looked weak.")
    assert one(rows, "The coach")[2] == "the team is ready for the final"


def test_a_time_clause_about_an_event_stays(run):
    rows = run("The farmer says he had never met the minister before she announced the new water plan.")
    assert one(rows, "The farmer")[2] == "he had never met the minister before she announced the new water plan"


def test_the_sources_next_statement_in_a_while_clause(run):
    rows = run("The baker insisted the shop would stay open while adding that prices would rise in May.")
    assert [r[2] for r in rows if r[1] == "insisted"] == ["the shop would stay open"]


def test_a_second_source_saying_something_in_a_conjunct(run):
    rows = run("The mayor said the bridge would reopen and one in four residents said the road was unsafe.")
    assert one(rows, "The mayor")[2] == "the bridge would reopen"
    assert one(rows, "one in four residents")[2] == "the road was unsafe"


def test_a_participle_after_a_closing_quotation_is_a_claim_of_its_own(run):
    rows = run('The senators argue that "there is precedent for a trial," citing a case in which a clerk was '
               'found guilty.')
    assert [r[2] for r in rows if r[1] == "argue"] == ["there is precedent for a trial"]


# ---- a quotation goes on after the cue clause's own participle ---------------------------------


def test_a_quotation_goes_on_after_a_noting_participle(run):
    rows = run('"That is the big question," Lind said, noting the club had two more games to play. '
               '"We have a deep bench here."')
    said = [r for r in rows if r[1] == "said"][0]
    assert said[2].startswith("That is the big question") and said[2].endswith("We have a deep bench here")
    assert [p.text for p in said[3].fragments["content"]] == ["That is the big question", "We have a deep bench here"]
    assert [r[2] for r in rows if r[1] == "noting"] == ["the club had two more games to play"]


def test_a_quotation_the_participle_introduces_is_the_participles(run):
    rows = run('"The plan is sound," the engineer said, mentioning the report is "a careful piece of work."')
    assert [r[2] for r in rows if r[1] == "said"] == ["The plan is sound"]


# ---- a clause opened by a subordinator after a comma is not a trailing cue ----------------------


def test_a_when_clause_cue_reports_its_own_complement(run):
    rows = run("The union kept quiet for a month, until Friday, when it expressed concern that the depot "
               "was unsafe.")
    assert [r[2] for r in rows if r[1] == "expressed concern"] == ["the depot was unsafe"]


def test_a_though_clause_cue_reports_its_own_complement(run):
    rows = run("Stricter laws would help, most voters say, though they blame the courts for the delays.")
    assert [r[2] for r in rows if r[1] == "blame"] == ["the courts for the delays"]


# ---- a cue with a complement of its own in an "as" clause is a time clause ----------------------


def test_an_as_clause_cue_with_an_object_reports_the_object(run):
    rows = run("The dispute is growing, as the club owner has accused the league of bias against small teams.")
    assert one(rows, "the club owner")[2] == "the league of bias against small teams"


def test_an_opening_as_clause_cue_with_an_object(run):
    rows = run("As the two rivals criticized the deficit, the mayor spoke about new jobs for the valley.")
    assert one(rows, "the two rivals")[2] == "the deficit"


def test_as_the_paper_reported_still_takes_the_clause_around_it(run):
    rows = run("And, as the Daily Ledger previously reported, the mayor is the top recipient of the donations.")
    assert "the mayor is the top recipient of the donations" in one(rows, "the Daily Ledger")[2]


# ---- a comma closing a quotation is not a colon ---------------------------------------------------


def test_a_quoted_object_before_a_closing_comma(run):
    rows = run('In the interview the mayor praised "slow travel," which is popular with the young.')
    assert one(rows, "the mayor")[2] == "slow travel"


def test_a_comma_opening_a_quotation_still_introduces_it(run):
    rows = run('The mayor told reporters, "We will rebuild the bridge."')
    assert one(rows, "The mayor")[2].startswith("We will rebuild the bridge")


# ---- a quotation set off from the author's lead-in before an inverted cue ---------------------


def test_the_lead_in_before_a_set_off_quotation_is_not_content(run):
    rows = run('The senator weighed in as well, telling a radio host in an interview on Monday, "But they are '
               'both qualified," he said.')
    assert [r[2] for r in rows if r[1] == "said"] == ["But they are both qualified"]


def test_a_quotation_ending_a_clause_keeps_the_clause(run):
    rows = run('The talks have stalled and the delegates will need a week to "find their feet," Ortiz said.')
    assert one(rows, "Ortiz")[2].startswith("The talks have stalled")


def test_a_nested_single_quotation_is_not_the_opening(run):
    rows = run('"My aunt told me once, \u2018Never sell the boat,\u2019" he recalled.')
    assert one(rows, "he")[2].startswith("My aunt told me once")


# ---- a date inside a phrase does not make the phrase a date --------------------------------------


def test_a_phrase_naming_a_dated_event_stays_with_the_object(run):
    rows = run("The government has denied any role in the September 11 attacks.")
    assert one(rows, "The government")[2] == "any role in the September 11 attacks"


def test_a_phrase_saying_when_is_not_content(run):
    rows = run("The ministry urged restraint from both sides on Monday.")
    assert one(rows, "The ministry")[2] == "restraint from both sides"


# ---- a reason after a comma is part of the reported clause ------------------------------------


def test_a_reason_set_off_by_commas_stays_in_the_clause(run):
    rows = run("A spokesman said the ferry was late, in part, because the harbour crew had walked out over pay.")
    assert one(rows, "A spokesman")[2] == "the ferry was late, in part, because the harbour crew had walked out over pay"
