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


def _matches(matcher, doc) -> set[tuple[int, int, int]]:
    return set(matcher(doc))


def _plain_and_anchored(nlp, patterns: dict[str, list[dict]]):
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for key, pattern in patterns.items():
        plain.add(key, [pattern])
        anchored.add(key, pattern)
    return plain, anchored


def test_patterns_sharing_first_words_share_a_matcher_and_match_as_alone(nlp):
    is_words = {"LOWER": {"IN": ["is", "was"]}}
    patterns = {
        "into": [is_words, {"LOWER": "really", "OP": "*"}, {"LOWER": "into"}],
        "a_fan": [is_words, {"LOWER": "a"}, {"IS_ALPHA": True, "OP": "?"}, {"LEMMA": "fan"}],
        "keen": [is_words, {"LOWER": "keen"}, {"LOWER": "on", "OP": "?"}],
    }
    plain, anchored = _plain_and_anchored(nlp, patterns)
    assert len(anchored._groups) == 1 and len(anchored) == 3
    doc = nlp("He is really really really really really into chess, was a chess fan "
              "and is keen on it. Is keen")
    found = {(nlp.vocab.strings[m], doc[s:e].text) for m, s, e in anchored(doc)}
    assert {("into", "is really really really really really into"), ("a_fan", "was a chess fan"),
            ("keen", "is keen on"), ("keen", "Is keen")} <= found
    assert _matches(anchored, doc) == _matches(plain, doc)


def test_first_tokens_tested_on_more_than_their_word_are_anchored_and_still_tested(nlp):
    patterns = {
        "verb": [{"LEMMA": {"IN": ["paint", "run"]}, "POS": "VERB"}],
        "times": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["times", "x"]}}, {"LOWER": "a"},
                  {"LOWER": "week"}],
        "fan": [{"LOWER": "huge", "OP": "*"}, {"LEMMA": "fan"}, {"LOWER": "of"}],
    }
    plain, anchored = _plain_and_anchored(nlp, patterns)
    assert not anchored._has_unanchored  # every one of them has an anchor word
    doc = nlp("She paints and runs 3 times a week; her paint is dry and a huge huge fan of "
              "fans of runs. Twice a week, 2 x a week.")
    found = {(nlp.vocab.strings[m], doc[s:e].text) for m, s, e in anchored(doc)}
    assert {("verb", "paints"), ("times", "3 times a week"), ("times", "2 x a week"),
            ("fan", "huge huge fan of")} <= found
    assert ("verb", "paint") not in found  # the noun
    assert _matches(anchored, doc) == _matches(plain, doc)


def test_random_patterns_match_as_spacys_matcher(nlp):
    """Patterns and Docs drawn from a few words, so that operators, shared first words, fixed
    offsets and overlapping windows meet often."""
    import random

    from spacy.tokens import Doc

    rng = random.Random(3)
    words = ["a", "b", "c", "d", "7"]
    tests = [lambda: {"LOWER": rng.choice(words)},
             lambda: {"LOWER": {"IN": rng.sample(words, 2)}},
             lambda: {"LEMMA": rng.choice(words)},
             lambda: {"ORTH": rng.choice(words).upper()},
             lambda: {"LOWER": {"IN": rng.sample(words, 2)}, "POS": "VERB"},
             lambda: {"IS_ALPHA": True},
             lambda: {"LIKE_NUM": True},
             lambda: {}]
    patterns = {}
    for number in range(60):
        pattern = [{**rng.choice(tests)(), **({"OP": op} if (op := rng.choice(
            [None, None, None, "?", "*", "+"])) else {})} for _ in range(rng.randint(1, 4))]
        if all(token.get("OP") in ("?", "*") for token in pattern) or pattern == [{}]:
            continue  # spaCy's Matcher finds nothing sensible with those
        patterns[f"p{number}"] = pattern
    plain, anchored = _plain_and_anchored(nlp, patterns)
    total = 0
    for _ in range(150):
        length = rng.randint(1, 25)
        chosen = [rng.choice(words) for _ in range(length)]
        doc = Doc(nlp.vocab, words=[w.upper() if rng.random() < 0.3 else w for w in chosen],
                  lemmas=chosen, pos=[rng.choice(["VERB", "NOUN"]) for _ in range(length)])
        expected = _matches(plain, doc)
        assert _matches(anchored, doc) == expected
        total += len(expected)
    assert total > 500
