"""Load our pattern files from data/lexicons/ (JSON Lines, spaCy entity-ruler style)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from followup_nlp.resources import data_path

LEXICON_FILES = {"INTEREST": "interests.jsonl", "TITLE": "titles.jsonl", "CUE": "cues.jsonl"}


@dataclass(frozen=True)
class LexiconEntry:
    label: str
    pattern: str | list[dict[str, Any]]
    id: str
    extra: dict[str, str]


@cache
def entries(label: str) -> tuple[LexiconEntry, ...]:
    """All entries of one label; a malformed line names its file and line number."""
    path = data_path("lexicons", LEXICON_FILES[label])
    out: list[LexiconEntry] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                pattern, ident = row["pattern"], str(row["id"])
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path.name}:{number}: bad lexicon line ({exc})") from exc
            extra = {k: str(v) for k, v in row.items() if k not in ("label", "pattern", "id")}
            out.append(LexiconEntry(row.get("label", label), pattern, ident, extra))
    return tuple(out)


@cache
def interest_domains() -> dict[str, str]:
    """Canonical interest -> domain (sport, food, craft...)."""
    return {e.id: e.extra.get("domain", "") for e in entries("INTEREST")}


@cache
def title_heads() -> dict[str, str]:
    """Lowercase head word of a job title -> role hint ("interviewer" or "support")."""
    heads: dict[str, str] = {}
    path = data_path("lexicons", "title_heads.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, hint = line.strip().partition("\t")
        if word and not word.startswith("#"):
            heads[word.lower()] = hint.strip() or "interviewer"
    return heads


@cache
def title_role_hints() -> dict[str, str]:
    """Title pattern id -> role hint."""
    return {e.id: e.extra.get("role_hint", "interviewer") for e in entries("TITLE")}


def _word_list(file_name: str) -> frozenset[str]:
    """The lowercase words of a one-word-per-line lexicon file ("#" lines are comments)."""
    path = data_path("lexicons", file_name)
    words = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


@cache
def work_nouns() -> frozenset[str]:
    """Head nouns that make a phrase about work, not a hobby ("the kitchen renovation project")."""
    return _word_list("work_nouns.txt")


@cache
def given_names() -> frozenset[str]:
    """Common given names from many cultures (lowercase), to tell "Raj" from "Kafka"."""
    return _word_list("given_names.txt")


@cache
def word_names() -> frozenset[str]:
    """Given names that are also everyday words ("faith", "bill", "jade"): a name only with
    more evidence than its place in a sentence."""
    return _word_list("word_names.txt")


@cache
def needs_cue_forms() -> frozenset[str]:
    """Interest surface forms too ambiguous to count without a cue ("coffee", "running")."""
    return frozenset(e.pattern.lower() for e in entries("INTEREST")
                     if isinstance(e.pattern, str) and e.extra.get("needs_cue") in {"True", "true"})


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _folded_given_names() -> frozenset[str]:
    return frozenset(_fold(n) for n in given_names())


@lru_cache(maxsize=1 << 16)  # asked of the same words many times per note
def is_given_name(word: str) -> bool:
    """A known given name, ignoring case and accents ("Thảo" matches "thao"); a hyphenated one
    ("Mei-Lin", "Jean-Luc") when its first part is."""
    lower = word.lower().replace("’", "'")
    if lower in given_names() or _fold(lower) in _folded_given_names():
        return True
    first, hyphen, rest = lower.partition("-")
    return bool(hyphen and first and rest) and (first in given_names()
                                                or _fold(first) in _folded_given_names())
