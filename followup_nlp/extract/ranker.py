"""Which candidate phrases are personal interests: a small trained ranker.

The finders in `interests.py` propose candidates (lexicon terms, objects of cue phrases, places,
and every noun or verb phrase of a personal sentence). Each candidate is described by features of
its grammar and context, not by its words, so what is learned carries over to interests no list
knows: the source that proposed it, the cue kind, part of speech and dependency of its head, the
verb and preposition governing it, whether it is possessed by a third person or a relative, and
whether its sentence is about work, and where it stands among the other candidates of its
sentence (`note_features`): first or last, inside another, and whether it holds the rarest words
of them in English (wordfreq). Within one sentence the interest is often the rare word
("theremin", "axolotls") and the objects around it common ones ("a tackle box"). Rarity is
also given in four bands on its own (`_rarity_band`): a weak feature, as common hobbies
("running", "travel") are interests too, but out-of-fold it raised interest F1 from 0.698 to
0.703 with the lexicon and from 0.621 to 0.640 without it (same folds, C=0.1, threshold 0.45):
without a word list, "crested geckos" and "yodels" stand out from "the office" by rarity alone.
Last, the base model's context vector of the phrase (`context_vector`, the mean of spaCy's own
token vectors): a soft description of how the phrase reads where it stands. Out-of-fold (same
folds, C=0.1, threshold 0.5) it raised interest F1 from 0.700 to 0.707 with the lexicon and from
0.591 to 0.627 without it, and recall on gold interests whose words no training fold contained
rose as well (304 to 327 of 597, without the lexicon), so it is not just remembering the
corpus's hobbies.
A logistic regression trained on the annotated notes (`followup train --interest-ranker`, splits
`train` and `dev`) gives each candidate a probability; the threshold and the regularisation were
chosen by cross-validation over notes.

A logistic regression over named features is a table of weights, so that is what is saved: JSON
(`interest_ranker_weights.json`, feature -> weight, plus the intercept), read without scikit-learn
and without executing anything. Training checks that the table reproduces the fitted model's
probabilities; scoring a note is a few dozen additions, not a call into scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_nlp.errors import ModelFileError
from followup_nlp.extract.components import span_group, span_text, token_words
from followup_nlp.extract.interests import RELATIVES, SCENE_HEADS, WORK_CUE_LEMMAS
from followup_nlp.extract.lexicons import work_nouns
from followup_nlp.resources import model_path
from followup_nlp.trusted_load import finite_number

if TYPE_CHECKING:
    from followup_nlp.extract.interests import HeldCandidate

MODEL_FILE = "interest_ranker_weights.json"
CARD_FILE = "interest_ranker.json"
RETRAIN = "followup train --interest-ranker"
HOBBY_HEADS = {"team", "club", "league", "band", "trip", "game", "match", "tournament", "class",
               "lesson", "group", "collection", "festival", "show", "concert", "gear", "practice",
               "camp", "race", "recipe", "garden", "course", "society", "guild", "choir", "hobby",
               "ticket", "season", "meet", "competition", "comp", "marathon", "ride", "trek"}
GENERIC_HEADS = {"thing", "stuff", "lot", "time", "way", "bit", "work", "job", "role", "company",
                 "people", "question", "answer", "interview", "experience", "background", "day",
                 "week", "year", "month", "minute", "min", "hour", "office", "desk", "wall",
                 "shelf", "window", "photo", "picture", "idea", "kind", "part", "side", "story"}
VECTOR_WIDTH = 96  # en_core_web_sm's tok2vec width; another width gives no vector features
THIRD_PERSON = {"he", "she", "his", "her", "him", "they", "their", "hers", "hes", "shes"}
FIRST_PERSON = {"i", "me", "my", "we", "our", "us", "i'm", "im"}
GIVEN_UP = re.compile(r"\b(?:used to|anymore|any more|no longer|gave up|given up|quit|stopped)\b",
                      re.I)
# The interest finder's work cues, and more words of the job the ranker weighs for itself
WORK_LEMMAS = WORK_CUE_LEMMAS | {"process", "system", "position", "candidate", "interview",
                                 "salary", "benefit", "schedule", "shift", "onboarding",
                                 "customer", "patient", "vendor", "policy"}


def _governor(token) -> tuple[str, str]:
    """(lemma of the nearest verb above the token, preposition on the way, if any)."""
    prep = ""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            break
        if head.pos_ == "ADP" and not prep:
            prep = head.lower_
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower(), prep
        current = head
    return "", prep


def _taken_up_later(span) -> bool:
    """Someone does something with it later in the sentence: "a photo of a sailboat behind
    him - he races it every summer", "a guitar on the wall; she plays it nightly"."""
    for token in span.doc[span.end : span.sent.end]:
        if token.lower_ in {"it", "them"} and token.dep_ in {"dobj", "pobj"}:
            verb = token.head.head if token.dep_ == "pobj" else token.head
            if _has_personal_subject(verb):
                return True
    return False


