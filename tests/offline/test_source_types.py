

def test_definite_kinds_of_organization_and_individual_roles(run):
    rows = run("The airline said the flight was delayed.\n\n"
               "The lawyer said the verdict was unfair.\n\n"
               "A lawyer said the verdict was unfair.\n\n"
               "Lawyers said the appeal would fail.")
    assert one(rows, "The airline")[3].source.type == "organization"
    assert one(rows, "The lawyer")[3].source.type == "person"
    assert one(rows, "A lawyer")[3].source.type == "anonymous"
    assert one(rows, "Lawyers")[3].source.type == "anonymous"
