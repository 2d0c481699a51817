"""Loading the gift model: one read of the archive, and still nothing outside the trusted list."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from followup_nlp.errors import ModelFileError
from followup_nlp.gifts import classifier
from followup_nlp.resources import model_path


def test_an_archive_with_an_untrusted_type_is_refused_by_name(tmp_path):
    import skops.io as sio

    path = tmp_path / "model.skops"
    sio.dump({"payload": shutil.copyfile}, path)
    with pytest.raises(ModelFileError, match=r"do not trust: .*shutil\.copyfile"):
        classifier.load(path)


def test_a_damaged_archive_is_refused_with_a_clean_message(tmp_path):
    path = tmp_path / "model.skops"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("schema.json", "{not json")
    with pytest.raises(ModelFileError, match="not a readable skops model"):
        classifier.load(path)


def test_the_shipped_model_loads_and_ranks(tmp_path):
    path = tmp_path / classifier.MODEL_FILE
    shutil.copy(model_path(classifier.MODEL_FILE), path)
    model = classifier.load(path)
    ranked = classifier.predict([("apple pie", "")], model)[0]
    assert ranked[0].category == "recipe"
