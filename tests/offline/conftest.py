"""The `run` fixture of the offline rule tests: the engine on a text, one row per claim."""

import pytest

from extractor.engines import get_engine
from extractor.models import RawInput
from extractor.pipeline import process


@pytest.fixture(scope="module")
def run():
    engine = get_engine("offline")

    def _run(text):
        claims = [c for d in process(RawInput(input_id="t", text=text), engine) for c in d.claims]
        return [(c.source.mention.text if c.source.mention else None, c.cue.text if c.cue else None, c.content.text, c) for c in claims]
    return _run
