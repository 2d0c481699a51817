"""The gift-category pipeline as plain data, scored with NumPy alone (no scikit-learn, no skops).

`export(pipeline)` turns the fitted scikit-learn Pipeline (see classifier.candidate_models():
FeatureUnion of TfidfVectorizer blocks -> OneVsRestClassifier over ComplementNB or
LogisticRegression) into JSON-able data; `PortableModel.from_dict(data).predict_proba(texts)`
reproduces `pipeline.predict_proba(texts)` (to rounding error) by re-implementing exactly what the
installed scikit-learn does:

* TfidfVectorizer.build_analyzer(): lowercase (str.lower), optional accent stripping, then
  `word` (token_pattern.findall, stop-word removal, n-grams joined by one space), `char_wb`
  (whitespace collapsed, each word padded with one space, short words counted once) or `char`;
* counts of in-vocabulary terms -> 1 + log(tf) when sublinear_tf -> times idf_ -> row norm;
* FeatureUnion: blocks side by side in transformer_list order, times transformer_weights;
* OneVsRestClassifier.predict_proba: each estimator's positive-class probability (or the constant
  of a _ConstantPredictor), rows normalised when not multilabel;
* ComplementNB.predict_proba: exp(jll - logsumexp(jll)) with jll = X @ feature_log_prob_.T (its
  `norm` option is already folded into feature_log_prob_ at fit time; class_log_prior_ only counts
  when there is a single class); LogisticRegression (binary): expit(X @ coef_.T + intercept_).

Anything else (CalibratedClassifierCV, LinearSVC, custom analyzers, ...) makes `export` raise
ValueError, so the caller can keep the skops file. Reading a file is safe: JSON only (no pickle, no
eval), every field type-checked, NaN/inf and unknown or missing keys refused with ValueError.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from followup_nlp.trusted_load import finite_number

FORMAT = "followup_nlp.gifts.portable"
VERSION = 1
SEPARATOR = "|||"  # classifier.to_text puts it between the interest and its evidence
SELECTORS = ("interest", "all")  # text before SEPARATOR / the whole text
ANALYZERS = ("word", "char", "char_wb")
NORMS = ("l1", "l2", None)
ACCENTS = ("ascii", "unicode", None)
MAX_FILE_BYTES = 512 * 1024 * 1024  # decompressed size a file may reach
CHUNK = 512  # texts scored at once (bounds memory on large batches)

# Exact types (no subclasses: a subclass may change behaviour) export knows how to reproduce.
_PIPELINE = "sklearn.pipeline.Pipeline"
_UNION = "sklearn.pipeline.FeatureUnion"
_TFIDF = "sklearn.feature_extraction.text.TfidfVectorizer"
_FUNCTION = "sklearn.preprocessing._function_transformer.FunctionTransformer"
_OVR = "sklearn.multiclass.OneVsRestClassifier"
_CONSTANT = "sklearn.multiclass._ConstantPredictor"
_NB = "sklearn.naive_bayes.ComplementNB"
_LOGREG = "sklearn.linear_model._logistic.LogisticRegression"
_SELECTOR_FUNCS = {
    "followup_nlp.gifts.classifier.select_interest": "interest",
    "followup_nlp.gifts.classifier.select_context": "all",
}
_WHITE_SPACES = re.compile(r"\s\s+")  # sklearn's _VectorizerMixin._white_spaces


# ----------------------------------------------------------------------------------- export


def _type_name(obj: Any) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def _unsupported(obj: Any, where: str) -> ValueError:
    return ValueError(f"cannot export {where}: unsupported {type(obj).__name__} "
                      f"({_type_name(obj)}); keep the skops model")


def _floats(array: Any, where: str) -> list[float]:
    values = np.asarray(array)
    if values.dtype != np.float64:
        raise ValueError(f"cannot export {where}: dtype {values.dtype}, expected float64")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"cannot export {where}: not all values are finite")
    return values.tolist()


def _labels(values: Any, where: str) -> list[int | str]:
    out = []
    for value in np.asarray(values).tolist():
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(f"cannot export {where}: class label {value!r} is not an int or str")
        out.append(value)
    return out


def _selector(step: Any, where: str) -> str:
    if step.func is None:
        return "all"
    name = f"{getattr(step.func, '__module__', '')}.{getattr(step.func, '__qualname__', '')}"
    if name not in _SELECTOR_FUNCS:
        raise ValueError(f"cannot export {where}: FunctionTransformer(func={name}) is not a known "
                         "text selector; keep the skops model")
    if step.validate or step.kw_args:
        raise ValueError(f"cannot export {where}: FunctionTransformer with validate/kw_args")
    return _SELECTOR_FUNCS[name]


def _compose(selectors: Sequence[str]) -> str:
    # "all" is the identity; "interest" applied twice is still "interest" (no separator left).
    return "interest" if "interest" in selectors else "all"


def _steps(pipeline: Any) -> list[tuple[str, Any]]:
    """A Pipeline's steps without the identity ones (None / "passthrough"), as sklearn runs it."""
    return [(name, step) for name, step in pipeline.steps
            if step is not None and not (isinstance(step, str) and step == "passthrough")]


