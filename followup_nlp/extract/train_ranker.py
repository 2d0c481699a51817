"""Train the interest ranker (extract/ranker.py) from the annotated notes.

Every candidate the finders propose in a note of the `train` and `dev` splits is labelled by the
gold annotation: positive when a gold interest whose evidence covers the candidate's sentence
shares a content word with it (the evaluation's own matching rule). Notes are the unit of
cross-validation (GroupKFold), so no note is scored by a model that saw it; the threshold that
gives the best out-of-fold interest F1 (after the one-per-person-and-sentence selection) is
stored in the model card. Each note is read twice, with and without the interest lexicon, so the
ranker also learns to find interests no list knows from grammar and context alone (both readings
of a note stay in the same fold). `test` and `unseen` are never read here.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from followup_nlp.evaluate import load_split, same_interest
from followup_nlp.extract.interests import HeldCandidate, select
from followup_nlp.extract.ranker import CARD_FILE, MODEL_FILE, Ranker, note_features, weights_of
from followup_nlp.resources import model_path

TRAINING_SPLITS = ("train", "dev")
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)  # regularisation strengths compared by cross-validation


@dataclass
class NoteCandidates:
    name: str
    variant: str  # "lexicon" or "no-lexicon": which pipeline read the note
    held: list[HeldCandidate]
    labels: list[int]
    gold: list[dict[str, Any]]


def _is_positive(item: HeldCandidate, gold: list[dict[str, Any]], text: str, offset: int) -> bool:
    span = item.candidate.span
    sent_start = span.sent.start_char + offset
    sent_end = span.sent.end_char + offset
    predicted = {"text": span.text, "canonical": item.candidate.canonical}
    for interest in gold:
        start = text.find(interest["evidence"])
        while start != -1:
            end = start + len(interest["evidence"])
            if start < sent_end and sent_start < end and same_interest(predicted, interest):
                return True
            start = text.find(interest["evidence"], start + 1)
    return False


def labelled_notes(splits: tuple[str, ...] = TRAINING_SPLITS,
                   spacy_model: str | None = None) -> list[NoteCandidates]:
    from followup_nlp import pipeline
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    out = []
    for variant, lexicon in (("lexicon", True), ("no-lexicon", False)):
        nlp = pipeline.load(spacy_model, interest_lexicon=lexicon)
        for split in splits:
            items = load_split(split)
            notes = [parse_note(text, name) for name, text, _ in items]
            docs = nlp.pipe(n.text for n in notes)
            for (name, text, gold), note, doc in zip(items, notes, docs, strict=True):
                held = candidate_interests(doc, note)
                labels = [int(_is_positive(h, gold["interests"], text, note.offset))
                          for h in held]
                out.append(NoteCandidates(f"{split}/{name}", variant, held, labels,
                                          gold["interests"]))
    return out


def new_pipeline(C: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", DictVectorizer()),
                     ("model", LogisticRegression(C=C, max_iter=5000))])


def _selection_f1(notes: list[NoteCandidates], chances: list[list[float]],
                  threshold: float, second: float = 1.01,
                  floor: float | None = None) -> dict[str, float]:
    from followup_nlp.evaluate import _match

    tp = fp = fn = 0
    for note, note_chances in zip(notes, chances, strict=True):
        chosen = select(note.held, note_chances, threshold, second, floor)
        predicted = [{"text": item.candidate.span.text, "canonical": item.candidate.canonical}
                     for _, item in chosen]
        pairs = _match(predicted, note.gold, same_interest)
        tp += len(pairs)
        fp += len(predicted) - len(pairs)
        fn += len(note.gold) - len(pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def out_of_fold(notes: list[NoteCandidates], C: float) -> list[list[float]]:
    """Each note's candidate probabilities from a model trained on the other folds."""
    from sklearn.model_selection import GroupKFold

    rows = [row for n in notes for row in note_features(n.held)]
    labels = [y for n in notes for y in n.labels]
    groups = [n.name for n in notes for _ in n.held]
    flat = [0.0] * len(rows)
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(rows, labels, groups):
        model = new_pipeline(C).fit([rows[i] for i in train_idx], [labels[i] for i in train_idx])
        for i, p in zip(test_idx, model.predict_proba([rows[i] for i in test_idx])[:, 1],
                        strict=True):
            flat[i] = float(p)
    out, at = [], 0
    for note in notes:
        out.append(flat[at : at + len(note.held)])
        at += len(note.held)
    return out


