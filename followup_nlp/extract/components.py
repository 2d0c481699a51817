"""Our spaCy components. Thin factories; the logic of reading a note lives in the sibling modules.

- `followup_line_breaks` makes every new line of a note start a sentence (notes are bullets).
- `followup_lexicons` marks interest terms, job titles and interest cues from data/lexicons/ as
  span groups, so that extraction (and `nlp.pipe` with several processes) works on plain Docs.
- `followup_sentence_index` makes `token.sent` and `span.sent` a lookup.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from followup_nlp.extract.anchored import AnchoredMatcher
from followup_nlp.extract.lexicons import LEXICON_FILES, entries, title_heads
from followup_nlp.extract.phrases import PhraseIndex
from followup_nlp.extract.shorthand import widen

SPAN_KEYS = {"INTEREST": "followup_interests", "TITLE": "followup_titles", "CUE": "followup_cues"}
_BULLETS = {"-", "*", "•", "·", "–", "—", ">", "+", "o"}


TITLE_CONNECTORS = {"of", "for", "&", "and", "-", "/", "the", "to", "in", "at"}
GRADE_WORDS = {"i", "ii", "iii", "iv", "v"}  # a title's level, not a title by itself
_TEXT_KEY, _CHUNKS_KEY = "followup_text", "followup_noun_chunks"
_SENTS_KEY = "followup_sentences"
_WORDS_KEY = "followup_words"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy rebuilds it from every token on each access, and
    extraction reads it a dozen times per note."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text`, cut from the doc's text (`doc_text`): spaCy joins the text of every token
    of the span on each access."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def token_words(doc: Doc) -> tuple[list[str], list[str]]:
    """(lowercase form, lowercase lemma) of every token, read once per doc: spaCy looks each
    string up again on every `lower_` or `lemma_`."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        tokens = list(doc)
        words = doc.user_data[_WORDS_KEY] = ([t.lower_ for t in tokens],
                                              [t.lemma_.lower() for t in tokens])
    return words


def span_group(doc: Doc, label: str) -> list[Span]:
    """The spans `followup_lexicons` found for `label` ("INTEREST", "TITLE" or "CUE"), listed
    once per doc: iterating a SpanGroup builds every Span object again. Not to be changed."""
    key = "followup_group_" + label
    spans = doc.user_data.get(key)
    if spans is None:
        spans = doc.user_data[key] = list(doc.spans.get(SPAN_KEYS[label], []))
    return spans


def noun_chunks(doc: Doc) -> list[Span]:
    """`doc.noun_chunks`, found once per doc (`Span.noun_chunks` walks the whole doc's chunks on
    every call)."""
    chunks = doc.user_data.get(_CHUNKS_KEY)
    if chunks is None:
        chunks = doc.user_data[_CHUNKS_KEY] = list(doc.noun_chunks)
    return chunks


