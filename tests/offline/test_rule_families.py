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



def test_no_word_list_is_silently_redefined():
    # Rule areas add their lists in blocks of their own; a list may be widened ("X = X | ...")
    # or rebuilt from the same parts, never given a second meaning under the same name (two
    # blocks once both defined ISSUING_VERBS, and the later one widened the other's rule).
    import ast
    from pathlib import Path

    folder = Path(attributions.__file__).parent
    for name in ("lexicon.py", "source_words.py"):
        path = folder / name
        if not path.exists():
            continue
        first: dict[str, str] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
                continue
            target, value = node.targets[0].id, ast.unparse(node.value)
            refs = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            if target in first:
                assert target in refs or value == first[target], f"{name}: {target} is defined twice"
            first.setdefault(target, value)
