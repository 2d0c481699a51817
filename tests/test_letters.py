"""Letters read as a reader would: right person, their interest, no empty slot, no stray markup."""

import re

import pytest

from followup_nlp import write_letters
from followup_nlp.errors import FollowupError
from followup_nlp.letters.render import environment, render

SLOT_LEFTOVERS = re.compile(r"\bNone\b|\{\{|\}\}|\{%|\[\s*\]|\bnull\b|\bundefined\b", re.I)


def test_two_interviewer_note_gets_two_personal_letters(two_interviewer_analysis):
    letters, _ = write_letters(two_interviewer_analysis, sender="Sam Lee")
    by_name = {x.recipient: x for x in letters if x.role == "interviewer"}
    assert set(by_name) == {"Lena Kowalski", "Tomás Ortega"}
    assert by_name["Lena Kowalski"].body.startswith("Dear Lena,")
    assert "hockey" in by_name["Lena Kowalski"].body
    assert "sail" in by_name["Tomás Ortega"].body
    assert "hockey" not in by_name["Tomás Ortega"].body
    # What Lena liked goes only to Lena.
    assert "calendar" in by_name["Lena Kowalski"].body
    assert "calendar" not in by_name["Tomás Ortega"].body


def test_letters_name_position_company_and_sign_with_sender(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    for letter in letters:
        assert "Brightwater Analytics" in letter.body
        assert letter.body.rstrip().endswith("Jordan Ellis")
        assert not SLOT_LEFTOVERS.search(letter.body), letter.body


def test_callback_is_in_the_second_person(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    marcus = next(x for x in letters if x.recipient == "Marcus Oyelaran")
    assert "your mother's award-winning pies" in marcus.body
    assert " his " not in marcus.body


def test_email_only_where_email_was_already_used(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    media = {x.recipient: x.medium for x in letters}
    assert media["Dana Whitfield"] == "email"
    assert media["Marcus Oyelaran"] == "handwritten"


def test_thank_you_is_due_within_24_hours(sample_analysis):
    letters, plan = write_letters(sample_analysis)
    assert {x.send_by for x in letters} == {"2026-11-20"}
    assert plan.steps[0].date == "2026-11-20"


def test_a_template_printing_a_missing_value_is_refused(tmp_path):
    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ nobody }}", encoding="utf-8")
    with pytest.raises(FollowupError):
        render(environment(tmp_path), "thank_you.txt.j2", {})
    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ name }}", encoding="utf-8")
    with pytest.raises(FollowupError):
        render(environment(tmp_path), "thank_you.txt.j2", {"name": None})


def test_user_templates_run_sandboxed(tmp_path):
    (tmp_path / "evil.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}",
                                      encoding="utf-8")
    with pytest.raises(FollowupError):
        render(environment(tmp_path), "evil.j2", {})


def test_jinja_syntax_inside_a_note_is_printed_literally():
    from followup_nlp import analyze

    analysis = analyze("Met Ana Silva (CTO) at Orbit. She loves {{ 7*7 }} quilting.")
    letters, _ = write_letters(analysis)
    assert "49" not in letters[0].body
