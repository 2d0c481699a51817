"""The documented public API: its docstring examples run, and it agrees with the CLI path."""

import doctest

import followup_nlp
from followup_nlp import analyze, analyze_many, to_frame


def test_docstring_examples_run():
    result = doctest.testmod(followup_nlp, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_analyze_many_matches_analyze(sample_note_path):
    text = sample_note_path.read_text(encoding="utf-8")
    (many,) = analyze_many([text])
    one = analyze(text)
    assert [p.name for p in many.people] == [p.name for p in one.people]
    assert [i.canonical for i in many.interests] == [i.canonical for i in one.interests]


def test_to_frame_has_one_row_per_interest(sample_analysis, two_interviewer_analysis):
    frame = to_frame([sample_analysis, two_interviewer_analysis], names=["sample", "two"])
    assert len(frame) == len(sample_analysis.interests) + len(two_interviewer_analysis.interests)
    assert set(frame["note"]) == {"sample", "two"}
    assert frame["score_recipe"].between(0, 1).all()


def test_every_entry_point_warns_about_a_planned_tangible_gift():
    note = "Met Ana Ruiz (CTO). She loves quilting. Thinking of sending her a gift card.\n"
    for analysis in (analyze(note), analyze_many([note])[0]):
        assert any("gift card" in w for w in analysis.warnings)
