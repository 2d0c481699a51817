"""Plain data passed between stages: everything after `extract` works on these, not on spaCy.

Every class is a frozen dataclass with `to_dict()` (the JSON contract of the CLI) and, where a
stage needs to reload a saved analysis, `from_dict()`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

Role = Literal["interviewer", "support", "referrer"]
Cue = Literal["said", "office", "shared", "aspiration"]
CATEGORIES: tuple[str, ...] = ("article", "recipe", "book", "association", "website", "magazine")


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    role: Role = "interviewer"
    goes_by: str | None = None  # the nickname the note gives ("Chukwuemeka (Emeka) Obi")
    honorific: str | None = None  # how the note addresses them ("Dr.", "Ms."), for the greeting
    met_on: str | None = None  # ISO day they were met, when the note covers several days

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "role": self.role, "goes_by": self.goes_by,
                "honorific": self.honorific, "met_on": self.met_on}


@dataclass(frozen=True)
class CategoryScore:
    category: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "score": round(self.score, 3)}


@dataclass(frozen=True)
class GiftIdea:
    category: str
    title: str
    detail: str | None = None
    why: str | None = None
    is_search: bool = False  # True when we suggest what to look for rather than a named item

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "title": self.title, "detail": self.detail}


@dataclass(frozen=True)
class Interest:
    text: str
    canonical: str
    holder: str | None
    evidence: str
    cue: Cue = "said"
    domain: str | None = None
    start: int = 0  # character offsets of `text` in the note, for highlighting
    end: int = 0
    mention: str = ""  # the phrase in second person for a letter: "your mother's award-winning pies"
    score: float = 0.0  # how sure extraction is that this is the person's interest
    categories: tuple[CategoryScore, ...] = ()
    gift_ideas: tuple[GiftIdea, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "canonical": self.canonical,
            "holder": self.holder,
            "evidence": self.evidence,
            "cue": self.cue,
            "mention": self.mention,
            "confidence": round(self.score, 2),
            "categories": [c.to_dict() for c in self.categories],
            "gift_ideas": [g.to_dict() for g in self.gift_ideas],
        }


@dataclass(frozen=True)
class Topic:
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text}


@dataclass(frozen=True)
class Remark:
    """Something said about the candidate: what an interviewer liked, or what to clarify."""

    text: str
    person: str | None = None  # who liked it / who asked, when the note says
    day: str | None = None  # ISO day it was said on, when the note covers several days

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "person": self.person, "day": self.day}


@dataclass(frozen=True)
class NoteAnalysis:
    people: tuple[Person, ...] = ()
    interests: tuple[Interest, ...] = ()
    topics: tuple[Topic, ...] = ()
    company: str | None = None
    position: str | None = None
    interview_date: str | None = None  # ISO date of the latest interview day in the note
    interview_dates: tuple[str, ...] = ()
    interview_time: str | None = None  # "HH:MM" of the (first) interview that day, when written
    channel: str | None = None
    stage: str | None = None
    next_stage: str | None = None  # the round the note says comes next ("next: 2nd round w/ VP")
    email_used: tuple[str, ...] = ()  # people the candidate has already emailed
    follow_up_agreed: bool = False
    follow_up_date: str | None = None
    follow_up_with: str | None = None  # who agreed to be contacted, when the note says
    decision_date: str | None = None  # ISO date the note says a decision is due ("decision by 12/4")
    liked: tuple[Remark, ...] = ()
    clarify: tuple[Remark, ...] = ()
    sender: str | None = None
    warnings: tuple[str, ...] = ()

    def interviewers(self) -> list[Person]:
        return [p for p in self.people if p.role == "interviewer"]

    def interests_of(self, name: str) -> list[Interest]:
        return [i for i in self.interests if i.holder == name]

    def with_interests(self, interests: tuple[Interest, ...]) -> NoteAnalysis:
        return replace(self, interests=interests)

    def to_dict(self) -> dict[str, Any]:
        return {
            "people": [p.to_dict() for p in self.people],
            "interests": [i.to_dict() for i in self.interests],
            "topics": [t.to_dict() for t in self.topics],
            "company": self.company,
            "position": self.position,
            "interview_date": self.interview_date,
            "interview_dates": list(self.interview_dates),
            "interview_time": self.interview_time,
            "channel": self.channel,
            "stage": self.stage,
            "next_stage": self.next_stage,
            "email_used": list(self.email_used),
            "follow_up": {"agreed": self.follow_up_agreed, "date": self.follow_up_date,
                          "with": self.follow_up_with},
            "decision_date": self.decision_date,
            "liked": [r.to_dict() for r in self.liked],
            "clarify": [r.to_dict() for r in self.clarify],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoteAnalysis:
        """Rebuild an analysis saved with `to_dict()` (letters and notebooks start from JSON)."""
        interests = tuple(
            Interest(
                text=i["text"],
                canonical=i.get("canonical") or i["text"],
                holder=i.get("holder"),
                evidence=i.get("evidence", ""),
                cue=i.get("cue", "said"),
                mention=i.get("mention", ""),
                score=float(i.get("confidence", 0.0)),
                categories=tuple(CategoryScore(**c) for c in i.get("categories", [])),
                gift_ideas=tuple(GiftIdea(**g) for g in i.get("gift_ideas", [])),
            )
            for i in data.get("interests", [])
        )
        follow_up = data.get("follow_up") or {}
        return cls(
            people=tuple(Person(**p) for p in data.get("people", [])),
            interests=interests,
            topics=tuple(Topic(**t) for t in data.get("topics", [])),
            company=data.get("company"),
            position=data.get("position"),
            interview_date=data.get("interview_date"),
            interview_dates=tuple(data.get("interview_dates", [])),
            interview_time=data.get("interview_time"),
            channel=data.get("channel"),
            stage=data.get("stage"),
            next_stage=data.get("next_stage"),
            email_used=tuple(data.get("email_used", [])),
            follow_up_agreed=bool(follow_up.get("agreed", False)),
            follow_up_date=follow_up.get("date"),
            follow_up_with=follow_up.get("with"),
            decision_date=data.get("decision_date"),
            liked=tuple(Remark(**r) for r in data.get("liked", [])),
            clarify=tuple(Remark(**r) for r in data.get("clarify", [])),
            warnings=tuple(data.get("warnings", [])),
        )


@dataclass(frozen=True)
class Letter:
    recipient: str
    role: Role
    medium: Literal["handwritten", "email"]
    subject: str | None
    body: str
    send_by: str | None  # ISO date-time, or None when the interview date is unknown
    kind: Literal["thank_you", "support_thanks", "check_in"] = "thank_you"

    def to_dict(self) -> dict[str, Any]:
        return {
            "recipient": self.recipient,
            "role": self.role,
            "medium": self.medium,
            "subject": self.subject,
            "body": self.body,
            "send_by": self.send_by,
        }


@dataclass(frozen=True)
class PlanStep:
    date: str | None  # ISO date; None when the interview date is unknown
    action: str
    recipient: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FollowUpPlan:
    steps: tuple[PlanStep, ...] = field(default_factory=tuple)

    def to_list(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.steps]
