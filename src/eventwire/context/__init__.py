"""The article stage: what a whole article tells the coder before any sentence is coded.

Computed once per article from its parsed sentences and metadata, then read by the
per-sentence stages (actors, events, places):

- `issuer`: who speaks for a statement, readout or release ("we", "the Department",
  "the Secretary" -> the issuing body named by the source field or the title);
- `items`: whether the article is a list document (a digest or a day page, one story per
  paragraph) and, for each paragraph, the story it belongs to, with the country that story
  is about, for bare domestic roles ("the government", "police", "protesters").

Entity chains across sentences (he / the minister -> the named actor) live in
`actors.resolve.ArticleContext`, which the coder renews at every story boundary.
"""

from __future__ import annotations

from .issuer import find_issuer
from .items import STORY_SECTORS, Story, StoryContext, build_story, is_list_source

__all__ = ["STORY_SECTORS", "Story", "StoryContext", "build_story", "find_issuer", "is_list_source"]
