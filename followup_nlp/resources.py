"""The one place that knows where the shipped data, models and templates live.

In a built wheel they are package data under `followup_nlp/_bundled/`; in a source checkout
(editable install) they are the top-level `data/`, `models/` and `templates/` folders.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_KINDS = ("data", "models", "templates")


def resource_dir(kind: str) -> Path:
    """Folder holding the shipped `kind` ("data", "models" or "templates")."""
    if kind not in _KINDS:
        raise ValueError(f"unknown resource kind {kind!r}; expected one of {_KINDS}")
    bundled = Path(str(files("followup_nlp"))) / "_bundled" / kind
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent / kind


def data_path(*parts: str) -> Path:
    return resource_dir("data").joinpath(*parts)


def model_path(*parts: str) -> Path:
    return resource_dir("models").joinpath(*parts)


def templates_dir() -> Path:
    return resource_dir("templates")
