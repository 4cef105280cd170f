"""The scorer on hand-made gold and predictions."""

from __future__ import annotations

import pytest

from extractor.evaluate.scoring import (
    DEFAULT_DICE, aggregate, auroc, compare, cue_is_speech, dice, inflections, match, reliability,
    score_document,
)
from extractor.models import Claim, Relay, Source, Span

TEXT = "Officials said the talks failed. The minister told Reuters that a deal is close. Rain fell."


def sp(s: str, occurrence: int = 0, match_kind: str = "exact") -> Span:
    i = -1
    for _ in range(occurrence + 1):
        i = TEXT.index(s, i + 1)
    return Span(text=s, start=i, end=i + len(s), match=match_kind)


def claim(content, source=None, cue=None, stype="anonymous", via=None, stance="asserted", confidence=1.0):
    return Claim(claim=content.text, content=content, cue=cue,
                 source=Source(mention=source, type=stype), via=via or [], stance=stance, confidence=confidence)


def gold_claims():
    return [
        claim(sp("the talks failed"), sp("Officials"), sp("said"), "anonymous"),
        claim(sp("a deal is close"), sp("The minister"), sp("told"), "person",
              via=[Relay(mention=sp("Reuters"), name="Reuters")]),
    ]


def test_dice_of_ranges():
    a, b = Span(text="x", start=0, end=10), Span(text="y", start=5, end=15)
    assert dice(a, b) == pytest.approx(0.5)
    assert dice(a, Span(text="z")) == 0.0 and dice(None, a) == 0.0


def test_perfect_predictions_score_one():
    doc = score_document(gold_claims(), gold_claims(), DEFAULT_DICE)
    m = aggregate([doc])
    for key in ("content", "content_exact", "source", "cue", "linked"):
        assert m[key]["f1"] == 1.0, key
    assert m["source_type"]["accuracy"] == 1.0 and m["relay"]["accuracy"] == 1.0
    assert m["stance"]["accuracy"] == 1.0 and m["hallucination"]["rate"] == 0.0
    assert m["grounding"]["exact"] == 1.0


def test_shifted_span_below_threshold_is_a_miss():
    g = gold_claims()[:1]
    shifted = Span(text="x", start=g[0].content.end - 3, end=g[0].content.end + 30)
    m = aggregate([score_document(g, [claim(shifted, sp("Officials"))], 0.5)])
    assert m["content"]["tp"] == 0 and m["content"]["recall"] == 0.0 and m["content"]["precision"] == 0.0
    assert m["hallucination"]["rate"] == 1.0


def test_partial_overlap_above_threshold_matches_but_not_exactly():
    g = gold_claims()[:1]
    longer = Span(text="x", start=g[0].content.start, end=g[0].content.end + 1)
    m = aggregate([score_document(g, [claim(longer, sp("Officials"))])])
    assert m["content"]["f1"] == 1.0 and m["content_exact"]["f1"] == 0.0


def test_one_to_one_two_predictions_on_one_gold():
    g = gold_claims()[:1]
    p = [claim(sp("the talks failed"), sp("Officials")), claim(sp("talks failed"), sp("Officials"))]
    m = aggregate([score_document(g, p)])
    assert m["content"]["tp"] == 1 and m["content"]["n_pred"] == 2
    assert m["content"]["precision"] == 0.5 and m["content"]["recall"] == 1.0
    assert m["hallucination"]["unmatched"] == 1


def test_greedy_assignment_prefers_best_overlap():
    g = [Span(text="a", start=0, end=10), Span(text="b", start=8, end=20)]
    p = [Span(text="c", start=9, end=20)]
    assert [(x.gold, x.pred) for x in match(g, p, 0.5)] == [(1, 0)]


def test_wrong_source_breaks_linked_but_not_content():
    g = gold_claims()
    p = [claim(sp("the talks failed"), sp("Rain"), sp("said")), gold_claims()[1]]
    m = aggregate([score_document(g, p)])
    assert m["content"]["f1"] == 1.0
    assert m["linked"]["tp"] == 1 and m["linked"]["precision"] == 0.5
    assert m["source"]["tp"] == 1 and m["source"]["n_pred"] == 2


def test_two_claims_on_one_content_pair_by_source():
    # a relay's claim and the relayed source's claim share one content: the prediction that
    # names the same source is the one to pair, whatever the order of either list
    g = [claim(sp("a deal is close"), sp("Reuters"), sp("told"), "media"),
         claim(sp("a deal is close"), sp("The minister"), sp("told"), "person")]
    p = [g[1], g[0]]
    m = aggregate([score_document(g, p)])
    assert m["linked"]["tp"] == 2 and m["linked"]["recall"] == 1.0


def test_source_type_confusion_and_anonymous_detection():
    p = [claim(sp("the talks failed"), sp("Officials"), stype="organization"), gold_claims()[1]]
    m = aggregate([score_document(gold_claims(), p)])
    assert m["source_type"]["accuracy"] == 0.5
    assert m["source_type"]["confusion"]["anonymous"] == {"organization": 1}
    assert m["anonymous"]["recall"] == 0.0 and m["anonymous"]["precision"] is None
    assert m["by_type"]["organization"]["n_pred"] == 1 and m["by_type"]["anonymous"]["n_gold"] == 1


def test_relay_and_stance_accuracy():
    p = [claim(sp("the talks failed"), sp("Officials"), stance="hedged"),
         claim(sp("a deal is close"), sp("The minister"), stype="person")]
    m = aggregate([score_document(gold_claims(), p)])
    assert m["relay"] == {"accuracy": 0.0, "n": 1}
    assert m["stance"]["accuracy"] == 0.5