def _has_personal_subject(verb) -> bool:
    """A third-person or named subject: "she| restores ...", "Tomás| races it"."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in THIRD_PERSON or c.pos_ == "PROPN")
               for c in verb.children)


def _personal_governor(token) -> bool:
    """The nearest verb above has a third-person or named subject ("she restores ...")."""
    current = token
    for _ in range(4):
        if current.pos_ in {"VERB", "AUX"} and current.i != token.i:
            return _has_personal_subject(current)
        if current.head.i == current.i:
            return False
        current = current.head
    return False


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")  # tokenises the word on every call: cached here


def rarity(span) -> float:
    """Zipf frequency of the rarest content word of a span (all its words if none is)."""
    words = [t for t in span if not (t.is_stop or t.is_punct)] or list(span)
    return min(_zipf(t.lower_) for t in words)


def _rarity_band(zipf: float) -> str:
    """Zipf bands of a phrase's rarest word: about once per 3 million words or rarer, per
    300,000, per 30,000, and commoner."""
    return next((f"<{edge}" for edge in (2.5, 3.5, 4.5) if zipf < edge), ">=4.5")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def sentence_features(sent) -> tuple[dict[str, float], list]:
    """What a sentence says about everyone in it (computed once per sentence, shared by its
    candidates), and the interest-lexicon spans that start in it."""
    doc = sent.doc
    tokens = list(sent)
    all_lowers, all_lemmas = token_words(doc)
    lemmas, lowers = all_lemmas[sent.start : sent.end], all_lowers[sent.start : sent.end]
    text = span_text(sent)
    nouns = work_nouns()
    cue_kinds = {cue.id_.split(":")[0] for cue in span_group(doc, "CUE")
                 if sent.start <= cue.start < sent.end and not cue.id_.endswith(":weak")}
    interests_in_sent = [s for s in span_group(doc, "INTEREST")
                         if sent.start <= s.start < sent.end]
    flags = {
        "sent_about_work": not WORK_LEMMAS.isdisjoint(lemmas),
        "sent_work_nouns": sum(lemma in nouns for lemma in lemmas) > 1,
        "sent_has_third_person": not THIRD_PERSON.isdisjoint(lowers),
        "sent_first_person_subject": any(lower in FIRST_PERSON and t.dep_ == "nsubj"
                                         for t, lower in zip(tokens, lowers, strict=True)),
        "sent_has_relative": not RELATIVES.isdisjoint(lemmas),
        "sent_has_question": "?" in text or not {"ask", "question"}.isdisjoint(lemmas),
        # "used to race bikes, not anymore": a given-up pastime is not an interest to write about
        "sent_given_up": GIVEN_UP.search(text) is not None,
        "someones_space_in_sent": any(lemma in SCENE_HEADS and any(
            c.dep_ == "poss" for c in t.children) for t, lemma in zip(tokens, lemmas, strict=True)),
    }
    f = {f"sent_len={_bucket(len(sent), (6, 12, 20, 35))}": 1.0}
    f.update({name: 1.0 for name, on in flags.items() if on})
    f.update({f"sent_cue={kind}": 1.0 for kind in cue_kinds})
    return f, interests_in_sent


def features(item: HeldCandidate, sentence: tuple[dict[str, float], list] | None = None,
             vector: bool = True) -> dict[str, float]:
    """Grammar and context of one candidate; no feature names the candidate's own words.
    `sentence` is `sentence_features` of its sentence, when the caller has it already;
    `vector=False` leaves out the context vector (scoring adds it with NumPy instead)."""
    c = item.candidate
    span, root = c.span, c.span.root
    doc, sent_start = span.doc, span.sent.start
    sent_flags, interests_in_sent = sentence or sentence_features(span.sent)
    governor, prep = _governor(root)
    left = doc[max(span.start - 3, sent_start) : span.start]
    possessors = [t for t in [*root.children, *left] if t.dep_ == "poss"]
    f: dict[str, float] = {
        f"source={c.source}": 1.0,
        f"cue={c.cue}": 1.0,
        f"root_pos={root.pos_}": 1.0,
        f"root_dep={root.dep_}": 1.0,
        f"first_pos={span[0].pos_}": 1.0,
        f"len={_bucket(len(span), (1, 2, 3, 5))}": 1.0,
        f"gov={governor}": 1.0,
        f"prep={prep}": 1.0,
        f"source_gov={c.source}|{governor}": 1.0,
        f"ent={root.ent_type_ or 'none'}": 1.0,
        f"holder_in_sentence={item.holder_in_sentence}": 1.0,
        f"has_holder={item.holder is not None}": 1.0,
    }
    in_lexicon = any(s.start < span.end and span.start < s.end for s in interests_in_sent)
    flags = {
        "cued": c.cued,
        "activity": c.activity,
        "domain_known": c.domain is not None,
        "in_lexicon": in_lexicon,
        "lexicon_elsewhere_in_sent": bool(interests_in_sent) and not in_lexicon,
        "has_propn": any(t.pos_ == "PROPN" for t in span),
        "has_number": any(t.like_num for t in span),
        "title_case": span_text(span)[:1].isupper() and not span[0].is_sent_start,
        "third_person_possessor": any(t.lower_ in THIRD_PERSON for t in possessors),
        "relative_possessor": any(t.lemma_.lower() in RELATIVES for t in [*possessors, *left]),
        "first_person_possessor": any(t.lower_ in FIRST_PERSON for t in possessors),
        "root_work_noun": root.lemma_.lower() in work_nouns() or root.lower_ in work_nouns(),
        "in_parentheses": any(t.text == "(" for t in doc[max(span.start - 3, 0) : span.start]),
        "starts_line": span.start == sent_start or (doc[span.start - 1].is_punct and
        doc[span.start - 1].i == sent_start),
        "after_colon": any(t.text in {":", "-", "–", "—"} for t in left),
        "sentence_root": root.head.i == root.i,
        "plural": root.tag_ in {"NNS", "NNPS"},
        "gerund": root.tag_ == "VBG" or span[0].tag_ == "VBG",
        "personal_governor": _personal_governor(root),
        "taken_up_later": _taken_up_later(span),
        "has_compound": any(t.dep_ == "compound" for t in root.children),
        "hobby_head": root.lemma_.lower() in HOBBY_HEADS,
        "generic_head": root.lemma_.lower() in GENERIC_HEADS,
    }
    f.update({name: 1.0 for name, on in flags.items() if on})
    f.update(sent_flags)
    if vector:
        f.update(context_vector(span))
    return f


def context_vector(span) -> dict[str, float]:
    """The base model's own reading of the phrase: the mean of its tokens' context vectors
    (`doc.tensor`, what spaCy's tagger, parser and NER see: word shape, affixes and the words
    around it). Unlike the phrase's words, this carries over to interests no note here named:
    "theremin" sits in a sentence the way "banjo" does. Empty when the model keeps no tensor."""
    mean = _mean_vector(span)
    return {} if mean is None else {f"vec{i}": float(value) for i, value in enumerate(mean)}


def _usable_tensor(doc) -> Any:
    """The doc's context vectors, or None when the model keeps none of the expected width."""
    tensor = doc.tensor
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc) \
            or tensor.shape[1] != VECTOR_WIDTH:
        return None
    return tensor


