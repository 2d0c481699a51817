"""Precision, recall and F1 of extraction on the annotated notes (data/notes/<split>/), and
interest recall on the external persona benchmark when it is present.

Matching rules (the README's Evaluation section points here):
- person: same name, ignoring case, or one name's words contained in the other's with the same
  first word ("Sarah" vs "Sarah Chen");
- title: on matched people, equal after lowercasing and dropping punctuation, or one contained in
  the other;
- role: on matched people, the same role (reported as accuracy);
- interest: greedy one-to-one match of a predicted and a gold interest of the same note sharing a
  content word (singularised) between their text/canonical forms;
- holder: on matched interests, the predicted holder is the gold holder (person rule above);
- facts: per field, TP when the prediction equals gold, FP when a prediction is wrong, FN when gold
  has a value the prediction misses;
- liked / clarify: greedy one-to-one match of a predicted and a gold remark of the same note
  sharing a content word that is not a number (the gold paraphrases: "apprenticeship was 5
  years, not 4" for the note's "I said my apprenticeship was 4 years").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from followup_nlp.resources import data_path

SPLITS = ("train", "dev", "test", "unseen")
# Gold annotations resolve dates without a year to 2026; evaluation uses that reference year.
REFERENCE_DAY = date(2026, 12, 31)
STOP = {"the", "a", "an", "of", "to", "and", "her", "his", "their", "my", "in", "on", "for", "at",
        "with", "by", "travel", "visit", "going", "go", "s", "about", "from", "is", "was", "be"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def scores(self) -> dict[str, float | int]:
        return {"accuracy": round(self.right / self.total, 4) if self.total else 0.0,
                "right": self.right, "total": self.total}


@dataclass
class Errors:
    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, note: str, field_name: str, gold: Any, predicted: Any) -> None:
        self.items.append({"note": note, "field": field_name, "gold": gold, "predicted": predicted})


def _words(text: str | None) -> list[str]:
    return re.sub(r"[^\w\s']", " ", (text or "").lower().replace("’", "'")).split()


def same_person(a: str | None, b: str | None) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return small[0] == big[0] and set(small) <= set(big)


def same_title(a: str | None, b: str | None) -> bool:
    na, nb = " ".join(_words(a)), " ".join(_words(b))
    return bool(na and nb) and (na == nb or na in nb or nb in na)


def _stem(word: str) -> str:
    word = word.strip("'")
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _content(*texts: str | None) -> set[str]:
    return {_stem(w) for t in texts for w in _words(t) if w not in STOP and len(w) > 1}


def same_interest(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return bool(_content(pred.get("text"), pred.get("canonical"))
                & _content(gold.get("text"), gold.get("canonical")))


def same_remark(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    def words(text: str | None) -> set[str]:
        return {w for w in _content(text) if not w.isdigit()}

    return bool(words(pred.get("text")) & words(gold.get("text")))


def _remarks(items: list[Any] | None) -> list[dict[str, Any]]:
    """Gold remarks are strings, predicted ones dicts with a text."""
    return [{"text": r} if isinstance(r, str) else {"text": r.get("text")} for r in items or []]


def _match(preds: list[Any], golds: list[Any], same) -> list[tuple[Any, Any]]:
    pairs, used = [], set()
    for g in golds:
        for i, p in enumerate(preds):
            if i not in used and same(p, g):
                pairs.append((p, g))
                used.add(i)
                break
    return pairs


def _count_matches(counts: Counts, errors: Errors, note: str, field_name: str,
                   preds: list[dict[str, Any]], golds: list[dict[str, Any]], same,
                   label: str) -> list[tuple[Any, Any]]:
    """Match one note's predictions to its gold items, count them, and record what is left."""
    pairs = _match(preds, golds, same)
    counts.add(tp=len(pairs), fp=len(preds) - len(pairs), fn=len(golds) - len(pairs))
    for p in preds:
        if not any(p is m[0] for m in pairs):
            errors.add(note, field_name, None, p[label])
    for g in golds:
        if not any(g is m[1] for m in pairs):
            errors.add(note, field_name, g[label], None)
    return pairs


