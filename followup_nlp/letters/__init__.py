"""NoteAnalysis -> one letter per interviewer, short thanks to helpers, and the follow-up plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from followup_nlp.letters.compose import (
    LetterOptions,
    check_in_context,
    send_by,
    support_context,
    thank_you_context,
)
from followup_nlp.letters.plan import build_plan, check_in_days
from followup_nlp.letters.render import environment, render
from followup_nlp.schema import FollowUpPlan, Letter, NoteAnalysis, Person

GENERIC_INTERVIEWER = Person(name="Hiring Manager", title=None, role="interviewer")


def write_letters(analysis: NoteAnalysis, options: LetterOptions | None = None,
                  templates: Path | None = None, check_ins: int = 0
                  ) -> tuple[list[Letter], FollowUpPlan]:
    """Thank-you letters (one per interviewer), short thanks to helpers, and, with
    `check_ins`, that many two-weekly check-in letters per interviewer."""
    options = options or LetterOptions()
    env = environment(templates)
    letters: list[Letter] = []
    used: set[str] = set()
    interviewers = analysis.interviewers() or [GENERIC_INTERVIEWER]
    for person in interviewers:
        context = thank_you_context(person, analysis, options, used)
        letters.append(Letter(
            recipient=person.name, role=person.role, medium=context["medium"],
            subject=context["subject"], body=render(env, "thank_you.txt.j2", context),
            send_by=send_by(analysis, person),
        ))
    for person in analysis.people:
        if person.role == "interviewer":
            continue
        context = support_context(person, analysis, options)
        letters.append(Letter(
            recipient=person.name, role=person.role, medium=context["medium"],
            subject=context["subject"], body=render(env, "support_thanks.txt.j2", context),
            send_by=send_by(analysis, person), kind="support_thanks",
        ))
    start = date.fromisoformat(analysis.interview_date) if analysis.interview_date else None
    decision = date.fromisoformat(analysis.decision_date) if analysis.decision_date else None
    days: list[date | None] = check_in_days(start, check_ins, decision) if start else \
        [None] * check_ins
    for number, day in enumerate(days, 1):
        when = day.isoformat() if day else None
        for person in analysis.interviewers():
            context = check_in_context(person, analysis, options, number)
            letters.append(Letter(
                recipient=person.name, role=person.role, medium=context["medium"],
                subject=context["subject"], body=render(env, "check_in.txt.j2", context),
                send_by=when, kind="check_in",
            ))
    return letters, build_plan(analysis, check_ins=max(check_ins, 3))
