"""Positions taken through acts (evals/GUIDELINES.md §1, §9.1; position_cues.py,
position_acts.py): challenging someone to something, comparing X to Y, agreeing that ...,
reminding someone that ..., ruling X Y; and an evaluative act on a one-word name with a
when or where phrase after it (acts.named_addressee). Invented sentences."""

from .support import one


def test_challenged_to_a_debate_or_an_act(run):
    rows = run("The mayor challenged her rival to a televised debate.\n\n"
               "The archbishop has challenged his priests to be more generous with their time.")
    assert one(rows, "The mayor")[1:3] == ("challenged", "her rival to a televised debate")
    assert one(rows, "The archbishop")[2] == "his priests to be more generous with their time"


def test_a_challenge_in_an_election_is_not_a_position(run):
    rows = run("The councillor is challenging the incumbent senator in the spring primary.")
    assert not [r for r in rows if r[1] and "challenging" in r[1]], rows


def test_compared_x_to_y(run):
    rows = run("The former minister compared the tax plan to highway robbery.\n\n"
               "Senator Okafor likened the merger to a hostile takeover of the port.")
    assert one(rows, "The former minister")[1:3] == ("compared", "the tax plan to highway robbery")
    assert one(rows, "Senator Okafor")[2] == "the merger to a hostile takeover of the port"


def test_comparing_oneself_or_prices_is_not_a_claim(run):
    rows = run("The senator compared himself to Abraham Lincoln.\n\n"
               "Compared with last year, the harvest was poor, the farmers said.")
    assert not [r for r in rows if r[1] and "compared" in r[1].lower()], rows


def test_agreed_that(run):
    rows = run("The union agreed that the offer was fair.\n\n"
               "Economists broadly agree that the recovery will be slow.\n\n"
               "A federal judge agreed the memoir may have contained classified material.")
    assert one(rows, "The union")[1:3] == ("agreed", "the offer was fair")
    assert one(rows, "Economists")[2] == "the recovery will be slow"
    assert one(rows, "A federal judge")[2] == "the memoir may have contained classified material"


def test_agreeing_to_a_deal_or_with_someone_is_not_a_claim(run):
    rows = run("The company agreed to a settlement on Friday.\n\n"
               "The governor agreed with the mayor.")
    assert not [r for r in rows if r[1] and "agreed" in r[1]], rows


def test_reminded_x_that(run):
    rows = run("Senator Voss reminded voters that the economy had grown every year since 2010.")
    assert one(rows, "Senator Voss")[1:3] == ("reminded", "the economy had grown every year since 2010")


def test_ruled_x_y(run):
    rows = run("The judge ruled the evidence inadmissible.\n\n"
               "The elections board ruled the challenger eligible for the ballot.")
    assert one(rows, "The judge")[1:3] == ("ruled", "the evidence inadmissible")
    assert one(rows, "The elections board")[2] == "the challenger eligible for the ballot"


def test_ruling_a_country_is_not_a_ruling(run):
    rows = run("The king ruled the country for forty years, historians said.")
    assert not [r for r in rows if r[1] == "ruled"], rows


def test_endorsed_a_name_on_a_day(run):
    rows = run("The governor endorsed Harlan on Tuesday.\n\n"
               "The party chairman praised Okonkwo at a rally in the capital.")
    assert one(rows, "The governor")[1:3] == ("endorsed", "Harlan")
    assert one(rows, "The party chairman")[1:3] == ("praised", "Okonkwo")


def test_questioned_a_quality(run):
    rows = run("Senator Voss questioned the mayor's honesty during the debate.\n\n"
               "Both candidates have questioned the accuracy of the flood maps.")
    assert one(rows, "Senator Voss")[1:3] == ("questioned", "the mayor's honesty")
    assert one(rows, "Both candidates")[2] == "the accuracy of the flood maps"


def test_questioning_a_person_is_an_interrogation(run):
    rows = run("Police questioned the driver for three hours.\n\n"
               "Detectives questioned him about the missing van.")
    assert not [r for r in rows if r[1] and "questioned" in r[1]], rows


