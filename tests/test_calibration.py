"""The learned confidence: features, fitting, the stored model."""

import random

from extractor.engines.offline import calibration as cal
from extractor.models import Claim, Relay, Source, Span


def claim(cue="said", mention="Ann Roe", stype="person", via=False, content="the plan will cost more than expected"):
    return Claim(claim=content, content=Span(text=content), cue=Span(text=cue) if cue else None,
                 source=Source(mention=Span(text=mention) if mention else None, type=stype),
                 via=[Relay(mention=Span(text="Reuters"), type="media")] if via else [])


def test_features_are_binary_and_named_for_what_a_claim_shows():
    f = cal.features(claim(cue="told", mention="he", via=True))
    assert set(f.values()) <= {0.0, 1.0}
    assert f["cue_told"] == f["source_pronoun"] == 1.0 and f["cue_said"] == 0.0


def test_fit_recovers_which_feature_predicts_correctness():
    rng = random.Random(0)
    examples = []
    for _ in range(2000):
        x = {"good": float(rng.random() < 0.5), "noise": float(rng.random() < 0.5)}
        p = 0.9 if x["good"] else 0.4
        examples.append((x, rng.random() < p))
    w = cal.fit(examples)
    assert w["good"] > 1.5 and abs(w["noise"]) < 0.3
    lo = cal.probability(w, claim())  # unknown features weigh nothing: the bias alone
    assert 0.3 < lo < 0.6


def test_stored_model_covers_every_feature_and_orders_claims():
    model = cal.load_model()
    assert set(cal.features(claim())) <= set(model["weights"])
    plain = cal.calibrated(claim()).confidence
    doubtful = cal.calibrated(claim(cue="noted", mention="he", content="so")).confidence
    assert 0.0 < doubtful < plain < 1.0
