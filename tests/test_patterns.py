"""The event pattern dictionary: format validation with file and line, and coverage."""

from __future__ import annotations

import pytest

from eventwire import ontology
from eventwire.errors import DictionaryError
from eventwire.events.patterns import load_patterns, parse_patterns


def test_builtin_patterns_load_and_cover_all_twenty_roots() -> None:
    pats = load_patterns()
    roots = {p.code[:2] for p in pats.patterns}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}


def test_every_builtin_code_is_cameo() -> None:
    assert all(ontology.is_code(p.code) for p in load_patterns().patterns)


@pytest.mark.parametrize("text,needle,line", [
    ("- id: a\n  code: 57\n  verbs: [sign]\n", "must be quoted", 1),
    ("- id: a\n  code: \"999\"\n  verbs: [sign]\n", "not a CAMEO", 1),
    ("- id: a\n  code: \"057\"\n", "needs verbs or nouns", 1),
    ("- id: a\n  code: \"057\"\n  verbs: [sign]\n- id: a\n  code: \"057\"\n  verbs: [ink]\n",
     "duplicate id", 4),
    ("- id: a\n  code: \"057\"\n  verbz: [sign]\n", "unknown key", 1),
    ("- id: a\n  code: \"057\"\n  verbs: [sign]\n  target: [sideways]\n", "target slot", 1),
    ("- id: a\n  code: [\n", "YAML error", 3),
])
def test_broken_pattern_lines_are_reported_with_line(text: str, needle: str, line: int) -> None:
    with pytest.raises(DictionaryError) as err:
        parse_patterns(text, "user.yaml")
    assert needle in str(err.value)
    assert err.value.problems[0][0] == line
    assert "user.yaml" in str(err.value)


def test_more_specific_pattern_is_tried_first() -> None:
    pats = parse_patterns(
        "- id: plain\n  code: \"010\"\n  verbs: [sign]\n"
        "- id: deal\n  code: \"057\"\n  verbs: [sign]\n  objects: [deal]\n", "x.yaml")
    from eventwire.events.patterns import _index

    assert [p.id for p in _index(pats).by_verb["sign"]] == ["deal", "plain"]
