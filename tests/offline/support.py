"""Shared by the offline rule tests: pick a source's row from what `run` returned."""


def one(rows, source):
    hits = [r for r in rows if r[0] == source]
    assert hits, rows
    return hits[0]


def check_sources(rows, expect):
    """Each source mention in `expect` comes out as its type, or (type, name), or (type,
    name, role)."""
    for mention, want in expect.items():
        got = one(rows, mention)[3].source
        want = (want,) if isinstance(want, str) else want
        assert (got.type, got.name, got.role)[: len(want)] == want, (mention, got)
