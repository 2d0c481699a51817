"""Our spaCy components. Thin factories; the logic of reading a note lives in the sibling modules.

- `followup_line_breaks` makes every new line of a note start a sentence (notes are bullets).
- `followup_lexicons` marks interest terms, job titles and interest cues from data/lexicons/ as
  span groups, so that extraction (and `nlp.pipe` with several processes) works on plain Docs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from followup_nlp.extract.lexicons import LEXICON_FILES, entries

SPAN_KEYS = {"INTEREST": "followup_interests", "TITLE": "followup_titles", "CUE": "followup_cues"}
_BULLETS = {"-", "*", "•", "·", "–", "—", ">", "+", "o"}


def _anchor_words(pattern: list[dict]) -> set[str]:
    """Words that must appear for a token pattern to match: the first and last tokens' required
    values (a pattern whose ends are optional or open contributes the words of every token)."""
    def words(token: dict) -> set[str] | None:
        for key in ("LOWER", "ORTH", "TEXT"):
            value = token.get(key)
            if isinstance(value, str):
                return {value.lower()}
            if isinstance(value, dict) and "IN" in value:
                return {v.lower() for v in value["IN"]}
        return None

    required = [t for t in pattern if t.get("OP") not in {"?", "*"}]
    for token in (required[-1:] + required[:1]) if required else []:
        found = words(token)
        if found is not None:
            return found
    out: set[str] = set()
    for token in pattern:
        out |= words(token) or set()
    return out


@Language.factory("followup_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


class LineBreaks:
    """Start a sentence after every line break, and after a bullet mark at a line start."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if "\n" in token.text_with_ws[len(token.text) :] or "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        for token in doc[1:]:
            if token.is_sent_start and token.text in _BULLETS and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
        return doc


@Language.factory("followup_lexicons", assigns=["doc.spans"],
                  default_config={"labels": list(LEXICON_FILES)})
def make_lexicons(nlp: Language, name: str, labels: list[str]) -> LexiconMatcher:
    return LexiconMatcher(nlp, labels=labels)


class LexiconMatcher:
    """Match the JSONL lexicons: strings through a PhraseMatcher, token lists through a Matcher.
    `labels` chooses which lexicons to use (an evaluation can leave the interest list out to
    measure how extraction does on interests no list knows)."""

    def __init__(self, nlp: Language, *, labels: list[str]) -> None:
        unknown = set(labels) - set(LEXICON_FILES)
        if unknown:
            raise ValueError(f"unknown lexicon labels {sorted(unknown)}; expected some of "
                             f"{sorted(LEXICON_FILES)}")
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab, validate=True)
        # Title token patterns are many and wide; they only run on sentences holding one of the
        # words a title can end or start with (a large speed-up on long notes, same matches).
        self.title_tokens = Matcher(nlp.vocab, validate=True)
        self.title_triggers: set[str] = set()
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
                    self.title_tokens.add(key, [entry.pattern])
                    self.title_triggers |= _anchor_words(entry.pattern)
                else:
                    self.tokens.add(key, [entry.pattern])
            for key, texts in strings.items():
                self.phrases.add(key, list(nlp.tokenizer.pipe(texts)))

    def _title_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches = []
        for sent in doc.sents:
            if any(t.lower_ in self.title_triggers for t in sent):
                matches += [(m, s + sent.start, e + sent.start)
                            for m, s, e in self.title_tokens(sent.as_doc())]
        return matches

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {label: [] for label in SPAN_KEYS}
        matches = [*self.phrases(doc), *self.tokens(doc), *self._title_matches(doc)]
        for match_id, start, end in matches:
            label, _, ident = doc.vocab.strings[match_id].partition("|")
            found[label].append(Span(doc, start, end, label=label, span_id=ident))
        for label, spans in found.items():
            doc.spans[SPAN_KEYS[label]] = sorted(filter_spans(spans))
        return doc
