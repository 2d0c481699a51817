"""The `unseen` evaluation split is only meaningful if its interests appear in no lexicon,
training file or catalogue."""

import re

import pytest

from followup_nlp.resources import data_path


def _unseen_words() -> set[str]:
    words = set()
    for line in data_path("notes", "unseen_interests.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.update(w for w in re.findall(r"[a-z]+", line.lower()) if len(w) > 3)
    return words


@pytest.mark.parametrize("folder", ["lexicons", "interests", "gifts"])
def test_unseen_interest_words_appear_in_no_lexicon_training_file_or_catalogue(folder):
    root = data_path(folder)
    assert root.is_dir()
    unseen = _unseen_words()
    hits = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".jsonl", ".csv", ".txt"}:
            words = set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
            hits += [f"{path.name}: {w}" for w in sorted(words & unseen)]
    assert hits == []


def test_unseen_interest_words_appear_in_no_training_note():
    """The interest ranker learns from the notes of data/notes/train/ and dev/: none may hold an
    unseen interest's words, or `unseen` would no longer measure interests no model has seen.
    (Dev gold files may use generic words such as "collecting" in a canonical name.)"""
    unseen = _unseen_words()
    hits = []
    for split, pattern in (("train", "*.*"), ("dev", "*.txt")):
        for path in sorted(data_path("notes", split).glob(pattern)):
            words = set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
            hits += [f"{split}/{path.name}: {w}" for w in sorted(words & unseen)]
    assert hits == []
