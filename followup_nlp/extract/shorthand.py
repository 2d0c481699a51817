"""Note-taking shorthand, taught to the tokenizer as the words it stands for.

The English model learned from edited text; it has rarely seen "w/", "b/c" or "wknd", so it
tags "w/" as a proper noun and parses "obsessed w/ dahlias" as a name-like compound, which hides
the interest. spaCy's models read a token's NORM, not its spelling, so giving each shorthand
token the norm of the word it stands for ("with", "because", "weekend") lets the tagger and
parser treat it as that word, while the note's text, offsets and spelling stay as typed.
"""

from __future__ import annotations

from spacy.attrs import NORM, ORTH
from spacy.language import Language

from followup_nlp.wording import ABBREVIATIONS

NORMS = ABBREVIATIONS  # one table for the tokenizer and the letters


def add_shorthand(nlp: Language) -> None:
    """Make the tokenizer keep each shorthand (and its capitalised form) as one token whose
    norm is the full word."""
    for short, word in NORMS.items():
        for form in {short, short[:1].upper() + short[1:], short.upper() if "/" in short
                     else short}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: word}])


def _shorthands_of() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for short, word in NORMS.items():
        out.setdefault(word, []).append(short)
    return out


SHORTHANDS_OF = _shorthands_of()


def widen(pattern: list[dict]) -> list[dict]:
    """A Matcher pattern that also accepts the shorthand of each word it names in lowercase
    ("obsessed with" also matches "obsessed w/", "on weekends" also "on wknds")."""
    out = []
    for token in pattern:
        value = token.get("LOWER")
        words = [value] if isinstance(value, str) else \
            value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
        extra = [s for w in words or [] for s in SHORTHANDS_OF.get(w, []) if s not in words]
        out.append({**token, "LOWER": {"IN": [*words, *extra]}} if extra else token)
    return out
