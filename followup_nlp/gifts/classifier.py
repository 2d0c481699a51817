"""Interest -> ranked information-gift categories: a scikit-learn Pipeline, saved with skops.

Training data: data/interests/labelled.csv (interest, canonical, domain, evidence, labels).
The held-out split is chosen by canonical interest (all rows of an interest on one side), so the
held-out score measures interests the model never saw. Several candidate models are compared by
grouped cross-validation on the training side only; the best is refit and saved with a model card.
"""

from __future__ import annotations

import csv
import hashlib
import json
import platform
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from followup_nlp.errors import ModelFileError
from followup_nlp.resources import data_path, model_path
from followup_nlp.schema import CATEGORIES, CategoryScore

MODEL_FILE = "gift_categories.skops"
# The same fitted model as plain data (gifts/portable.py): what runs use, without importing
# scikit-learn or skops (~1.5 s and ~120 MB a process). Absent when the chosen model cannot be
# exported; then the skops file is used.
PORTABLE_FILE = "gift_categories.json.gz"
CARD_FILE = "model_card.json"
THRESHOLD = 0.5
HELD_OUT_SHARE = 0.2

# Every type the saved pipeline may contain. Loading refuses anything else (no arbitrary code).
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.multiclass._ConstantPredictor",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.naive_bayes.ComplementNB",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.preprocessing._function_transformer.FunctionTransformer",
    "followup_nlp.gifts.classifier.select_interest",
    "followup_nlp.gifts.classifier.select_context",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "builtins.slice",
]


@dataclass(frozen=True)
class Example:
    interest: str
    canonical: str
    evidence: str
    labels: tuple[str, ...]


def read_examples(path: Path) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    examples = []
    for number, row in enumerate(rows, 2):
        labels = tuple(x.strip() for x in row["labels"].split("|") if x.strip())
        unknown = set(labels) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"{path.name}:{number}: unknown categories {sorted(unknown)}")
        examples.append(Example(row["interest"].strip(), row["canonical"].strip(),
                                row["evidence"].strip(), labels))
    return examples


def to_text(interest: str, evidence: str = "") -> str:
    """The model's input: the interest phrase, a separator, then its evidence sentence."""
    return f"{interest.strip()} ||| {evidence.strip()}"


def select_interest(texts: Iterable[str]) -> list[str]:
    return [t.split("|||", 1)[0] for t in texts]


def select_context(texts: Iterable[str]) -> list[str]:
    return list(texts)


def is_held_out(canonical: str) -> bool:
    """Stable group split: a canonical interest is held out by its hash, not by row order."""
    digest = hashlib.sha256(canonical.lower().encode()).digest()
    return digest[0] / 256 < HELD_OUT_SHARE


