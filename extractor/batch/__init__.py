"""Batch jobs: many inputs through an engine, recorded in a run store as they finish.

`runner` streams inputs through an engine under the `limits`; `store` is the SQLite run
store (resume, cache, merging shards); `openai_batch` (with `openai_requests`) is the
OpenAI Batch API path; `export` writes a stored run as CSV, JSONL or Parquet. Nothing
is imported here, so importing one of them loads only what it needs.
"""