def _sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`, from the doc's sentences listed once."""
    index = doc.user_data.get(_SENTS_KEY)
    if index is None:
        sents = list(doc.sents)
        index = doc.user_data[_SENTS_KEY] = ([s.start for s in sents], sents)
    starts, sents = index
    return sents[bisect_right(starts, i) - 1]


def _token_sent(token: Token) -> Span:
    return _sentence_at(token.doc, token.i)


def _span_sent(span: Span) -> Span:
    return _sentence_at(span.doc, span.start)  # as spaCy: the sentence the span starts in


@Language.factory("followup_sentence_index")
def make_sentence_index(nlp: Language, name: str) -> SentenceIndex:
    return SentenceIndex()


class SentenceIndex:
    """`token.sent` and `span.sent` through a list of the doc's sentences. spaCy walks the
    tokens to a boundary on either side and first checks that the doc has boundaries at all,
    about 3 microseconds a call; extraction asks about a hundred times per note. Added after
    every component that sets boundaries, so the list is final when first made."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_token_hooks["sent"] = _token_sent
        doc.user_span_hooks["sent"] = _span_sent
        return doc


def sentence_chunks(sent: Span) -> list[Span]:
    """The noun chunks inside a sentence, as `sent.noun_chunks` gives them."""
    return [c for c in noun_chunks(sent.doc) if c.start >= sent.start and c.end <= sent.end]


def _token_words(token: dict, seen: dict[tuple[str, ...], frozenset[str]]) -> frozenset[str]:
    """The lowercase words a pattern token accepts (none if it names no words). Title patterns
    repeat the same long IN lists hundreds of times; `seen` lowercases each list once."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = token.get(key)
        if isinstance(value, str):
            return frozenset((value.lower(),))
        if isinstance(value, dict) and "IN" in value:
            alternatives = tuple(value["IN"])
            words = seen.get(alternatives)
            if words is None:
                words = seen[alternatives] = frozenset(v.lower() for v in alternatives)
            return words
    return frozenset()


class TitleGrammar:
    """Job titles as runs of title words holding at least one head word ("Senior Director of
    Product Marketing", "sr mfg eng manager", "Head of People"). Built from the same lexicon as
    the token patterns, it finds titles in one pass over the tokens instead of running ~900 wide
    Matcher patterns (which were the slowest part of batch processing)."""

    def __init__(self, vocabulary: set[str], heads: set[str]) -> None:
        self.vocabulary = vocabulary | heads
        self.heads = heads
        # The same words as string hashes, to test a token's LOWER without making a Token
        self._vocabulary_ids = {get_string_id(word) for word in self.vocabulary}
        self._head_ids = {get_string_id(word) for word in heads}
        self._connector_ids = {get_string_id(word) for word in TITLE_CONNECTORS}

    @classmethod
    def from_patterns(cls, patterns: list[list[dict]], extra_heads: set[str]) -> TitleGrammar:
        vocabulary: set[str] = set()
        heads = set(extra_heads)
        seen: dict[tuple[str, ...], frozenset[str]] = {}
        for pattern in patterns:
            for token in pattern:
                vocabulary |= _token_words(token, seen)
            if pattern[-1].get("OP") is None:
                heads |= _token_words(pattern[-1], seen)
            if len(pattern) > 1 and pattern[0].get("OP") is None and \
                    _token_words(pattern[1], seen) & {"of", "for"}:
                heads |= _token_words(pattern[0], seen)  # "head of ...", "director of ..."
        return cls(vocabulary, heads)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(head word, start, end) of every title run."""
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        vocabulary, connectors = self._vocabulary_ids, self._connector_ids
        found = []
        i = 0
        while i < len(doc):
            if lowers[i] not in vocabulary or lowers[i] in connectors:
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and j + 1 - i < 9 and lowers[j + 1] in vocabulary \
                    and "\n" not in doc[j].whitespace_:
                j += 1
            while j > i and (lowers[j] in connectors or doc[j].is_punct):
                j -= 1  # "the warehouse lead." ends at "lead"
            core = [k for k in range(i, j + 1) if lowers[k] in self._head_ids]
            # "appraiser III" is a title, a list's "2." alone is not
            if core and not all(t.is_punct or t.like_num or t.lower_.strip(".") in GRADE_WORDS
                                for t in doc[i : j + 1]):
                found.append((doc[core[-1]].lower_, i, j + 1))
            i = j + 1
        return found


@Language.factory("followup_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


UNFINISHED_LINE_ENDS = {",", "-", "–", "—"}


class LineBreaks:
    """Start a sentence after every line break, and after a bullet mark at a line start; a line
    cut off after a comma or a dash ("a photo of a sailboat behind him -") runs on into the next
    one unless that starts a new bullet."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if "\n" in token.text_with_ws[len(token.text) :] or "\n" in token.text:
                nxt = doc[token.i + 1]
                if nxt.is_space and nxt.i + 1 < len(doc):  # the next line's indentation
                    nxt = doc[nxt.i + 1]
                last = doc[token.i - 1] if token.is_space and token.i > 0 else token
                if last.text in UNFINISHED_LINE_ENDS and nxt.text not in _BULLETS:
                    continue
                doc[token.i + 1].is_sent_start = True
        for token in doc[1:]:
            if token.is_sent_start and token.text in _BULLETS and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
        return doc


@Language.factory("followup_entity_dashes")
def make_entity_dashes(nlp: Language, name: str) -> EntityDashes:
    return EntityDashes()


SPACED_DASHES = {"-", "–", "—", "--"}


class EntityDashes:
    """Cut an entity at a dash written with spaces around it: notes list people as "Sven -
    bandy, Sundays at the rink" or "Tanvi Rao - Sr Hydrogeologist", and NER reads the line as one
    name ("Sven - bandy"). A name's own hyphen has no spaces ("Okafor-Reid")."""

    def __call__(self, doc: Doc) -> Doc:
        ents, changed = [], False
        for ent in doc.ents:
            cut = next((t.i for t in ent[1:] if t.text in SPACED_DASHES and t.i > 0
                        and doc[t.i - 1].whitespace_ and t.whitespace_), None)
            if cut is not None:
                changed = True
                while cut > ent.start and doc[cut - 1].is_space:
                    cut -= 1
                ent = Span(doc, ent.start, cut, label=ent.label_) if cut > ent.start else None
            if ent is not None:
                ents.append(ent)
        if changed:
            doc.ents = ents
        return doc


class Found(NamedTuple):
    """A lexicon match; a Span is made only for those kept."""
    start: int
    end: int
    ident: str  # the Span's id: "said:weak", or a title's head word


@Language.factory("followup_lexicons", assigns=["doc.spans"],
                  default_config={"labels": list(LEXICON_FILES)})
def make_lexicons(nlp: Language, name: str, labels: list[str]) -> LexiconMatcher:
    return LexiconMatcher(nlp, labels=labels)


class LexiconMatcher:
    """Match the JSONL lexicons: strings through a PhraseIndex (a PhraseMatcher on lowercase
    words that needs no Doc per phrase), token lists through an AnchoredMatcher (a Matcher
    indexed by first word).
    `labels` chooses which lexicons to use (an evaluation can leave the interest list out to
    measure how extraction does on interests no list knows)."""

    def __init__(self, nlp: Language, *, labels: list[str]) -> None:
        unknown = set(labels) - set(LEXICON_FILES)
        if unknown:
            raise ValueError(f"unknown lexicon labels {sorted(unknown)}; expected some of "
                             f"{sorted(LEXICON_FILES)}")
        self.vocab = nlp.vocab
        self._keys: dict[int, tuple[str, str]] = {}
        self.phrases = PhraseIndex(nlp)
        self.tokens = AnchoredMatcher(nlp.vocab)
        # Title token patterns are many and wide; they only run on sentences holding one of the
        # words a title can end or start with (a large speed-up on long notes, same matches).
        title_patterns: list[list[dict]] = []
        for label in labels:
            strings: dict[str, list[str]] = {}
            for entry in entries(label):
                # A weak cue ("mentioned", "someday") marks context but does not point at an
                # interest by itself; an "activity" cue ("on weekends") points at its verb and a
                # "favorite" cue at what the favourite is. Flags travel in the id: "said:weak".
                weak = ":weak" if entry.extra.get("strength") == "weak" else ""
                role = f":{entry.extra['role']}" if entry.extra.get("role") else ""
                key = f"{label}|{entry.id}{weak}{role}"
                if isinstance(entry.pattern, str):
                    strings.setdefault(key, []).append(entry.pattern)
                elif label == "TITLE":
                    title_patterns.append(entry.pattern)
                else:
                    self.tokens.add(key, widen(entry.pattern))
            for key, texts in strings.items():
                self.phrases.add(key, texts)
        self.titles = (TitleGrammar.from_patterns(title_patterns, set(title_heads()))
                       if "TITLE" in labels else None)

    def _label_and_id(self, match_id: int) -> tuple[str, str]:
        """"CUE|said:weak" -> ("CUE", "said:weak"), split once per key."""
        split = self._keys.get(match_id)
        if split is None:
            label, _, ident = self.vocab.strings[match_id].partition("|")
            split = self._keys[match_id] = (label, ident)
        return split

    def match(self, doc: Doc) -> dict[str, list[Found]]:
        """Label -> every lexicon match, overlapping ones included."""
        found: dict[str, list[Found]] = {label: [] for label in SPAN_KEYS}
        for match_id, start, end in [*self.phrases(doc), *self.tokens(doc)]:
            label, ident = self._label_and_id(match_id)
            found[label].append(Found(start, end, ident))
        if self.titles is not None:
            found["TITLE"].extend(Found(start, end, head) for head, start, end in self.titles(doc))
        return found

    def __call__(self, doc: Doc) -> Doc:
        # Spans are made only for the matches kept: choosing among Spans read their ids from
        # the string store at every comparison.
        for label, matches in self.match(doc).items():
            doc.spans[SPAN_KEYS[label]] = [Span(doc, start, end, label=label, span_id=ident)
                                           for start, end, ident in _choose(label, matches)]
        return doc


def _choose(label: str, matches: list[Found]) -> list[Found]:
    """The matches of one label that do not overlap, by start."""
    # Where two entries match the same words, the more specific one wins: a strong cue over a
    # weak one ("talked about" going somewhere), a cue with a role ("plays" as a hobby verb)
    # over a plain one. Deterministic whatever order the matchers report.
    matches = sorted(matches, key=lambda m: (m.start, m.end, m.ident.endswith(":weak"),
                                             ":" not in m.ident, m.ident))
    if label == "CUE":  # and over words it shares: "[We (bonded] over) slacklining",
        # though not over a longer weak cue holding it whole ("(grew) up in")
        strong = [m for m in matches if not m.ident.endswith(":weak")]
        matches = strong + [m for m in matches if m.ident.endswith(":weak") and not any(
            t.start < m.end and m.start < t.end and not (m.start <= t.start and t.end <= m.end)
            for t in strong)]
    # spaCy's own `filter_spans` reads only `start` and `end`, so it takes matches as they are:
    # the (first) longest of overlapping ones wins, and the kept ones come back by start.
    return filter_spans(matches)

