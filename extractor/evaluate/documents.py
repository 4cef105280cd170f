"""Scoring one document: match gold and predicted claims, record what each got right.

The records are the only thing corpus metrics read, so a document is scored once and
aggregation (in `metrics`) never looks at spans again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..models import Claim, Span
from .matching import DEFAULT_DICE, Pair, distinct, exact, has_unverified, match, relay_matches, source_matches
from .speech import cue_is_speech

@dataclass(frozen=True)
class GoldRecord:
    type: str
    speech: bool
    matched: bool
    exact: bool
    linked: bool


@dataclass(frozen=True)
class PredRecord:
    type: str
    matched: bool
    exact: bool
    linked: bool
    confidence: float
    unverified: bool
    to_speech: bool | None  # None when unmatched


@dataclass(frozen=True)
class PairRecord:
    gold_type: str
    pred_type: str
    gold_stance: str
    pred_stance: str
    relay_relevant: bool
    relay_ok: bool
    source_ok: bool


@dataclass
class DocScore:
    input_id: str
    gold: list[Claim]
    pred: list[Claim]
    pairs: list[Pair]
    typed: bool = True
    text: str = ""
    gold_records: list[GoldRecord] = field(default_factory=list)
    pred_records: list[PredRecord] = field(default_factory=list)
    pair_records: list[PairRecord] = field(default_factory=list)
    source_counts: tuple[int, int, int] = (0, 0, 0)  # tp, n_pred, n_gold
    cue_counts: tuple[int, int, int] = (0, 0, 0)
    grounding: Counter = field(default_factory=Counter)

    def missed(self) -> list[Claim]:
        hit = {p.gold for p in self.pairs}
        return [c for i, c in enumerate(self.gold) if i not in hit]

    def spurious(self) -> list[Claim]:
        hit = {p.pred for p in self.pairs}
        return [c for i, c in enumerate(self.pred) if i not in hit]

    def wrong_source(self) -> list[tuple[Claim, Claim]]:
        return [(self.gold[p.gold], self.pred[p.pred]) for p, r in zip(self.pairs, self.pair_records) if not r.source_ok]


def span_detection(gold: list[Span | None], pred: list[Span | None], threshold: float) -> tuple[int, int, int]:
    g, p = distinct(gold), distinct(pred)
    return len(match(list(g), list(p), threshold)), len(p), len(g)


def score_document(gold: list[Claim], pred: list[Claim], threshold: float = DEFAULT_DICE,
                   input_id: str = "", typed: bool = True, text: str = "") -> DocScore:
    pairs = match([c.content for c in gold], [c.content for c in pred], threshold,
                  prefer=lambda g, p: source_matches(gold[g], pred[p], threshold))
    by_gold = {p.gold: p for p in pairs}
    by_pred = {p.pred: p for p in pairs}
    src_ok = {p.gold: source_matches(gold[p.gold], pred[p.pred], threshold) for p in pairs}
    score = DocScore(input_id=input_id, gold=gold, pred=pred, pairs=pairs, typed=typed, text=text)
    score.gold_records = [
        GoldRecord(type=c.source.type, speech=cue_is_speech(c.cue.text if c.cue else None),
                   matched=i in by_gold,
                   exact=i in by_gold and exact(c.content, pred[by_gold[i].pred].content),
                   linked=src_ok.get(i, False))
        for i, c in enumerate(gold)
    ]
    score.pred_records = [
        PredRecord(type=c.source.type, matched=i in by_pred,
                   exact=i in by_pred and exact(c.content, gold[by_pred[i].gold].content),
                   linked=i in by_pred and src_ok[by_pred[i].gold], confidence=c.confidence,
                   unverified=has_unverified(c),
                   to_speech=score.gold_records[by_pred[i].gold].speech if i in by_pred else None)
        for i, c in enumerate(pred)
    ]
    score.pair_records = [
        PairRecord(gold_type=gold[p.gold].source.type, pred_type=pred[p.pred].source.type,
                   gold_stance=gold[p.gold].stance, pred_stance=pred[p.pred].stance,
                   relay_relevant=bool(gold[p.gold].via or pred[p.pred].via),
                   relay_ok=relay_matches(gold[p.gold], pred[p.pred], threshold), source_ok=src_ok[p.gold])
        for p in pairs
    ]
    score.source_counts = span_detection([c.source.mention for c in gold], [c.source.mention for c in pred], threshold)
    score.cue_counts = span_detection([c.cue for c in gold], [c.cue for c in pred], threshold)
    score.grounding = Counter(span.match for c in pred for _, span in c.spans())
    return score
