"""A token-pattern matcher indexed by each pattern's first word.

spaCy's `Matcher` tries every pattern at every token, so its cost grows with tokens x patterns;
with our ~250 cue and interest patterns it cost more than the tagger, parser and lemmatizer
together. Most patterns start with a fixed word or word set ("obsessed", LEMMA in {love, adore}),
so this class looks each token up in an index of those first words and runs only the patterns
that can start there, through small spaCy `Matcher`s (spaCy keeps the semantics of operators
and attributes). A pattern is skipped when the Doc lacks a word one of its required tokens must
be (most candidates start with common words such as "her" or "is"). The matches are the same as
one `Matcher` holding every pattern.

What makes it cheap, measured on the lexicon component (bench notes ~78 tokens, corpus notes
~226): a `Matcher` call costs ~6 us plus ~1 us for each token of the Span it is given, so
- patterns that start with the same words share one `Matcher` (one call where there were several);
- a pattern with a `*` or `+` runs on a window that ends where its repeated words cannot reach,
  not on the rest of the Doc (those calls cost ~2.5 ms a corpus note: the Matcher tried the
  pattern at every later token only to have the matches there thrown away);
- windows of the same Matcher that overlap become one call;
- before a call, the words a match must have at known positions after its start are checked
  in Python ("is" must be followed by "really", "a" or "into"...): most candidates fail there;
- whether a Doc holds a word for each required token of a pattern is a subset test on numbered
  word sets, found from the Doc's words once;
- a pattern is anchored on its first *required* word, with the optional words before it ("big"*
  "fan" "of") or at a fixed distance after tokens tested on something else (LIKE_NUM "times"),
  and a first token may test more than its word (LEMMA in {...} and POS VERB): the Matcher
  still checks the rest. Only patterns that fit none of these shapes run on the whole Doc;
- the Doc's words are read as hashes through `Doc.to_array`, not token by token.
With the component's own changes (Spans made only for the matches kept, job titles read from
hashes) this took `followup_lexicons` from ~0.85 to ~0.42 ms a bench note and from ~4.5 to
~0.9 ms a corpus note (best of five runs, three times; same spans on every note).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

_WORD_ATTRS = ("LOWER", "LEMMA", "ORTH", "TEXT")
_COLUMNS = {"LOWER": 0, "LEMMA": 1, "ORTH": 2}  # columns of `Doc.to_array(_ARRAY_ATTRS)`
_ARRAY_ATTRS = [LOWER, LEMMA, ORTH]
_REPEATS = ("*", "+")
_ONCE = (None, "?", "!")  # each takes at most one token ("!" none, counted as one to be safe)

Word = tuple[int, int]  # (column, string hash): a value a token's LOWER, LEMMA or ORTH must have


def _words(token: dict) -> list[Word] | None:
    """The words one of which a pattern token tests its word for, or None when it tests its
    word some other way (or not at all). Other keys may narrow it further."""
    found = None
    for attr, value in token.items():
        attr = attr.upper()
        if attr not in _WORD_ATTRS:
            continue
        column = _COLUMNS["ORTH" if attr == "TEXT" else attr]
        if isinstance(value, str):
            words = [(column, get_string_id(value))]
        elif isinstance(value, dict) and set(value) == {"IN"} and \
                all(isinstance(v, str) for v in value["IN"]):
            words = [(column, get_string_id(v)) for v in value["IN"]]
        else:
            return None
        if found is not None:
            return None  # two word tests on one token: keep it simple, no index
        found = words
    return found


class _FirstWord(NamedTuple):
    offset: int  # tokens before it, each tested on something other than its word
    words: frozenset[Word]
    index: int  # of the pattern token that must be present
    exact: bool  # no optional token before it: it is then the token at `offset`


def _first_word(tokens: list[dict]) -> _FirstWord | None:
    """The first token a match must hold that is tested on its word. Before it may come
    optional tokens tested on their words (their words join its, offset 0) or tokens present
    exactly once tested otherwise (the offset counts them). None otherwise."""
    optional: list[Word] = []  # the words of the optional tokens so far
    offset = 0
    for index, token in enumerate(tokens):
        op, words = token.get("OP"), _words(token)
        if op in (None, "+") and words is not None:
            return _FirstWord(offset, frozenset(optional + words), index, not optional)
        if op in ("?", "*") and words is not None and not offset:
            optional.extend(words)
        elif op is None and not optional:
            offset += 1  # a token tested on something else (LIKE_NUM)
        else:
            return None  # a fixed offset after optional tokens, and the like: not handled
    return None


def _anchor(pattern: list[dict]) -> tuple[int, frozenset[Word]] | None:
    """(offset, words): every match starts `offset` tokens before a token having one of the
    words."""
    first = _first_word(pattern)
    return None if first is None else (first.offset, first.words)


def _fixed_words(pattern: list[dict]) -> dict[int, frozenset[Word]]:
    """Position in a match -> the words one of which the token there must be, for as long as
    positions are known (up to the first optional or repeated token a match may hold, and that
    one's position still: it holds one of its own words or of the next required token's)."""
    fixed: dict[int, frozenset[Word]] = {}
    position, rest = 0, pattern
    while (first := _first_word(rest)) is not None:
        fixed[position + first.offset] = first.words
        if not first.exact or rest[first.index].get("OP") is not None:
            break
        position += first.offset + 1
        rest = rest[first.index + 1:]
    return fixed


def _required_words(pattern: list[dict]) -> list[frozenset[Word]]:
    """For each token that must be present once or more (no operator, or +), the words one of
    which it must be: a Doc holding none of them cannot match the pattern."""
    required = []
    for token in pattern:
        if token.get("OP") not in (None, "+"):
            continue
        words = _words(token)
        if words is not None:
            required.append(frozenset(words))
    return required


def _reach(pattern: list[dict]) -> tuple[int, frozenset[Word]] | None:
    """(single, repeated): a match holds at most `single` tokens besides those matched by its
    `*` and `+` tokens, which all have one of the `repeated` words. None when a repeated token is
    not tested on its word (or an operator is unknown): a match may then run to the Doc's end."""
    single, repeated = 0, set()
    for token in pattern:
        op = token.get("OP")
        if op in _ONCE:
            single += 1
        elif op in _REPEATS and (words := _words(token)) is not None:
            repeated.update(words)
        else:
            return None
    return single, frozenset(repeated)


