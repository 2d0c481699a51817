"""The interest ranker: loads safely, finds interests no word list knows, leaves work alone."""

from __future__ import annotations

import shutil

import pytest

from followup_nlp import analyze
from followup_nlp.errors import ModelFileError
from followup_nlp.extract import ranker
from followup_nlp.resources import model_path

NOTE = """Video call w/ Hannah Weiss (Plant Manager) and Tomasz Lis, HR, Oct 2
- Hannah rebuilds vintage bumper-car engines in her garage, has six of them now
- Tomasz asked about my shift availability
- his screen background was a photo of a hand-built wooden outrigger
- we discussed the ERP migration and the overtime budget
"""


def test_saved_ranker_loads_with_a_threshold_from_its_card():
    model = ranker.load()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert model.probabilities([]) == []


def test_interests_outside_every_lexicon_are_found_with_their_holders():
    analysis = analyze(NOTE, interest_lexicon=False)
    found = {(i.holder, i.cue): i.text for i in analysis.interests}
    assert "engines" in found[("Hannah Weiss", "said")]
    assert "outrigger" in found[("Tomasz Lis", "office")]
    texts = " ".join(i.text for i in analysis.interests).lower()
    assert "migration" not in texts and "budget" not in texts and "shift" not in texts


def test_a_ranker_archive_with_an_untrusted_type_is_refused(tmp_path):
    import skops.io as sio

    sio.dump({"payload": shutil.copyfile}, tmp_path / ranker.MODEL_FILE)
    shutil.copy(model_path(ranker.CARD_FILE), tmp_path / ranker.CARD_FILE)
    ranker.load.cache_clear()
    try:
        with pytest.raises(ModelFileError, match="do not trust"):
            ranker.load(tmp_path)
    finally:
        ranker.load.cache_clear()
