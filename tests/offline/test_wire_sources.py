"""Source types and names from the head noun, titles, NER and the article's earlier
mentions (sources.py, state.py), and cue-less quotation paragraphs (continuation.py):
issue 14, on sentences written for it."""

from .support import one


def test_outlets_documents_and_descriptions(run):
    rows = run("One news site, Harbourwatch.com, reported that the ferry had been sold.\n\n"
               "Gazeta Poranna said the mayor would resign.\n\n"
               "A report by the Red Cross found that the camps were full.\n\n"
               "Coastal authorities said the beach would stay closed.\n\n"
               "Conservative Senators said the bill would fail.")
    assert one(rows, "One news site, Harbourwatch.com")[3].source.type == "media"
    assert one(rows, "Gazeta Poranna")[3].source.type == "media"
    red = one(rows, "A report by the Red Cross")[3].source
    assert red.type == "organization" and red.name == "Red Cross"
    assert one(rows, "Coastal authorities")[3].source.type == "anonymous"
    assert one(rows, "Conservative Senators")[3].source.type == "anonymous"


def test_earlier_mentions_type_and_name_later_ones(run):
    rows = run("The Northern Institute of Seismology (NIS) said the quake measured 6.1.\n\n"
               "NIS said aftershocks were likely.\n\n"
               "Brandt Group said it would close two plants.\n\n"
               "Brandt said the plants were losing money.")
    nis = one(rows, "NIS")[3].source
    assert nis.type == "organization" and nis.name == "Northern Institute of Seismology"
    first = one(rows, "The Northern Institute of Seismology (NIS)")[3].source
    assert first.type == "organization" and first.name == "Northern Institute of Seismology"
    brandt = one(rows, "Brandt")[3].source
    assert brandt.type == "organization" and brandt.name == "Brandt Group"


def test_a_person_named_by_apposition_keeps_the_full_name(run):
    rows = run("The board's chair, Mara Ilves, said the repairs were on time.\n\n"
               "Ilves said the bridge would reopen in April.\n\n"
               "The father told the court he regretted nothing.")
    assert one(rows, "The board's chair, Mara Ilves")[3].source.name == "Mara Ilves"
    assert one(rows, "Ilves")[3].source.name == "Mara Ilves"
    assert one(rows, "The father")[3].source.type == "person"


def test_a_quotation_paragraph_without_a_cue_continues_the_speaker(run):
    rows = run('The coach said the team had not played well. "We were slow in the first half," she said.\n\n'
               '"Next week will be different. We know what we have to fix."\n\n'
               "The club's owner did not comment.\n\n"
               '"Nobody called us."')
    inferred = [r for r in rows if r[1] is None]
    assert [r[2] for r in inferred] == ["Next week will be different. We know what we have to fix."]
    claim = inferred[0][3]
    assert inferred[0][0] == "she" and claim.source.type == "person"
    assert [f.code for f in claim.flags] == ["inferred_speaker"]
    assert claim.quote is not None and claim.claim.startswith('The coach said: "Next week')


def test_no_continuation_across_a_heading_or_another_speaker(run):
    rows = run('"We will rebuild," Mayor Lena Ortiz said.\n\n'
               "Reaction\n\n"
               '"Nobody will be left behind."\n\n'
               '"The bridge is safe," the engineer said. The union disagreed, saying it was not.\n\n'
               '"We have seen the cracks."')
    assert not [r for r in rows if r[1] is None], rows
