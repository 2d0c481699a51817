"""Writing user-facing files without losing anything: atomic writes, no silent overwrites,
nothing outside the chosen folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from followup_nlp.errors import FollowupError


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write `text` to `path` via a temporary file in the same folder and a rename."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_folder(folder: Path) -> None:
    """Create `folder` (and its parents) unless it exists; refuse if it is not a folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)  # one system call when the folder is new
    except FileExistsError as exc:
        raise FollowupError(f"{folder}: exists and is not a folder") from exc
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


def write_new_bytes(path: Path, data: bytes, force: bool = False) -> None:
    """Write one file, refusing to replace a different existing file unless `force`."""
    if path.is_dir():
        raise FollowupError(f"{path}: is a folder")
    if path.exists() and not force and path.read_bytes() != data:
        raise FollowupError(f"{path}: already exists; use --force or another name")
    ensure_folder(path.parent if str(path.parent) else Path("."))
    atomic_write(path, data)