def test_appealed_for_or_to_someone_to(run):
    rows = run("The bishop appealed for calm after the riots.\n\n"
               "The police chief appealed to residents to stay indoors until the storm passed.")
    assert one(rows, "The bishop")[1:3] == ("appealed", "for calm")
    assert one(rows, "The police chief")[2] == "to residents to stay indoors until the storm passed"


def test_appealing_a_verdict_or_to_a_taste_is_not_a_call(run):
    rows = run("Prosecutors appealed the verdict on Monday.\n\n"
               "The new policy appealed to younger voters, the pollster said.")
    assert not [r for r in rows if r[1] == "appealed"], rows


def test_voiced_support_or_opposition(run):
    rows = run("The mayor voiced support for the new stadium.\n\n"
               "Party leaders have signaled their opposition to the tax increase.")
    assert one(rows, "The mayor")[2] == "for the new stadium"
    assert one(rows, "Party leaders")[2] == "to the tax increase"


def test_a_voice_without_a_stance_is_not_a_claim(run):
    rows = run("The senator voiced his concerns.\n\n"
               "The actor voiced a cartoon rabbit in the film.")
    assert not [r for r in rows if r[1] and "voiced" in r[1]], rows


def test_endorsed_with_an_aside_or_a_pronoun(run):
    rows = run("Speaker Ryan endorsed Harlan on Thursday, ending weeks of speculation.\n\n"
               "The senator, who had endorsed him in March, said nothing.")
    assert one(rows, "Speaker Ryan")[1:3] == ("endorsed", "Harlan")
    assert one(rows, "who")[1:3] == ("had endorsed", "him")


def test_agentless_designations_are_unattributed(run):
    rows = run("The victim was identified as Lena Ortiz, a 34-year-old nurse.\n\n"
               "Okafor was named the new director of the port authority in March.\n\n"
               "Ortiz was declared the winner of the runoff.")
    victim = [r for r in rows if r[1] == "was identified"][0]
    assert victim[0] is None and victim[2].startswith("The victim was identified as Lena Ortiz")
    assert victim[3].source.type == "unattributed"
    named = [r for r in rows if r[1] == "was named"][0]
    assert named[2].startswith("Okafor was named the new director")
    assert [r for r in rows if r[1] == "was declared"][0][2] == "Ortiz was declared the winner of the runoff"


def test_a_name_given_or_a_seat_is_not_a_designation(run):
    rows = run("The bridge was named after a local fisherman.\n\n"
               "He was appointed to the board last year.\n\n"
               "More members will be announced as more members are named.\n\n"
               "A state of emergency was declared.")
    assert not [r for r in rows if r[1] and ("named" in r[1] or "appointed" in r[1] or "declared" in r[1])], rows


def test_nominations_with_the_office(run):
    rows = run("At its convention, the Green Party nominated a ticket of teacher Ana Ruiz for president "
               "and union leader Tom Hale for vice president.\n\n"
               "Senator Ortiz selected former senator Dan Ames to be her running mate.")
    assert one(rows, "the Green Party")[1:3] == (
        "nominated", "a ticket of teacher Ana Ruiz for president and union leader Tom Hale for vice president")
    assert one(rows, "Senator Ortiz")[2] == "former senator Dan Ames to be her running mate"


def test_a_selection_without_a_role_is_not_a_nomination(run):
    rows = run("The chef selected a wine from the cellar, the waiter said.\n\n"
               "The film was nominated for three awards.")
    assert not [r for r in rows if r[1] and ("selected" in r[1] or "nominated" in r[1])], rows


def test_agreed_clause_ends_before_the_sources_next_act(run):
    rows = run('A judge agreed the memoir may have contained secrets but ruled that "the harm is done" with copies already sold.')
    agreed = [r for r in rows if r[1] == "agreed"][0]
    assert agreed[2] == "the memoir may have contained secrets"
    assert [r for r in rows if r[1] == "ruled"][0][0] == "A judge"


def test_sued_to_an_aim(run):
    rows = run("The state sued to stop the release of the files.\n\n"
               "The tenants' association sued the landlord last year.")
    assert one(rows, "The state")[1:3] == ("sued", "to stop the release of the files")
    assert not [r for r in rows if r[1] == "sued" and r[0] != "The state"], rows
