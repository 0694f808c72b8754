"""Labels beside codes for the web layer: ``IRNGOV`` -> "Iran (government)", ``19`` -> "Fight".

Uses `eventwire.labels` (the project's shared label module) when it is there; until then a
small fallback built from the country table and the CAMEO codebook table: the country's name,
then the role codes as they stand ("Iran (GOV)").
"""

from __future__ import annotations

from functools import cache

__all__ = ["actor_label", "cameo_label"]


@cache
def cameo_label(code: str | None) -> str | None:
    """The CAMEO codebook label of an event code or root, or None."""
    if not code:
        return None
    from eventwire.ontology import cameo_codes

    entry = cameo_codes().get(code)
    if entry is None:
        return None
    return entry.label.capitalize() if entry.label.isupper() else entry.label


@cache
def actor_label(code: str | None) -> str | None:
    """A reader's label for a CAMEO actor code, or None for no code."""
    if not code:
        return None
    try:
        from eventwire import labels  # type: ignore[attr-defined]
    except ImportError:
        labels = None
    if labels is not None and hasattr(labels, "actor_label"):
        return labels.actor_label(code)  # type: ignore[no-any-return]
    from eventwire.countries import country_table

    country = country_table().by_code.get(code[:3])
    if country is None:
        return code
    rest = code[3:]
    roles = " ".join(rest[i:i + 3] for i in range(0, len(rest), 3))
    return f"{country.name} ({roles})" if roles else country.name
