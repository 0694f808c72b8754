"""The package's YAML word lists are read by one reader that says where a file is broken."""

from __future__ import annotations

import pytest

from eventwire.data import package_yaml, parse_yaml
from eventwire.errors import DictionaryError


@pytest.mark.parametrize("name", ["cooperation.yaml", "deals.yaml", "campaign.yaml",
                                  "interview.yaml", "verbal_conflict.yaml", "disapproval.yaml",
                                  "nested_targets.yaml", "nominal_context.yaml",
                                  "person_roles.yaml"])
def test_every_word_list_is_a_mapping(name: str) -> None:
    assert package_yaml(name)


def test_a_broken_file_says_where() -> None:
    with pytest.raises(DictionaryError, match=r"w\.yaml: line 4: not valid YAML"):
        parse_yaml("a: [1, 2]\nb:\n  - x\n c: [\n", "w.yaml")


def test_a_file_of_no_mapping() -> None:
    with pytest.raises(DictionaryError, match="mapping"):
        parse_yaml("- just\n- a list\n", "w.yaml")
    assert parse_yaml("", "w.yaml") == {}
