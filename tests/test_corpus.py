"""The annotated notes are well-formed: spans are real substrings, holders are real people."""

import json

import pytest

from followup_nlp.evaluate import SPLITS, load_split
from followup_nlp.resources import data_path

MINIMUM = {"train": 50, "dev": 40, "test": 25, "unseen": 15}


@pytest.mark.parametrize("split", SPLITS)
def test_split_has_enough_annotated_notes(split):
    assert len(load_split(split)) >= MINIMUM[split]


@pytest.mark.parametrize("split", SPLITS)
def test_gold_spans_are_substrings_and_holders_are_people(split):
    for name, text, gold in load_split(split):
        names = {p["name"] for p in gold["people"]}
        for interest in gold["interests"]:
            assert interest["text"] in text, (name, interest["text"])
            assert interest["evidence"] in text, (name, interest["evidence"])
            assert interest["holder"] in names, (name, interest["holder"])
            assert interest["cue"] in {"said", "office", "shared"}
        for person in gold["people"]:
            assert person["role"] in {"interviewer", "support", "referrer"}


def test_splits_share_no_note_text():
    texts = {}
    for split in SPLITS:
        for name, text, _ in load_split(split):
            assert text not in texts, (name, texts.get(text))
            texts[text] = name


def test_every_note_has_a_gold_file():
    for split in SPLITS:
        folder = data_path("notes", split)
        for note in folder.glob("*.txt"):
            json.loads(note.with_suffix(".json").read_text(encoding="utf-8"))
