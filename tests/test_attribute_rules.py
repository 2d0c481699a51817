"""The cached attribute_ruler matcher must leave every token attribute as spaCy's Matcher does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.bench_batch import make_note
from followup_nlp.extract.attribute_rules import TokenRuleCache
from followup_nlp.resources import data_path
from tests.conftest import TWO_INTERVIEWERS

ODD_TEXTS = [
    "", " ", "\n\n\n", "\t- \n  *", "There's a cat. There are dogs! Is there? Here's why.",
    "I'd've gone, y'all ain't gonna believe it, gets got GETS Got", "It's   spaced\u00a0out\r\n",
    "Met Dana Levi (Director of Ops) 🎉 — שלום — she loves hiking ⛰️, 3/2 @ 9am",
    "U.S. vs. e.g. etc. & co. -- dr. smith's #1 fan :) ...",
    "WHAT'S UP?! ain't nobody here. there is, there was, there were, there're",
]


def _texts() -> list[str]:
    notes = [p.read_text(encoding="utf-8") for p in sorted(Path(data_path("notes")).rglob("*.txt"))]
    rng = random.Random(11)
    return [*notes, *(make_note(rng, i) for i in range(300)), TWO_INTERVIEWERS, *ODD_TEXTS]


def _attributes(docs) -> list:
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start,
              t.ent_type_, t.ent_iob_) for t in doc] for doc in docs]


@pytest.fixture()
def ruler(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, TokenRuleCache)  # the pipeline uses it
    return ruler


def test_token_attributes_equal_the_stock_attribute_ruler(nlp, ruler):
    texts = _texts()
    fast = ruler.matcher
    ruler.matcher = fast.matcher  # spaCy's own Matcher, as the base model ships it
    try:
        expected = _attributes(nlp.pipe(texts))
    finally:
        ruler.matcher = fast
    assert _attributes(nlp.pipe(texts)) == expected
    assert sum(len(doc) for doc in expected) > 20000


def test_matches_equal_spacy_matcher_match_for_match(nlp, ruler):
    with nlp.select_pipes(enable=["tok2vec", "tagger", "followup_line_breaks", "parser"]):
        docs = list(nlp.pipe(_texts()))
    for doc in docs:
        assert sorted(ruler.matcher(doc, allow_missing=True)) == \
            sorted(ruler.matcher.matcher(doc, allow_missing=True))


def test_rules_added_later_are_matched_too(nlp):
    from spacy.matcher import Matcher

    cache = TokenRuleCache(Matcher(nlp.vocab))
    cache.add("noun", [[{"TAG": "NN"}]])
    doc = nlp("She loves quilting.")
    assert [doc[s].text for _, s, _ in cache(doc, allow_missing=True)] == \
        [t.text for t in doc if t.tag_ == "NN"]
    cache.add("pair", [[{"LOWER": "she"}, {"LOWER": "loves"}]])
    spans = {(nlp.vocab.strings[m], s, e) for m, s, e in cache(doc, allow_missing=True)}
    assert ("pair", 0, 2) in spans
