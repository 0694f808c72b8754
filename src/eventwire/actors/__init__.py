"""Actor stage: dictionary mentions -> resolved actors (country, sector, group, person)."""
