"""NoteAnalysis -> each Interest gets ranked categories and concrete gift ideas."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from followup_nlp.gifts import catalog, classifier
from followup_nlp.schema import CategoryScore, GiftIdea, Interest, NoteAnalysis


def label_for(interest: Interest) -> str:
    """The words we search the catalogue with and show in a suggestion."""
    return interest.canonical or interest.text


def suggest(interest: str, evidence: str = "", model: Any = None
            ) -> tuple[list[CategoryScore], list[GiftIdea]]:
    ranked = classifier.predict([(interest, evidence)], model)[0]
    return ranked, catalog.ideas_for(interest, ranked, [interest])


def enrich(analysis: NoteAnalysis, model: Any = None) -> NoteAnalysis:
    """Add categories and gift ideas to every interest of an analysis."""
    if not analysis.interests:
        return analysis
    ranked = classifier.predict([(i.text, i.evidence) for i in analysis.interests], model)
    interests = tuple(
        replace(i, categories=tuple(r),
                gift_ideas=tuple(catalog.ideas_for(label_for(i), r, [i.canonical, i.text])))
        for i, r in zip(analysis.interests, ranked, strict=True)
    )
    return analysis.with_interests(interests)
