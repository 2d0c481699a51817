"""Bad and hostile input: one clear line and the right exit status, never a traceback, never a
lost file, never evaluated template code, never a network connection."""

import codecs
import json
import socket

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_nlp import analyze, write_letters
from followup_nlp.cli import cli
from followup_nlp.errors import FollowupError
from followup_nlp.notes import MAX_NOTE_BYTES

NOTE = "Met Ana O'Neil (CTO) and Jean-Luc Picard (VP Eng) at Orbit. She loves quilting.\n"


@pytest.fixture()
def runner():
    return CliRunner()


def _clean_error(result, code=2):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("command", ["analyze", "letters", "plan"])
@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\x00\x01\x02\x89PNG\x00" * 50,
                                     b"a" * (MAX_NOTE_BYTES + 10)])
def test_empty_binary_and_oversized_notes_are_refused_cleanly(runner, tmp_path, command, content):
    path = tmp_path / "note.txt"
    path.write_bytes(content)
    _clean_error(runner.invoke(cli, [command, str(path)]))


@pytest.mark.parametrize("command", ["analyze", "letters", "plan"])
def test_a_folder_is_refused_cleanly(runner, tmp_path, command):
    _clean_error(runner.invoke(cli, [command, str(tmp_path)]))


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "utf-8-sig"])
def test_other_encodings_are_decoded(runner, tmp_path, encoding):
    path = tmp_path / "note.txt"
    text = NOTE.replace("quilting", "quilting in Málaga")
    raw = text.encode(encoding)
    if encoding == "utf-16" and not raw.startswith(codecs.BOM_UTF16_LE + b""):
        raw = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    path.write_bytes(raw)
    result = runner.invoke(cli, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    names = [p["name"] for p in json.loads(result.stdout)["people"]]
    assert "Ana O'Neil" in names and "Jean-Luc Picard" in names


def test_a_note_in_another_language_gets_a_warning(runner):
    note = ("Hoy tuve la entrevista con la directora de operaciones. Hablamos mucho de su "
            "jardín y de los viajes que hace cada verano con su familia por el norte.\n")
    result = runner.invoke(cli, ["analyze", "-"], input=note)
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "English" in result.stderr


def test_jinja_html_and_markdown_in_a_note_are_never_evaluated(runner):
    note = ("Met <script>alert(1)</script> Smith (CTO) and Ana Ruiz (VP Eng) at {{ 7*7 }} Corp.\n"
            "Ana loves **quilting** and {% for x in range(3) %}chess{% endfor %}.\n")
    for fmt in ("text", "markdown", "html", "json"):
        result = runner.invoke(cli, ["letters", "-", "--format", fmt], input=note)
        assert result.exit_code == 0, result.output
        assert "49" not in result.stdout
        if fmt == "html":
            assert "<script>" not in result.stdout


def test_emoji_rtl_and_very_long_lines_do_not_break_anything(runner):
    note = ("Met Dana Levi (Director of Ops) 🎉 — שלום — she loves hiking ⛰️ "
            + "and more words " * 3000 + "\n")
    result = runner.invoke(cli, ["letters", "-", "--format", "json"], input=note)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["letters"]


def test_an_output_folder_that_is_a_file_is_refused_and_left_alone(runner, tmp_path):
    target = tmp_path / "letters"
    target.write_text("my own file", encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    _clean_error(runner.invoke(cli, ["letters", str(note), "--out", str(target)]))
    assert target.read_text(encoding="utf-8") == "my own file"
    _clean_error(runner.invoke(cli, ["batch", str(tmp_path), "--out", str(target)]))


def test_debug_shows_the_traceback(runner, tmp_path):
    result = runner.invoke(cli, ["--debug", "analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0 and isinstance(result.exception, FollowupError)


def test_no_network_is_touched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("followup-nlp tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    analysis = analyze(NOTE)
    letters, _ = write_letters(analysis)
    assert letters


text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1,
                        max_size=400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text_strategy, name=st.sampled_from(["Ana", "jean-luc", "O'Neil", "李", "X"]))
def test_any_text_gives_contract_json_with_evidence_from_the_note(body, name):
    text = f"Met {name} (Director). {body}"
    try:
        analysis = analyze(text)
    except FollowupError:
        return  # e.g. a note that is only whitespace after cleaning
    data = json.loads(json.dumps(analysis.to_dict()))
    assert {"people", "interests", "topics", "company", "position", "channel"} <= set(data)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for interest in data["interests"]:
        assert interest["evidence"] in normalised
        assert interest["text"] in normalised
    letters, _ = write_letters(analysis)
    assert all(letter.body.strip() for letter in letters)


def test_a_note_with_no_people_still_gets_an_honest_letter_and_a_warning(runner):
    result = runner.invoke(cli, ["letters", "-"], input="interview went ok. talked about the "
                           "warehouse schedule and forklift certification.\n")
    assert result.exit_code == 0, result.output
    assert "Dear Hiring Manager," in result.stdout
    assert "no interviewer names found" in result.stderr


@pytest.mark.parametrize("args", [["gifts", ""], ["gifts", "   "], ["batch", "/nonexistent/dir",
                                                                  "--out", "/tmp/x"]])
def test_bad_arguments_to_other_commands_are_clean_errors(runner, args):
    _clean_error(runner.invoke(cli, args))


def test_an_unreadable_file_is_a_clean_error(runner, tmp_path, monkeypatch):
    from pathlib import Path

    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    real = Path.read_bytes

    def unreadable(self):
        if self == note:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    result = runner.invoke(cli, ["analyze", str(note)])
    _clean_error(result)
    assert "Permission denied" in result.stderr


def test_note_text_never_reaches_the_logs(caplog):
    import logging

    secret = "Zanzibar-kite-7731"
    with caplog.at_level(logging.DEBUG):
        analysis = analyze(f"Met Ana Ruiz (CTO). She loves {secret} and quilting.\n")
        write_letters(analysis)
    assert all(secret not in record.getMessage() for record in caplog.records)


def test_a_20_megabyte_note_is_refused_with_the_limit(runner, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Met Ana Ruiz (CTO). She loves quilting.\n" * 500_000)
    result = runner.invoke(cli, ["letters", str(path)])
    _clean_error(result)
    assert "limited to 1 MB" in result.stderr
