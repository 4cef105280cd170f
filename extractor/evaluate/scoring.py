"""Score predicted attributions against gold. Pure functions; no spaCy, no I/O.

Predicted and gold claims of one raw input are matched one-to-one on the character Dice
of their content spans (greedy by score: the best-overlapping pairs are taken first; a
pair needs Dice >= threshold). Everything else is measured on top of that matching:
source and cue detection (one-to-one on their own distinct spans), linked attributions
(content matched and source matched), types, relays, stance, grounding, hallucination,
calibration of `confidence`, and the speech/reporting-cue subset.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from .gold import GoldDoc
from .models import Claim, DocumentResult, Span

DEFAULT_DICE = 0.5
SOURCE_TYPES = ("person", "organization", "media", "anonymous", "unattributed")
MATCH_KINDS = ("exact", "normalized", "fuzzy", "unverified")

# ---- speech / reporting cues ------------------------------------------------------------
# A gold attribution is in the speech subset when its cue contains "according to" or a
# form of one of these lemmas (any word of the cue: "has said", "told reporters", "said
# in a statement"). Beliefs, intentions and actions ("wants", "believes", "plans") and
# punctuation-only cues (":" or a dash before a quote) are outside the subset.
SPEECH_LEMMAS = (
    "say", "tell", "report", "add", "note", "write", "announce", "state", "explain", "claim",
    "declare", "insist", "argue", "assert", "confirm", "deny", "reveal", "warn", "tweet",
    "post", "comment", "remark", "mention", "reply", "respond", "answer", "acknowledge",
    "admit", "ask", "quote", "cite", "recall", "describe", "emphasize", "stress", "suggest",
    "predict", "promise", "pledge", "vow", "urge", "call", "repeat", "reiterate",
    "speak", "testify", "disclose", "inform", "brief", "allege", "maintain", "contend",
    "concede", "complain", "boast", "joke", "charge", "counter", "observe", "point",
    "underscore", "tout", "blast", "criticize", "accuse", "praise", "refute", "outline",
    "express",
)
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"), "tweet": ("tweeted",),
}
_PHRASES = ("according to",)


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of a lemma, plus listed irregular ones."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma):  # both spellings: stress is unknown
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admit -> admitted
    forms |= set(_IRREGULAR.get(lemma, ()))
    return forms


SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in inflections(lemma))


def cue_is_speech(cue: str | None) -> bool:
    if not cue:
        return False
    low = cue.lower()
    return any(p in low for p in _PHRASES) or any(w in SPEECH_FORMS for w in re.findall(r"[a-z]+", low))


# ---- spans and matching -----------------------------------------------------------------


def located(span: Span | None) -> bool:
    return span is not None and span.start is not None and span.end is not None and span.end > span.start


def dice(a: Span | None, b: Span | None) -> float:
    """Character Dice of two spans' offset ranges; 0 when either is missing or unlocated."""
    if not (located(a) and located(b)):
        return 0.0
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))  # type: ignore[union-attr,arg-type]
    return 2 * inter / ((a.end - a.start) + (b.end - b.start))  # type: ignore[union-attr,operator]


def exact(a: Span | None, b: Span | None) -> bool:
    return located(a) and located(b) and (a.start, a.end) == (b.start, b.end)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Pair:
    gold: int
    pred: int
    dice: float


def match(gold: list[Span | None], pred: list[Span | None], threshold: float) -> list[Pair]:
    """One-to-one matching, greedy by Dice (ties: earlier gold, then earlier prediction)."""
    candidates = [
        Pair(g, p, d)
        for g, gs in enumerate(gold)
        for p, ps in enumerate(pred)
        if (d := dice(gs, ps)) >= threshold and d > 0
    ]
    candidates.sort(key=lambda x: (-x.dice, x.gold, x.pred))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for c in candidates:
        if c.gold not in used_g and c.pred not in used_p:
            used_g.add(c.gold)
            used_p.add(c.pred)
            out.append(c)
    return sorted(out, key=lambda x: x.gold)


