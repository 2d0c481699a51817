"""The first-word index must not change what the lexicon patterns match."""

from __future__ import annotations

from pathlib import Path

from spacy.matcher import Matcher

from followup_nlp.extract.anchored import AnchoredMatcher
from followup_nlp.extract.lexicons import entries
from followup_nlp.resources import data_path


def _token_patterns():
    for label in ("CUE", "INTEREST"):
        for entry in entries(label):
            if not isinstance(entry.pattern, str):
                yield f"{label}|{entry.id}", entry.pattern


def test_anchored_matches_equal_spacy_matcher_on_the_dev_notes(nlp):
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for key, pattern in _token_patterns():
        plain.add(key, [pattern])
        anchored.add(key, pattern)
    texts = [p.read_text(encoding="utf-8")
             for p in sorted(Path(data_path("notes", "dev")).glob("*.txt"))]
    total = 0
    with nlp.select_pipes(disable=["followup_lexicons"]):
        for doc in nlp.pipe(texts):
            expected = set(plain(doc))
            assert set(anchored(doc)) == expected
            total += len(expected)
    assert total > 100  # the notes do exercise the patterns


def test_optional_first_tokens_and_unbounded_operators_still_match(nlp):
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("fan", [{"LOWER": {"IN": ["big", "huge"]}, "OP": "*"},
                         {"LEMMA": "fan"}, {"LOWER": "of"}])
    anchored.add("into", [{"LOWER": {"IN": ["is", "'s"]}}, {"LOWER": "really", "OP": "*"},
                          {"LOWER": "into"}])
    doc = nlp("She is really really into chess and a huge huge fan of jazz")
    found = {(nlp.vocab.strings[m], doc[s:e].text) for m, s, e in anchored(doc)}
    assert ("into", "is really really into") in found
    assert ("fan", "huge huge fan of") in found
    assert ("fan", "fan of") in found


def test_patterns_whose_later_words_are_missing_are_skipped_without_losing_matches(nlp):
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("garden", [{"LOWER": "her"}, {"LOWER": "big", "OP": "?"}, {"LEMMA": "garden"}])
    anchored.add("very", [{"LOWER": "is"}, {"LOWER": "very", "OP": "+"}, {"LOWER": "keen"}])
    doc = nlp("Gardens everywhere. She is very very keen on her big gardens, not her house.")
    found = {(nlp.vocab.strings[m], doc[s:e].text) for m, s, e in anchored(doc)}
    assert found == {("garden", "her big gardens"), ("very", "is very very keen")}
    assert not list(anchored(nlp("She is keen on her house.")))
