"""The run store: one SQLite file holding runs, their documents, results and failures.

Why SQLite: one file a user can copy, WAL so readers (`extractor runs`, the review UI)
never block the writer, and transactions so a kill at any instant leaves the store
consistent. Every input is written in ONE transaction (its documents, results and
failures together), so after a SIGKILL an input is either fully recorded or absent.

Counts, tokens and cost of a run are derived from its document rows when asked, never
kept as running totals: there is nothing to drift out of step after a crash.

Unit of work: an *item* is one input (a file, a JSONL line) identified by `item_key`
(its source, id and content hash); an item yields one or more documents (articles).
Resume and cache work on items, because splitting an input into articles is a pure
function of its text.

Callers use the store as one namespace (`from extractor.batch import store as st`);
the modules behind it are split by what they hold: `schema` (tables, migrations,
opening, transactions), `runs`, `documents` (recording and reading results),
`merging` (combining stores), `decisions` (raw texts and review decisions) and `locks`
(who owns a running run).
"""

from .decisions import (Decision, add_decision, get_text, iter_documents, latest_decisions, results_version,
                        undo_decision)
from .documents import (Item, cache_key, cached_results, item_state, iter_failures, iter_results, make_item,
                        parse_result, record_failure, record_item, record_result)
from .locks import Lock, LockLost, acquire as acquire_lock, heartbeat, release as release_lock
from .merging import merge
from .runs import Run, RunStats, auto_run_name, finish_run, get_run, list_runs, run_stats, scrub, start_run
from .schema import MIGRATIONS, StoreError, describe, migrate, now, open_store, schema_version, sha256, transaction

__all__ = [
    "MIGRATIONS", "Decision", "Item", "Lock", "LockLost", "Run", "RunStats", "StoreError", "acquire_lock", "add_decision", "auto_run_name", "cache_key",
    "cached_results", "describe", "finish_run", "heartbeat", "get_run", "get_text", "item_state", "iter_documents", "iter_failures",
    "iter_results", "latest_decisions", "list_runs", "make_item", "merge", "migrate", "now", "open_store",
    "parse_result", "record_failure", "record_item", "record_result", "release_lock", "results_version", "run_stats", "schema_version", "scrub",
    "sha256", "start_run", "transaction", "undo_decision",
]