def _export_vectorizer(vec: Any, selector: str, weight: float | None, where: str) -> dict[str, Any]:
    if vec.analyzer not in ANALYZERS:
        raise ValueError(f"cannot export {where}: analyzer={vec.analyzer!r} is not one of {ANALYZERS}")
    if vec.preprocessor is not None or vec.tokenizer is not None:
        raise ValueError(f"cannot export {where}: custom preprocessor/tokenizer")
    if vec.input != "content":
        raise ValueError(f"cannot export {where}: input={vec.input!r} (only 'content')")
    if vec.strip_accents not in ACCENTS:
        raise ValueError(f"cannot export {where}: strip_accents={vec.strip_accents!r}")
    if np.dtype(vec.dtype) != np.float64:
        raise ValueError(f"cannot export {where}: dtype {vec.dtype} (only float64 is reproduced)")
    tfidf = getattr(vec, "_tfidf", None)
    vocabulary = getattr(vec, "vocabulary_", None)
    if tfidf is None or vocabulary is None:
        raise ValueError(f"cannot export {where}: the TfidfVectorizer is not fitted")
    low, high = vec.ngram_range
    if vec.analyzer == "word":
        pattern = re.compile(vec.token_pattern)
        if pattern.groups > 1:
            raise ValueError(f"cannot export {where}: token_pattern has more than 1 group")
    stop = vec.get_stop_words() if vec.analyzer == "word" else None
    terms: list[str | None] = [None] * len(vocabulary)
    for term, column in vocabulary.items():
        if not isinstance(term, str) or not 0 <= int(column) < len(terms) or terms[int(column)] is not None:
            raise ValueError(f"cannot export {where}: vocabulary_ is not a term -> column map")
        terms[int(column)] = term
    idf = getattr(tfidf, "idf_", None)  # TfidfTransformer.transform multiplies iff it has idf_
    if tfidf.norm not in NORMS:
        raise ValueError(f"cannot export {where}: norm={tfidf.norm!r}")
    return {
        "name": where,
        "selector": selector,
        "analyzer": vec.analyzer,
        "ngram_range": [int(low), int(high)],
        "lowercase": bool(vec.lowercase),
        "strip_accents": vec.strip_accents,
        "token_pattern": vec.token_pattern if vec.analyzer == "word" else None,
        "stop_words": sorted(stop) if stop is not None else None,
        "binary": bool(vec.binary),
        "terms": terms,
        "idf": _floats(idf, f"{where} idf_") if idf is not None else None,
        "sublinear_tf": bool(tfidf.sublinear_tf),
        "norm": tfidf.norm,
        "weight": float(weight) if weight is not None else None,
    }


def _export_block(name: str, transformer: Any, selectors: list[str], weight: float | None
                  ) -> dict[str, Any]:
    kind = _type_name(transformer)
    if kind == _TFIDF:
        return _export_vectorizer(transformer, _compose(selectors), weight, name)
    if kind != _PIPELINE:
        raise _unsupported(transformer, f"feature block {name!r}")
    steps = _steps(transformer)
    picks = list(selectors)
    for step_name, step in steps[:-1]:
        if _type_name(step) != _FUNCTION:
            raise _unsupported(step, f"step {name}/{step_name}")
        picks.append(_selector(step, f"step {name}/{step_name}"))
    if not steps or _type_name(steps[-1][1]) != _TFIDF:
        raise ValueError(f"cannot export feature block {name!r}: it must end with a TfidfVectorizer")
    return _export_vectorizer(steps[-1][1], _compose(picks), weight, name)