def test_both_null_sources_link():
    g = [claim(sp("a deal is close"), None, stype="unattributed")]
    ok = aggregate([score_document(g, [claim(sp("a deal is close"), None, stype="unattributed")])])
    bad = aggregate([score_document(g, [claim(sp("a deal is close"), sp("Rain"))])])
    assert ok["linked"]["f1"] == 1.0 and bad["linked"]["tp"] == 0


def test_unverified_span_counts_as_hallucination_and_grounding():
    p = [claim(sp("the talks failed"), Span(text="Nobody"), sp("said")), gold_claims()[1]]
    m = aggregate([score_document(gold_claims(), p)])
    assert m["hallucination"]["unverified"] == 1 and m["hallucination"]["rate"] == 0.5
    assert m["grounding"]["unverified"] == pytest.approx(1 / m["grounding"]["spans"], abs=1e-3)


def test_auroc_known_cases():
    assert auroc([0.9, 0.8, 0.3, 0.1], [True, True, False, False]) == 1.0
    assert auroc([0.1, 0.3, 0.8, 0.9], [True, True, False, False]) == 0.0
    assert auroc([0.5, 0.5], [True, False]) == 0.5
    assert auroc([0.9, 0.4, 0.6, 0.2], [True, True, False, False]) == 0.75
    assert auroc([0.9], [True]) is None


def test_reliability_bins():
    r = reliability([0.95, 0.92, 0.15, 1.0], [True, False, False, True], bins=10)
    top = r["bins"][9]
    assert top["n"] == 3 and top["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert r["bins"][1]["n"] == 1 and r["bins"][1]["accuracy"] == 0.0
    assert 0 < r["ece"] < 1


def test_calibration_uses_linked_correctness():
    p = [claim(sp("the talks failed"), sp("Officials"), confidence=0.9),
         claim(sp("Rain fell"), sp("Rain"), confidence=0.2)]
    m = aggregate([score_document(gold_claims(), p)])
    assert m["calibration"]["auroc"] == 1.0


@pytest.mark.parametrize("cue,expected", [
    ("said", True), ("has said", True), ("told reporters", True), ("according to", True),
    ("tweeted", True), ("admitted", True), ("wants", False), ("believes", False), (":", False),
    (None, False), ("shows", False),
])
def test_speech_cue(cue, expected):
    assert cue_is_speech(cue) is expected


def test_inflections():
    assert {"say", "says", "said", "saying"} <= inflections("say")
    assert {"deny", "denies", "denied", "denying"} <= inflections("deny")
    assert {"note", "notes", "noted", "noting"} <= inflections("note")


def test_speech_subset_precision_counts_unmatched_predictions():
    g = [claim(sp("the talks failed"), sp("Officials"), sp("said")),
         claim(sp("a deal is close"), sp("The minister"), Span(text="wants", start=0, end=3))]
    p = [claim(sp("the talks failed"), sp("Officials")), claim(sp("a deal is close"), sp("The minister")),
         claim(sp("Rain fell"), sp("Rain"))]
    s = aggregate([score_document(g, p)])["speech_cue"]
    assert s["n_gold"] == 1 and s["linked"]["recall"] == 1.0
    assert s["n_pred"] == 2 and s["linked"]["precision"] == 0.5


def test_compare_marks_regressions():
    old = {"linked": {"f1": 0.8, "precision": 0.9}, "hallucination": {"rate": 0.1}}
    new = {"linked": {"f1": 0.7, "precision": 0.902}, "hallucination": {"rate": 0.2}}
    deltas = {d.metric: d for d in compare(new, old)}
    assert deltas["linked.f1"].delta == pytest.approx(-0.1) and deltas["linked.f1"].regression
    assert not deltas["linked.precision"].regression
    assert deltas["hallucination.rate"].regression
    assert deltas["content.f1"].delta is None


def test_source_mention_core_phrase_matches_its_longer_annotation():
    from extractor.evaluate.scoring import same_mention

    text = "Ortiz, who ran the harbour board until May, said he would vote. Quill campaign advisers said no."
    def at(s):
        i = text.index(s)
        return Span(text=s, start=i, end=i + len(s), match="exact")
    long_ = at("Ortiz, who ran the harbour board until May")
    assert same_mention(at("Ortiz"), long_, DEFAULT_DICE)          # relative clause added: same source
    assert same_mention(long_, at("Ortiz"), DEFAULT_DICE)
    assert not same_mention(at("Quill"), at("Quill campaign advisers"), DEFAULT_DICE)  # a different source
    assert not same_mention(at("harbour board"), long_, DEFAULT_DICE)      # inside, but not the core phrase


def test_source_mention_without_its_relative_clause_still_matches():
    from extractor.evaluate.scoring import same_mention

    text = "Republicans who critiqued the speech said it was long, Republicans and many independent Democrats agreed."
    def at(s):
        i = text.index(s)
        return Span(text=s, start=i, end=i + len(s), match="exact")
    assert same_mention(at("Republicans"), at("Republicans who critiqued the speech"), DEFAULT_DICE)
    other = Span(text="Republicans and many independent Democrats", start=text.rindex("Republicans"), end=text.rindex("Republicans") + 42)
    assert not same_mention(Span(text="Republicans", start=other.start, end=other.start + 11), other, DEFAULT_DICE)
