"""Keep API keys out of everything the engine says: error messages, flags and the logs of
instructor, openai and httpx.

A key the engine was given is remembered here (`SECRETS`) and replaced by `***` wherever
it appears; anything shaped like an OpenAI key (`sk-...`) is cut to its first characters;
credentials in a URL (`http://user:pass@host`, `endpoint`) become `http://***@host`.
Importing this module installs the log filters; `errors` imports it, so they are in place
whenever the engine is.
"""

from __future__ import annotations

import logging
import re

SECRETS: set[str] = set()
_KEYLIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-]{3})[A-Za-z0-9_\-*.]{4,}")
_USERINFO = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/?#@\s]+@")


def redact_url(text: str) -> str:
    """Credentials in any URL in `text` replaced by ***."""
    return _USERINFO.sub(r"\1***@", text)


def redact(text: str) -> str:
    for s in SECRETS:
        if s:
            text = text.replace(s, "***")
    return _KEYLIKE.sub(r"\1***", redact_url(text))


class _RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        return True


for _name in ("instructor", "openai", "httpx", "httpx2"):
    _logger = logging.getLogger(_name)
    _logger.addFilter(_RedactFilter())
# instructor logs every failed attempt at ERROR; the engine reports failures itself, so
# keep them out of the terminal unless the user configures logging.
logging.getLogger("instructor").addHandler(logging.NullHandler())
