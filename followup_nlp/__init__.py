"""followup-nlp: offline analysis of post-interview notes and personalised thank-you letters.

The public API (heavy libraries are imported on first use, so `import followup_nlp` is cheap):

>>> from followup_nlp import analyze, write_letters
>>> analysis = analyze("Met Sarah Chen (VP Eng) at Acme. She loves quilting.")
>>> [p.name for p in analysis.people]
['Sarah Chen']
>>> letters, plan = write_letters(analysis, sender="Alex Kim")
>>> "quilting" in letters[0].body
True
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_nlp.notes import Note
    from followup_nlp.schema import FollowUpPlan, Letter, NoteAnalysis

__all__ = ["analyze", "analyze_note", "write_letters"]
__version__ = "0.1.0"


def analyze_note(note: Note, *, spacy_model: str | None = None, today: date | None = None,
                 gifts: bool = True, interest_lexicon: bool = True) -> NoteAnalysis:
    """Analyze a parsed Note: people, interests (with gift ideas), topics and interview facts."""
    from dataclasses import replace

    from followup_nlp import pipeline
    from followup_nlp.extract import analyze_doc
    from followup_nlp.gifts import enrich
    from followup_nlp.gifts.guard import tangible_gift_warnings

    doc = pipeline.load(spacy_model, interest_lexicon)(note.text)
    analysis = analyze_doc(doc, note, today)
    if gifts:
        analysis = enrich(analysis)
    extra = tuple(tangible_gift_warnings(note.text))
    return replace(analysis, warnings=analysis.warnings + extra) if extra else analysis


def analyze(text: str, *, spacy_model: str | None = None, today: date | None = None,
            gifts: bool = True, interest_lexicon: bool = True) -> NoteAnalysis:
    """Analyze the text of a note (optionally starting with a `---` front-matter block)."""
    from followup_nlp.notes import parse_note

    return analyze_note(parse_note(text), spacy_model=spacy_model, today=today, gifts=gifts,
                        interest_lexicon=interest_lexicon)


def write_letters(analysis: NoteAnalysis, *, sender: str | None = None, tone: str = "warm",
                  templates: Path | None = None, check_ins: int = 0
                  ) -> tuple[list[Letter], FollowUpPlan]:
    """One thank-you letter per interviewer, short thanks to helpers, and the follow-up plan;
    with `check_ins=N`, also N two-weekly check-in letters per interviewer."""
    from followup_nlp import letters
    from followup_nlp.letters.compose import LetterOptions

    options = LetterOptions(sender=sender or analysis.sender, tone=tone)  # type: ignore[arg-type]
    return letters.write_letters(analysis, options, templates, check_ins)
