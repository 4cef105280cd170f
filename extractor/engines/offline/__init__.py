"""The offline engine as a package of rule families over a spaCy parse.

Modules are the engine's ideas, lowest first: `lexicon` (word lists), `spans`,
`records` (what rules find), `nlp` (the parser), `cues` (which tokens are cues; stance),
`syntax` (clause shapes), `sources` (typing a source phrase), `subjects` (who speaks),
`phrases`, `content_objects` and `content` (what was said), `quotes`, `relays`, `state`
(what an article walk remembers), `attributions` (a cue token to an attribution),
`engine` (the walk), `claims` (to the output contract) and `calibration` (learned
confidence).

`OfflineEngine` is loaded on first use, so that importing `calibration` or `lexicon`
alone does not load spaCy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["OfflineEngine"]


def __getattr__(name: str) -> Any:
    if name == "OfflineEngine":
        from .engine import OfflineEngine

        return OfflineEngine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
