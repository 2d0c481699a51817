"""Batch: a folder in, per-note folders and tables out; resumable, safe, failures kept apart."""

import pandas as pd
import pytest
from click.testing import CliRunner

from followup_nlp import batch
from followup_nlp.cli import cli
from tests.conftest import TWO_INTERVIEWERS


@pytest.fixture()
def notes(tmp_path, sample_note_path):
    folder = tmp_path / "notes"
    (folder / "week 2").mkdir(parents=True)
    (folder / "a.txt").write_text(sample_note_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "week 2" / "b.md").write_text(TWO_INTERVIEWERS, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    (folder / ".hidden.txt").write_text(TWO_INTERVIEWERS, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    return folder


def test_batch_writes_per_note_folders_summary_and_errors(notes, tmp_path):
    out = tmp_path / "out"
    summary = batch.run(notes, out)
    assert isinstance(summary, pd.DataFrame)
    assert list(summary["file"]) == ["a.txt", "broken.txt", "week 2/b.md"]
    assert list(summary["status"]) == ["done", "failed", "done"]
    assert (out / "a" / "analysis.json").exists() and (out / "a" / "letters.txt").exists()
    assert (out / "week_2__b" / "letters.json").exists()
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors["file"]) == ["broken.txt"] and "binary" in errors["error"][0]
    table = pd.read_csv(out / "summary.csv")
    assert table.loc[0, "company"] == "Brightwater Analytics"
    assert "Marcus Oyelaran" in table.loc[0, "people"]


def test_second_run_skips_done_notes_and_keeps_edited_files(notes, tmp_path):
    out = tmp_path / "out"
    batch.run(notes, out)
    edited = out / "a" / "letters.txt"
    edited.write_text("my edits", encoding="utf-8")
    again = batch.run(notes, out)
    assert list(again["status"]) == ["skipped", "failed", "skipped"]
    forced = batch.run(notes, out, force=True)
    assert forced.loc[0, "status"] == "done"
    assert "kept your edited letters.txt" in forced.loc[0, "warnings"]
    assert edited.read_text(encoding="utf-8") == "my edits"


def test_two_workers_give_the_same_summary(notes, tmp_path):
    one = batch.run(notes, tmp_path / "one")
    two = batch.run(notes, tmp_path / "two", workers=2)
    pd.testing.assert_frame_equal(one, two)


def test_cli_exit_status_is_1_when_a_note_failed(notes, tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(notes), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "1 failed" in result.stderr


def test_note_names_cannot_escape_the_output_folder(tmp_path):
    from followup_nlp.errors import FollowupError
    from followup_nlp.safe_io import inside

    odd = [tmp_path / "..evil.txt", tmp_path / "sub" / "..." / "x.md", tmp_path / "x.txt"]
    jobs = batch.plan_jobs(tmp_path, odd)
    out = tmp_path / "out"
    for job in jobs:
        assert out.resolve() in inside(out, job.folder).parents
    assert len({job.folder for job in jobs}) == len(jobs)
    with pytest.raises(FollowupError):
        inside(out, "../escape.txt")