def _mean_vector(span) -> Any:
    tensor = _usable_tensor(span.doc)
    if tensor is None or not len(span):
        return None
    return tensor[span.start : span.end].mean(axis=0)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)  # never overflows for z < 0
    return e / (1.0 + e)


def note_features(held: list[HeldCandidate], vector: bool = True) -> list[dict[str, float]]:
    """`features` of every candidate of a note, plus where each stands among the candidates of its
    sentence: how many there are, first or last, inside or around another, the rarest words."""
    by_sentence: dict[int, list[int]] = {}
    sentences: dict[int, tuple[dict[str, float], list]] = {}
    rows = []
    for index, item in enumerate(held):
        sent = item.candidate.span.sent
        if sent.start not in sentences:
            sentences[sent.start] = sentence_features(sent)
        rows.append(features(item, sentences[sent.start], vector))
        by_sentence.setdefault(sent.start, []).append(index)
    for indexes in by_sentence.values():
        rare = {i: rarity(held[i].candidate.span) for i in indexes}
        rarest = min(rare.values())
        for position, i in enumerate(indexes):
            span, row = held[i].candidate.span, rows[i]
            row[f"candidates_in_sent={min(len(indexes), 5)}"] = 1.0
            row["place_in_sent=" + ("first" if position == 0 else
                                    "last" if position == len(indexes) - 1 else "middle")] = 1.0
            if len(indexes) > 1 and rare[i] == rarest:
                row["rarest_in_sent"] = 1.0
            row["rarest_word=" + _rarity_band(rare[i])] = 1.0
            for j in indexes:
                other = held[j].candidate.span
                if other.start <= span.start and span.end <= other.end and len(other) > len(span):
                    row["inside_other"] = 1.0
                if span.start <= other.start and other.end <= span.end and len(span) > len(other):
                    row["contains_other"] = 1.0
    return rows


