"""The evaluation's matching rules, on hand-made predictions and gold (no model involved)."""

from __future__ import annotations

from followup_nlp.evaluate import evaluate_pairs

GOLD = {"people": [], "interests": [], "liked": ["hand sketches"],
        "clarify": ["apprenticeship was 5 years, not 4", "OSHA 30 not done yet"]}


def _scores(pred: dict) -> dict:
    result = evaluate_pairs([("note", {"people": [], "interests": [], **pred}, GOLD)])
    return result["facts"]


def test_a_remark_matches_a_gold_paraphrase_sharing_a_word_and_a_number_alone_matches_nothing():
    facts = _scores({"liked": [{"text": "my hand sketches"}],
                     "clarify": [{"text": "my apprenticeship"}, {"text": "10"}]})
    assert (facts["liked"]["tp"], facts["liked"]["fp"], facts["liked"]["fn"]) == (1, 0, 0)
    assert (facts["clarify"]["tp"], facts["clarify"]["fp"], facts["clarify"]["fn"]) == (1, 1, 1)


def test_missing_remarks_are_counted_as_missed():
    facts = _scores({})
    assert facts["liked"]["fn"] == 1 and facts["clarify"]["fn"] == 2
    assert facts["clarify"]["tp"] == 0
