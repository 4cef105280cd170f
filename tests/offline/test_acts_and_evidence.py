"""Attributions whose cue is not a common speech verb (issue 14, evals/GUIDELINES.md §1, §9):
public acts with a complement (act_cues.py, acts.py), evidence with a reporting verb
(evidence.py) and agentless passives of reporting (unsourced.agentless_report,
syntax.reported_state). Sentences are invented; each group has its negatives."""

from .support import one


def cues(rows, cue):
    return [r for r in rows if r[1] and cue in r[1]]


# ---- issuing an act: "issued a warning for X", "placed X under a warning" --------------------------


def test_issued_warning_or_order_with_its_scope(run):
    rows = run("The weather service issued a flood warning for the river valley.\n\n"
               "The county issued an evacuation order to residents of the coastal villages.")
    assert one(rows, "The weather service")[1:3] == ("issued a flood warning", "a flood warning for the river valley")
    assert one(rows, "The county")[1:3] == ("issued", "an evacuation order to residents of the coastal villages")


def test_placed_under_a_warning(run):
    rows = run("The weather service placed the whole peninsula under a tropical storm watch.\n\n"
               "The town closed its schools after the weather service placed the valley under a flood warning.")
    assert one(rows, "The weather service")[1:3] == ("placed", "the whole peninsula under a tropical storm watch")
    assert one(rows, "the weather service")[1:3] == ("placed", "the valley under a flood warning")


def test_issuing_or_placing_things_is_not_an_act(run):
    rows = run("The consulate issued new passports to the stranded travellers.\n\n"
               "The clerk placed the files under the counter.\n\n"
               "The agency issued a warning.\n\n"
               "The mayor asked the weather service to issue a flood warning for the valley.")
    assert not cues(rows, "issue") and not cues(rows, "placed"), rows


# ---- charging: "charged X with Y", "X has been charged with Y" ---------------------------------------


def test_prosecutors_charged_someone_with_a_crime(run):
    rows = run("District prosecutors charged the driver with dangerous driving.")
    assert one(rows, "District prosecutors")[1:3] == ("charged", "the driver with dangerous driving")


def test_charged_in_the_passive_has_no_source(run):
    rows = run("The landlord was later charged with arson.")
    row = cues(rows, "charged")[0]
    assert row[0] is None and row[2] == "The landlord was later charged with arson"
    assert row[3].source.type == "unattributed"


def test_a_charge_only_considered_is_not_made(run):
    rows = run("The minister said the state would consider charging the driver with manslaughter.")
    assert not cues(rows, "charging"), rows


def test_charging_a_battery_or_a_price_is_not_an_accusation(run):
    rows = run("She charged her phone overnight.\n\nThe shop charged customers for plastic bags.\n\n"
               "The police charged him on Monday.")
    assert not cues(rows, "charged"), rows


# ---- commitments, descriptions, protests, requests ----------------------------------------------


def test_committed_to_a_course(run):
    rows = run("The opposition leader committed to holding a referendum on the treaty.")
    assert one(rows, "The opposition leader")[1:3] == ("committed", "to holding a referendum on the treaty")


def test_committed_a_crime_or_being_committed_is_not_a_commitment(run):
    rows = run("The gang committed three robberies in a week.\n\n"
               "The general committed two brigades to the northern front.\n\n"
               "The company is committed to lower emissions.")
    assert not cues(rows, "committed"), rows


def test_referred_to_as(run):
    rows = run("The minister referred to the strike as a political stunt.")
    assert one(rows, "The minister")[1:3] == ("referred", "the strike as a political stunt")


def test_referring_without_as_is_not_a_description(run):
    rows = run("The doctor referred the patient to a specialist.\n\nThe footnote refers to an earlier edition.")
    assert not cues(rows, "refer"), rows


def test_protested_against(run):
    rows = run("The parish council protested against the new quarry.")
    assert one(rows, "The parish council")[1:3] == ("protested", "against the new quarry")


def test_made_requests_for(run):
    rows = run("Her brother made repeated requests for help with the legal fees.")
    assert one(rows, "Her brother")[2] == "for help with the legal fees"


def test_thanked_and_congratulated(run):
    rows = run("The coach thanked the fans for their patience.\n\nThe premier congratulated the winners on their victory.")
    assert one(rows, "The coach")[2] == "the fans for their patience"
    assert one(rows, "The premier")[2] == "the winners on their victory"


# ---- rulings: "the court ruled that ...", not "she decided to leave" ----------------------------------


def test_a_court_rules_or_decides(run):
    rows = run("The appeals court ruled that the search had been unlawful.\n\n"
               "The tribunal decided that the dismissal was unfair.")
    assert one(rows, "The appeals court")[1:3] == ("ruled", "the search had been unlawful")
    assert one(rows, "The tribunal")[1:3] == ("decided", "the dismissal was unfair")


