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


def test_short_quiet_flag_is_accepted(notes, tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(notes), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1 and "No such option" not in result.output
    assert (tmp_path / "out" / "summary.csv").is_file()


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


def test_one_journal_records_every_written_note_and_no_per_note_manifest(notes, tmp_path):
    import json

    out = tmp_path / "out"
    batch.run(notes, out)
    lines = (out / batch.JOURNAL).read_text(encoding="utf-8").splitlines()
    entries = {e["folder"]: e for e in map(json.loads, lines)}
    assert set(entries) == {"a", "week_2__b"}  # the broken note wrote nothing
    assert set(entries["a"]["files"]) == {"analysis.json", "letters.txt", "letters.json"}
    assert not list(out.rglob(batch.LEGACY_MANIFEST))


def test_a_cut_off_journal_line_is_ignored_and_edited_files_stay_kept(notes, tmp_path):
    out = tmp_path / "out"
    batch.run(notes, out)
    journal = out / batch.JOURNAL
    first, second = journal.read_text(encoding="utf-8").splitlines()
    journal.write_text(first + "\n" + second[: len(second) // 2], encoding="utf-8")  # killed
    (out / "a" / "letters.txt").write_text("my edits", encoding="utf-8")
    again = batch.run(notes, out)
    by_file = dict(zip(again["file"], again["status"], strict=True))
    assert by_file["a.txt"] == "skipped"  # its line survived
    assert by_file["week 2/b.md"] == "done"  # its line was cut off: done again, same files
    assert (out / "a" / "letters.txt").read_text(encoding="utf-8") == "my edits"
    third = batch.run(notes, out)
    assert list(third["status"]) == ["skipped", "failed", "skipped"]


def test_an_out_dir_from_per_note_manifests_is_taken_over(notes, tmp_path):
    import hashlib
    import json

    out = tmp_path / "out"
    batch.run(notes, out)
    journal = out / batch.JOURNAL
    for line in journal.read_text(encoding="utf-8").splitlines():  # the former layout
        entry = json.loads(line)
        (out / entry["folder"] / batch.LEGACY_MANIFEST).write_text(json.dumps(
            {k: v for k, v in entry.items() if k != "folder"}), encoding="utf-8")
    journal.unlink()
    edited = out / "a" / "letters.txt"
    edited.write_text("my edits", encoding="utf-8")
    assert list(batch.run(notes, out)["status"]) == ["skipped", "failed", "skipped"]
    forced = batch.run(notes, out, force=True)
    assert "kept your edited letters.txt" in forced.loc[0, "warnings"]
    assert edited.read_text(encoding="utf-8") == "my edits"
    entry = next(json.loads(x) for x in journal.read_text(encoding="utf-8").splitlines()
                 if json.loads(x)["folder"] == "a")
    analysis = (out / "a" / "analysis.json").read_bytes()
    assert entry["files"]["analysis.json"] == hashlib.sha256(analysis).hexdigest()


def test_an_output_file_linking_outside_the_folder_is_neither_read_nor_written(notes, tmp_path):
    out = tmp_path / "out"
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me", encoding="utf-8")
    (out / "a").mkdir(parents=True)
    (out / "a" / "letters.txt").symlink_to(secret)
    summary = batch.run(notes, out)
    assert summary.loc[0, "status"] == "failed"
    assert secret.read_text(encoding="utf-8") == "keep me"
    assert "outside" in pd.read_csv(out / "errors.csv").set_index("file").loc["a.txt", "error"]


def test_lines_appended_after_a_cut_off_line_are_read_back(tmp_path):
    path = tmp_path / batch.JOURNAL
    path.write_text('{"folder": "a", "letters": 1}\n{"folder": "b", "let', encoding="utf-8")
    journal = batch.Journal(tmp_path)
    assert set(journal.entries) == {"a"}
    journal.record({"folder": "c", "letters": 2})
    journal.flush()  # what an interrupted run leaves: no compaction at its end
    assert set(batch.Journal(tmp_path).entries) == {"a", "c"}


def test_a_journal_that_is_a_link_is_refused_and_its_target_left_alone(notes, tmp_path):
    from followup_nlp.errors import FollowupError

    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n", encoding="utf-8")
    (out / batch.JOURNAL).symlink_to(target)
    with pytest.raises(FollowupError, match="is a link"):
        batch.run(notes, out)
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert not (out / "a").exists()