def load_split(split: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, note text, gold) for every note of a split, sorted by file name."""
    folder = data_path("notes", split)
    items = []
    for note in sorted(folder.glob("*.txt")):
        gold = json.loads(note.with_suffix(".json").read_text(encoding="utf-8"))
        items.append((note.stem, note.read_text(encoding="utf-8"), gold))
    return items


def evaluate_pairs(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Score (name, predicted analysis dict, gold dict) triples."""
    people, titles, interests = Counts(), Counts(), Counts()
    roles, holders = Accuracy(), Accuracy()
    fact_fields = ("company", "position", "channel", "stage")
    facts = {f: Counts() for f in (*fact_fields, "interview_dates", "email_used",
                                   "follow_up_agreed", "liked", "clarify")}
    errors = Errors()
    notes = 0
    for name, pred, gold in pairs:
        notes += 1
        matched = _count_matches(people, errors, name, "people", pred["people"], gold["people"],
                                 lambda p, g: same_person(p["name"], g["name"]), "name")
        for p, g in matched:
            if g.get("title") and p.get("title") and same_title(p["title"], g["title"]):
                titles.add(tp=1)
            else:
                if p.get("title"):
                    titles.add(fp=1)
                if g.get("title"):
                    titles.add(fn=1)
                if p.get("title") or g.get("title"):
                    errors.add(name, "title", g.get("title"), p.get("title"))
            roles.total += 1
            if p["role"] == g["role"]:
                roles.right += 1
            else:
                errors.add(name, "role", f"{g['name']}: {g['role']}", p["role"])
        imatched = _count_matches(interests, errors, name, "interest", pred["interests"],
                                  gold["interests"], same_interest, "text")
        for p, g in imatched:
            if g.get("holder"):
                holders.total += 1
                if same_person(p.get("holder"), g["holder"]):
                    holders.right += 1
                else:
                    errors.add(name, "holder", f"{g['text']}: {g['holder']}", p.get("holder"))
        for f in fact_fields:
            _score_value(facts[f], errors, name, f, pred.get(f), gold.get(f),
                         same_title if f in {"company", "position"} else None)
        gold_dates, pred_dates = set(gold.get("interview_dates") or []), set(
            pred.get("interview_dates") or [])
        facts["interview_dates"].add(tp=len(gold_dates & pred_dates),
                                     fp=len(pred_dates - gold_dates), fn=len(gold_dates - pred_dates))
        if gold_dates != pred_dates:
            errors.add(name, "interview_dates", sorted(gold_dates), sorted(pred_dates))
        gold_mail = list(gold.get("email_used") or [])
        mail_pairs = _match(list(pred.get("email_used") or []), gold_mail, same_person)
        facts["email_used"].add(tp=len(mail_pairs), fp=len(pred.get("email_used") or []) -
                                len(mail_pairs), fn=len(gold_mail) - len(mail_pairs))
        g_agreed = bool((gold.get("follow_up") or {}).get("agreed"))
        p_agreed = bool((pred.get("follow_up") or {}).get("agreed"))
        facts["follow_up_agreed"].add(tp=int(g_agreed and p_agreed),
                                      fp=int(p_agreed and not g_agreed),
                                      fn=int(g_agreed and not p_agreed))
        for f in ("liked", "clarify"):
            _count_matches(facts[f], errors, name, f, _remarks(pred.get(f)),
                           _remarks(gold.get(f)), same_remark, "text")
    return {
        "notes": notes,
        "people": people.scores(),
        "titles": titles.scores(),
        "roles": roles.scores(),
        "interests": interests.scores(),
        "holders": holders.scores(),
        "facts": {f: c.scores() for f, c in facts.items()},
        "errors": errors.items,
    }


def _score_value(counts: Counts, errors: Errors, name: str, field_name: str, pred: Any,
                 gold: Any, same=None) -> None:
    equal = (same(pred, gold) if same else pred == gold) if pred and gold else pred == gold
    if gold and equal:
        counts.add(tp=1)
        return
    if pred:
        counts.add(fp=1)
    if gold:
        counts.add(fn=1)
    if pred or gold:
        errors.add(name, field_name, gold, pred)


def evaluate_split(split: str, spacy_model: str | None = None,
                   interest_lexicon: bool = True) -> dict[str, Any]:
    from followup_nlp import analyze

    triples = []
    for name, text, gold in load_split(split):
        analysis = analyze(text, spacy_model=spacy_model, today=REFERENCE_DAY, gifts=False,
                           interest_lexicon=interest_lexicon)
        triples.append((name, analysis.to_dict(), gold))
    result = evaluate_pairs(triples)
    result["split"] = split if interest_lexicon else f"{split} (without the interest lexicon)"
    return result


# --- the external persona benchmark ---------------------------------------------------------

PERSONA_WRAP = 'Met Dana Reyes (hiring manager) for coffee first. She told me "{sentence}"'


def evaluate_personas(path: Path, spacy_model: str | None = None) -> dict[str, Any]:
    """Interest recall on persona sentences (gold attribute triples), and the false-interest rate
    on sentences whose attribute is not an interest."""
    from followup_nlp import analyze

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    hit = total = false_pos = negatives = 0
    misses = []
    for row in rows:
        analysis = analyze(PERSONA_WRAP.format(sentence=row["sentence"]), spacy_model=spacy_model,
                           today=REFERENCE_DAY, gifts=False)
        found = [i for i in analysis.interests if i.holder and same_person(i.holder, "Dana Reyes")]
        if row["is_interest"]:
            total += 1
            gold = {"text": row["object"], "canonical": row["object"]}
            if any(same_interest({"text": i.text, "canonical": i.canonical}, gold) for i in found):
                hit += 1
            else:
                misses.append({"sentence": row["sentence"], "object": row["object"],
                               "found": [i.text for i in found]})
        else:
            negatives += 1
            false_pos += bool(found)
    return {
        "sentences": len(rows),
        "interest_recall": round(hit / total, 4) if total else 0.0,
        "interest_sentences": total,
        "false_interest_rate": round(false_pos / negatives, 4) if negatives else 0.0,
        "non_interest_sentences": negatives,
        "misses": misses,
    }
