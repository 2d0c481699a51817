"""Small wording rules shared by the gift suggestions and the letters."""

from __future__ import annotations

# A named event is a countable thing: "our conversation about the Berlin marathon".
EVENT_NOUNS = {"marathon", "half", "triathlon", "race", "festival", "fair", "tournament", "cup",
               "open", "derby", "parade", "rally", "regatta", "trip", "game", "match", "final",
               "finals", "series", "championship", "championships", "classic", "relay", "ride"}
DETERMINERS = {"the", "a", "an", "your", "his", "her", "their", "our", "my", "this", "that"}


def with_article(phrase: str) -> str:
    """A team or a named event takes "the" in a sentence ("the Green Bay Packers", "the Berlin
    marathon", "the Cleveland Guardians"); other phrases are returned as they are."""
    words = phrase.split()
    team = len(words) > 1 and all(w[:1].isupper() for w in words) and words[-1].endswith("s")
    named_event = len(words) > 1 and words[0][:1].isupper() and words[-1].lower() in EVENT_NOUNS
    if (team or named_event) and words[0].lower() not in DETERMINERS:
        return f"the {phrase}"
    return phrase