def _export_estimator(est: Any, n_features: int, where: str) -> dict[str, Any]:
    kind = _type_name(est)
    if kind == _CONSTANT:
        y = np.asarray(est.y_).astype(np.float64).ravel()
        if y.shape != (1,) or not np.isfinite(y[0]):
            raise ValueError(f"cannot export {where}: _ConstantPredictor.y_ is not one number")
        return {"kind": "constant", "value": float(y[0])}
    if kind not in (_NB, _LOGREG):
        raise _unsupported(est, where)
    classes = _labels(est.classes_, f"{where} classes_")
    if len(classes) != 2:
        raise ValueError(f"cannot export {where}: {len(classes)} classes (only binary estimators)")
    if kind == _NB:
        flp = np.asarray(est.feature_log_prob_)
        if flp.shape != (2, n_features):
            raise ValueError(f"cannot export {where}: feature_log_prob_ shape {flp.shape}, "
                             f"expected (2, {n_features})")
        return {"kind": "complement_nb", "classes": classes,
                "feature_log_prob": [_floats(row, f"{where} feature_log_prob_") for row in flp],
                "class_log_prior": _floats(est.class_log_prior_, f"{where} class_log_prior_")}
    coef = np.asarray(est.coef_)
    intercept = np.asarray(est.intercept_).ravel()
    if coef.shape != (1, n_features) or intercept.shape != (1,):
        raise ValueError(f"cannot export {where}: coef_ shape {coef.shape}, intercept_ shape "
                         f"{intercept.shape}, expected (1, {n_features}) and (1,)")
    return {"kind": "logistic", "classes": classes, "coef": _floats(coef[0], f"{where} coef_"),
            "intercept": _floats(intercept, f"{where} intercept_")[0]}


def export(pipeline: Any) -> dict[str, Any]:
    """Everything inference needs, as JSON-able data. ValueError for anything not reproducible."""
    if _type_name(pipeline) != _PIPELINE:
        raise _unsupported(pipeline, "the model")
    steps = _steps(pipeline)
    if len(steps) < 2:
        raise ValueError("cannot export the model: expected feature steps then a classifier")
    *feature_steps, (clf_name, clf) = steps
    selectors: list[str] = []
    blocks: list[dict[str, Any]] = []
    for position, (name, step) in enumerate(feature_steps):
        kind = _type_name(step)
        last = position == len(feature_steps) - 1
        if kind == _FUNCTION and not last:
            selectors.append(_selector(step, f"step {name}"))
        elif kind == _UNION and last:
            weights = step.transformer_weights or {}
            for part_name, part in step.transformer_list:
                if isinstance(part, str) and part == "drop":
                    continue
                if isinstance(part, str):
                    raise ValueError(f"cannot export feature block {part_name!r}: {part!r}")
                blocks.append(_export_block(part_name, part, selectors, weights.get(part_name)))
        elif kind in (_TFIDF, _PIPELINE) and last:
            blocks.append(_export_block(name, step, selectors, None))
        else:
            raise _unsupported(step, f"step {name}")
    if not blocks:
        raise ValueError("cannot export the model: no TF-IDF feature block")
    if _type_name(clf) != _OVR:
        raise _unsupported(clf, f"step {clf_name}")
    n_features = sum(len(b["terms"]) for b in blocks)
    estimators = [_export_estimator(e, n_features, f"{clf_name} estimator {i}")
                  for i, e in enumerate(clf.estimators_)]
    sklearn = sys.modules.get("sklearn")
    data = {
        "format": FORMAT,
        "version": VERSION,
        "sklearn_version": str(getattr(sklearn, "__version__", "unknown")),
        "blocks": blocks,
        "multilabel": bool(clf.multilabel_),
        "classes": _labels(clf.classes_, f"{clf_name} classes_"),
        "estimators": estimators,
    }
    PortableModel.from_dict(data)  # never hand out data the loader would refuse
    return data


