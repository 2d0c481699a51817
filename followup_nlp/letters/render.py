"""Jinja2 rendering: StrictUndefined and a finalize hook, so no missing, None or empty value can
reach a letter; autoescape for HTML; a sandbox for templates a user brings with --templates."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from followup_nlp.errors import FollowupError
from followup_nlp.resources import templates_dir


class EmptySlotError(FollowupError):
    """A template printed a value that was missing."""


def _refuse_empty(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise EmptySlotError("a letter template printed an empty value; fix the template's {% if %}")
    return value


@lru_cache(maxsize=8)
def environment(user_dir: Path | None = None) -> Environment:
    """Our templates, or the user's folder (sandboxed) with ours as fallback (built once per
    folder: compiled templates are reused across notes)."""
    folders = [str(templates_dir())]
    cls: type[Environment] = Environment
    if user_dir is not None:
        if not user_dir.is_dir():
            raise FollowupError(f"{user_dir}: templates folder not found")
        folders.insert(0, str(user_dir))
        cls = SandboxedEnvironment
    return cls(
        loader=FileSystemLoader(folders),
        undefined=StrictUndefined,
        finalize=_refuse_empty,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(env: Environment, name: str, context: dict[str, Any]) -> str:
    try:
        text = env.get_template(name).render(**context)
    except TemplateError as exc:
        raise FollowupError(f"template {name}: {exc.message or exc}") from exc
    lines = [line.rstrip() for line in text.strip().splitlines()]
    # Optional paragraphs leave blank lines behind; keep at most one between paragraphs.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