@dataclass
class _Group:
    """The patterns sharing one anchor, in one `Matcher`, and how far their matches reach."""
    matcher: Matcher
    offset: int  # of the anchor in the match
    single: int = 0
    repeated: frozenset[Word] | None = frozenset()  # None: unbounded
    required: list[frozenset[int]] = field(default_factory=list)  # per pattern, see `_needs`
    # Position in the match -> words one of which the token there is, whichever pattern
    # matches (positions where some pattern has no such test are left out).
    fixed: dict[int, frozenset[Word]] | None = None

    def add(self, key: str, pattern: list[dict], required: frozenset[int]) -> None:
        self.matcher.add(key, [pattern])
        self.required.append(required)
        fixed = _fixed_words(pattern)
        fixed.pop(self.offset, None)  # the anchor: there by construction
        self.fixed = fixed if self.fixed is None else \
            {j: self.fixed[j] | fixed[j] for j in self.fixed.keys() & fixed.keys()}
        reach = _reach(pattern)
        if reach is None or self.repeated is None:
            self.repeated = None
        else:
            self.single = max(self.single, reach[0])
            self.repeated |= reach[1]

    def can_match(self, met: set[int]) -> bool:
        """Whether the Doc holds, for some pattern, a word each of its required tokens may be."""
        return any(required <= met for required in self.required)

    def may_start(self, start: int, columns: list[list[int]]) -> bool:
        """Whether the tokens at the fixed positions after `start` have the words they must: a
        check in Python is cheaper than a Matcher call, and most candidates fail it."""
        for position, words in self.fixed.items():
            i = start + position
            if i >= len(columns[0]) or \
                    not any((c, columns[c][i]) in words for c in range(3)):
                return False
        return True

    def end(self, start: int, columns: list[list[int]]) -> int:
        """The end of a window holding every match that starts at `start`: past the last token
        it can reach, counting at most `single` tokens that none of the `repeated` words fit."""
        length = len(columns[0])
        if self.repeated is None:
            return length
        if not self.repeated:
            return min(length, start + self.single)
        repeated, others, end = self.repeated, 0, start
        while end < length:
            if not any((c, columns[c][end]) in repeated for c in range(3)):
                others += 1
                if others > self.single:
                    break
            end += 1
        return end


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (start, end) windows as one: a Matcher call costs per call and per token."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


