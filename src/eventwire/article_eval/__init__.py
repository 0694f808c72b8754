"""Score coded events against the project's real-article gold (docs/annotation.md).

Gold is one JSON object per article, `{"article_id", "annotator", "events": [...]}`, each
event with an exact `quote` of the article text, a CAMEO `code`, `source`/`target` actor
codes, `date`, `place`, `place_country` and `background`. The texts are not in the gold:
they are read by id from the corpus file (`../shared/data/corpora/news_2020s.jsonl`).

Matching is within one article and one-to-one: a coded event and a gold event match when
the coded event's sentence overlaps the gold quote, the CAMEO roots agree, and (at the
actor levels) both actors agree. Actors agree at the *country* level when their country
(the first three letters) agree, or for international and transnational actors (IGO, NGO,
IMG, MNC, ...) their first six letters (IGOUNO, IGONAT); at the *full* level the first six
letters always (IRNGOV vs IRNMIL differ). A null gold actor wants a null coded actor.

Gold events flagged `background` are left out of the scoring, and a coded event that
matches one is neither a hit nor a false alarm (the background flag is the time issue's).

The same matcher compares two annotators (`agreement`), for scripts/gold_agreement.py.
"""

from .agreement import Agreement, agreement
from .match import PlaceJudge, actor_key, name_key, pair, same_name
from .records import (
    NON_COUNTRY,
    Ev,
    Spot,
    coded_events,
    gold_events,
    is_article_gold,
    read_article_gold,
    read_corpus,
    split_of,
)
from .score import (
    ERROR_CLASSES,
    LEVELS,
    ArticleReport,
    evaluate_articles,
    format_article_report,
    score_article,
)

__all__ = [
    "ERROR_CLASSES", "LEVELS", "NON_COUNTRY", "Agreement", "ArticleReport", "Ev",
    "PlaceJudge", "Spot", "actor_key", "agreement", "coded_events", "evaluate_articles",
    "format_article_report", "gold_events", "is_article_gold", "name_key", "pair",
    "read_article_gold", "read_corpus", "same_name", "score_article", "split_of",
]
