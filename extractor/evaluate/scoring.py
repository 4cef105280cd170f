"""Score predicted attributions against gold. Pure functions; no spaCy, no I/O.

Predicted and gold claims of one raw input are matched one-to-one on the character Dice
of their content spans (greedy by score: the best-overlapping pairs are taken first; a
pair needs Dice >= threshold). Everything else is measured on top of that matching:
source and cue detection (one-to-one on their own distinct spans), linked attributions
(content matched and source matched), types, relays, stance, grounding, hallucination,
calibration of `confidence`, and the speech/reporting-cue subset.

This module is the entry point (`evaluate` over whole runs) and names what callers
import; the parts are `matching` (pairing spans), `speech` (the speech-cue subset),
`documents` (one document's records), `metrics` (corpus sums) and `compare` (deltas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..models import Claim, DocumentResult
from .compare import HEADLINE, Delta, compare, get_path, headline
from .documents import DocScore, score_document
from .gold import GoldDoc
from .matching import DEFAULT_DICE, dice, match, relay_matches, same_mention, source_matches
from .metrics import aggregate, auroc, reliability
from .speech import cue_is_speech, inflections

# what callers import from here (the scorer's parts live in the modules above)
__all__ = [
    "DEFAULT_DICE", "HEADLINE", "Delta", "DocScore", "Evaluation", "aggregate", "auroc", "compare",
    "cue_is_speech", "dice", "evaluate", "get_path", "group_predictions", "headline", "inflections", "match",
    "reliability", "relay_matches", "same_mention", "score_document", "source_matches",
]


@dataclass
class Evaluation:
    metrics: dict[str, Any]
    documents: list[DocScore]


def group_predictions(pred: Iterable[DocumentResult]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for doc in pred:
        out.setdefault(doc.input_id, []).extend(doc.claims)
    return out


def evaluate(gold: list[GoldDoc], pred: Iterable[DocumentResult], threshold: float = DEFAULT_DICE,
             bins: int = 10) -> Evaluation:
    """Score predictions against gold, matched by input_id (inputs without gold are ignored)."""
    pred = list(pred)
    by_input = group_predictions(pred)
    docs = [score_document(g.claims, by_input.get(g.input_id, []), threshold, g.input_id, g.typed, g.text) for g in gold]
    metrics = aggregate(docs, threshold, bins)
    gold_ids = {g.input_id for g in gold}
    metrics["counts"] |= {
        "failed_documents": sum(1 for d in pred if d.errors and d.input_id in gold_ids),
        "unscored_inputs": len(set(by_input) - gold_ids),
        "schemes": sorted({g.scheme for g in gold}),
        # reviewed gold that covers only the decided claims (see reports.partial_gold_warning)
        "partial_gold_documents": sum(1 for g in gold if any(
            "reviewed" in r.metadata and r.metadata.get("gold") != "complete" for r in g.results)),
    }
    return Evaluation(metrics=metrics, documents=docs)