def distinct(spans: Iterable[Span | None]) -> list[Span]:
    """Located spans, one per offset range (one source mention may serve many claims)."""
    seen: dict[tuple[int, int], Span] = {}
    for s in spans:
        if located(s):
            seen.setdefault((s.start, s.end), s)  # type: ignore[union-attr,index]
    return list(seen.values())


def same_mention(a: Span | None, b: Span | None, threshold: float) -> bool:
    """Two mentions of one source: Dice >= threshold, or one is the other's core phrase.

    Annotators differ on how much of a source phrase to take: PolNeAR keeps appositions and
    relative clauses ("Ortiz, who ran the harbour board until May"), our guideline
    does not ("Ortiz"). The shorter mention counts when it lies inside the longer one and
    the longer one only adds leading words, or after it a comma/parenthesis extension or a
    relative clause ("Republicans" vs "Republicans who critiqued the speech").
    """
    if dice(a, b) >= threshold:
        return True
    if not (located(a) and located(b)):
        return False
    short, long_ = sorted((a, b), key=lambda s: s.end - s.start)  # type: ignore[union-attr,operator]
    if not (long_.start <= short.start and short.end <= long_.end):  # type: ignore[union-attr,operator]
        return False
    after = long_.text[short.end - long_.start :].lstrip()  # type: ignore[union-attr,operator]
    return not after or after[0] in ",(" or re.match(r"(who|whom|whose|which|that)\b", after) is not None


def source_matches(gold: Claim, pred: Claim, threshold: float) -> bool:
    """Same source: the mentions are one source's (see same_mention), or neither names one."""
    g, p = gold.source.mention, pred.source.mention
    if g is None and not located(p):
        return p is None
    return same_mention(g, p, threshold)


def relay_matches(gold: Claim, pred: Claim, threshold: float) -> bool:
    """Same relays: each gold relay matched one-to-one by mention overlap or by name."""
    if len(gold.via) != len(pred.via):
        return False
    left = list(pred.via)
    for g in gold.via:
        hit = next((p for p in left if dice(g.mention, p.mention) >= threshold
                    or (g.name and p.name and g.name.casefold() == p.name.casefold())), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def has_unverified(claim: Claim) -> bool:
    return any(span.match == "unverified" for _, span in claim.spans())


# ---- per document -----------------------------------------------------------------------


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
    pairs = match([c.content for c in gold], [c.content for c in pred], threshold)
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


# ---- aggregation ------------------------------------------------------------------------


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


# ---- whole runs -------------------------------------------------------------------------


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
    }
    return Evaluation(metrics=metrics, documents=docs)


# ---- comparing runs ---------------------------------------------------------------------

# (metric path, True when higher is better)
HEADLINE: tuple[tuple[str, bool], ...] = (
    ("content.precision", True), ("content.recall", True), ("content.f1", True),
    ("content_exact.f1", True),
    ("source.precision", True), ("source.recall", True), ("source.f1", True),
    ("cue.precision", True), ("cue.recall", True), ("cue.f1", True),
    ("linked.precision", True), ("linked.recall", True), ("linked.f1", True),
    ("speech_cue.linked.precision", True), ("speech_cue.linked.recall", True),
    ("source_type.accuracy", True), ("anonymous.precision", True), ("anonymous.recall", True),
    ("relay.accuracy", True), ("stance.accuracy", True),
    ("grounding.exact", True), ("hallucination.rate", False), ("calibration.auroc", True),
)
TOLERANCE = 0.005  # changes smaller than this are noise, not regressions


def get_path(d: dict[str, Any], path: str) -> Any:
    for key in path.split("."):
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


@dataclass(frozen=True)
class Delta:
    metric: str
    old: float | None
    new: float | None
    delta: float | None
    regression: bool


def compare(new: dict[str, Any], old: dict[str, Any]) -> list[Delta]:
    out = []
    for path, higher_better in HEADLINE:
        a, b = get_path(old, path), get_path(new, path)
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            out.append(Delta(path, a, b, None, False))
            continue
        d = round(b - a, 4)
        worse = -d if higher_better else d
        out.append(Delta(path, a, b, d, worse > TOLERANCE))
    return out


def headline(metrics: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(path, get_path(metrics, path)) for path, _ in HEADLINE]
