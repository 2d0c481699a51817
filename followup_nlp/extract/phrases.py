"""Lexicon phrases matched on their words' lowercase forms: what spaCy's
`PhraseMatcher(vocab, attr="LOWER")` finds, without making a Doc of every phrase.

A PhraseMatcher takes its phrases as Docs, and tokenising the ~4,900 lexicon phrases made a
vocabulary entry for each new word: about half a second of every process's start, for words
most notes never use. Here a phrase of plain words ("fly fishing", "model trains") is split on
spaces, which is how spaCy's English tokenizer splits letters-only words that are not one of its
special cases ("cannot", "gonna"); only the others ("jiu-jitsu", "d&d", "40k") go through the
tokenizer. Words are kept as string hashes, the form a token's LOWER has in `doc.to_array`.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc


class PhraseIndex:
    """Phrases by their first word. `__call__` gives (key hash, start, end) for every phrase
    found, overlapping ones included, each (key, start, end) once."""

    def __init__(self, nlp: Language) -> None:
        self.strings = nlp.vocab.strings
        self._tokenizer = nlp.tokenizer
        self._special_cases = set(nlp.tokenizer.rules or {})
        self._by_first: dict[int, dict[tuple[int, ...], set[int]]] = {}

    def __len__(self) -> int:
        return sum(len(keys) for by_words in self._by_first.values() for keys in by_words.values())

    def _words(self, text: str) -> list[str]:
        words = text.split(" ")
        if all(word.isalpha() and word not in self._special_cases for word in words):
            return words
        return [t.text for t in self._tokenizer(text)]

    def add(self, key: str, texts: list[str]) -> None:
        key_id = self.strings.add(key)
        for text in texts:
            words = tuple(self.strings.add(word.lower()) for word in self._words(text))
            if words:
                self._by_first.setdefault(words[0], {}).setdefault(words, set()).add(key_id)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        lowers = doc.to_array(LOWER).tolist()
        by_first, found = self._by_first, []
        for start, first in enumerate(lowers):
            phrases = by_first.get(first)
            if phrases is None:
                continue
            for words, keys in phrases.items():
                end = start + len(words)
                if end <= len(lowers) and (len(words) == 1 or tuple(lowers[start:end]) == words):
                    found.extend((key, start, end) for key in keys)
        return found
