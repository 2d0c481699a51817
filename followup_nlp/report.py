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
    if analysis.decision_date:
        lines.append(f"Decision due: {analysis.decision_date}")
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


def evaluation_table(result: dict) -> str:
    """Precision / recall / F1 per extraction field, as a small fixed-width table."""
    rows = [("people", result["people"]), ("titles", result["titles"]),
            ("interests", result["interests"])]
    rows += [(f"fact: {k}", v) for k, v in result["facts"].items()]
    lines = [f"split: {result['split']}  notes: {result['notes']}",
             f"{'field':24}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for label, s in rows:
        lines.append(f"{label:24}{s['precision']:8.3f}{s['recall']:8.3f}{s['f1']:8.3f}"
                     f"{s['tp']:6d}{s['fp']:6d}{s['fn']:6d}")
    for label in ("roles", "holders"):
        s = result[label]
        lines.append(f"{label + ' accuracy':24}{s['accuracy']:8.3f}   ({s['right']}/{s['total']})")
    if "personas" in result:
        s = result["personas"]
        lines.append(f"personas: interest recall {s['interest_recall']:.3f} "
                     f"({s['interest_sentences']} sentences), false-interest rate "
                     f"{s['false_interest_rate']:.3f} ({s['non_interest_sentences']} sentences)")
    return "\n".join(lines)


def classifier_table(result: dict) -> str:
    lines = [f"{'split':14}{'examples':>10}{'micro F1':>10}{'macro F1':>10}"]
    for split, s in result.items():
        if isinstance(s, dict) and "macro_f1" in s:
            lines.append(f"{split:14}{s['examples']:10d}{s['micro_f1']:10.3f}{s['macro_f1']:10.3f}")
            lines.append("  per category: " + ", ".join(
                f"{c} {v:.2f}" for c, v in s["per_category_f1"].items()))
    return "\n".join(lines)