@dataclass(frozen=True)
class Ranker:
    intercept: float
    weights: dict[str, float]  # a feature the model never saw weighs nothing, as in DictVectorizer
    threshold: float
    second: float  # a second interest of one person in one sentence needs this much
    floor: float  # a named person with no interest keeps their surest candidate above this

    def probabilities(self, rows: list[dict[str, float]],
                      extra: list[float] | None = None) -> list[float]:
        """Each row's probability; `extra` adds a part of each sum computed elsewhere."""
        weight = self.weights.get
        extra = extra or [0.0] * len(rows)
        return [_sigmoid(self.intercept + more + sum(value * weight(name, 0.0)
                                                     for name, value in row.items()))
                for row, more in zip(rows, extra, strict=True)]

    @cached_property
    def _vector_weights(self) -> Any:
        import numpy as np

        return np.array([self.weights.get(f"vec{i}", 0.0) for i in range(VECTOR_WIDTH)])

    def chances(self, held: list[HeldCandidate]) -> list[float]:
        """`probabilities` of a note's candidates. The context vectors' part is the mean over a
        phrase's tokens of each token's vector times the weights, which equals the mean vector
        times the weights; so each doc takes one NumPy product, not one per candidate."""
        rows = note_features(held, vector=False)
        dense = [0.0] * len(rows)
        scores: dict[int, list[float] | None] = {}  # per doc: each token's vector · weights
        for i, item in enumerate(held):
            span = item.candidate.span
            key = id(span.doc)
            if key not in scores:
                tensor = _usable_tensor(span.doc)
                scores[key] = None if tensor is None else (tensor @ self._vector_weights).tolist()
            per_token = scores[key]
            if per_token is not None and len(span):
                dense[i] = math.fsum(per_token[span.start : span.end]) / len(span)
        return self.probabilities(rows, dense)


def weights_of(pipeline: Any) -> dict[str, Any]:
    """The saved form of a fitted DictVectorizer + LogisticRegression pipeline."""
    names = pipeline.named_steps["features"].feature_names_
    model = pipeline.named_steps["model"]
    return {"intercept": float(model.intercept_[0]),
            "weights": {name: float(w) for name, w in zip(names, model.coef_[0], strict=True)}}


def _read(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelFileError(f"{path.name} could not be read ({exc}); run `{RETRAIN}`") from exc


@lru_cache(maxsize=1)
def load(folder: Path | None = None) -> Ranker | None:
    """The saved ranker, or None when it has not been trained (the finders' own order is used)."""
    path = (folder / MODEL_FILE) if folder else model_path(MODEL_FILE)
    card_path = (folder / CARD_FILE) if folder else model_path(CARD_FILE)
    if not path.exists():
        return None
    saved, card = _read(path), _read(card_path)
    try:
        weights = {str(k): finite_number(v) for k, v in saved["weights"].items()}
        return Ranker(finite_number(saved["intercept"]), weights,
                      finite_number(card["threshold"]), finite_number(card["second"]),
                      finite_number(card["floor"]))
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ModelFileError(f"{path.name} or {card_path.name} is not a ranker ({exc}); "
                             f"run `{RETRAIN}`") from exc
