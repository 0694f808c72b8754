"""Labels beside codes (`eventwire.labels`): actors, CAMEO codes and roots, PLOVER types."""

from __future__ import annotations

import pytest

from eventwire.actors.dictionary import load_builtin
from eventwire.labels import (
    LABEL_FIELDS,
    actor_label,
    cameo_label,
    country_label,
    plover_label,
    quad_label,
    row_labels,
)
from eventwire.ontology import cameo_codes


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("IRNGOV", "Iran (government)"),
        ("IRNGOVMIL", "Iran (government, military)"),
        ("USA", "United States"),
        ("IGOUNO", "United Nations"),
        ("IGOEUREEC", "European Union"),
        ("PSEREBHMS", "Hamas"),
        ("NGABUS", "Nigeria (business)"),
        ("MEAGOV", "Middle East (government)"),
        ("ROMGOV", "Romania (government)"),  # CAMEO's code for Romania
        ("IRQMOSSHI", "Iraq (Muslim, Shia)"),
        ("irngov", "Iran (government)"),
        ("IRNXYZ", "Iran (XYZ)"),  # an unknown part is kept as it is
    ],
)
def test_actor_codes_get_readable_labels(code: str, label: str) -> None:
    assert actor_label(code) == label


@pytest.mark.parametrize("code", [None, "", "  ", "XYZ", "123456"])
def test_unknown_or_empty_actor_codes_have_no_label(code: str | None) -> None:
    assert actor_label(code) is None


def test_every_code_of_the_actor_dictionary_is_labelled_without_raw_parts() -> None:
    codes = {e.code for e in load_builtin().entries if e.code}
    assert len(codes) > 100
    raw = []
    for code in codes:
        label = actor_label(code)
        assert label, code
        parts = {code[i : i + 3] for i in range(3, len(code), 3)}
        head = f"{country_label(code[:3]) or actor_label(code[:3])} ("
        if label.startswith(head):  # not a group's own name such as "... (NATO)"
            words = label[len(head) : -1].split(", ")
            raw += [(code, w) for w in words if w in parts]
    assert raw == []


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("19", "Fight"),
        ("057", "Sign formal agreement"),
        ("01", "Make public statement"),
        ("20", "Use unconventional mass violence"),
        ("190", "Use conventional military force, not specified below"),
    ],
)
def test_cameo_codes_and_roots_get_labels_in_sentence_case(code: str, label: str) -> None:
    assert cameo_label(code) == label


def test_every_cameo_code_has_a_label_and_bad_codes_none() -> None:
    assert all(cameo_label(c) for c in cameo_codes())
    assert cameo_label("999") is None and cameo_label(None) is None


def test_plover_and_quad_labels() -> None:
    assert plover_label("ASSAULT") == "Assault"
    assert plover_label("assault") == "Assault"
    assert plover_label("FIGHT") is None  # a CAMEO root word, not a PLOVER type
    assert quad_label(4) == "Material conflict" and quad_label(None) is None


def test_country_label_reads_codes_and_regions() -> None:
    assert country_label("IRN") == "Iran"
    assert country_label("WST") == "The West"
    assert country_label("QQQ") is None


def test_row_labels_gives_every_label_field() -> None:
    row = {
        "source_code": "IRNGOV",
        "target_code": "",
        "cameo_code": "190",
        "cameo_root": "19",
        "plover_type": "ASSAULT",
    }
    labels = row_labels(row)
    assert tuple(labels) == LABEL_FIELDS
    assert labels["source_label"] == "Iran (government)"
    assert labels["target_label"] is None
    assert labels["root_label"] == "Fight"
    assert labels["plover_label"] == "Assault"
