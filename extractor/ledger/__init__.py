"""The source ledger: who says what across a corpus.

`canonical` joins the spellings and later mentions of one source into one entity;
`stats` builds a run's ledger and its figures from the store's claim index
(`batch/store/claims_index.py`); `search` queries that index (FTS5); `report` writes the
self-contained corpus page. Kept free of imports so the store can use `names` cheaply.
"""
