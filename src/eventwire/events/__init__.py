"""Event stage: trigger + pattern -> CAMEO code, with source and target from the parse."""
