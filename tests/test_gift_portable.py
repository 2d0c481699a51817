"""The portable (NumPy-only) gift model gives the scikit-learn pipeline's probabilities."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import warnings

import numpy as np
import pytest

from followup_nlp.gifts import classifier, portable
from followup_nlp.resources import data_path, model_path

# Fitting the small test pipelines warns (constant label, few iterations); that is not under test.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

TOLERANCE = 1e-9
ODD_TEXTS = [
    "",
    " ",
    "|||",
    " ||| ",
    "||| only evidence, no interest",
    "Ünïcödé café — naïve crème brûlée, 日本語の本, Straße, İstanbul 🎉 ||| ΣΊΣΥΦΟΣ reads",
    "zzqxv qqvvk ||| wxyzzy plugh",
    "a ||| I",
    "tabs\tand\nnew\n\nlines\u00a0and\u2003odd   spaces ||| x\u2028y",
    "sourdough baking ||| " + "She bakes sourdough bread every weekend for the whole street. " * 400,
    "knitting " * 2000,
]


def _sklearn_pipeline():
    """The fitted scikit-learn pipeline itself (runs load its portable export by default)."""
    return classifier.load(model_path(classifier.MODEL_FILE))


def _texts() -> list[str]:
    examples = classifier.read_examples(data_path("interests", "labelled.csv"))
    return [classifier.to_text(e.interest, e.evidence) for e in examples]


def _assert_same(model, pipeline, texts: list[str]) -> float:
    expected = pipeline.predict_proba(texts)
    got = model.predict_proba(texts)
    assert got.shape == expected.shape
    difference = float(np.max(np.abs(got - expected)))
    assert difference <= TOLERANCE, difference
    return difference


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


@pytest.fixture(scope="module")
def exported() -> dict:
    return portable.export(_sklearn_pipeline())


def test_the_saved_model_round_trips_and_matches_sklearn_on_every_text(tmp_path, texts, exported):
    path = tmp_path / "gift_categories.json.gz"
    portable.write(path, exported)
    model = portable.read(path)
    assert len(texts) > 1000
    _assert_same(model, _sklearn_pipeline(), texts + ODD_TEXTS)
    # a batch in which no text has a known feature, and one text at a time
    _assert_same(model, _sklearn_pipeline(), ODD_TEXTS[:3])
    batch = model.predict_proba(texts[:40])
    for i in range(0, 40, 7):
        assert np.array_equal(model.predict_proba([texts[i]])[0], batch[i])
    assert model.predict_proba([]).shape == (0, len(exported["estimators"]))


def test_a_plain_json_file_loads_too(tmp_path, texts, exported):
    path = tmp_path / "gift_categories.json"
    portable.write(path, exported)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == portable.FORMAT
    _assert_same(portable.read(path), _sklearn_pipeline(), texts[:50])


def test_a_logistic_regression_pipeline_matches_sklearn(tmp_path):
    examples = classifier.read_examples(data_path("interests", "labelled.csv"))[::6]
    train_texts = [classifier.to_text(e.interest, e.evidence) for e in examples]
    pipeline = classifier.candidate_models()["logreg_words+chars+context"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipeline.fit(train_texts, classifier._matrix(examples))
    data = portable.export(pipeline)
    assert {e["kind"] for e in data["estimators"]} == {"constant", "logistic"}
    path = tmp_path / "logreg.json.gz"
    portable.write(path, data)
    _assert_same(portable.read(path), pipeline, _texts() + ODD_TEXTS)


def _small_pipeline(variant: str):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    union = FeatureUnion([
        ("accents", Pipeline([
            ("pick", FunctionTransformer(classifier.select_interest)),
            ("tfidf", TfidfVectorizer(strip_accents="unicode", ngram_range=(2, 3), binary=True,
                                      norm="l1", use_idf=False)),
        ])),
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), strip_accents="ascii",
                                  lowercase=False, stop_words=["the"])),
        ("stop", TfidfVectorizer(stop_words=["and", "her", "his"], norm=None,
                                 token_pattern=r"(?u)\b(\w)\w+\b")),
    ], transformer_weights={"chars": 0.5, "stop": 2.0})
    if variant == "nb":
        estimator = ComplementNB(alpha=0.7, norm=True)
    else:
        estimator = LogisticRegression(C=2.0, max_iter=1000)
    return Pipeline([("features", union), ("clf", OneVsRestClassifier(estimator))])


@pytest.mark.parametrize("variant", ["nb", "logreg"])
@pytest.mark.parametrize("target", ["multilabel", "multiclass", "binary"])
def test_other_supported_options_match_sklearn(texts, variant, target):
    examples = classifier.read_examples(data_path("interests", "labelled.csv"))[::5]
    train = [classifier.to_text(e.interest, e.evidence) for e in examples]
    if target == "multilabel":
        y = classifier._matrix(examples)
    elif target == "multiclass":
        y = [e.labels[min(1, len(e.labels) - 1)] for e in examples]
    else:
        y = ["recipe" if "recipe" in e.labels else "other" for e in examples]
    pipeline = _small_pipeline(variant).fit(train, y)
    model = portable.PortableModel.from_dict(json.loads(json.dumps(portable.export(pipeline))))
    _assert_same(model, pipeline, texts[::3] + ODD_TEXTS)


def test_an_unsupported_estimator_is_refused_at_export(texts):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    examples = classifier.read_examples(data_path("interests", "labelled.csv"))[::5]
    features = classifier.candidate_models()["logreg_words+chars"].steps[0][1]
    pipeline = Pipeline([("features", features), ("clf", OneVsRestClassifier(
        CalibratedClassifierCV(LinearSVC(), cv=3)))])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipeline.fit([classifier.to_text(e.interest, e.evidence) for e in examples],
                     classifier._matrix(examples))
    with pytest.raises(ValueError, match="CalibratedClassifierCV"):
        portable.export(pipeline)
    with pytest.raises(ValueError, match="unsupported"):
        portable.export({"not": "a pipeline"})


def _write_json(path, data) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def _corrupt(data: dict, how: str) -> dict:
    data = json.loads(json.dumps(data))
    nb = next(e for e in data["estimators"] if e["kind"] == "complement_nb")
    if how == "string_for_float":
        nb["feature_log_prob"][1][3] = "0.5"
    elif how == "string_idf":
        data["blocks"][0]["idf"][0] = "1.0"
    elif how == "missing_key":
        del data["blocks"][1]["idf"]
    elif how == "missing_estimators":
        del data["estimators"]
    elif how == "unknown_key":
        data["blocks"][0]["preprocessor"] = "eval"
    elif how == "short_array":
        nb["feature_log_prob"][0].pop()
    elif how == "bool_for_float":
        data["estimators"][0]["value"] = True
    elif how == "bad_kind":
        nb["kind"] = "pickle"
    elif how == "bad_analyzer":
        data["blocks"][0]["analyzer"] = "callable"
    elif how == "bad_regex":
        data["blocks"][0]["token_pattern"] = "(unclosed"
    elif how == "repeated_term":
        data["blocks"][0]["terms"][1] = data["blocks"][0]["terms"][0]
    elif how == "wrong_format":
        data["format"] = "something.else"
    return data


@pytest.mark.parametrize("how", ["string_for_float", "string_idf", "missing_key", "missing_estimators",
                                 "unknown_key", "short_array", "bool_for_float", "bad_kind",
                                 "bad_analyzer", "bad_regex", "repeated_term", "wrong_format"])
def test_a_malformed_file_is_refused(tmp_path, exported, how):
    path = tmp_path / "bad.json"
    _write_json(path, _corrupt(exported, how))
    with pytest.raises(ValueError, match="portable gift model"):
        portable.read(path)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_refused(tmp_path, exported, constant):
    data = json.loads(json.dumps(exported))
    data["blocks"][2]["idf"][5] = "@@"
    raw = json.dumps(data).replace('"@@"', constant)
    for path, payload in ((tmp_path / "bad.json", raw.encode()),
                          (tmp_path / "bad.json.gz", gzip.compress(raw.encode()))):
        path.write_bytes(payload)
        with pytest.raises(ValueError, match="finite"):
            portable.read(path)


@pytest.mark.parametrize("payload", [b"", b"{not json", b"[1, 2]", b"\x1f\x8bdamaged gzip",
                                     b'{"format": 1, "format": 2}', "\u00e9".encode("latin-1")])
def test_unreadable_files_are_refused(tmp_path, payload):
    path = tmp_path / "bad.json"
    path.write_bytes(payload)
    with pytest.raises(ValueError, match="portable gift model"):
        portable.read(path)


def test_write_refuses_data_the_loader_would_refuse(tmp_path, exported):
    with pytest.raises(ValueError, match="portable gift model"):
        portable.write(tmp_path / "bad.json", _corrupt(exported, "missing_key"))
    assert not (tmp_path / "bad.json").exists()


def test_importing_the_portable_module_does_not_import_sklearn():
    code = ("import sys, followup_nlp.gifts.portable; "
            "print('sklearn' in sys.modules, 'skops' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_reading_and_scoring_does_not_import_sklearn(tmp_path, exported):
    path = tmp_path / "model.json.gz"
    portable.write(path, exported)
    code = ("import sys; from followup_nlp.gifts import portable; "
            f"m = portable.read({str(path)!r}); p = m.predict_proba(['quilting ||| she quilts']); "
            "print(p.shape, 'sklearn' in sys.modules, 'skops' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"(1, {len(exported['estimators'])}) False False"


def test_the_shipped_portable_file_scores_as_the_shipped_skops_model(texts):
    shipped = classifier.load()
    assert isinstance(shipped, portable.PortableModel)
    _assert_same(shipped, _sklearn_pipeline(), texts)
