"""Corpus metrics: the per-document records summed into precision, recall, accuracy and calibration.

Pure arithmetic over `documents` records, kept apart from matching so a new metric is
added here without touching how claims are paired.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from .documents import DocScore, GoldRecord, PredRecord
from .matching import DEFAULT_DICE

SOURCE_TYPES = ("person", "organization", "media", "anonymous", "unattributed")
MATCH_KINDS = ("exact", "normalized", "fuzzy", "unverified")

def ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    f1 = round(2 * p * r / (p + r), 4) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def auroc(scores: list[float], labels: list[bool]) -> float | None:
    """Probability that a random correct claim scores above a random incorrect one (ties 1/2)."""
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # average rank of a tie group
        i = j + 1
    rank_sum = sum(r for r, y in zip(ranks, labels) if y)
    return round((rank_sum - pos * (pos + 1) / 2) / (pos * neg), 4)


def reliability(scores: list[float], labels: list[bool], bins: int = 10) -> dict[str, Any]:
    """Equal-width confidence bins: how often claims in each bin were correct."""
    rows = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if not idx:
            rows.append({"lo": lo, "hi": hi, "n": 0, "confidence": None, "accuracy": None})
            continue
        conf = sum(scores[i] for i in idx) / len(idx)
        acc = sum(labels[i] for i in idx) / len(idx)
        ece += len(idx) / len(scores) * abs(acc - conf)
        rows.append({"lo": lo, "hi": hi, "n": len(idx), "confidence": round(conf, 4), "accuracy": round(acc, 4)})
    return {"bins": rows, "ece": round(ece, 4) if scores else None}


def accuracy(flags: list[bool]) -> dict[str, Any]:
    return {"accuracy": ratio(sum(flags), len(flags)), "n": len(flags)}


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for g, p in pairs:
        out.setdefault(g, {}).setdefault(p, 0)
        out[g][p] += 1
    return out


def by_type(golds: list[GoldRecord], preds: list[PredRecord]) -> dict[str, Any]:
    """Recall over gold of a type, precision over predictions of that (predicted) type."""
    out = {}
    for t in SOURCE_TYPES:
        g = [r for r in golds if r.type == t]
        p = [r for r in preds if r.type == t]
        if not g and not p:
            continue
        content = {"precision": ratio(sum(r.matched for r in p), len(p)), "recall": ratio(sum(r.matched for r in g), len(g))}
        linked = {"precision": ratio(sum(r.linked for r in p), len(p)), "recall": ratio(sum(r.linked for r in g), len(g))}
        out[t] = {"n_gold": len(g), "n_pred": len(p),
                  "content": content | {"f1": f1_of(content)},
                  "linked": linked | {"f1": f1_of(linked)},
                  "hallucination_rate": ratio(sum((not r.matched) or r.unverified for r in p), len(p))}
    return out


def f1_of(d: dict[str, Any]) -> float | None:
    p, r = d.get("precision"), d.get("recall")
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def speech_subset(golds: list[GoldRecord], preds: list[PredRecord]) -> dict[str, Any]:
    """Recall on speech-cue gold; precision on predictions matched to it plus unmatched ones."""
    g = [r for r in golds if r.speech]
    p = [r for r in preds if r.to_speech is True or not r.matched]
    linked = {"precision": ratio(sum(r.linked for r in p), len(p)), "recall": ratio(sum(r.linked for r in g), len(g))}
    content = {"precision": ratio(sum(r.matched for r in p), len(p)), "recall": ratio(sum(r.matched for r in g), len(g))}
    return {"n_gold": len(g), "n_pred": len(p), "linked": linked | {"f1": f1_of(linked)},
            "content": content | {"f1": f1_of(content)}}


def sum_counts(counts: Iterable[tuple[int, int, int]]) -> tuple[int, int, int]:
    tp = n_pred = n_gold = 0
    for a, b, c in counts:
        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
    return tp, n_pred, n_gold


def aggregate(docs: list[DocScore], threshold: float = DEFAULT_DICE, bins: int = 10) -> dict[str, Any]:
    golds = [r for d in docs for r in d.gold_records]
    preds = [r for d in docs for r in d.pred_records]
    typed_pairs = [r for d in docs if d.typed for r in d.pair_records]
    typed_golds = [r for d in docs if d.typed for r in d.gold_records]
    typed_preds = [r for d in docs if d.typed for r in d.pred_records]
    grounding = sum((d.grounding for d in docs), Counter())
    n_spans = sum(grounding.values())
    anon_tp = sum(r.gold_type == "anonymous" and r.pred_type == "anonymous" for r in typed_pairs)
    scores = [r.confidence for r in preds]
    correct = [r.linked for r in preds]
    return {
        "threshold": threshold,
        "counts": {"documents": len(docs), "gold": len(golds), "pred": len(preds),
                   "typed_documents": sum(d.typed for d in docs)},
        "content": prf(sum(r.matched for r in golds), len(preds), len(golds)),
        "content_exact": prf(sum(r.exact for r in golds), len(preds), len(golds)),
        "source": prf(*sum_counts(d.source_counts for d in docs)),
        "cue": prf(*sum_counts(d.cue_counts for d in docs)),
        "linked": prf(sum(r.linked for r in golds), len(preds), len(golds)),
        "source_type": accuracy([r.gold_type == r.pred_type for r in typed_pairs])
        | {"confusion": confusion((r.gold_type, r.pred_type) for r in typed_pairs)},
        "anonymous": {"precision": ratio(anon_tp, sum(r.type == "anonymous" for r in typed_preds)),
                      "recall": ratio(anon_tp, sum(r.type == "anonymous" for r in typed_golds)),
                      "n_gold": sum(r.type == "anonymous" for r in typed_golds)},
        "relay": accuracy([r.relay_ok for r in typed_pairs if r.relay_relevant]),
        "stance": accuracy([r.gold_stance == r.pred_stance for r in typed_pairs])
        | {"confusion": confusion((r.gold_stance, r.pred_stance) for r in typed_pairs)},
        "grounding": {k: ratio(grounding[k], n_spans) for k in MATCH_KINDS} | {"spans": n_spans},
        "hallucination": {"rate": ratio(sum((not r.matched) or r.unverified for r in preds), len(preds)),
                          "unmatched": sum(not r.matched for r in preds),
                          "unverified": sum(r.unverified for r in preds)},
        "by_type": by_type(golds, preds),
        "calibration": {"auroc": auroc(scores, correct), "n": len(scores)} | reliability(scores, correct, bins),
        "speech_cue": speech_subset(golds, preds),
    }