# ------------------------------------------------------------------------------- validation


def _fail(where: str, message: str) -> ValueError:
    return ValueError(f"portable gift model: {where}: {message}")


def _fields(obj: Any, where: str, required: set[str]) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise _fail(where, f"expected an object, got {type(obj).__name__}")
    missing, unknown = required - obj.keys(), obj.keys() - required
    if missing:
        raise _fail(where, f"missing keys {sorted(missing)}")
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    return obj


def _check_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, f"expected true/false, got {value!r:.60}")
    return value


def _check_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, f"expected an integer, got {value!r:.60}")
    return value


def _check_str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"expected a string, got {value!r:.60}")
    return value


def _check_float(value: Any, where: str) -> float:
    try:
        return finite_number(value)
    except ValueError as exc:
        raise _fail(where, str(exc)) from None


def _check_list(value: Any, where: str, length: int | None = None) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, f"expected a list, got {type(value).__name__}")
    if length is not None and len(value) != length:
        raise _fail(where, f"expected {length} items, got {len(value)}")
    return value


def _float_array(value: Any, where: str, length: int) -> np.ndarray:
    items = _check_list(value, where, length)
    for i, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, int | float):
            raise _fail(f"{where}[{i}]", f"expected a number, got {item!r:.60}")
    array = np.array(items, dtype=np.float64)
    if not np.all(np.isfinite(array)):
        raise _fail(where, f"item {int(np.argmin(np.isfinite(array)))} is not a finite number")
    return array


def _choice(value: Any, where: str, allowed: Sequence[Any]) -> Any:
    if value not in allowed or isinstance(value, bool):
        raise _fail(where, f"expected one of {list(allowed)}, got {value!r:.60}")
    return value


def _class_labels(value: Any, where: str) -> list[int | str]:
    items = _check_list(value, where)
    for i, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, int | str):
            raise _fail(f"{where}[{i}]", f"expected an int or string label, got {item!r:.60}")
    if len(set(items)) != len(items):
        raise _fail(where, "repeated class labels")
    return items


# -------------------------------------------------------------------------------- inference


def _strip_accents_ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ASCII", "ignore").decode("ASCII")


def _strip_accents_unicode(s: str) -> str:
    try:
        s.encode("ASCII", errors="strict")
        return s
    except UnicodeEncodeError:
        normalized = unicodedata.normalize("NFKD", s)
        return "".join([c for c in normalized if not unicodedata.combining(c)])


def _word_ngrams(tokens: list[str], stop_words: frozenset[str] | None, low: int, high: int
                 ) -> list[str]:
    if stop_words is not None:
        tokens = [w for w in tokens if w not in stop_words]
    if high != 1:
        original = tokens
        if low == 1:
            tokens = list(original)
            low += 1
        else:
            tokens = []
        count = len(original)
        for n in range(low, min(high + 1, count + 1)):
            for i in range(count - n + 1):
                tokens.append(" ".join(original[i:i + n]))
    return tokens


def _char_ngrams(text: str, low: int, high: int) -> list[str]:
    text = _WHITE_SPACES.sub(" ", text)
    length = len(text)
    if low == 1:
        ngrams = list(text)
        low += 1
    else:
        ngrams = []
    for n in range(low, min(high + 1, length + 1)):
        for i in range(length - n + 1):
            ngrams.append(text[i:i + n])
    return ngrams


def _char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    text = _WHITE_SPACES.sub(" ", text)
    ngrams = []
    for w in text.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(low, high + 1):
            offset = 0
            ngrams.append(w[offset:offset + n])
            while offset + n < w_len:
                offset += 1
                ngrams.append(w[offset:offset + n])
            if offset == 0:  # count a short word (w_len < n) only once
                break
    return ngrams


@dataclass(frozen=True)
class _Block:
    selector: str
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray | None
    binary: bool
    sublinear_tf: bool
    norm: str | None
    weight: float | None
    offset: int


