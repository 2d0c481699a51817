"""NoteAnalysis -> each Interest gets ranked categories and concrete gift ideas."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from followup_nlp.gifts import catalog, classifier
from followup_nlp.schema import CategoryScore, GiftIdea, Interest, NoteAnalysis
from followup_nlp.wording import EVENT_HEADS


def label_for(interest: Interest) -> str:
    """The words a suggestion shows: the interest as the note put it, without the possessor
    ("your mother's award-winning pies" -> "award-winning pies"), else the canonical name."""
    mention = interest.mention
    if mention and not mention.startswith(("you ", "being ")):
        words = mention.split()
        while words and (words[0] in {"your", "the", "a", "an"} or words[0].endswith(("'s", "’s"))):
            words.pop(0)
        if len(words) > 1 and words[-1] in EVENT_HEADS and interest.canonical \
                and interest.canonical.lower() == " ".join(words[:-1]).lower():
            return interest.canonical  # "your son's wrestling meet": an article on wrestling
        if words and len(words) <= 5:
            return " ".join(words)
    return interest.canonical or interest.text


FOOD_DOMAINS = {"food", "drink"}


def _no_recipe_for_non_food(ranked: list[CategoryScore], interest: Interest
                            ) -> list[CategoryScore]:
    """The lexicon's domain overrides the classifier on one point: a recipe is for food and
    drink. A martial art ("Brazilian jiu-jitsu" read as Brazilian cooking) or a sport never gets
    "a recipe I came across"; the category moves to the end of the ranking."""
    if interest.domain is None or interest.domain in FOOD_DOMAINS:
        return ranked
    return [c for c in ranked if c.category != "recipe"] + \
        [c for c in ranked if c.category == "recipe"]


def suggest(interest: str, evidence: str = "", model: Any = None
            ) -> tuple[list[CategoryScore], list[GiftIdea]]:
    ranked = classifier.predict([(interest, evidence)], model)[0]
    return ranked, catalog.ideas_for(interest, ranked, [interest])


def enrich(analysis: NoteAnalysis, model: Any = None) -> NoteAnalysis:
    """Add categories and gift ideas to every interest of an analysis."""
    return enrich_many([analysis], model)[0]


def enrich_many(analyses: list[NoteAnalysis], model: Any = None) -> list[NoteAnalysis]:
    """`enrich` for many analyses with one classifier call (batch processing)."""
    pairs = [(i.text, i.evidence) for a in analyses for i in a.interests]
    ranked = iter(classifier.predict(pairs, model))
    out = []
    for analysis in analyses:
        interests = []
        for interest in analysis.interests:
            r = _no_recipe_for_non_food(next(ranked), interest)
            ideas = catalog.ideas_for(label_for(interest), r, [interest.canonical, interest.text])
            interests.append(replace(interest, categories=tuple(r), gift_ideas=tuple(ideas)))
        out.append(analysis.with_interests(tuple(interests)) if interests else analysis)
    return out