def candidate_models() -> dict[str, Any]:
    """The models compared at training time (no lambdas: all must be saved with skops)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer
    from sklearn.svm import LinearSVC

    def features(with_context: bool) -> FeatureUnion:
        parts = [
            ("interest_words", Pipeline([
                ("pick", FunctionTransformer(select_interest)),
                ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            ])),
            ("interest_chars", Pipeline([
                ("pick", FunctionTransformer(select_interest)),
                ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                                          sublinear_tf=True, min_df=2)),
            ])),
        ]
        if with_context:
            parts.append(("context_words", Pipeline([
                ("pick", FunctionTransformer(select_context)),
                ("tfidf", TfidfVectorizer(ngram_range=(1, 1), sublinear_tf=True, min_df=2,
                                          stop_words="english")),
            ])))
        return FeatureUnion(parts)

    def logreg() -> OneVsRestClassifier:
        return OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=2000,
                                                      class_weight="balanced"))

    return {
        "logreg_words+chars+context": Pipeline([("features", features(True)), ("clf", logreg())]),
        "logreg_words+chars": Pipeline([("features", features(False)), ("clf", logreg())]),
        "linearsvc_calibrated_words+chars+context": Pipeline([
            ("features", features(True)),
            ("clf", OneVsRestClassifier(CalibratedClassifierCV(
                LinearSVC(C=0.5, class_weight="balanced"), cv=3))),
        ]),
        "complement_nb_words+chars+context": Pipeline([
            ("features", features(True)), ("clf", OneVsRestClassifier(ComplementNB(alpha=0.3))),
        ]),
    }


def _matrix(examples: Sequence[Example]):
    import numpy as np

    return np.array([[c in e.labels for c in CATEGORIES] for e in examples], dtype=int)


def scores(model: Any, texts: list[str]):
    """Per-category probabilities, one row per text, columns in CATEGORIES order."""
    return model.predict_proba(texts)


def f1_report(model: Any, examples: Sequence[Example]) -> dict[str, Any]:
    from sklearn.metrics import f1_score, precision_score, recall_score

    truth = _matrix(examples)
    predicted = (scores(model, [to_text(e.interest, e.evidence) for e in examples]) >= THRESHOLD)
    predicted = predicted.astype(int)
    per_category = f1_score(truth, predicted, average=None, zero_division=0)
    return {
        "examples": len(examples),
        "interests": len({e.canonical for e in examples}),
        "micro_f1": round(float(f1_score(truth, predicted, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro", zero_division=0)), 4),
        "micro_precision": round(float(precision_score(truth, predicted, average="micro",
                                                       zero_division=0)), 4),
        "micro_recall": round(float(recall_score(truth, predicted, average="micro",
                                                 zero_division=0)), 4),
        "per_category_f1": {c: round(float(v), 4) for c, v in zip(CATEGORIES, per_category,
                                                                   strict=True)},
    }


def _quiet_constant_label_warning() -> None:
    """Every example is labelled `article` (an article always fits); sklearn warns about it."""
    import warnings

    warnings.filterwarnings("ignore", message="Label .* is present in all training examples")


def _grouped_cv_macro_f1(name: str, examples: Sequence[Example], folds: int = 5) -> float:
    import numpy as np
    from sklearn.base import clone
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    texts = np.array([to_text(e.interest, e.evidence) for e in examples], dtype=object)
    truth = _matrix(examples)
    groups = [e.canonical.lower() for e in examples]
    predicted = np.zeros_like(truth)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(texts, truth, groups):
        model = clone(candidate_models()[name]).fit(list(texts[train_idx]), truth[train_idx])
        predicted[test_idx] = scores(model, list(texts[test_idx])) >= THRESHOLD
    return float(f1_score(truth, predicted, average="macro", zero_division=0))


def rank_prior(examples: Sequence[Example]) -> dict[str, float]:
    """Mean position of each category in the authored "best first" label lists; used to order
    the categories a model accepts (an article fits everything, so it is rarely the best)."""
    positions: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    for example in examples:
        for position, category in enumerate(example.labels):
            positions[category].append(position)
    return {c: round(sum(p) / len(p), 4) if p else float(len(CATEGORIES))
            for c, p in positions.items()}


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(out_dir: Path | None = None, data_file: Path | None = None,
          unseen_file: Path | None = None) -> dict[str, Any]:
    """Compare the candidate models, refit the best on the training split, save model and card."""
    import sklearn
    import skops
    import skops.io as sio

    _quiet_constant_label_warning()
    data_file = data_file or data_path("interests", "labelled.csv")
    unseen_file = unseen_file or data_path("interests", "unseen_words.csv")
    out_dir = out_dir or model_path()
    examples = read_examples(data_file)
    training = [e for e in examples if not is_held_out(e.canonical)]
    held_out = [e for e in examples if is_held_out(e.canonical)]
    comparison = {name: round(_grouped_cv_macro_f1(name, training), 4)
                  for name in candidate_models()}
    best = max(comparison, key=lambda name: comparison[name])
    model = candidate_models()[best].fit([to_text(e.interest, e.evidence) for e in training],
                                         _matrix(training))
    metrics = {"held_out": f1_report(model, held_out)}
    if unseen_file.exists():
        metrics["unseen_words"] = f1_report(model, read_examples(unseen_file))
    out_dir.mkdir(parents=True, exist_ok=True)
    sio.dump(model, out_dir / MODEL_FILE)
    portable_note = _write_portable(model, training, out_dir / PORTABLE_FILE)
    card = {
        "model": MODEL_FILE,
        "task": "multi-label: interest (+ evidence sentence) -> information-gift categories",
        "categories": list(CATEGORIES),
        "threshold": THRESHOLD,
        "chosen": best,
        "rank_prior": rank_prior(training),
        "comparison_grouped_cv_macro_f1_on_training_split": comparison,
        "metrics": metrics,
        "training": {"examples": len(training), "interests": len({e.canonical for e in training})},
        "data": {p.name: file_sha256(p) for p in (data_file, unseen_file) if p.exists()},
        "split": f"held-out = canonical interests whose sha256 first byte < {HELD_OUT_SHARE}*256",
        "portable": portable_note,
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "skops": skops.__version__},
        "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "limits": "Scores are only as good as the authored training data (see data/interests/"
                  "README.md); interests far from it fall back to article and book.",
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def _write_portable(model: Any, examples: Sequence[Example], path: Path) -> str:
    """Export the fitted model as plain data when it can be, checked against the model itself."""
    from followup_nlp.gifts import portable

    try:
        data = portable.export(model)
    except ValueError as exc:
        path.unlink(missing_ok=True)  # a stale export of an older model must not be used
        return f"not exported ({exc}); runs load {MODEL_FILE}"
    texts = [to_text(e.interest, e.evidence) for e in examples]
    worst = float(abs(portable.PortableModel.from_dict(data).predict_proba(texts)
                      - scores(model, texts)).max())
    if worst > 1e-9:
        raise RuntimeError(f"portable gift model differs from the fitted one by {worst}")
    portable.write(path, data)
    return f"{PORTABLE_FILE}: same probabilities as {MODEL_FILE} on the training texts " \
           f"(max difference {worst:.1e})"


def evaluate_saved(model: Any = None) -> dict[str, Any]:
    """Scores of the saved model on the held-out interests and on the unseen-word split."""
    model = model or load()
    examples = read_examples(data_path("interests", "labelled.csv"))
    result = {"held_out": f1_report(model, [e for e in examples if is_held_out(e.canonical)])}
    unseen = data_path("interests", "unseen_words.csv")
    if unseen.exists():
        result["unseen_words"] = f1_report(model, read_examples(unseen))
    return result


@lru_cache(maxsize=2)
def load(path: Path | None = None) -> Any:
    """The saved model: by default its portable export when there is one, else the skops
    pipeline (refusing any type outside TRUSTED_TYPES). Both have `predict_proba(texts)`."""
    from followup_nlp.trusted_load import load_trusted

    if path is None and model_path(PORTABLE_FILE).exists():
        path = model_path(PORTABLE_FILE)
    path = path or model_path(MODEL_FILE)
    if not path.exists():
        raise ModelFileError(f"gift model not found at {path.name}; run `followup train`")
    if path.name.endswith((".json", ".json.gz")):
        from followup_nlp.gifts import portable

        try:
            return portable.read(path)
        except (OSError, ValueError) as exc:
            raise ModelFileError(f"{path.name} is not a readable gift model ({exc}); "
                                 f"run `followup train`") from exc
    return load_trusted(path, TRUSTED_TYPES, "followup train")


@lru_cache(maxsize=2)
def load_rank_prior(path: Path | None = None) -> dict[str, float]:
    path = path or model_path(CARD_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))["rank_prior"]
    except (OSError, ValueError, KeyError):
        return {c: float(i) for i, c in enumerate(CATEGORIES)}


def predict(pairs: Sequence[tuple[str, str]], model: Any = None) -> list[list[CategoryScore]]:
    """Ranked categories for each (interest, evidence) pair, best first: the categories the
    model accepts (score >= THRESHOLD) in their learned order of fit, then the rest by score."""
    if not pairs:
        return []
    model = model or load()
    prior = load_rank_prior()
    rows = scores(model, [to_text(i, e) for i, e in pairs])
    ranked = []
    for row in rows:
        ordered = sorted(zip(CATEGORIES, row, strict=True),
                         key=lambda cs: (cs[1] < THRESHOLD, prior.get(cs[0], 9.0)
                                         if cs[1] >= THRESHOLD else -cs[1]))
        ranked.append([CategoryScore(c, float(s)) for c, s in ordered])
    return ranked
