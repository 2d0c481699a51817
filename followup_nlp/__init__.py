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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

    from followup_nlp.notes import Note
    from followup_nlp.schema import CategoryScore, FollowUpPlan, GiftIdea, Letter, NoteAnalysis

__all__ = ["analyze", "analyze_many", "analyze_note", "suggest_gifts", "to_frame",
           "write_letters"]
__version__ = "0.1.0"


def analysis_from_doc(doc: Any, note: Note, today: date | None = None) -> NoteAnalysis:
    """Extraction of a parsed Doc plus the tangible-gift warnings: the one path every entry
    point (analyze, analyze_many, batch) takes before gift ideas are added."""
    from dataclasses import replace

    from followup_nlp.extract import analyze_doc
    from followup_nlp.gifts.guard import tangible_gift_warnings

    analysis = analyze_doc(doc, note, today)
    extra = tuple(tangible_gift_warnings(note.text))
    return replace(analysis, warnings=analysis.warnings + extra) if extra else analysis


def analyze_note(note: Note, *, spacy_model: str | None = None, today: date | None = None,
                 gifts: bool = True, interest_lexicon: bool = True) -> NoteAnalysis:
    """Analyze a parsed Note: people, interests (with gift ideas), topics and interview facts."""
    from followup_nlp import pipeline
    from followup_nlp.gifts import enrich

    doc = pipeline.load(spacy_model, interest_lexicon)(note.text)
    analysis = analysis_from_doc(doc, note, today)
    return enrich(analysis) if gifts else analysis


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
    with `check_ins=N`, also N two-weekly check-in letters per interviewer.

    >>> from followup_nlp import analyze, write_letters
    >>> analysis = analyze("Zoom w/ Bo Li (VP Eng), 3/2. He coaches his son's hockey team.")
    >>> letters, plan = write_letters(analysis, sender="Alex Kim", check_ins=1)
    >>> [(x.recipient, x.kind) for x in letters]
    [('Bo Li', 'thank_you'), ('Bo Li', 'check_in')]
    >>> "your son's hockey team" in letters[0].body
    True
    """
    from followup_nlp import letters
    from followup_nlp.letters.compose import LetterOptions

    options = LetterOptions(sender=sender or analysis.sender, tone=tone)  # type: ignore[arg-type]
    return letters.write_letters(analysis, options, templates, check_ins)


def analyze_many(texts: Iterable[str], *, spacy_model: str | None = None,
                 today: date | None = None, batch_size: int = 32) -> list[NoteAnalysis]:
    """Analyze many notes at once (parsed together with `nlp.pipe`, one classifier call).

    >>> from followup_nlp import analyze_many
    >>> [len(a.people) for a in analyze_many(["Met Ana Ruiz (CTO).", "Call w/ Bo Li (VP Eng)."])]
    [1, 1]
    """
    from followup_nlp import pipeline
    from followup_nlp.gifts import enrich_many
    from followup_nlp.notes import parse_note

    notes = [parse_note(text) for text in texts]
    nlp = pipeline.load(spacy_model)
    docs = nlp.pipe((note.text for note in notes), batch_size=batch_size)
    return enrich_many([analysis_from_doc(doc, note, today)
                        for note, doc in zip(notes, docs, strict=True)])


def suggest_gifts(interest: str, evidence: str = "") -> tuple[list[CategoryScore], list[GiftIdea]]:
    """Ranked gift categories and concrete ideas for one interest.

    >>> from followup_nlp import suggest_gifts
    >>> categories, ideas = suggest_gifts("apple pie")
    >>> categories[0].category
    'recipe'
    """
    from followup_nlp.gifts import suggest

    return suggest(interest, evidence)


def to_frame(analyses: Iterable[NoteAnalysis], names: Iterable[str] | None = None) -> pd.DataFrame:
    """A tidy table: one row per interest, with its note, holder, cue, top category and the score
    of every category.

    >>> from followup_nlp import analyze, to_frame
    >>> frame = to_frame([analyze("Met Ana Ruiz (CTO). She loves quilting.")])
    >>> list(frame[["holder", "canonical"]].itertuples(index=False, name=None))
    [('Ana Ruiz', 'quilting')]
    """
    import pandas as pd

    from followup_nlp.schema import CATEGORIES

    analyses = list(analyses)
    labels = list(names) if names is not None else [f"note {i + 1}" for i in range(len(analyses))]
    rows = []
    for label, analysis in zip(labels, analyses, strict=True):
        for interest in analysis.interests:
            scores = {c.category: c.score for c in interest.categories}
            rows.append({
                "note": label, "holder": interest.holder, "text": interest.text,
                "canonical": interest.canonical, "cue": interest.cue,
                "confidence": interest.score,
                "top_category": interest.categories[0].category if interest.categories else None,
                **{f"score_{c}": scores.get(c) for c in CATEGORIES},
                "gift_idea": interest.gift_ideas[0].title if interest.gift_ideas else None,
            })
    columns = ["note", "holder", "text", "canonical", "cue", "confidence", "top_category",
               *[f"score_{c}" for c in CATEGORIES], "gift_idea"]
    return pd.DataFrame(rows, columns=columns)
