"""A token-pattern matcher indexed by each pattern's first word.

spaCy's `Matcher` tries every pattern at every token, so its cost grows with tokens x patterns;
with our ~250 cue and interest patterns it cost more than the tagger, parser and lemmatizer
together. Most patterns start with a fixed word or word set ("obsessed", LEMMA in {love, adore}),
so this class looks each token up in an index of those first words and runs only the patterns
that can start there, each through its own small spaCy `Matcher` (spaCy keeps the semantics of
operators and attributes). Patterns whose first token is optional or is not a word test run on
the whole Doc as before. A pattern is also skipped when the Doc lacks a word one of its later
required tokens must be (most candidates start with common words such as "her" or "is"). The
matches are the same as one `Matcher` holding every pattern.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_WORD_ATTRS = ("LOWER", "LEMMA", "ORTH", "TEXT")


def _words(token: dict) -> list[tuple[str, str]] | None:
    """The (attribute, value) pairs one of which a pattern token tests its word for, or None
    when it tests its word some other way (or not at all). Other keys may narrow it further."""
    found = None
    for attr, value in token.items():
        attr = attr.upper()
        if attr not in _WORD_ATTRS:
            continue
        attr = "ORTH" if attr == "TEXT" else attr
        if isinstance(value, str):
            words = [(attr, value)]
        elif isinstance(value, dict) and set(value) == {"IN"} and \
                all(isinstance(v, str) for v in value["IN"]):
            words = [(attr, v) for v in value["IN"]]
        else:
            return None
        if found is not None:
            return None  # two word tests on one token: keep it simple, no index
        found = words
    return found


def _first_words(pattern: list[dict]) -> list[tuple[str, str]] | None:
    """The (attribute, value) pairs one of which the first token must have, or None when the
    first token is optional or tested on something other than its word."""
    first = pattern[0]
    if "OP" in first or len(first) != 1:
        return None
    return _words(first)


def _required_words(pattern: list[dict]) -> list[frozenset[tuple[str, str]]]:
    """For each later token that must be present once or more (no operator, or +), the words
    one of which it must be: a Doc holding none of them cannot match the pattern."""
    required = []
    for token in pattern[1:]:
        if token.get("OP") not in (None, "+"):
            continue
        words = _words(token)
        if words is not None:
            required.append(frozenset(words))
    return required


def _max_length(pattern: list[dict]) -> int | None:
    """The most tokens a pattern can match, or None when an operator makes it unbounded."""
    if any(token.get("OP") in ("*", "+") for token in pattern):
        return None
    return len(pattern)


class AnchoredMatcher:
    """`add(key, pattern)` and `__call__(doc)` like spaCy's Matcher (one pattern per call);
    returns (match_id, start, end) triples for every match, overlapping ones included."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._unanchored = Matcher(vocab, validate=True)
        self._has_unanchored = False
        self._patterns: list[tuple[Matcher, int | None, list[frozenset]]] = []
        self._index: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, key: str, pattern: list[dict]) -> None:
        words = _first_words(pattern)
        if words is None:
            self._unanchored.add(key, [pattern])
            self._has_unanchored = True
            return
        matcher = Matcher(self.vocab, validate=True)
        matcher.add(key, [pattern])
        number = len(self._patterns)
        self._patterns.append((matcher, _max_length(pattern), _required_words(pattern)))
        for word in dict.fromkeys(words):
            self._index[word].append(number)

    def __len__(self) -> int:
        return len(self._patterns) + len(self._unanchored)

    def _candidates(self, token, words: set[tuple[str, str]]) -> list[int]:
        found: list[int] = []
        for key in (("LOWER", token.lower_), ("LEMMA", token.lemma_), ("ORTH", token.text)):
            words.add(key)
            found.extend(self._index.get(key, ()))
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches: set[tuple[int, int, int]] = set()
        if self._has_unanchored:
            matches.update(self._unanchored(doc))
        if not self._index:
            return sorted(matches, key=lambda m: (m[1], m[2], m[0]))
        words: set[tuple[str, str]] = set()  # every (attribute, value) the Doc's tokens have
        starts = [(token.i, self._candidates(token, words)) for token in doc]
        for start, candidates in starts:
            for number in dict.fromkeys(candidates):
                matcher, longest, required = self._patterns[number]
                if any(words.isdisjoint(alternatives) for alternatives in required):
                    continue
                end = len(doc) if longest is None else min(len(doc), start + longest)
                for match_id, s, e in matcher(doc[start:end]):
                    if s == 0:
                        matches.add((match_id, start, start + e))
        return sorted(matches, key=lambda m: (m[1], m[2], m[0]))
