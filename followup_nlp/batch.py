"""A folder of notes in; per-note analysis and letters, summary.csv and errors.csv out.

Streaming: notes are read in chunks and parsed with `nlp.pipe`; with several workers each process
handles whole chunks (parse, extract, classify, write), so memory stays flat and the work scales.
Resumable and safe: a note whose source is unchanged since its last run is skipped; a file the
user edited since we wrote it is never overwritten; every write is atomic and stays inside OUT_DIR.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from followup_nlp.errors import FollowupError
from followup_nlp.gifts import enrich_many
from followup_nlp.safe_io import atomic_write, ensure_folder, inside
from followup_nlp.schema import NoteAnalysis

NOTE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MANIFEST = ".followup.json"
CHUNK = 32
SUMMARY_COLUMNS = ["file", "status", "company", "position", "people", "interests", "categories",
                   "letters", "warnings"]


@dataclass(frozen=True)
class Job:
    source: Path  # the note file
    relative: str  # its path under NOTES_DIR, as shown in the tables
    folder: str  # its output folder name under OUT_DIR


def find_notes(notes_dir: Path, skip: Path | None = None) -> list[Path]:
    """Note files under `notes_dir`, recursively and sorted, skipping hidden files and folders
    (and the output folder, if it lies inside)."""
    found = []
    for path in sorted(notes_dir.rglob("*")):
        rel = path.relative_to(notes_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if skip is not None and (path == skip or skip in path.parents):
            continue
        if path.is_file() and path.suffix.lower() in NOTE_SUFFIXES:
            found.append(path)
    return found


def plan_jobs(notes_dir: Path, paths: list[Path]) -> list[Job]:
    """Give every note a distinct, safe output folder name derived from its relative path."""
    jobs, used = [], set()
    for path in paths:
        rel = path.relative_to(notes_dir)
        base = "__".join((*rel.parts[:-1], rel.stem))
        base = re.sub(r"[^\w.-]+", "_", base).strip("._") or "note"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.lower())
        jobs.append(Job(path, rel.as_posix(), name))
    return jobs


def _sha(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def summary_row(relative: str, status: str, analysis: dict[str, Any] | None,
                letters: int = 0) -> dict[str, Any]:
    analysis = analysis or {}
    interests = analysis.get("interests", [])
    return {
        "file": relative,
        "status": status,
        "company": analysis.get("company"),
        "position": analysis.get("position"),
        "people": "; ".join(p["name"] for p in analysis.get("people", [])),
        "interests": "; ".join(i.get("canonical") or i["text"] for i in interests),
        "categories": "; ".join(i["categories"][0]["category"] if i.get("categories") else ""
                                for i in interests),
        "letters": letters,
        "warnings": " | ".join(analysis.get("warnings", [])),
    }


class _Worker:
    """Everything one process needs, loaded once per process."""

    def __init__(self, spacy_model: str | None, sender: str | None, today: date | None) -> None:
        from followup_nlp import pipeline

        self.nlp = pipeline.load(spacy_model)
        self.sender = sender
        self.today = today

    def run(self, jobs: list[Job], out_dir: Path, force: bool) -> list[tuple[dict, str | None]]:
        """(summary row, error or None) per job, in order."""
        from followup_nlp import analysis_from_doc
        from followup_nlp.notes import decode_note, parse_note

        results: list[tuple[dict, str | None] | None] = [None] * len(jobs)
        todo: list[tuple[int, Job, Any, str]] = []
        for index, job in enumerate(jobs):
            try:
                raw = job.source.read_bytes()
                folder = out_dir / job.folder
                manifest = _read_manifest(folder)
                if not force and manifest.get("source_sha256") == _sha(raw) \
                        and (folder / "analysis.json").exists():
                    done = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
                    results[index] = (summary_row(job.relative, "skipped", done,
                                                  manifest.get("letters", 0)), None)
                    continue
                source = str(job.source)
                note = parse_note(decode_note(raw, source), source)  # the bytes already read
                todo.append((index, job, note, _sha(raw)))
            except FollowupError as exc:
                results[index] = (summary_row(job.relative, "failed", None), str(exc))
            except (OSError, ValueError) as exc:
                results[index] = (summary_row(job.relative, "failed", None),
                                  f"{job.relative}: {exc}")
        docs = self.nlp.pipe((note.text for _, _, note, _ in todo), batch_size=CHUNK)
        analyses = [analysis_from_doc(doc, note, self.today)
                    for (_, _, note, _), doc in zip(todo, docs, strict=True)]
        for (index, job, _, source_sha), analysis in zip(todo, enrich_many(analyses),
                                                          strict=True):
            try:
                results[index] = (self._finish(job, analysis, source_sha, out_dir), None)
            except FollowupError as exc:
                results[index] = (summary_row(job.relative, "failed", None), str(exc))
        return [r for r in results if r is not None]

    def _finish(self, job: Job, analysis: NoteAnalysis, source_sha: str, out_dir: Path) -> dict:
        from followup_nlp import write_letters
        from followup_nlp.report import format_letters

        letters, plan = write_letters(analysis, sender=self.sender)
        data = analysis.to_dict()
        files = {
            "analysis.json": json.dumps(data, indent=2, ensure_ascii=False) + "\n",
            "letters.txt": format_letters(letters, plan, "text"),
            "letters.json": format_letters(letters, plan, "json"),
        }
        kept = write_outputs(out_dir / job.folder, files, source_sha, len(letters))
        if kept:
            data["warnings"] = [*data["warnings"],
                                f"kept your edited {', '.join(kept)} (not overwritten)"]
        return summary_row(job.relative, "done", data, len(letters))


def write_outputs(folder: Path, files: dict[str, str], source_sha: str, letters: int) -> list[str]:
    """Write a note's outputs atomically; files edited since our last write are kept. Returns
    the names of the files kept."""
    ensure_folder(folder)
    manifest = _read_manifest(folder)
    written = dict(manifest.get("files", {}))
    kept = []
    for name, text in files.items():
        target = inside(folder, name)
        if target.exists():
            current = _sha(target.read_bytes())
            if name in written and current != written[name]:
                kept.append(name)
                continue
            if name not in written and current != _sha(text):
                kept.append(name)  # a file we did not write: never ours to replace
                continue
        atomic_write(target, text)
        written[name] = _sha(text)
    atomic_write(folder / MANIFEST, json.dumps(
        {"source_sha256": source_sha, "files": written, "letters": letters}, indent=2) + "\n")
    return kept


_WORKER: _Worker | None = None


def _init_worker(spacy_model: str | None, sender: str | None, today: date | None) -> None:
    global _WORKER
    _WORKER = _Worker(spacy_model, sender, today)


def _run_chunk(jobs: list[Job], out_dir: Path, force: bool) -> list[tuple[dict, str | None]]:
    assert _WORKER is not None
    return _WORKER.run(jobs, out_dir, force)


def _chunks(jobs: list[Job], size: int) -> Iterator[list[Job]]:
    for start in range(0, len(jobs), size):
        yield jobs[start : start + size]


def _results(jobs: list[Job], out_dir: Path, workers: int, force: bool, spacy_model: str | None,
             sender: str | None, today: date | None) -> Iterator[tuple[dict, str | None]]:
    """Results in note order; at most 2 chunks per worker in flight, so memory stays flat."""
    if workers <= 1:
        worker = _Worker(spacy_model, sender, today)
        for chunk in _chunks(jobs, CHUNK):
            yield from worker.run(chunk, out_dir, force)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(spacy_model, sender, today)) as pool:
        pending: dict[int, Future] = {}
        ready: dict[int, list] = {}
        chunks = enumerate(_chunks(jobs, CHUNK))
        next_out = 0
        exhausted = False
        while True:
            while not exhausted and len(pending) < workers * 2:
                try:
                    number, chunk = next(chunks)
                except StopIteration:
                    exhausted = True
                    break
                pending[number] = pool.submit(_run_chunk, chunk, out_dir, force)
            if not pending:
                break
            done, _ = wait(pending.values(), return_when=FIRST_COMPLETED)
            for number in [n for n, f in pending.items() if f in done]:
                ready[number] = pending.pop(number).result()
            while next_out in ready:
                yield from ready.pop(next_out)
                next_out += 1


def run(notes_dir: Path, out_dir: Path, *, workers: int = 1, force: bool = False,
        progress: bool = False, spacy_model: str | None = None, sender: str | None = None,
        today: date | None = None):
    """Process every note under `notes_dir` into `out_dir`; returns the summary DataFrame
    (one row per note, with a `status` of done, skipped or failed)."""
    import pandas as pd

    notes_dir, out_dir = Path(notes_dir), Path(out_dir)
    if not notes_dir.is_dir():
        raise FollowupError(f"{notes_dir}: not a folder of notes")
    if workers < 1:
        raise FollowupError("--workers must be at least 1")
    ensure_folder(out_dir)
    jobs = plan_jobs(notes_dir, find_notes(notes_dir, skip=out_dir.resolve()))
    rows, errors = [], []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="note", desc="notes", leave=False)
    try:
        for row, error in _results(jobs, out_dir, workers, force, spacy_model, sender, today):
            rows.append(row)
            if error:
                errors.append({"file": row["file"], "error": error})
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    atomic_write(out_dir / "summary.csv", summary.to_csv(index=False))
    atomic_write(out_dir / "errors.csv", pd.DataFrame(errors, columns=["file", "error"])
                 .to_csv(index=False))
    return summary
