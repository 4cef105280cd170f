"""The source ledger's index in the run store (migration 6): flat claim rows, FTS5, and
per-document facts (publisher, date, the person names its text introduces).

Why a separate index: the ledger, search and corpus report read every claim of a run,
and parsing a JSON result per document is most of the cost at 100,000 documents. The
rows are written with the results (`index_item`, called from `record_item` inside its
transaction) and are a pure function of `results` + `texts`, so `ensure_indexed` can
build them for any run recorded before this index existed (or merged from another
store) the first time a ledger command looks at it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ...models import DocumentResult
from .ledger_fts import FTS_INSERT

# Keys a JSONL line or an HTML page may carry the outlet and the publication date under.
PUBLISHER_KEYS = ("publisher", "outlet", "site_name", "sitename", "site", "source", "media", "newspaper")
DATE_KEYS = ("date", "published", "published_at", "publication_date", "pubdate", "datetime", "time")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n")
# A capitalised name word: "Ghaani", "Hennis-Plasschaert", "al-Sudani", "O’Brien", "Shia’".
_WORD = r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][a-z]+(?:[-’'][A-Za-z]+)*[’']?"
_NAME_RUN = re.compile(rf"{_WORD}(?:\s(?:bin\s|ibn\s|de\s|van\s|von\s)?{_WORD}){{1,5}}")
_CONTEXT_CHARS = 600


def doc_facts(doc: DocumentResult) -> tuple[str | None, str | None]:
    """(publisher, date) from the document's input metadata; the URL's host if no publisher."""
    meta = doc.metadata or {}
    publisher = next((str(meta[k]).strip() for k in PUBLISHER_KEYS if isinstance(meta.get(k), str) and meta[k].strip()), None)
    if publisher is None and isinstance(meta.get("url"), str):
        host = re.match(r"[a-z]+://(?:www\.)?([^/:]+)", meta["url"])
        publisher = host.group(1) if host else None
    date = next((str(meta[k]).strip() for k in DATE_KEYS if meta.get(k) not in (None, "")), None)
    return publisher, date


@lru_cache(maxsize=4096)
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around [start, end): from the last sentence end before
    `start` to the first one at or after `end`, capped so a run-on page stays readable."""
    lo = max(0, start - _CONTEXT_CHARS)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    m = _SENTENCE_END.search(text, max(end - 1, start), min(len(text), end + _CONTEXT_CHARS))
    e = m.start() + len(m.group(0).rstrip()) if m else min(len(text), end + _CONTEXT_CHARS)
    return s, max(e, end)


def title_window(text: str, start: int, end: int) -> str:
    """The words that can be a name's title: up to six words before it in its sentence
    ("Head of Iran's Quds Force Esmail Ghaani") and an appositive after it ("Ismael Qaani,
    the commander of the Quds Force in the ...")."""
    s, _ = sentence_bounds(text, start, end)
    before = text[s:start].split()[-6:]
    after = ""
    if text[end:end + 2].startswith(","):
        tail = re.split(r"[,.;:!?\n]", text[end + 1:end + 160], maxsplit=1)[0]
        after = " ".join(tail.split()[:10])
    return " ".join(before) + " | " + after


