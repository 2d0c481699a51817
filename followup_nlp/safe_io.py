"""Writing user-facing files without losing anything: atomic writes, no silent overwrites,
nothing outside the chosen folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from followup_nlp.errors import FollowupError


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` via a temporary file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise FollowupError(f"{folder}: exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FollowupError(f"{folder}: cannot create folder ({exc.strerror})") from exc


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing names that would escape the folder."""
    target = (folder / name).resolve()
    if folder.resolve() not in target.parents:
        raise FollowupError(f"{name!r}: would be written outside {folder}")
    return target


def write_new_files(folder: Path, files: dict[str, str], force: bool = False) -> list[Path]:
    """Write every file or none: refuse (listing them) if any exists with other content."""
    ensure_folder(folder)
    targets = {inside(folder, name): text for name, text in files.items()}
    clashes = [p for p, text in targets.items()
               if p.exists() and p.read_text(encoding="utf-8", errors="replace") != text]
    if clashes and not force:
        names = ", ".join(p.name for p in clashes)
        raise FollowupError(f"{folder}: would overwrite {names}; use --force or another --out")
    for path, text in targets.items():
        atomic_write(path, text)
    return list(targets)
