""""per X" as a credit phrase and a trailing "as reported by X" (according.py, content.as_clause).
Sentences written for these tests."""

from .support import one


def test_per_a_source_at_the_end_credits_the_clause(run):
    rows = run("The vaccine is 90 percent effective, per the manufacturer.\n\n"
               "The plant employs 400 people, per company filings.")
    maker = one(rows, "the manufacturer")
    assert maker[1] == "per" and maker[2] == "The vaccine is 90 percent effective"
    assert one(rows, "company filings")[2] == "The plant employs 400 people"


def test_per_as_a_rate_or_a_term_is_no_source(run):
    rows = run("Tickets cost $40 per person.\n\nSales rose 3 per cent in May.\n\n"
               "As per the contract, the builder pays for repairs.\n\nPer the agreement, the tenants must leave by June.")
    assert not [r for r in rows if r[1] and r[1].lower() == "per"], rows


def test_a_trailing_as_reported_by_is_left_out_of_the_content(run):
    rows = run("The fire destroyed six homes, as reported by the local newspaper.")
    assert one(rows, "the local newspaper")[2] == "The fire destroyed six homes"

