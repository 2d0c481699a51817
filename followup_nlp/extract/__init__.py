"""Doc -> NoteAnalysis. The only stage besides `pipeline` that knows spaCy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.attrs import IS_ALPHA, LOWER
from spacy.tokens import Doc

from followup_nlp.extract.facts import extract_facts, find_company
from followup_nlp.extract.interests import HeldCandidate, extract_interests, interest_candidates
from followup_nlp.extract.people import PersonMentions, extract_people, set_it_up
from followup_nlp.extract.topics import extract_topics
from followup_nlp.notes import Note, scheduled_by, signed_by, thanks_sent_by
from followup_nlp.schema import NoteAnalysis

ENGLISH_HINTS = {"the", "and", "with", "to", "of", "a", "in", "is", "was", "he", "she", "i", "we",
                 "for", "on", "about", "her", "his", "my", "w/", "met", "interview"}


def _language_warning(doc: Doc) -> str | None:
    # Counted on the token arrays (no Token objects): the words, and how many are hints.
    strings = doc.vocab.strings
    w_slash = strings.add("w/")
    words = [lower for lower, alpha in doc.to_array([LOWER, IS_ALPHA]).tolist()
             if alpha == 1 or lower == w_slash]
    if len(words) < 12:
        return None
    hints = {strings.add(w) for w in ENGLISH_HINTS}
    if sum(w in hints for w in words) / len(words) < 0.04:
        return "the note does not look like English; followup-nlp only understands English notes"
    return None


def _people(doc: Doc, note: Note) -> tuple[str | None, list, list[PersonMentions]]:
    """(company, people, their mentions): the writer (and each part of their name) and the
    company are never people we met."""
    sender = note.front_matter.get("sender")
    company = find_company(doc, note.front_matter)
    thanked = thanks_sent_by(note.text)
    exclude = {name for name in (sender, company, *(sender or "").split(), signed_by(note.text),
                                 thanked, *(thanked or "").split()) if name}
    people, mentions = extract_people(doc, exclude=exclude)
    arranged = [set(name.lower().split()) for name in scheduled_by(note.text)]
    people = [replace(p, role="support") if p.role == "interviewer" and any(
        set(p.name.lower().split()) <= words for words in arranged) else p for p in people]
    return company, people, mentions


def candidate_interests(doc: Doc, note: Note) -> list[HeldCandidate]:
    """Every candidate interest of a parsed note with its holder (to train the ranker)."""
    return interest_candidates(doc, _people(doc, note)[2])


def analyze_doc(doc: Doc, note: Note, today: date | None = None) -> NoteAnalysis:
    """Everything the letters need from one parsed note."""
    today = today or date.today()
    sender = note.front_matter.get("sender")
    company, people, mentions = _people(doc, note)
    interests = extract_interests(doc, mentions, text_offset=note.offset)
    spans = [(i.start - note.offset, i.end - note.offset) for i in interests]
    topics = extract_topics(doc, spans)
    facts = extract_facts(doc, mentions, note.front_matter, today, company)
    # Whoever liked something of the writer's was weighing them up: "Sade Adebayo, HR Manager
    # ... she liked my scheduling work" was an interviewer, whatever her title suggests (not
    # someone the note says arranged it: "priya set it all up ... he liked my writeup").
    weighed_up = {m.name for m in mentions if m.name in facts.said_to_like and not set_it_up(m)}
    people = [replace(p, met_on=facts.met_on.get(p.name),
                      role="interviewer" if p.role == "support" and p.name in weighed_up
                      else p.role)
              for p in people]
    warnings = []
    if (language := _language_warning(doc)) is not None:
        warnings.append(language)
    if not people:
        warnings.append("no interviewer names found; letters use a generic greeting")
    if people and not interests:
        warnings.append("no personal interests found; letters have no information gift")
    return NoteAnalysis(
        people=tuple(people),
        interests=tuple(interests),
        topics=tuple(topics),
        company=facts.company,
        position=facts.position,
        interview_date=facts.interview_dates[-1] if facts.interview_dates else None,
        interview_dates=tuple(facts.interview_dates),
        interview_time=facts.interview_time,
        channel=facts.channel,
        stage=facts.stage,
        next_stage=facts.next_stage,
        email_used=tuple(facts.email_used),
        follow_up_agreed=facts.follow_up_agreed,
        follow_up_date=facts.follow_up_date,
        follow_up_with=facts.follow_up_with,
        decision_date=facts.decision_date,
        liked=tuple(facts.liked),
        clarify=tuple(facts.clarify),
        sender=sender,
        warnings=tuple(warnings),
    )
