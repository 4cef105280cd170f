"""The LLM engine, in its parts: `engine` ties them (chunks of a document in, claims out);
`transport` and `patched` send requests, `retries` retries them, `answer` is the schema
the model fills in, `reask` reads answers and asks again, `prompting` renders the
versioned prompt, `chunking` cuts and merges, `usage` and `pricing` count the cost,
`crosscheck` compares with the offline engine, `errors` and `redaction` say what failed
without leaking a key.

Names are re-exported lazily (PEP 562): `settings` imports `pricing` from here, and the
engine imports `settings`, so importing this package must not import the engine.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "LLMEngine": "engine",
    "LLMError": "errors",
    "AnswerProblem": "errors",
    "Truncated": "errors",
    "redact": "redaction",
    "answer_of": "reask",
    "answer_text": "reask",
    "parse_leniently": "reask",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
