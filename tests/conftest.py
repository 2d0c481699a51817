"""Shared fixtures: the real pipeline and model are loaded once per test session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from followup_nlp.resources import data_path

TODAY = date(2026, 11, 23)

TWO_INTERVIEWERS = """\
Phone + video day at Harbor & Finch (marketing coordinator role), Nov 18

- 9am call w/ Lena Kowalski (Marketing Director). She coaches her son's hockey team on weekends
  and asked lots about my event planning background.
- Then Zoom with Tomás Ortega, Brand Manager. There was a big photo of a sailboat behind him -
  he said he races it every summer on Lake Michigan.
- Lena liked my social media calendar sample.
- Should have explained my gap year better.
"""


@pytest.fixture(scope="session")
def nlp():
    from followup_nlp import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def sample_note_path() -> Path:
    return data_path("samples", "sample_note.txt")


@pytest.fixture(scope="session")
def sample_analysis(sample_note_path):
    from followup_nlp import analyze

    return analyze(sample_note_path.read_text(encoding="utf-8"), today=TODAY)


@pytest.fixture(scope="session")
def two_interviewer_analysis():
    from followup_nlp import analyze

    return analyze(TWO_INTERVIEWERS, today=TODAY)
