"""An engine's confidence learned from data: P(the claim is right) from what a claim shows.

The offline engine's rules know little about their own reliability (a hand-set 0.9 for a
plain "X said", 0.7 for a weaker cue), so their ranking of good and bad claims was poor
(AUROC 0.66 on PolNeAR dev). A logistic model over features any claim carries (cue
word, kind of source mention, quotation, length, relays, stance) is fitted on the
PolNeAR train split (`evals/calibrate.py`) and stored as JSON beside the engine; flags
still lower the result in `confidence.py`, so a reviewer sees the reasons.

Relays are not a feature: on PolNeAR a claim with a relay ("told Reuters") is often
scored wrong because of how that corpus cuts such spans, and the model learned to
distrust every relay, which queued half the seed articles' (correct) claims.

Pure functions; the model file is read once.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...models import Claim

OFFLINE_MODEL = Path(__file__).parent / "offline_calibration.json"

SAY = {"said", "says", "say", "saying"}
PRONOUN_MENTIONS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"}
TYPES = ("person", "organization", "media", "anonymous")


def features(claim: Claim) -> dict[str, float]:
    """Binary facts about a claim, the same for every engine. Flags are left out: they
    are penalised separately (`confidence.py`)."""
    cue = claim.cue.text.lower() if claim.cue else ""
    mention = claim.source.mention.text.lower() if claim.source.mention else ""
    n = len(claim.content.text)
    f = {
        "cue_said": cue in SAY,
        "cue_told": cue.startswith(("told", "tell")),
        "cue_according": cue.startswith("according"),
        "source_none": not mention,
        "source_pronoun": mention in PRONOUN_MENTIONS,
        "quote": claim.quote is not None,
        "content_short": n < 25,
        "content_long": n > 250,
        "fragments": bool(claim.fragments),
        "hedged_or_denied": claim.stance != "asserted",
    }
    f.update({f"type_{t}": claim.source.type == t for t in TYPES})
    return {k: float(v) for k, v in f.items()}


def probability(weights: dict[str, float], claim: Claim) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in features(claim).items())
    return 1.0 / (1.0 + math.exp(-z))


def fit(examples: list[tuple[dict[str, float], bool]], l2: float = 1e-3, steps: int = 3000,
        rate: float = 0.5) -> dict[str, float]:
    """Logistic regression by gradient descent (a few thousand examples, a dozen features)."""
    import numpy as np

    keys = sorted({k for x, _ in examples for k in x})
    x = np.array([[f.get(k, 0.0) for k in keys] + [1.0] for f, _ in examples])
    y = np.array([float(ok) for _, ok in examples])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
    return {**{k: round(float(v), 4) for k, v in zip(keys, w[:-1])}, "bias": round(float(w[-1]), 4)}


@lru_cache(maxsize=4)
def load_model(path: Path = OFFLINE_MODEL) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def calibrated(claim: Claim, weights: dict[str, float] | None = None) -> Claim:
    """The claim with the model's probability (the offline engine's stored model unless
    `weights` are given) as its confidence."""
    weights = load_model()["weights"] if weights is None else weights
    return claim.model_copy(update={"confidence": round(probability(weights, claim), 3)})
