"""Shared by the offline rule tests: pick a source's row from what `run` returned."""


def one(rows, source):
    hits = [r for r in rows if r[0] == source]
    assert hits, rows
    return hits[0]
