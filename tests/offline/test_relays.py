"""Relays (relays.py) and "according to" (attributions.py): outlets told, reports of reports,
nested statements, and a colon cue whose content is the next paragraph."""

from .support import one


def test_according_to_relays_and_colon_paragraphs(run):
    rows = run("The plant will close next year, according to two people familiar with the plans.\n\n"
               "A senior official told Reuters that the deal was signed.\n\n"
               "The minister went on to say:\n\n"
               "\u201cWe will not raise taxes this year. We will cut them.\u201d")
    acc = one(rows, "two people familiar with the plans")
    assert acc[1] == "according to" and acc[2] == "The plant will close next year" and acc[3].source.type == "anonymous"
    told = one(rows, "A senior official")
    assert [r.name for r in told[3].via] == ["Reuters"] and told[3].via[0].type == "media"
    colon = one(rows, "The minister")
    assert colon[2] == "We will not raise taxes this year. We will cut them"


def test_relay_report_and_its_nested_statement(run):
    rows = run("Voters are tired of the feud, analysts have said, reported the Daily Herald on Sunday.\n\n"
               "The agency added that the minister also said that the border would stay open.")
    analysts = one(rows, "analysts")[3]
    assert analysts.content.text == "Voters are tired of the feud"
    assert [(r.mention.text, r.type) for r in analysts.via] == [("the Daily Herald", "media")]
    assert one(rows, "the Daily Herald")[2] == "Voters are tired of the feud, analysts have said"
    added = one(rows, "The agency")[3]
    assert added.content.text.startswith("the minister also said")
    minister = one(rows, "the minister")[3]
    assert minister.content.text == "the border would stay open" and [r.mention.text for r in minister.via] == ["The agency"]
