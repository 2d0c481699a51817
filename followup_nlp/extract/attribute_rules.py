"""The base model's attribute_ruler, made fast without changing what it does.

spaCy's `Matcher` tries every pattern at every token. The attribute_ruler of en_core_web_sm has
179 rules (tag map, morph rules, a few fixes) and cost ~1.5 ms a note, more than the tagger and
lemmatizer together. Nearly all of its patterns test one token on a few attributes (TAG, LOWER,
DEP, IS_SPACE), so which of them match a token depends only on those values: `TokenRuleCache`
asks spaCy's own Matcher once per distinct combination of values (on that token) and remembers
the answer. Longer patterns, patterns with operators and patterns on other attributes still run
through a Matcher over the whole Doc. The AttributeRuler keeps its own logic (rule order, how
attributes are set): only its `matcher` is replaced, by one that returns the same matches.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Attributes whose Matcher test reads the token's own value (what Doc.to_array returns).
_CACHEABLE = {"TAG", "LOWER", "ORTH", "DEP", "POS", "LEMMA", "NORM", "SHAPE", "IS_SPACE",
              "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_STOP", "LIKE_NUM"}
_OTHER = numpy.uint64(0)  # stands for "none of the values any pattern names"


def _attr(name: str) -> str:
    name = name.upper()
    return "ORTH" if name == "TEXT" else name


def _is_single_token_test(pattern: list[dict]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0] and \
        all(_attr(name) in _CACHEABLE for name in pattern[0])


def _named_values(value: Any) -> list | None:
    """The values an equality or IN test accepts, or None for any other kind of test."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and \
            all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


class TokenRuleCache:
    """Stands in for the attribute_ruler's Matcher: `__call__` gives the same (match_id, start,
    end) triples; everything else (get, patterns, len) is the wrapped Matcher's."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._build()

    def _build(self) -> None:
        vocab = self.matcher.vocab
        self._size = len(self.matcher)
        self._single = Matcher(vocab)
        self._rest = Matcher(vocab)
        single: list[tuple[str, list[dict]]] = []
        # spaCy keeps no public list of keys. Callbacks and greedy filters are not copied: a
        # Matcher using them is left to run as it is.
        self._usable = not any(self.matcher._callbacks.values()) and \
            not any(self.matcher._filter.values())
        for key in self.matcher._patterns:
            name = vocab.strings[key]
            for pattern in self.matcher.get(name)[1]:
                if _is_single_token_test(pattern):
                    self._single.add(name, [pattern])
                    single.append((name, pattern))
                else:
                    self._rest.add(name, [pattern])
        names = sorted({_attr(a) for _, pattern in single for a in pattern[0]})
        self._ids = [IDS[name] for name in names]
        # An attribute tested only by equality or IN: every value no pattern names behaves the
        # same, so all of them share one cache key (the cache stays small: one entry per tag,
        # dependency and named word, not per word of every note).
        self._named: list[numpy.ndarray | None] = []
        for name in names:
            values: set[int] | None = set()
            for _, pattern in single:
                for attr, value in pattern[0].items():
                    if _attr(attr) != name:
                        continue
                    accepted = _named_values(value)
                    if accepted is None or values is None:
                        values = None
                    else:
                        values |= {get_string_id(v) for v in accepted}
            self._named.append(None if values is None or 0 in values
                               else numpy.array(sorted(values), dtype=numpy.uint64))
        self._cache: dict[tuple, tuple[int, ...]] = {}

    def __getattr__(self, name: str) -> Any:
        if name == "matcher":  # not set yet (a copy being built): no recursion
            raise AttributeError(name)
        return getattr(self.matcher, name)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: str) -> bool:
        return key in self.matcher

    def add(self, key: str, patterns: list[list[dict]], **kwargs: Any) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self._build()

    def remove(self, key: str) -> None:
        self.matcher.remove(key)
        self._build()

    def _keys(self, doc: Doc) -> list[tuple]:
        values = doc.to_array(self._ids)
        if values.ndim == 1:
            values = values.reshape(-1, 1)
        for column, named in enumerate(self._named):
            if named is not None:
                col = values[:, column]
                values[:, column] = numpy.where(numpy.isin(col, named), col, _OTHER)
        return [tuple(row) for row in values.tolist()]

    def __call__(self, doc: Doc, *, as_spans: bool = False, allow_missing: bool = False,
                 with_alignments: bool = False) -> list:
        if len(self.matcher) != self._size:
            self._build()
        if as_spans or with_alignments or not self._usable or not isinstance(doc, Doc):
            return self.matcher(doc, as_spans=as_spans, allow_missing=allow_missing,
                                with_alignments=with_alignments)
        matches = list(self._rest(doc, allow_missing=allow_missing)) if len(self._rest) else []
        if not len(self._single) or not len(doc):
            return matches
        cache = self._cache
        for i, key in enumerate(self._keys(doc)):
            found = cache.get(key)
            if found is None:
                found = tuple(m for m, _, _ in self._single(doc[i : i + 1],
                                                            allow_missing=allow_missing))
                cache[key] = found
            matches.extend((m, i, i + 1) for m in found)
        return matches


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute_ruler (if any) a TokenRuleCache in place of its Matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(getattr(ruler, "matcher", None), Matcher):
        ruler.matcher = TokenRuleCache(ruler.matcher)
