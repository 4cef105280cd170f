"""The third tuning pass's rules together, on sentences written for these tests (continued cues,
agentless passives, object relatives, reasons, denials, echoes, titles, hedges, channels)."""

from .support import one


def test_third_pass_rules_on_fresh_sentences(run):
    rows = run("The ministry continued to insist that the dam was safe.\n\n"
               "The suspects had been accused of smuggling fuel across the border.\n\n"
               "Police arrested the driver of a truck that witnesses described as \u201cdriving far too fast.\u201d\n\n"
               "The governor said the schools would stay shut, particularly given the risk that the storm could return.\n\n"
               "The coach informed the players of the need to rest the injured to avoid a longer absence.\n\n"
               "The board denied that the auditors had warned it about the losses.\n\n"
               "The unions and the mayor said on Monday that talks would resume, a view that the governor strongly supports.\n\n"
               "Secretary of the Navy Mark Ellis rejected the proposal.\n\n"
               "The campaign indirectly blamed the press.\n\n"
               "The sources close to the army and Kabul continued to say that the road was open.\n\n"
               "\u201cWe lost everything,\u201d said Ana Ruiz, in comments broadcast on local television.")
    insisted = one(rows, "The ministry")
    assert insisted[1] == "continued to insist" and insisted[2] == "the dam was safe"
    accused = next(r for r in rows if r[1] == "had been accused")
    assert accused[0] is None and accused[2].startswith("The suspects had been accused of smuggling")
    assert accused[3].source.type == "unattributed"
    described = one(rows, "witnesses")[3]
    assert described.content.text.startswith("a truck that witnesses described as")
    assert [p.text for p in described.fragments["content"]][0] == "a truck"
    governor = one(rows, "The governor")
    assert governor[2].endswith("the storm could return")
    coach = one(rows, "The coach")
    assert coach[2].endswith("to avoid a longer absence")
    assert not [r for r in rows if r[0] == "the auditors"]  # what is denied happened is nobody's claim
    assert one(rows, "The board")[3].stance == "denied"
    supports = one(rows, "the governor")
    assert supports[1] == "supports" and supports[2] == one(rows, "The unions and the mayor")[2]
    navy = one(rows, "Secretary of the Navy Mark Ellis")[3]
    assert navy.source.type == "person" and navy.stance == "asserted"
    assert one(rows, "The campaign")[3].stance == "hedged"
    assert one(rows, "The sources close to the army and Kabul")[3].source.type == "anonymous"
    ruiz = one(rows, "Ana Ruiz")[3]
    assert [(r.name, r.type) for r in ruiz.via] == [("local television", "media")]
