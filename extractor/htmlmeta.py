"""Publisher, publication date, title and URL of an HTML page, kept as the input's metadata.

Why: the source ledger counts anonymous sourcing per publisher and per month
(`extractor/ledger/stats.py`); JSONL inputs carry those as fields and a `--meta` CSV can
supply them, but a scraped page carries them in its head: `og:site_name`,
`article:published_time`, `<time datetime>`, JSON-LD `publisher` / `datePublished`.

trafilatura (already our article extractor) reads the meta tags and dates (through
htmldate). Its date search is kept to the page's markup (`extensive_search` off): a date
merely written in the article's text is not the day it was published. JSON-LD's
`publisher.name` is read here when trafilatura finds no site name, since it reads JSON-LD
for authors but not for the publisher.
"""

from __future__ import annotations

import json
import re
from typing import Any

_LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
# htmldate: look only where a page states its date (meta tags, <time>, JSON-LD, URL)
_DATE_CONFIG = {"extensive_search": False, "original_date": True}


def html_metadata(html: str) -> dict[str, str]:
    """{"publisher", "date", "title", "url"} as far as the page states them (missing keys
    are left out). Never raises: a page with broken markup just has fewer keys."""
    from trafilatura.metadata import extract_metadata

    try:
        doc = extract_metadata(html, date_config=dict(_DATE_CONFIG), extensive=False)
    except Exception:  # noqa: BLE001 - metadata is a bonus; the article text is read separately
        doc = None
    found: dict[str, Any] = {}
    if doc is not None:
        found = {"publisher": doc.sitename, "date": doc.date, "title": doc.title, "url": doc.url}
    if not found.get("publisher"):
        found["publisher"] = _ld_publisher(html)
    return {k: " ".join(str(v).split()) for k, v in found.items() if isinstance(v, str) and v.strip()}


def _ld_publisher(html: str) -> str | None:
    """The `publisher` name of the page's JSON-LD article object, if one says it."""
    for block in _LD_JSON.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _ld_items(data):
            pub = item.get("publisher")
            if isinstance(pub, list) and pub:
                pub = pub[0]
            name = pub.get("name") if isinstance(pub, dict) else pub
            if isinstance(name, str) and name.strip():
                return name
    return None


def _ld_items(data: Any) -> list[dict[str, Any]]:
    """Every object of a JSON-LD block, whether a single object, a list or an @graph."""
    if isinstance(data, list):
        return [x for d in data for x in _ld_items(d)]
    if not isinstance(data, dict):
        return []
    return [data, *(_ld_items(data["@graph"]) if "@graph" in data else [])]