Index = list[dict[int, list[tuple[int, int]]]]  # column -> word -> [(offset, group number)]


class AnchoredMatcher:
    """`add(key, pattern)` and `__call__(doc)` like spaCy's Matcher (one pattern per call);
    returns (match_id, start, end) triples for every match, overlapping ones included."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._unanchored = Matcher(vocab, validate=True)
        self._has_unanchored = False
        self._groups: list[_Group] = []
        self._group_of: dict[tuple[int, frozenset[Word]], _Group] = {}
        self._index: Index = [{}, {}, {}]  # the groups anchored on each word
        # A required token's word set gets a number; `_needs` gives the numbers of the sets
        # holding a word, so the sets a Doc meets are found from its words in one pass.
        self._numbers: dict[frozenset[Word], int] = {}
        self._needs: list[dict[int, list[int]]] = [{}, {}, {}]

    def add(self, key: str, pattern: list[dict]) -> None:
        anchor = _anchor(pattern)
        if anchor is None:
            self._unanchored.add(key, [pattern])
            self._has_unanchored = True
            return
        group = self._group_of.get(anchor)
        if group is None:
            offset, words = anchor
            group = self._group_of[anchor] = _Group(Matcher(self.vocab, validate=True), offset)
            for column, word in words:
                self._index[column].setdefault(word, []).append((offset, len(self._groups)))
            self._groups.append(group)
        group.add(key, pattern, frozenset(map(self._number, _required_words(pattern))))

    def _number(self, alternatives: frozenset[Word]) -> int:
        number = self._numbers.get(alternatives)
        if number is None:
            number = self._numbers[alternatives] = len(self._numbers)
            for column, word in alternatives:
                self._needs[column].setdefault(word, []).append(number)
        return number

    def __len__(self) -> int:
        return sum(len(group.required) for group in self._groups) + len(self._unanchored)

    def _met(self, words: list[set[int]]) -> set[int]:
        """The numbers of the required word sets the Doc holds a word of."""
        return {number for needs, column_words in zip(self._needs, words, strict=True)
                for word in needs.keys() & column_words for number in needs[word]}

    def _live_index(self, words: list[set[int]]) -> Index:
        """The index cut to the Doc's words and to the groups whose required words it holds."""
        met = self._met(words)
        alive: dict[int, bool] = {}
        live: Index = []
        for index, column_words in zip(self._index, words, strict=True):
            column_live = {}
            for word in index.keys() & column_words:
                anchored = []
                for offset, number in index[word]:
                    if number not in alive:
                        alive[number] = self._groups[number].can_match(met)
                    if alive[number]:
                        anchored.append((offset, number))
                if anchored:
                    column_live[word] = anchored
            live.append(column_live)
        return live

    @staticmethod
    def _starts(columns: list[list[int]], live: Index) -> dict[int, set[int]]:
        """Group number -> the token positions where its matches may start."""
        starts: dict[int, set[int]] = defaultdict(set)
        for column, column_live in zip(columns, live, strict=True):
            if not column_live:
                continue
            for i in [i for i, word in enumerate(column) if word in column_live]:
                for offset, number in column_live[column[i]]:
                    if i >= offset:
                        starts[number].add(i - offset)
        return starts

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches: set[tuple[int, int, int]] = set()
        if self._has_unanchored:
            matches.update(self._unanchored(doc))
        if self._groups and len(doc):
            columns = doc.to_array(_ARRAY_ATTRS).T.tolist()
            live = self._live_index([set(column) for column in columns])
            for number, starts in self._starts(columns, live).items():
                group = self._groups[number]
                windows = [(start, group.end(start, columns)) for start in starts
                           if group.may_start(start, columns)]
                for start, end in _merge(windows) if len(windows) > 1 else windows:
                    # every match in a window starts at an anchor, so all of them are kept
                    for match_id, s, e in group.matcher(doc[start:end]):
                        matches.add((match_id, start + s, start + e))
        return sorted(matches, key=lambda m: (m[1], m[2], m[0]))
