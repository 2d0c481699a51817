"""The follow-up plan: thank-you deadline, then a friendly check-in every two weeks until the
decision (the seeds: "keep in touch every couple of weeks until the hiring decision")."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from followup_nlp.schema import FollowUpPlan, NoteAnalysis, Person, PlanStep

CHECK_IN_DAYS = 14
AFTER_DECISION_DAYS = 2  # no news two days after the decision was due: one short check-in


def check_in_days(first: date, count: int, decision: date | None = None) -> list[date]:
    """Up to `count` check-in days, every two weeks after `first`, until the decision: when the
    note says when it is due, none after it but one two days on (in case no news came)."""
    days = [first + timedelta(days=CHECK_IN_DAYS * n) for n in range(1, count + 1)]
    if decision is None:
        return days
    before = [day for day in days if day < decision]
    last_call = decision + timedelta(days=AFTER_DECISION_DAYS)
    return [*before, last_call] if len(before) < count and last_call > first else before


def thank_you_day(person: Person | None, analysis: NoteAnalysis) -> str | None:
    """The day after this person was met (a note of several days), else after the (latest)
    interview: a thank-you goes out within 24 hours."""
    met = (person.met_on if person is not None else None) or analysis.interview_date
    return (date.fromisoformat(met) + timedelta(days=1)).isoformat() if met else None


def build_plan(analysis: NoteAnalysis, check_ins: int = 3) -> FollowUpPlan:
    interviewers = analysis.interviewers()
    start = date.fromisoformat(analysis.interview_date) if analysis.interview_date else None
    steps: list[PlanStep] = []
    for person in interviewers:
        steps.append(PlanStep(
            date=thank_you_day(person, analysis),
            action="send the thank-you note (within 24 hours of the interview)",
            recipient=person.name,
        ))
    for person in analysis.people:
        if person.role != "interviewer":
            steps.append(PlanStep(
                date=thank_you_day(person, analysis),
                action=f"send a short thank-you ({person.role})", recipient=person.name,
            ))
    agreed: list = []
    if analysis.follow_up_agreed and analysis.follow_up_date:
        # whoever agreed to it: often the recruiter or coordinator ("Kim said decision by the
        # 18th, fine to email her"), or else every interviewer
        agreed = [p for p in analysis.people if p.name == analysis.follow_up_with] or interviewers
        for person in agreed:
            steps.append(PlanStep(date=analysis.follow_up_date,
                                  action="follow up on the agreed date", recipient=person.name))
    decision = date.fromisoformat(analysis.decision_date) if analysis.decision_date else None
    agreed_day = date.fromisoformat(analysis.follow_up_date) if agreed else None
    for person in interviewers:
        # Someone who agreed to a date is next contacted then, and every two weeks after it;
        # a check-in before the agreed day would press them, and it would press the rest of
        # the panel too ("don't follow up before April 15" is the school's, not one person's).
        first = agreed_day if person in agreed else start
        if first is None:
            continue
        for day in check_in_days(first, check_ins, decision):
            if agreed_day is not None and day < agreed_day:
                continue
            action = ("friendly check-in that refers to the shared interest and restates your "
                      "interest in the role") if decision is None or day < decision else \
                f"no news since the decision was due ({decision.isoformat()}): a short, " \
                "friendly check-in that restates your interest in the role"
            steps.append(PlanStep(date=day.isoformat(), action=action, recipient=person.name))
    steps.sort(key=lambda s: (s.date or "", s.recipient or ""))
    return FollowUpPlan(steps=tuple(steps))


def to_ics(plan: FollowUpPlan, summary_prefix: str = "Interview follow-up") -> bytes:
    """The plan as an iCalendar file of all-day events (one per dated step)."""
    import hashlib

    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//followup-nlp//interview follow-up plan//EN")
    calendar.add("version", "2.0")
    for step in plan.steps:
        if not step.date:
            continue
        day = date.fromisoformat(step.date)
        event = Event()
        who = f" - {step.recipient}" if step.recipient else ""
        event.add("summary", f"{summary_prefix}: {step.action}{who}")
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", datetime.combine(day, time(9, 0), tzinfo=UTC))
        uid = hashlib.sha256(f"{step.date}|{step.action}|{step.recipient}".encode()).hexdigest()
        event.add("uid", f"{uid[:24]}@followup-nlp")
        calendar.add_component(event)
    return calendar.to_ical()
