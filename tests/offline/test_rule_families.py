"""The rule registries: every family is named, documented with an example, and asked once."""

import pytest

from extractor.engines.offline import attributions, content, referents, relays, sources

REGISTRIES = {
    "content": content.CONTENT_RULES,
    "cue guards": attributions.CUE_GUARDS,
    "cue sources": attributions.SOURCE_RULES,
    "finishing": attributions.FINISHING_RULES,
    "relays": relays.RELAY_RULES,
    "source types": sources.SOURCE_TYPE_RULES,
    "references": referents.REFERENCE_RULES,
}


@pytest.mark.parametrize("name", REGISTRIES)
def test_each_family_has_a_docstring_with_an_example_and_appears_once(name):
    rules = REGISTRIES[name]
    assert len(set(rules)) == len(rules)
    for rule in rules:
        doc = rule.__doc__ or ""
        assert doc.strip(), f"{rule.__name__} has no docstring"
        assert any(q in doc for q in "\"'“"), f"{rule.__name__}'s docstring gives no example"