def _check_same_probabilities(pipeline: Any, saved: Ranker, rows: list[dict[str, float]]) -> None:
    """The weight table must score every training row as the fitted model does."""
    fitted = pipeline.predict_proba(rows)[:, 1]
    worst = max((abs(a - b) for a, b in zip(fitted, saved.probabilities(rows), strict=True)),
                default=0.0)
    if worst > 1e-9:
        raise RuntimeError(f"saved ranker weights differ from the fitted model by {worst}")


def train(out_dir: Path | None = None, spacy_model: str | None = None) -> dict[str, Any]:
    """Fit the ranker on every candidate of the training splits; save model and model card."""
    import sklearn

    notes = labelled_notes(spacy_model=spacy_model)
    settings = [(round(0.05 * k, 2), second, round(0.05 * k * share, 3))
                for k in range(2, 19) for second in (0.6, 0.8, 1.01) if second > 0.05 * k
                for share in (1.0, 0.75, 0.5)]
    parts = {variant: [i for i, n in enumerate(notes) if n.variant == variant]
             for variant in ("lexicon", "no-lexicon")}

    def sweep_for(C: float) -> dict[str, dict]:
        chances = out_of_fold(notes, C)
        return {variant: {s: _selection_f1([notes[i] for i in part],
                                           [chances[i] for i in part], *s) for s in settings}
                for variant, part in parts.items()}

    def f1_sum(sweep: dict[str, dict], s: tuple[float, float, float]) -> float:
        # The same weight for notes whose interests a list knows and for those it does not.
        return sweep["lexicon"][s]["f1"] + sweep["no-lexicon"][s]["f1"]

    def score(sweep: dict[str, dict], s: tuple[float, float, float]) -> tuple[float, ...]:
        # F1 over thresholds is flat and ragged at the top; averaging each setting with its
        # neighbours (threshold +-0.05, same second and floor share) picks a point that holds
        # up on notes the folds did not see, rather than a lucky spike.
        share = s[2] / s[0]
        near = [n for d in (-0.05, 0.0, 0.05)
                if (n := (round(s[0] + d, 2), s[1], round((s[0] + d) * share, 3))) in sweep["lexicon"]]
        return (sum(f1_sum(sweep, n) for n in near) / len(near), f1_sum(sweep, s), s[1], s[2])

    sweeps = {C: sweep_for(C) for C in C_GRID}
    C, chosen = max(((C, max(settings, key=lambda s, w=sweep: score(w, s)))
                     for C, sweep in sweeps.items()),
                    key=lambda pair: score(sweeps[pair[0]], pair[1]))
    sweep = sweeps[C]
    threshold, second, floor = chosen
    rows = [row for n in notes for row in note_features(n.held)]
    labels = [y for n in notes for y in n.labels]
    model = new_pipeline(C).fit(rows, labels)
    out_dir = out_dir or model_path()
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = weights_of(model)
    _check_same_probabilities(model, Ranker(saved["intercept"], saved["weights"], 0.5, 1.0, 0.5),
                              rows)
    (out_dir / MODEL_FILE).write_text(json.dumps(saved, indent=1, sort_keys=True) + "\n",
                                      encoding="utf-8")
    weights = saved["weights"]
    strongest = sorted(weights, key=lambda k: -abs(weights[k]))[:25]
    card = {
        "model": MODEL_FILE,
        "task": "binary: is this candidate phrase a personal interest of someone the writer met",
        "estimator": f"DictVectorizer + LogisticRegression(C={C})",
        "threshold": threshold,
        "second": second,
        "floor": floor,
        "training": {"splits": list(TRAINING_SPLITS), "notes": len(notes) // 2,
                     "readings": "each note with and without the interest lexicon",
                     "candidates": len(rows), "positives": sum(labels)},
        "cross_validation": {"folds": FOLDS, "grouped_by": "note",
                             "C_compared": {str(c): {v: max(w[v].values(), key=lambda r: r["f1"])
                                                     for v in w} for c, w in sweeps.items()},
                             "interest_f1_by_threshold_second_floor": {
                                 v: {f"{t}/{s2}/{fl}": f for (t, s2, fl), f in by.items()}
                                 for v, by in sweep.items()},
                             "chosen": {v: by[chosen] for v, by in sweep.items()}},
        "strongest_features": {k: round(float(weights[k]), 3) for k in strongest},
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__},
        "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "limits": f"Learned from {len(notes) // 2} notes written for this project "
                  "(data/notes/README.md); features describe grammar and context, word "
                  "rarity (within the sentence and in four frequency bands, not the words), and "
                  "the base spaCy model's context "
                  "vector of the phrase (so the weights belong to that model: retrain after "
                  "changing it), not the words themselves, so that it carries over to "
                  "interests no list knows. Never trained or tuned on the test or unseen "
                  "splits.",
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card