def _analyzer(analyzer: str, low: int, high: int, lowercase: bool, accents: str | None,
              pattern: re.Pattern[str] | None, stop: frozenset[str] | None) -> Callable[[str], list[str]]:
    strip = {"ascii": _strip_accents_ascii, "unicode": _strip_accents_unicode, None: None}[accents]

    def preprocess(doc: str) -> str:
        if lowercase:
            doc = doc.lower()
        if strip is not None:
            doc = strip(doc)
        return doc

    if analyzer == "word":
        assert pattern is not None
        findall = pattern.findall
        return lambda doc: _word_ngrams(findall(preprocess(doc)), stop, low, high)
    if analyzer == "char_wb":
        return lambda doc: _char_wb_ngrams(preprocess(doc), low, high)
    return lambda doc: _char_ngrams(preprocess(doc), low, high)


def _parse_block(raw: Any, where: str, offset: int) -> _Block:
    keys = {"name", "selector", "analyzer", "ngram_range", "lowercase", "strip_accents",
            "token_pattern", "stop_words", "binary", "terms", "idf", "sublinear_tf", "norm", "weight"}
    block = _fields(raw, where, keys)
    _check_str(block["name"], f"{where}.name")
    selector = _choice(block["selector"], f"{where}.selector", SELECTORS)
    analyzer = _choice(block["analyzer"], f"{where}.analyzer", ANALYZERS)
    low, high = (_check_int(v, f"{where}.ngram_range")
                 for v in _check_list(block["ngram_range"], f"{where}.ngram_range", 2))
    if not 1 <= low <= high:
        raise _fail(f"{where}.ngram_range", f"expected 1 <= min <= max, got {[low, high]}")
    lowercase = _check_bool(block["lowercase"], f"{where}.lowercase")
    accents = _choice(block["strip_accents"], f"{where}.strip_accents", ACCENTS)
    pattern = None
    if block["token_pattern"] is not None or analyzer == "word":
        source = _check_str(block["token_pattern"], f"{where}.token_pattern")
        try:
            pattern = re.compile(source)
        except re.error as error:
            raise _fail(f"{where}.token_pattern", f"not a regular expression ({error})") from None
        if pattern.groups > 1:
            raise _fail(f"{where}.token_pattern", "more than 1 capturing group")
    stop = None
    if block["stop_words"] is not None:
        words = _check_list(block["stop_words"], f"{where}.stop_words")
        stop = frozenset(_check_str(w, f"{where}.stop_words[{i}]") for i, w in enumerate(words))
    terms = _check_list(block["terms"], f"{where}.terms")
    if not terms:
        raise _fail(f"{where}.terms", "empty vocabulary")
    vocabulary = {}
    for column, term in enumerate(terms):
        vocabulary[_check_str(term, f"{where}.terms[{column}]")] = column
    if len(vocabulary) != len(terms):
        raise _fail(f"{where}.terms", "repeated terms")
    idf = None if block["idf"] is None else _float_array(block["idf"], f"{where}.idf", len(terms))
    weight = None if block["weight"] is None else _check_float(block["weight"], f"{where}.weight")
    return _Block(
        selector=selector,
        analyze=_analyzer(analyzer, low, high, lowercase, accents, pattern, stop),
        vocabulary=vocabulary,
        idf=idf,
        binary=_check_bool(block["binary"], f"{where}.binary"),
        sublinear_tf=_check_bool(block["sublinear_tf"], f"{where}.sublinear_tf"),
        norm=_choice(block["norm"], f"{where}.norm", NORMS),
        weight=weight,
        offset=offset,
    )


def _logsumexp_rows(array: np.ndarray) -> np.ndarray:
    """sklearn.utils._array_api._logsumexp(array, axis=1), step by step."""
    array_max = np.max(array, axis=1, keepdims=True)
    index_max = array == array_max
    array = array.copy()
    array[index_max] = -np.inf
    m = np.sum(index_max.astype(array.dtype), axis=1, keepdims=True, dtype=array.dtype)
    shift = np.where(np.isfinite(array_max), array_max, 0)
    with np.errstate(invalid="ignore"):
        s = np.sum(np.exp(array - shift), axis=1, keepdims=True, dtype=array.dtype)
    s = np.where(s == 0, s, s / m)
    return np.squeeze(np.log1p(s) + np.log(m) + array_max, axis=1)


def _expit(z: np.ndarray) -> np.ndarray:
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


