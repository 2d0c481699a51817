"""Human-readable output: the analysis report and letters as text, markdown, html or json."""

from __future__ import annotations

import json

from followup_nlp.letters.render import environment
from followup_nlp.schema import FollowUpPlan, Letter, NoteAnalysis


def analysis_report(analysis: NoteAnalysis) -> str:
    lines: list[str] = []
    facts = [("Company", analysis.company), ("Position", analysis.position),
             ("Interview date", ", ".join(analysis.interview_dates) or None),
             ("Channel", analysis.channel), ("Stage", analysis.stage)]
    for label, value in facts:
        lines.append(f"{label + ':':16}{value or 'unknown'}")
    lines.append("")
    lines.append("People")
    for person in analysis.people or ():
        title = f", {person.title}" if person.title else ""
        email = " (email used)" if person.name in analysis.email_used else ""
        lines.append(f"  - {person.name}{title} [{person.role}]{email}")
    if not analysis.people:
        lines.append("  (none found)")
    lines.append("")
    lines.append("Interests")
    for interest in analysis.interests:
        holder = interest.holder or "unknown"
        lines.append(f"  - {interest.text} ({interest.canonical}) - {holder}, {interest.cue}")
        lines.append(f"      evidence: {interest.evidence}")
        if interest.categories:
            top = ", ".join(f"{c.category} {c.score:.2f}" for c in interest.categories[:3])
            lines.append(f"      categories: {top}")
        for idea in interest.gift_ideas:
            detail = f" ({idea.detail})" if idea.detail else ""
            lines.append(f"      gift: {idea.category}: {idea.title}{detail}")
    if not analysis.interests:
        lines.append("  (none found)")
    if analysis.topics:
        lines.append("")
        lines.append("Topics: " + "; ".join(t.text for t in analysis.topics))
    for label, items in (("They liked", analysis.liked), ("To clarify", analysis.clarify)):
        if items:
            lines.append(f"{label}: " + "; ".join(
                r.text + (f" ({r.person})" if r.person else "") for r in items))
    if analysis.follow_up_agreed:
        lines.append(f"Follow-up agreed{': ' + analysis.follow_up_date if analysis.follow_up_date else ''}")
    return "\n".join(lines)


def format_letters(letters: list[Letter], plan: FollowUpPlan | None, fmt: str) -> str:
    if fmt == "json":
        data = {"letters": [letter.to_dict() for letter in letters],
                "plan": plan.to_list() if plan else []}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt in {"markdown", "html"}:
        name = "letters.md.j2" if fmt == "markdown" else "letters.html.j2"
        return environment().get_template(name).render(letters=letters).strip() + "\n"
    blocks = []
    for letter in letters:
        head = f"=== To {letter.recipient} ({letter.role}) - {letter.medium}"
        if letter.send_by:
            head += f", send by {letter.send_by}"
        subject = f"Subject: {letter.subject}\n\n" if letter.subject else ""
        blocks.append(f"{head} ===\n{subject}{letter.body}")
    if plan and plan.steps:
        steps = [f"  {s.date or 'after the interview'}: {s.action}"
                 + (f" - {s.recipient}" if s.recipient else "") for s in plan.steps]
        blocks.append("=== Follow-up plan ===\n" + "\n".join(steps) + "\n")
    return "\n".join(blocks)
