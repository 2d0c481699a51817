"""Concrete, real gift ideas from data/gifts/catalog.csv; a search suggestion when we have none.

We never invent a title: an interest the catalogue does not know gets "an article on <interest>"
style suggestions telling the user what to look for.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from followup_nlp.resources import data_path
from followup_nlp.schema import CategoryScore, GiftIdea
from followup_nlp.wording import with_article

# {the_x} is the interest as a sentence says it ("the Cleveland Guardians"), {x} as it is searched.
SEARCH_SUGGESTIONS = {
    "article": "an article about {the_x}",
    "recipe": "a recipe related to {the_x}",
    "book": "a well-reviewed book on {the_x} (search a library catalogue for '{x}')",
    "association": "the national club or association for {the_x} (search '{x} association')",
    "website": "a respected website or online community about {the_x}",
    "magazine": "a magazine that covers {the_x} (search '{x} magazine')",
}


@dataclass(frozen=True)
class CatalogEntry:
    interest: str
    aliases: tuple[str, ...]
    category: str
    title: str
    creator: str
    detail: str
    why: str

    def idea(self) -> GiftIdea:
        # "Rick Steves Paris", "Wisden Cricketers' Almanack": a title that already names its
        # author is not followed by "by Rick Steves" again.
        named = re.search(rf"\b{re.escape(self.creator.lower())}", self.title.lower())
        title = f"{self.title} by {self.creator}" if self.category == "book" and self.creator \
            and not named else self.title
        return GiftIdea(self.category, title, self.detail or None, self.why or None)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9']+", text.lower()))


@lru_cache(maxsize=1)
def entries() -> tuple[CatalogEntry, ...]:
    path = data_path("gifts", "catalog.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            CatalogEntry(
                interest=row["interest"].strip().lower(),
                aliases=tuple(a.strip().lower() for a in row.get("aliases", "").split("|")
                              if a.strip()),
                category=row["category"].strip(),
                title=row["title"].strip(),
                creator=(row.get("creator") or "").strip(),
                detail=(row.get("detail") or "").strip(),
                why=(row.get("why") or "").strip(),
            )
            for row in csv.DictReader(handle)
        )


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], str]:
    """Word sequence (interest name or alias) -> catalogue interest."""
    index: dict[tuple[str, ...], str] = {}
    for entry in entries():
        for name in (entry.interest, *entry.aliases):
            index.setdefault(_words(name), entry.interest)
    return index


def find_interest(*phrases: str) -> str | None:
    """The catalogue interest named by any phrase: whole phrase first, then its longest part."""
    index = _index()
    for phrase in phrases:
        words = _words(phrase)
        if words in index:
            return index[words]
    for phrase in phrases:
        words = _words(phrase)
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                key = words[start : start + size]
                if key in index:
                    return index[key]
    return None


def ideas_for(label: str, ranked: Sequence[CategoryScore], phrases: Sequence[str],
              limit: int = 3) -> list[GiftIdea]:
    """Up to `limit` ideas, following the classifier's category ranking."""
    known = find_interest(*phrases)
    by_category: dict[str, list[CatalogEntry]] = {}
    if known is not None:
        for entry in entries():
            if entry.interest == known:
                by_category.setdefault(entry.category, []).append(entry)
    ideas: list[GiftIdea] = []
    for score in ranked:
        if len(ideas) >= limit:
            break
        if score.category in by_category:
            ideas.append(by_category[score.category][0].idea())
        elif score.score >= 0.5 or not ideas:
            ideas.append(GiftIdea(score.category, SEARCH_SUGGESTIONS[score.category].format(
                x=label, the_x=with_article(label)),
                                  None, None, is_search=True))
    return ideas