def test_a_private_decision_is_not_a_ruling(run):
    rows = run("She decided to leave the party early.\n\nHe decided that he would walk home.\n\n"
               "The king ruled the country for forty years.")
    assert not cues(rows, "decided") and not cues(rows, "ruled"), rows


def test_a_ruling_announced_for_the_future_is_not_reported(run):
    rows = run("The court will rule that the contract is void.\n\nIf the judge rules that the evidence stands, the trial goes on.")
    assert not cues(rows, "rule"), rows


# ---- evidence with a reporting verb -----------------------------------------------------------


def test_advisories_and_autopsies_present_findings(run):
    rows = run("The latest advisory indicated the storm's winds had weakened to 90 mph.\n\n"
               "The autopsy found that the climber had died of exposure.")
    assert one(rows, "The latest advisory")[2] == "the storm's winds had weakened to 90 mph"
    assert one(rows, "The autopsy")[1:3] == ("found", "the climber had died of exposure")


def test_a_poll_shows_a_finding_as_an_object(run):
    rows = run("A new poll shows the mayor with a twelve-point lead over her rival.")
    assert one(rows, "A new poll")[2] == "the mayor with a twelve-point lead over her rival"


def test_the_study_did_not_exclude_the_possibility(run):
    rows = run("The study did not exclude the possibility of a second outbreak.")
    row = one(rows, "The study")
    assert row[1:3] == ("did not exclude", "the possibility of a second outbreak")
    assert row[3].stance == "hedged"


def test_things_that_are_not_evidence_show_nothing(run):
    rows = run("The storm showed its strength overnight.\n\nThe museum showed the painting to visitors.\n\n"
               "A video from the rally showed the senator waving to the crowd.\n\n"
               "The results confirmed a steady rise in prices.\n\nThe engineers did not exclude the pipe from the order.")
    assert not cues(rows, "show") and not cues(rows, "confirmed") and not cues(rows, "exclude"), rows


# ---- agentless passives of reporting (§9.2) -------------------------------------------------------


def test_reported_with_a_state_and_forecast_to(run):
    rows = run("After the blast, 14 were reported hospitalised with burns.\n\n"
               "The storm was forecast to reach the coast by Tuesday.")
    hospital = cues(rows, "were reported")[0]
    assert hospital[0] is None and hospital[2] == "After the blast, 14 were reported hospitalised with burns"
    forecast = cues(rows, "was forecast")[0]
    assert forecast[0] is None and forecast[2] == "The storm was forecast to reach the coast by Tuesday"


def test_reported_passives_that_report_nothing(run):
    rows = run("The theft was reported to the police on Friday.\n\nThe storm will be forecast again tomorrow.")
    assert not cues(rows, "reported") and not cues(rows, "forecast"), rows


# ---- speech acts in an "as" clause, reciprocal objects -----------------------------------------


def test_a_speech_act_in_an_as_clause_is_about_its_object(run):
    rows = run("The senator spoke over the cheers as she thanked the volunteers.")
    assert one(rows, "she")[2] == "the volunteers"


def test_mocking_each_other_states_nothing(run):
    rows = run("The two rivals mocked each other for an hour.\n\nThe two rivals accused each other of lying.")
    assert not cues(rows, "mocked"), rows
    assert one(rows, "The two rivals")[2] == "each other of lying"


def test_an_evaluative_act_on_a_one_word_name(run):
    rows = run("The former chairman endorsed Cruz.\n\nShe called Trump on Monday.")
    assert one(rows, "The former chairman")[1:3] == ("endorsed", "Cruz")
    assert not cues(rows, "called"), rows


def test_a_ruling_for_or_against_a_party(run):
    rows = run("The appeals court ruled against the city on Tuesday.\n\nThe king ruled over the island for decades.")
    assert one(rows, "The appeals court")[1:3] == ("ruled", "against the city")
    assert not [r for r in rows if r[0] == "The king"], rows


def test_an_indication_or_forecast_is_asserted(run):
    rows = run("The latest bulletin indicated the river had peaked.\n\nThe storm was forecast to reach the coast by Tuesday.")
    assert one(rows, "The latest bulletin")[3].stance == "asserted"
    assert cues(rows, "was forecast")[0][3].stance == "asserted"


def test_portrayed_or_branded_as(run):
    rows = run("The campaign portrays the senator as a career politician.\n\nThe governor branded the mayor a liar.")
    assert one(rows, "The campaign")[1:3] == ("portrays", "the senator as a career politician")
    assert one(rows, "The governor")[1:3] == ("branded", "the mayor a liar")


def test_portraying_or_painting_without_a_predicate_is_no_description(run):
    rows = run("The film portrays the life of a miner.\n\nThey painted the fence on Sunday.\n\n"
               "The company branded its new phone.\n\nThe director cast her as Juliet.")
    assert not [r for r in rows if r[1] in ("portrays", "painted", "branded", "cast")], rows
