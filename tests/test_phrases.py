"""The phrase index must find what spaCy's PhraseMatcher(attr="LOWER") finds."""

from __future__ import annotations

from pathlib import Path

from spacy.matcher import PhraseMatcher

from followup_nlp.extract.components import LEXICON_FILES
from followup_nlp.extract.lexicons import entries
from followup_nlp.extract.phrases import PhraseIndex
from followup_nlp.resources import data_path


def _both(nlp, phrases: dict[str, list[str]]) -> tuple[PhraseMatcher, PhraseIndex]:
    plain, index = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseIndex(nlp)
    for key, texts in phrases.items():
        plain.add(key, list(nlp.tokenizer.pipe(texts)))
        index.add(key, texts)
    return plain, index


def _lexicon_phrases() -> dict[str, list[str]]:
    phrases: dict[str, list[str]] = {}
    for label in LEXICON_FILES:
        for entry in entries(label):
            if isinstance(entry.pattern, str):
                phrases.setdefault(f"{label}|{entry.id}", []).append(entry.pattern)
    return phrases


def test_lexicon_phrases_match_as_with_the_phrase_matcher_on_the_dev_and_train_notes(nlp):
    plain, index = _both(nlp, _lexicon_phrases())
    texts = [p.read_text(encoding="utf-8") for split in ("dev", "train")
             for p in sorted(Path(data_path("notes", split)).glob("*.txt"))[:120]]
    total = 0
    with nlp.select_pipes(disable=["followup_lexicons"]):
        for doc in nlp.pipe(texts):
            expected = set(plain(doc))
            assert set(index(doc)) == expected
            assert len(index(doc)) == len(expected)  # each match once
            total += len(expected)
    assert total > 300  # the notes do exercise the phrases


def test_words_the_tokenizer_splits_or_treats_specially_are_split_as_it_does(nlp):
    phrases = {"a": ["jiu-jitsu", "D&D", "warhammer 40k", "rock 'n' roll"],
               "b": ["cannot stop", "Gonna Run", "fly fishing", "Fly Fishing"],
               "c": ["fishing"], "d": ["  two  spaces"]}
    plain, index = _both(nlp, phrases)
    doc = nlp.make_doc("He does JIU-JITSU and d&d, plays Warhammer 40K, loves rock 'n' roll; "
                       "he cannot stop fly fishing. gonna run. FLY FISHING")
    expected = set(plain(doc))
    found = set(index(doc))
    assert found == expected
    assert {(nlp.vocab.strings[k], doc[s:e].text) for k, s, e in found} >= {
        ("a", "JIU-JITSU"), ("a", "d&d"), ("a", "rock 'n' roll"),
        ("b", "cannot stop"), ("b", "gonna run"), ("b", "FLY FISHING"), ("c", "fishing")}


def test_a_phrase_at_the_end_or_longer_than_the_doc_and_an_empty_doc(nlp):
    plain, index = _both(nlp, {"k": ["model trains", "model trains and boats"], "m": ["model"]})
    for text in ("", "model", "she loves model trains", "model trains and"):
        doc = nlp.make_doc(text)
        assert set(index(doc)) == set(plain(doc))
    assert len(index) == 3
