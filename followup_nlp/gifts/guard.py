"""Warn when a note or an option plans a tangible gift: the seeds' rule is information only."""

from __future__ import annotations

import re
from functools import lru_cache

TANGIBLE = re.compile(
    r"\b(gift ?cards?|coffee cards?|vouchers?|candy|candies|chocolates?|flowers|bouquet|cash|money"
    r"|bottle of (?:wine|whiskey|bourbon|champagne)|wine|cookies|cupcakes|fruit basket|gift basket"
    r"|starbucks card|amazon card|present)\b",
    re.I,
)
PLANNING = re.compile(r"\b(send|bring|give|buy|get (?:her|him|them)|mail|drop off|include"
                      r"|enclose|gift|thinking of|plan(?:ning)? to)\b", re.I)
# Anything planned "as a thank you" or "as a gift" is a thing, unless it is information.
AS_A_GIFT = re.compile(r"\b(?:as an? (?:small |little )?(?:thank[- ]?you|gift|token|present)"
                       r"|thank[- ]?you (?:gift|present))\b", re.I)
INFORMATION = re.compile(r"\b(?:article|link|recipe|book title|website|site|magazine|podcast"
                         r"|newsletter|video|url|pdf|reading list)s?\b", re.I)
GIVEN_THING = re.compile(r"\b(?:send|bring|give|buy|mail|get)(?:ing|s)?\s+(?:[\w'-]+\s+)?"
                         r"(?:a|an|some)\s+((?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:as|for)\b", re.I)
WARNING = (
    "the note plans a tangible gift ({item}); send an information gift instead (an article, "
    "recipe, book title, association, website or magazine): gifts of that kind can read as a bribe"
)


@lru_cache(maxsize=1 << 10)  # asked once for each candidate interest of a sentence
def planned_gifts(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence names a tangible thing the writer plans to give (character offsets):
    "Going to send him a bottle of mezcal as a thank you" -> the span of "bottle of mezcal"."""
    match = TANGIBLE.search(sentence)
    if match and PLANNING.search(sentence):
        return (match.span(),)
    if AS_A_GIFT.search(sentence) and (thing := GIVEN_THING.search(sentence)) \
            and not INFORMATION.search(sentence):
        return (thing.span(1),)  # "sending Mei-Ling a bonsai tool kit as a thank you"
    return ()


def tangible_gift_warnings(text: str) -> list[str]:
    """One warning per tangible item that a sentence of the note plans to send."""
    warnings: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        for start, end in planned_gifts(sentence):
            message = WARNING.format(item=sentence[start:end].lower())
            if message not in warnings:
                warnings.append(message)
    return warnings
