"""What to say to whom. Builds, for each letter, a context of finished sentences; templates only
arrange them. Rules from the seeds: a separate note for every interviewer; handwritten unless
email was already used with that person; within 24 hours; an information gift, never a tangible one;
reiterate interest, thank, recall what they liked, add what could not be fully explained."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from followup_nlp.letters.plan import thank_you_day
from followup_nlp.schema import GiftIdea, Interest, NoteAnalysis, Person, Remark
from followup_nlp.wording import (
    DETERMINERS,
    EVENT_NOUNS,
    PASTIME_GROUPS,
    RELATIVES,
    spelled_out,
    unshouted,
    with_article,
    written_out,
)

Tone = Literal["warm", "formal"]
Medium = Literal["handwritten", "email"]


@dataclass(frozen=True)
class LetterOptions:
    sender: str | None = None
    tone: Tone = "warm"
    today: date | None = None


def first_name(name: str) -> str:
    return name.split()[0]


GENERIC_NAMES = {"Hiring Manager"}


def greeting(person: Person, tone: Tone) -> str:
    """ "Dear Emeka," (warm), "Dear Chukwuemeka Obi," (formal); someone the note calls
    "Dr. Okonkwo" or "Ms. Amara Diallo" is greeted that way in either tone ("Dear Dr. Diallo,")."""
    if person.name in GENERIC_NAMES:
        return f"Dear {person.name},"
    if person.honorific:
        words = person.name.split()
        return f"Dear {person.honorific} {' '.join(words[1:] if len(words) > 1 else words)},"
    return f"Dear {(person.goes_by or first_name(person.name)) if tone == 'warm' else person.name},"


def send_by(analysis: NoteAnalysis, person: Person | None = None) -> str | None:
    """The thank-you goes out within 24 hours of the interview: the day after the one this
    person was met (in a note of several days) or the latest, at the interview's hour when the
    note gives one ("2026-11-20T10:00")."""
    day = thank_you_day(person, analysis)
    latest = person is None or person.met_on in (None, analysis.interview_date)
    return f"{day}T{analysis.interview_time}" if day and analysis.interview_time and latest \
        else day


def medium_for(person: Person, analysis: NoteAnalysis) -> Medium:
    return "email" if person.name in analysis.email_used else "handwritten"


def _position(analysis: NoteAnalysis) -> str | None:
    """The position as a title ("marketing coordinator" typed in a hurry -> "Marketing Coordinator")."""
    return spelled_out(analysis.position) if analysis.position else None


def role_phrase(analysis: NoteAnalysis) -> str:
    """ "the Data Analyst position at Larkspur Health", or what is known of it."""
    position = _position(analysis)
    company = unshouted(analysis.company) if analysis.company else None
    if position and company:
        return f"the {position} position at {company}"
    if position:
        return f"the {position} position"
    if company:
        return f"the position at {company}"
    return "the position"


def _place_of(interest: Interest) -> str | None:
    if interest.canonical.startswith("travel to "):
        return interest.canonical.removeprefix("travel to ")
    return None


def _names_a_doer(mention: str) -> bool:
    """Lowercase words for a person who does the thing ("beekeeper", "cyclist", "board gamer"),
    which a sentence cannot be "about" without an article."""
    return (len(mention.split()) <= 3 and mention.islower()
            and mention.endswith(("er", "or", "ist", "ian", "eur")))


def callback(interest: Interest, analysis: NoteAnalysis, tone: Tone) -> str:
    """One sentence recalling the shared conversation, in the second person."""
    mention = interest.mention or interest.text
    place = _place_of(interest)
    if interest.cue == "aspiration" and place:
        return f"I remembered you mentioning that you have always wanted to visit {place}."
    wish = mention.removeprefix("you ").split()
    if interest.cue == "aspiration" and mention.startswith("you ") and wish \
            and wish[0] not in {"have", "want", "wanted", "always", "would", "are", "were", "hope"}:
        # "she's always wanted to sail round them" -> "... to sail round the Hebrides"
        return (f"I remembered you mentioning that you have always wanted to "
                f"{' '.join(wish)}.")
    if interest.cue == "office":
        where = "behind you on our call" if analysis.channel == "video" else "in your office"
        # "like 20 framed jigsaw puzzles": no article or hedge before the thing itself.
        thing = re.sub(r"^(?:(?:your|the|a|an|like|about|around|maybe|some|~)\s+)+", "", mention)
        # "which" agrees with one sailboat and with twenty puzzles alike.
        return (f"I couldn't help noticing the {thing} {where}, which made our conversation "
                f"all the more memorable.")
    if interest.cue == "shared":
        return (f"It was a real pleasure to discover that we share an interest in "
                f"{interest.canonical}.")
    if place:
        return f"I enjoyed hearing about your interest in {place}."
    if mention.startswith("you "):
        lead = "I enjoyed hearing that" if tone == "warm" else "I was interested to hear that"
        return f"{lead} {mention}."
    lead = ("I especially enjoyed our conversation about" if tone == "warm"
            else "I appreciated our conversation about")
    canonical = interest.canonical.lower()
    if (_names_a_doer(mention) and canonical != mention.lower()) or \
            canonical in {f"{mention.lower()}s", f"{mention.lower()}es"}:
        # not "our conversation about beekeeper" or "about board game" (the note's "board game
        # person"), but "about beekeeping", "about board games"
        mention = interest.canonical
    return f"{lead} {_as_recalled(mention)}."


def _as_recalled(mention: str) -> str:
    """One event or group of theirs, named bare, is theirs: "our conversation about your birding
    trip", "your community choir", not "about birding trip"; anything else as `with_article`
    writes it."""
    words = mention.split()
    if words and mention.islower() and words[-1] in EVENT_NOUNS | PASTIME_GROUPS \
            and words[0] not in DETERMINERS:
        return f"your {mention}"
    return with_article(mention)


def gift_sentence(idea: GiftIdea, interest: Interest, medium: Medium) -> str:
    """The information gift, worded for what it is and how it travels."""
    from followup_nlp.gifts import label_for

    topic = _place_of(interest) or (interest.mention if (interest.mention or "").startswith(
        "being ") else label_for(interest))  # "being a Trekkie" reads; "star trek" is a search
    if re.search(rf"\bthe {re.escape(topic)}\b", interest.text, re.I) and topic.islower():
        topic = f"the {topic}"  # "learning to play the ukulele": "an article about the ukulele"
    enclosed = "I've enclosed" if medium == "handwritten" else "I've attached"
    if idea.is_search:
        # We name no title we cannot vouch for: the letter encloses something the user finds
        # (the gift list says what to search for), as the seeds suggest.
        if idea.category == "recipe":
            return f"{enclosed} a recipe I came across that made me think of our conversation."
        return f"{enclosed} an article about {with_article(topic)} that I thought you might enjoy."
    detail = f" ({idea.detail})" if idea.detail and idea.category in {"website", "association"} \
        else ""
    kinds = {
        "book": f"If you haven't come across it, {idea.title} is well worth a look; "
                f"I thought of you when I saw it.",
        "association": f"You may already know {idea.title}{detail}, but in case not, "
                       f"I thought you might enjoy it.",
        "website": f"I also thought you might enjoy {idea.title}{detail}.",
        "magazine": f"{enclosed} an article from {idea.title} that I thought you might enjoy.",
        "recipe": f"{enclosed} a recipe from {idea.title} that I thought you might enjoy trying.",
        # Catalogue articles are described, never given invented titles: "an article on ...".
        "article": f"{enclosed} {idea.title} that I thought you might enjoy.",
    }
    return kinds[idea.category]


_LEAD_WORDS = re.compile(r"^(?:by|with|about|the fact that)\s+", re.I)
_CLARIFY_VERB = re.compile(
    r"^(?:explained|mentioned|talked about|covered|answered|said|described|asked about|"
    r"brought up|get to|gotten to|discussed|highlighted|emphasized|shown|shared)\s+", re.I)
_TRAILING = re.compile(r"\s+(?:better|more|clearly|well|properly|fully|enough|in depth)\s*$", re.I)


def _clean_clause(text: str, max_words: int = 14) -> str | None:
    text = written_out(text.strip(" .!;:,-–—"))
    text = _LEAD_WORDS.sub("", text)
    text = _TRAILING.sub("", text)
    words = text.split()
    if not words or len(words) > max_words:
        return None
    return text


def _for(remarks: tuple[Remark, ...], person: Person, analysis: NoteAnalysis) -> list[Remark]:
    """Remarks by this person, else remarks not tied to an interviewer (a note's "he liked my
    writeup" right after a line about the recruiter is still an interviewer's remark)."""
    interviewers = {p.name for p in analysis.interviewers()}
    # what they said themselves, on any day they were there ("Ngozi" on both days of a note);
    # else, in a note of several days, only what was said on the day they were met
    own = [r for r in remarks if r.person == person.name]
    remarks = tuple(r for r in remarks if not (r.day and person.met_on and r.day != person.met_on))
    return own or [r for r in remarks if r.person not in interviewers]


def liked_sentence(analysis: NoteAnalysis, person: Person) -> str | None:
    for liked in _for(analysis.liked, person, analysis):
        clause = _clean_clause(liked.text)
        if not clause:
            continue
        lead = clause.split()[0].lower()
        if lead in {"that", "how", "when"}:
            return f"I was glad you liked {clause}."
        if lead not in {"my", "the", "our", "a", "an", "this", "that", "those", "these"}:
            clause = f"my {clause}"
        return f"I was glad you liked {clause}."
    return None


def clarify_sentence(analysis: NoteAnalysis, person: Person) -> str | None:
    for item in _for(analysis.clarify, person, analysis):
        clause = _clean_clause(_CLARIFY_VERB.sub("", item.text.strip()))
        if clause:
            return (f"I don't think I fully explained {clause} when we spoke, and I would welcome "
                    f"the chance to go into more detail.")
    return None


def primary_idea(interest: Interest) -> GiftIdea:
    """The idea the letter names: a real catalogue item when one fits, else the top suggestion."""
    scores = {c.category: c.score for c in interest.categories}
    real = [g for g in interest.gift_ideas if not g.is_search and scores.get(g.category, 1) >= 0.3]
    return (real or list(interest.gift_ideas))[0]


def _pick_interest(person: Person, analysis: NoteAnalysis, used: set[str]) -> Interest | None:
    """This person's interest, preferring one not already used in a colleague's letter."""
    own = analysis.interests_of(person.name)
    if not own and len(analysis.interviewers()) == 1:
        own = [i for i in analysis.interests if i.holder is None]
    # their own pastime before a relative's ("your partner's Montreal marathon"), then the surest
    own = sorted(own, key=lambda i: (_a_relatives(i), -i.score))
    fresh = [i for i in own if i.canonical not in used]
    return (fresh or own or [None])[0]


def _a_relatives(interest: Interest) -> bool:
    """ "your son's wrestling meet", "your kids' lacrosse": a pastime of their family's."""
    words = (interest.mention or "").split()
    return len(words) > 2 and words[0] == "your" and \
        words[1].removesuffix("'s").removesuffix("’s").removesuffix("'") in RELATIVES


def interest_line(analysis: NoteAnalysis, tone: Tone) -> str:
    """Reiterate interest. Only after a first-round interview (or when the note does not say
    which) does the letter ask for a second one; after a second or final round it looks forward
    to the next step instead."""
    if analysis.next_stage is not None:
        # The note already says another round is coming: look forward to it, don't ask for it.
        return ("I left our conversation even more excited about the role, and I look forward to "
                "the next round." if tone == "warm" else
                "I remain very interested in the role and look forward to the next round of "
                "interviews.")
    if analysis.stage in {"second", "final"}:
        return ("I left our conversation even more excited about the role, and I look forward to "
                "hearing about the next steps." if tone == "warm" else
                "I remain very interested in the role and look forward to hearing from you about "
                "the next steps.")
    return ("I left our conversation even more excited about the role, and I would be glad to "
            "come back for a second interview to discuss it further." if tone == "warm" else
            "I remain very interested in the role and would welcome the opportunity to discuss "
            "my qualifications further in a second interview.")


def thank_you_context(person: Person, analysis: NoteAnalysis, options: LetterOptions,
                      used: set[str]) -> dict[str, Any]:
    medium = medium_for(person, analysis)
    tone = options.tone
    interest = _pick_interest(person, analysis, used)
    context: dict[str, Any] = {
        "greeting": greeting(person, tone),
        "thanks": (f"Thank you for taking the time to talk with me about {role_phrase(analysis)}."
                   if tone == "warm" else
                   f"Thank you for the opportunity to interview for {role_phrase(analysis)}."),
        "callback": None,
        "gift": None,
        "liked": liked_sentence(analysis, person),
        "clarify": clarify_sentence(analysis, person),
        "interest_line": interest_line(analysis, tone),
        "closing": "Warm regards," if tone == "warm" else "Sincerely,",
        "sender": options.sender,
        "medium": medium,
        "subject": None,
    }
    if interest is not None:
        used.add(interest.canonical)
        context["callback"] = callback(interest, analysis, tone)
        if interest.gift_ideas:
            context["gift"] = gift_sentence(primary_idea(interest), interest, medium)
    elif context["liked"] is None and context["clarify"] is None:
        # Nothing personal in the notes about this person: thank them for what every
        # interviewer gave, so the card still says more than the greeting and the close.
        context["callback"] = ("I appreciated your answers to my questions and the clear picture "
                               "you gave me of the team and its work." if tone == "warm" else
                               "I appreciated the time you took to answer my questions and to "
                               "describe the work of your team.")
    if medium == "email":
        position = _position(analysis)
        context["subject"] = (f"Thank you - {position} interview" if position
                              else "Thank you for the interview")
    return context


def support_context(person: Person, analysis: NoteAnalysis, options: LetterOptions
                    ) -> dict[str, Any]:
    if person.role == "referrer":
        reason = (f"Thank you for referring me for {role_phrase(analysis)}. I've now interviewed, "
                  f"and it went well; I'm grateful you put my name forward.")
    else:
        # Support staff scheduled the day, met the candidate at the door or talked salary and
        # start dates: thank them for what all of those are, not for one the note may not say.
        reason = (f"Thank you for your help with my interview for {role_phrase(analysis)} and for "
                  f"making me feel so welcome.")
    medium = medium_for(person, analysis)
    return {
        "greeting": greeting(person, options.tone),
        "reason": reason,
        "closing": "With thanks," if options.tone == "warm" else "Sincerely,",
        "sender": options.sender,
        "medium": medium,
        "subject": "Thank you" if medium == "email" else None,
    }


def check_in_callback(interest: Interest, number: int) -> str:
    """A second mention of the shared interest that does not repeat the thank-you note."""
    topic = _place_of(interest) or interest.canonical
    ideas = [g for g in interest.gift_ideas if not g.is_search]
    if number == 1 and len(ideas) > 1:
        idea = ideas[1]
        detail = f" ({idea.detail.split(';')[0]})" if idea.detail and idea.category in {
            "website", "association"} else ""
        return f"I came across {idea.title}{detail} the other day and thought of you."
    if _place_of(interest):
        return f"I hope your plans for {topic} are coming along."
    return f"I hope you've had some time for {topic} lately."


def check_in_context(person: Person, analysis: NoteAnalysis, options: LetterOptions,
                     number: int) -> dict[str, Any]:
    """The `number`-th friendly check-in (1, 2, ...) after the thank-you note."""
    interest = _pick_interest(person, analysis, set())
    warm = options.tone == "warm"
    opening = ("I hope the past couple of weeks have treated you well." if warm else
               "I am writing to follow up on my interview for "
               f"{role_phrase(analysis)}.")
    return {
        "greeting": greeting(person, options.tone),
        "opening": opening,
        "callback": check_in_callback(interest, number) if interest is not None else None,
        "interest_line": (f"I'm still very interested in {role_phrase(analysis)}, and I'd be glad "
                          "to answer any questions as you move toward a decision." if warm else
                          f"I remain very interested in {role_phrase(analysis)} and would be "
                          "pleased to provide any further information you may need."),
        "closing": "Warm regards," if warm else "Sincerely,",
        "sender": options.sender,
        "medium": medium_for(person, analysis),
        "subject": (f"Following up - {_position(analysis)}" if _position(analysis)
                    else "Following up on my interview") if medium_for(person, analysis) == "email"
        else None,
    }