def introduced_names(text: str, start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    return json.loads(_introduced_names(text, start, end))


@lru_cache(maxsize=256)  # a rerun or a cached input writes the same text again
def _introduced_names(text: str, start: int, end: int | None) -> str:
    """Capitalised runs of two or more words in the article that may be a person's full
    name, each with where it occurs and the words around it that can be its title
    (`title_window`).

    Deliberately loose: the ledger only uses them to give a surname-only or title-only
    source the full name the same article introduced, and only when exactly one name fits
    (see `extractor/ledger/canonical.py`), so a stray "Coordination Framework" costs nothing.
    """
    from ...ledger.names import strip_titles, title_stems

    end = len(text) if end is None else end
    found: dict[str, dict[str, Any]] = {}
    for m in _NAME_RUN.finditer(text, start, end):
        name = strip_titles(m.group(0))
        if name is None:
            continue
        entry = found.setdefault(name, {"name": name, "count": 0, "title": "", "at": []})
        entry["count"] += 1
        at = m.start() + max(0, m.group(0).find(name.split()[0]))  # after any title the run began with
        if len(entry["at"]) < 50:
            entry["at"].append(at)
        if len(entry["title"]) < _CONTEXT_CHARS:
            entry["title"] = (entry["title"] + " " + title_window(text, at, m.end())).strip()
    for entry in found.values():  # kept as stems: small to store, quick to compare
        entry["title"] = title_stems(entry["title"])
    return json.dumps(list(found.values()), ensure_ascii=False)


def _claim_rows(run_id: int, item_key: str, doc: DocumentResult, text: str | None) -> Iterable[tuple]:
    for n, c in enumerate(doc.claims):
        src = c.source
        start, end = c.content.start, c.content.end
        sentence, line = c.content.text, None
        if text is not None and start is not None and end is not None:
            s, e = sentence_bounds(text, start, end)
            sentence, line = text[s:e].strip(), text.count("\n", 0, start) + 1
        via = [{"name": r.name or (r.mention.text if r.mention else None), "type": r.type} for r in c.via]
        yield (run_id, item_key, doc.doc_id, n, src.type, src.name, src.mention.text if src.mention else None,
               src.mention.start if src.mention else None, src.descriptor, src.role, c.stance, c.confidence,
               json.dumps(via, ensure_ascii=False), c.claim, sentence, start, end, line)


def index_item(conn: sqlite3.Connection, run_id: int, item_key: str, results: Sequence[DocumentResult],
               text: str | None, finished_at: str | None = None) -> None:
    """Replace the index rows of one input with those of `results` (call inside the
    transaction that records them, so the index never disagrees with the results)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM ledger_claims WHERE run_id = ? AND item_key = ?", (run_id, item_key))]
    if ids:
        conn.executemany("DELETE FROM claims_fts WHERE rowid = ?", [(i,) for i in ids])
        conn.execute("DELETE FROM ledger_claims WHERE run_id = ? AND item_key = ?", (run_id, item_key))
    conn.execute("DELETE FROM ledger_docs WHERE run_id = ? AND item_key = ?", (run_id, item_key))
    for doc in results:
        publisher, date = doc_facts(doc)
        span = doc.span
        names = _introduced_names(text, span.start if span else 0, span.end if span else None) if text else "[]"
        conn.execute("INSERT INTO ledger_docs (run_id, item_key, doc_id, input_id, source_file, publisher, date, names, "
                     "finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (run_id, item_key, doc.doc_id, doc.input_id, doc.source_file, publisher, date, names, finished_at))
        conn.executemany(
            """INSERT INTO ledger_claims (run_id, item_key, doc_id, claim_index, source_type, source_name, mention,
                   mention_start, descriptor, role, stance, confidence, via, claim, sentence, start, end, line)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", _claim_rows(run_id, item_key, doc, text))
    # one statement for the item's FTS rows, with their facet words (store/ledger_fts.py)
    conn.execute(FTS_INSERT + " WHERE c.run_id = ? AND c.item_key = ?", (run_id, item_key))


def ensure_indexed(conn: sqlite3.Connection, run_id: int, batch: int = 500) -> int:
    """Bring the run's index in step with its documents: index those it lacks or holds an
    older copy of (a store made before the index, a merge that replaced an input), and
    drop rows of inputs no longer there. Returns how many inputs changed; cheap when none
    did (two joins on primary keys)."""
    from .schema import transaction

    stale = [r[0] for r in conn.execute(
        """SELECT DISTINCT d.item_key FROM documents d LEFT JOIN ledger_docs l ON l.run_id = d.run_id
                 AND l.item_key = d.item_key AND l.doc_id = d.doc_id
           WHERE d.run_id = ? AND (l.doc_id IS NULL OR l.finished_at IS NOT d.finished_at)
           UNION
           SELECT DISTINCT l.item_key FROM ledger_docs l WHERE l.run_id = ? AND NOT EXISTS
                 (SELECT 1 FROM documents d WHERE d.run_id = l.run_id AND d.item_key = l.item_key AND d.doc_id = l.doc_id)""",
        (run_id, run_id))]
    for i in range(0, len(stale), batch):
        with transaction(conn):
            for key in stale[i:i + batch]:
                rows = conn.execute(
                    """SELECT r.result, t.text, d.finished_at FROM documents d JOIN results r USING (run_id, item_key, doc_id)
                       LEFT JOIN texts t ON t.content_hash = d.content_hash
                       WHERE d.run_id = ? AND d.item_key = ? ORDER BY d.seq""", (run_id, key)).fetchall()
                docs = [DocumentResult.model_validate_json(r[0]) for r in rows]
                index_item(conn, run_id, key, docs, rows[0][1] if rows else None, rows[0][2] if rows else None)
    return len(stale)