class PortableModel:
    """Exported pipeline: TF-IDF blocks + one-vs-rest scores, NumPy only."""

    def __init__(self, blocks: list[_Block], n_features: int, multilabel: bool,
                 classes: list[int | str], estimators: list[tuple[str, Any]]) -> None:
        self.blocks = blocks
        self.n_features = n_features
        self.multilabel = multilabel
        self.classes = classes
        # One weight matrix for every linear score: column k of `_weights` feeds score k.
        columns: list[np.ndarray] = []
        self._labels: list[tuple[str, Any]] = []
        for kind, params in estimators:
            if kind == "constant":
                self._labels.append((kind, params))
            elif kind == "complement_nb":
                flp, _prior = params
                self._labels.append((kind, (len(columns), len(columns) + 1)))
                columns.extend(flp)
            else:
                coef, intercept = params
                self._labels.append((kind, (len(columns), intercept)))
                columns.append(coef)
        self._weights = (np.stack(columns, axis=1) if columns
                         else np.zeros((n_features, 0), dtype=np.float64))

    @classmethod
    def from_dict(cls, data: Any) -> PortableModel:
        """Validate exported data (as from JSON) and build the model; ValueError if malformed."""
        top = _fields(data, "file", {"format", "version", "sklearn_version", "blocks", "multilabel",
                                     "classes", "estimators"})
        if top["format"] != FORMAT:
            raise _fail("format", f"expected {FORMAT!r}, got {top['format']!r:.60}")
        if _check_int(top["version"], "version") != VERSION:
            raise _fail("version", f"expected {VERSION}, got {top['version']}")
        _check_str(top["sklearn_version"], "sklearn_version")
        blocks, offset = [], 0
        for i, raw in enumerate(_check_list(top["blocks"], "blocks")):
            block = _parse_block(raw, f"blocks[{i}]", offset)
            blocks.append(block)
            offset += len(block.vocabulary)
        if not blocks:
            raise _fail("blocks", "no feature block")
        n_features = offset
        multilabel = _check_bool(top["multilabel"], "multilabel")
        classes = _class_labels(top["classes"], "classes")
        raw_estimators = _check_list(top["estimators"], "estimators")
        if not raw_estimators:
            raise _fail("estimators", "no estimator")
        n_columns = 2 if len(raw_estimators) == 1 else len(raw_estimators)
        if len(classes) != n_columns:
            raise _fail("classes", f"{len(classes)} labels for {len(raw_estimators)} estimators")
        estimators: list[tuple[str, Any]] = []
        for i, raw in enumerate(raw_estimators):
            where = f"estimators[{i}]"
            if not isinstance(raw, dict) or "kind" not in raw:
                raise _fail(where, "expected an object with a 'kind'")
            kind = _choice(raw["kind"], f"{where}.kind", ("constant", "complement_nb", "logistic"))
            if kind == "constant":
                est = _fields(raw, where, {"kind", "value"})
                estimators.append((kind, _check_float(est["value"], f"{where}.value")))
                continue
            if kind == "complement_nb":
                est = _fields(raw, where, {"kind", "classes", "feature_log_prob", "class_log_prior"})
                rows = _check_list(est["feature_log_prob"], f"{where}.feature_log_prob", 2)
                flp = [_float_array(r, f"{where}.feature_log_prob[{j}]", n_features)
                       for j, r in enumerate(rows)]
                prior = _float_array(est["class_log_prior"], f"{where}.class_log_prior", 2)
                estimators.append((kind, (flp, prior)))
            else:
                est = _fields(raw, where, {"kind", "classes", "coef", "intercept"})
                coef = _float_array(est["coef"], f"{where}.coef", n_features)
                estimators.append((kind, (coef, _check_float(est["intercept"], f"{where}.intercept"))))
            if len(_class_labels(est["classes"], f"{where}.classes")) != 2:
                raise _fail(f"{where}.classes", "expected 2 classes (binary estimator)")
        return cls(blocks, n_features, multilabel, classes, estimators)

    def _features(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """TF-IDF of every block side by side, as sparse (row, column, value) triples."""
        rows_out, cols_out, vals_out = [], [], []
        n = len(texts)
        for block in self.blocks:
            rows: list[int] = []
            cols: list[int] = []
            counts: list[int] = []
            vocabulary, analyze = block.vocabulary, block.analyze
            for i, text in enumerate(texts):
                if block.selector == "interest":
                    text = text.split(SEPARATOR, 1)[0]
                counter: dict[int, int] = {}
                for feature in analyze(text):
                    column = vocabulary.get(feature)
                    if column is not None:
                        counter[column] = counter.get(column, 0) + 1
                rows.extend([i] * len(counter))
                cols.extend(counter.keys())
                counts.extend(counter.values())
            row = np.array(rows, dtype=np.intp)
            col = np.array(cols, dtype=np.intp)
            values = np.array(counts, dtype=np.float64)
            if block.binary:
                values.fill(1.0)
            if block.sublinear_tf:
                np.log(values, out=values)
                values += 1.0
            if block.idf is not None:
                values *= block.idf[col]
            if block.norm is not None:
                size = values * values if block.norm == "l2" else np.abs(values)
                norms = np.bincount(row, weights=size, minlength=n).astype(np.float64)
                if block.norm == "l2":
                    norms = np.sqrt(norms)
                norms[norms == 0.0] = 1.0
                values /= norms[row]
            if block.weight is not None:
                values *= block.weight
            rows_out.append(row)
            cols_out.append(col + block.offset)
            vals_out.append(values)
        return np.concatenate(rows_out), np.concatenate(cols_out), np.concatenate(vals_out)

    def _scores(self, texts: Sequence[str]) -> np.ndarray:
        n = len(texts)
        row, col, values = self._features(texts)
        contributions = values[:, None] * self._weights[col]
        linear = np.zeros((n, self._weights.shape[1]), dtype=np.float64)
        for k in range(linear.shape[1]):  # (bincount of nothing is an int array: assign, not stack)
            linear[:, k] = np.bincount(row, weights=contributions[:, k], minlength=n)
        out = np.empty((n, len(self._labels)), dtype=np.float64)
        for j, (kind, params) in enumerate(self._labels):
            if kind == "constant":
                out[:, j] = params
            elif kind == "complement_nb":
                jll = linear[:, list(params)]
                out[:, j] = np.exp(jll - _logsumexp_rows(jll)[:, None])[:, 1]
            else:
                k, intercept = params
                out[:, j] = _expit(linear[:, k] + intercept)
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Like pipeline.predict_proba(texts): one row per text, one column per label."""
        if isinstance(texts, str | bytes):
            raise TypeError("predict_proba expects a list of texts, not a single string")
        texts = list(texts)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"text {i} is a {type(text).__name__}, not a str")
        if texts:
            y = np.concatenate([self._scores(texts[i:i + CHUNK])
                                for i in range(0, len(texts), CHUNK)])
        else:
            y = np.zeros((0, len(self._labels)), dtype=np.float64)
        if len(self._labels) == 1:
            y = np.concatenate((1 - y, y), axis=1)
        if not self.multilabel:
            row_sums = np.sum(y, axis=1)[:, np.newaxis]
            np.divide(y, row_sums, out=y, where=row_sums != 0)
        return y


# ------------------------------------------------------------------------------------- files


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"portable gift model: {name} is not allowed (numbers must be finite)")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("portable gift model: an object repeats a key")
    return out


def write(path: Path | str, data: dict[str, Any]) -> None:
    """Write exported data as JSON, gzip-compressed when the name ends in .gz (reproducibly)."""
    PortableModel.from_dict(data)
    raw = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    path = Path(path)
    if path.name.endswith(".gz"):
        raw = gzip.compress(raw, compresslevel=9, mtime=0)
    path.write_bytes(raw)


def read(path: Path | str) -> PortableModel:
    """Load and validate a file written by `write` (plain or gzip JSON); ValueError if malformed."""
    path = Path(path)
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    try:
        if raw[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
                raw = unzipped.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ValueError(f"portable gift model: {path.name} is larger than {MAX_FILE_BYTES} bytes")
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant,
                          object_pairs_hook=_no_duplicates)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"portable gift model: {path.name} is not readable JSON ({error})") from None
    return PortableModel.from_dict(data)
