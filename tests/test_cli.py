"""The command-line contract, through click's CliRunner against the real pipeline and model."""

import json

import pytest
from click.testing import CliRunner

from followup_nlp.cli import cli
from tests.conftest import TWO_INTERVIEWERS

ANALYSIS_KEYS = {"people", "interests", "topics", "company", "position", "interview_date",
                 "channel", "warnings"}


@pytest.fixture()
def runner():
    return CliRunner()


def test_analyze_json_follows_the_contract(runner, sample_note_path):
    result = runner.invoke(cli, ["analyze", str(sample_note_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= ANALYSIS_KEYS
    for person in data["people"]:
        assert set(person) == {"name", "title", "role", "goes_by", "honorific", "met_on"}
        assert person["role"] in {"interviewer", "support", "referrer"}
    for interest in data["interests"]:
        assert {"text", "holder", "evidence", "categories", "gift_ideas"} <= set(interest)
        assert interest["evidence"] in sample_note_path.read_text(encoding="utf-8")
        for category in interest["categories"]:
            assert category["category"] in {"article", "recipe", "book", "association",
                                            "website", "magazine"}
            assert 0.0 <= category["score"] <= 1.0
        for idea in interest["gift_ideas"]:
            assert set(idea) == {"category", "title", "detail"} and idea["title"]
    assert data["company"] == "Brightwater Analytics"


def test_analyze_reads_stdin_with_a_dash(runner):
    result = runner.invoke(cli, ["analyze", "-", "--format", "json"], input=TWO_INTERVIEWERS)
    assert result.exit_code == 0, result.output
    names = [p["name"] for p in json.loads(result.stdout)["people"]]
    assert "Lena Kowalski" in names and "Tomás Ortega" in names


def test_analyze_reads_stdin_without_an_argument(runner):
    result = runner.invoke(cli, ["analyze"], input=TWO_INTERVIEWERS)
    assert result.exit_code == 0, result.output
    assert "Lena Kowalski" in result.stdout


def test_analyze_text_report_names_people_and_interests(runner, sample_note_path):
    result = runner.invoke(cli, ["analyze", str(sample_note_path)])
    assert result.exit_code == 0, result.output
    assert "Marcus Oyelaran" in result.stdout and "Kyoto" in result.stdout


def test_letters_json_has_one_letter_per_interviewer_and_a_plan(runner, sample_note_path):
    result = runner.invoke(cli, ["letters", str(sample_note_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    interviewers = [x for x in data["letters"] if x["role"] == "interviewer"]
    assert sorted(x["recipient"] for x in interviewers) == ["Marcus Oyelaran", "Priya Raman"]
    for letter in data["letters"]:
        assert set(letter) == {"recipient", "role", "medium", "subject", "body", "send_by"}
    assert data["plan"] and {"date", "action", "recipient"} == set(data["plan"][0])


def test_letters_out_writes_files_and_never_overwrites_edits(runner, sample_note_path, tmp_path):
    out = tmp_path / "letters"
    first = runner.invoke(cli, ["letters", str(sample_note_path), "--out", str(out)])
    assert first.exit_code == 0, first.output
    written = sorted(p.name for p in out.iterdir())
    assert "marcus-oyelaran.txt" in written
    edited = out / "marcus-oyelaran.txt"
    edited.write_text("my own edits", encoding="utf-8")
    second = runner.invoke(cli, ["letters", str(sample_note_path), "--out", str(out)])
    assert second.exit_code == 2 and "would overwrite" in second.stderr
    assert edited.read_text(encoding="utf-8") == "my own edits"


@pytest.mark.parametrize("command", [[], ["analyze"], ["letters"], ["gifts"], ["train"]])
def test_every_command_explains_itself_with_an_example(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and "followup" in result.stdout


def test_missing_spacy_model_is_one_clear_line_and_exit_2(runner, sample_note_path):
    result = runner.invoke(cli, ["--spacy-model", "en_no_such_model", "analyze",
                                 str(sample_note_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "en_no_such_model" in result.stderr and "install" in result.stderr


def test_empty_and_missing_notes_exit_2_without_traceback(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    for args in (["analyze", str(empty)], ["letters", str(tmp_path / "nope.txt")],
                 ["analyze", str(tmp_path)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output and result.stderr.startswith("error: ")


def test_gifts_json_ranks_categories_best_first(runner):
    result = runner.invoke(cli, ["gifts", "quilting", "apple pie", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["interest"] for d in data] == ["quilting", "apple pie"]
    for item in data:
        accepted = [c for c in item["categories"] if c["score"] >= 0.5]
        assert item["categories"][: len(accepted)] == accepted  # accepted categories come first
    assert data[1]["categories"][0]["category"] == "recipe"
    assert "recipe" not in [c["category"] for c in data[0]["categories"][:3]]
