"""The claims' full-text index (FTS5) and the facet words that let a search filter inside it.

Its own module, importing nothing, because the store's migrations (`schema.py`) and the
indexer (`claims_index.py`) both need the same SQL, and the indexer imports the schema.

Why facets: `extractor search "ceasefire" --stance denied` on 100,000 documents matched a
fifth of all claims and then looked each up in `ledger_claims` to test its stance (0.2-3.8
s). A claim's run, source type, stance, confidence decile and month are written as words
of a `facets` column (`r1 tanonymous sdenied c7 m202403`) and its publisher in a column of
its own, so every filter is one more term of the MATCH: FTS5 intersects the lists in C and
only the claims that pass are read from the table, where the exact test is made again.
"""

FTS_TABLE = """CREATE VIRTUAL TABLE claims_fts USING fts5(
    claim, sentence, source, relays, publisher, facets, tokenize = 'unicode61 remove_diacritics 2'
)"""

# The month word: the first seven characters of an ISO date ("2024-03-15" -> m202403);
# any other date (RFC 2822, unreadable, missing) is m0, which a month filter always admits.
_MONTH = ("CASE WHEN d.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(d.date, 1, 4) || substr(d.date, 6, 2) "
          "ELSE '0' END")

# The rows of `ledger_claims` as FTS rows; callers add the WHERE. The relay column indexes
# the relays' JSON, whose only words besides the names are "name", "type" and the type.
FTS_INSERT = f"""INSERT INTO claims_fts (rowid, claim, sentence, source, relays, publisher, facets)
    SELECT c.id, c.claim, c.sentence, COALESCE(c.source_name, '') || ' ' || COALESCE(c.mention, '') || ' ' ||
           COALESCE(c.descriptor, '') || ' ' || COALESCE(c.role, ''), c.via, COALESCE(d.publisher, ''),
           'r' || c.run_id || ' t' || c.source_type || ' s' || c.stance || ' c' || CAST(c.confidence * 10 AS INTEGER)
           || ' m' || {_MONTH}
    FROM ledger_claims c LEFT JOIN ledger_docs d ON d.run_id = c.run_id AND d.item_key = c.item_key AND d.doc_id = c.doc_id"""

# Migration 7: the FTS table with facets (rebuilt from the index rows), and the claim ->
# source map as one b-tree keyed by source, so saving 1.2 million rows is appends to one
# index instead of three, and `--source` reads a range of it.
MIGRATION = [
    "DROP TABLE claims_fts",
    FTS_TABLE,
    FTS_INSERT,
    "DROP TABLE ledger_entities",
    """CREATE TABLE ledger_entities (
        run_id INTEGER NOT NULL,
        entity TEXT NOT NULL,
        claim_id INTEGER NOT NULL,
        PRIMARY KEY (run_id, entity, claim_id)
    ) WITHOUT ROWID""",
    "DELETE FROM ledger_sources",  # every saved map is rebuilt on next use
]
