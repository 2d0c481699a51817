"""The follow-up plan: thank-you deadline, then a friendly check-in every two weeks until the
decision (the seeds: "keep in touch every couple of weeks until the hiring decision")."""

from __future__ import annotations

from datetime import date, timedelta

from followup_nlp.schema import FollowUpPlan, NoteAnalysis, PlanStep

CHECK_IN_DAYS = 14


def build_plan(analysis: NoteAnalysis, check_ins: int = 3) -> FollowUpPlan:
    interviewers = analysis.interviewers()
    start = date.fromisoformat(analysis.interview_date) if analysis.interview_date else None
    steps: list[PlanStep] = []
    for person in interviewers:
        steps.append(PlanStep(
            date=(start + timedelta(days=1)).isoformat() if start else None,
            action="send the thank-you note (within 24 hours of the interview)",
            recipient=person.name,
        ))
    for person in analysis.people:
        if person.role != "interviewer":
            steps.append(PlanStep(
                date=(start + timedelta(days=1)).isoformat() if start else None,
                action=f"send a short thank-you ({person.role})", recipient=person.name,
            ))
    if analysis.follow_up_agreed and analysis.follow_up_date:
        for person in interviewers:
            steps.append(PlanStep(date=analysis.follow_up_date,
                                  action="follow up on the agreed date", recipient=person.name))
    if start is not None:
        for n in range(1, check_ins + 1):
            when = (start + timedelta(days=CHECK_IN_DAYS * n)).isoformat()
            if analysis.follow_up_date == when:
                continue
            for person in interviewers:
                steps.append(PlanStep(date=when, action="friendly check-in that refers to the "
                                      "shared interest and restates your interest in the role",
                                      recipient=person.name))
    steps.sort(key=lambda s: (s.date or "", s.recipient or ""))
    return FollowUpPlan(steps=tuple(steps))
