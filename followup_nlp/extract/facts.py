"""Interview facts: company, position, dates, channel, stage, prior email, follow-up agreement,
what the interviewer liked and what the candidate wants to clarify."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser
from spacy.tokens import Doc, Span, Token

from followup_nlp.extract.components import SPAN_KEYS, doc_text, sentence_chunks, span_text
from followup_nlp.extract.emailed import emailed
from followup_nlp.extract.lexicons import is_given_name, title_heads
from followup_nlp.extract.people import (
    OPENING_VERBS,
    ORG_SUFFIXES,
    PersonMentions,
    mention_indices,
)
from followup_nlp.extract.referents import mentions_in, sentence_referents
from followup_nlp.schema import Remark
from followup_nlp.wording import ABBREVIATIONS as SHORT_FORMS
from followup_nlp.wording import capitalised_word

# Month names and their short forms, not any word they start ("maybe 10" is no 10 May)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
# "15.10.2024": day, month and year between dots (a version number has no four-digit year)
DOTTED_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\w|\.\d)")
DATE_PATTERNS = [
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(rf"\b{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"),
    DOTTED_DATE,
]
CHANNEL_PATTERNS = {
    "video": re.compile(r"\b(zoom|teams|video|google meet|webex|skype|facetime|virtual|on camera"
                        r"|hangouts?)\b", re.I),
    # not "a greyhound called Bolt": "called" before a name names something
    # nor "called that a previous life", "called it a day": naming or ending, not phoning
    "phone": re.compile(r"\b(phone|call(?:ed)?(?!\s+[\"“']?(?-i:[A-Z]))(?!\s+(?:it|that|this)\b)"
                        r"|over the phone|dialed in)\b", re.I),
    "onsite": re.compile(r"\b(on-?site|on site|in[- ]person|office visit|came in"
                         r"|their office|(?:in|at) their \w+ office|campus"
                         r"|headquarters|hq|the building|tour of|toured|lobby|conf(?:erence|\.)? room"
                         r"|walked me|showed me around|trial shift|break room|front desk"
                         r"|his office|her office|in his classroom|in her classroom|at the store"
                         r"|at the site|the floor|shop floor|plant tour|site visit)\b", re.I),
}
STAGE_PATTERNS = [
    # "rd" and "int" are how notes shorten round and interview ("2nd rd", "1st int.")
    # ("second-round": a hyphen as often as a space)
    ("final", re.compile(r"\b(final(?:[- ]round| rd| interview| stage)?|last round"
                         r"|round (?:3|three|4)|3rd[- ](?:round|rd)|third[- ]round)\b", re.I)),
    ("second", re.compile(r"\b(second(?:[- ]round| rd| interview)|2nd(?:[- ]round| rd| interview"
                          r"| int)|round (?:2|two)|follow-?up interview)\b", re.I)),
    ("first", re.compile(r"\b(first(?:[- ]round| rd| interview)|1st(?:[- ]round| rd| interview| int)"
                         r"|round (?:1|one)"
                         r"|phone screen|screening|screen|initial (?:call|interview|chat)|intro call)\b",
                         re.I)),
]
FUTURE_MARKERS = re.compile(r"\b(next|will|upcoming|invite[ds]? (?:me )?to|going to|would be)\b", re.I)
CONDITIONAL_NEXT = re.compile(r"\bif (?:i|we)(?:'m| am| are)? (?:move|moving|go|get|make|"
                              r"advance|pass|progress|am selected|get selected|get through)\b"
                              r"[^.;\n]*", re.I)
FOLLOW_UP = re.compile(r"\b(follow(?:ing)?[- ]?up|check(?:ing)?[- ]in|reach(?:ing)? out|touch base"
                       r"|ping|circle back|get back|hear back)\b", re.I)
AGREEMENT = re.compile(r"\b(ok|okay|fine|welcome|feel free|told me to|said to|encouraged|agreed"
                       r"|happy for me|go ahead|sure|please|invited me|said i (?:can|could|should))\b",
                       re.I)
CONTACT = (r"(?:call(?: back)?|e-?mail|text|write|stop by|check(?:ing)? back|check(?:ing)?[- ]in"
           r"|follow(?:ing)?[- ]?up|reach(?:ing)? out|ping|touch base|circle back"
           r"|send (?:a |her |him |them )?(?:short )?(?:note|line|email)"
           r"|drop (?:her |him |them )?(?:a |an )?(?:short )?(?:e-?mail|line|note))")
CONTACT_WORD = re.compile(rf"\b{CONTACT}\b", re.I)
# "ok to text Tomás Tuesday", "I could email her after that", "said call back monday"
AGREED_CONTACT = re.compile(
    rf"\b(?:ok(?:ay)?|fine|welcome|free|feel free|(?:i|we) (?:can|could|may)|said|says|told me"
    rf"|encouraged me|invited me)(?: to| for me to)?(?: \w+){{0,2}}? {CONTACT}\b"
    rf"|\b{CONTACT}\b[^.;]{{0,40}}\b(?:is|was|would be) (?:fine|ok(?:ay)?|welcome)\b", re.I)
# "don't follow up before then (April 15)", "asked me not to call until the 20th": contact is
# welcome from that day, and not before it.
NOT_BEFORE = re.compile(r"\b(?:don'?t|do not|not to|shouldn'?t|no need to|please don'?t)\s+"
                        r"(?:\w+\s+)?(?:follow[- ]?up|check[- ]in|e-?mail|call|reach out|contact"
                        r"|ping|chase)\b[^.;]{0,40}?\b(?:before|until|till|prior to)\b", re.I)
# "Emailed TY to Johanna + Samuel 11/8 morning", "Emailed all three on Sept 29": the day the
# thanks (or anything the writer sent) went out, not an interview's
THANKS_SENT = re.compile(r"\b(?:sent|emailed|e-mailed|mailed|texted|wrote)\b[^.;\n]{0,40}"
                         r"\b(?:ty|thank[- ]?you|thanks)\b|\b(?:ty|thank[- ]?you|thanks)\b"
                         r"[^.;\n]{0,25}\b(?:sent|emailed|mailed|went out)\b"
                         r"|^\W*(?:i\s+)?(?:sent|emailed|e-mailed|mailed|texted)\b"
                         r"(?![^.;\n]*\b(?:interview|round|met|screen)\b)", re.I)
DECISION = re.compile(r"\b(decision|decide|hear back|get back|start date|offer)\b", re.I)
IN_WEEKS = re.compile(r"\bin\s+(a|one|two|three|four|\d)\s*(?:wks?|weeks?)\b", re.I)
NEXT_WEEK = re.compile(r"\b(?:(early|end of|late)\s+)?next\s+(?:wk|week)\b", re.I)
# When the decision is due: "decision by Dec 4", "should hear back by Friday", "they'll decide
# within two weeks", "offers go out the 15th".
DECISION_DUE = re.compile(r"\b(?:decisions?|decide|deciding|hear back|hear from (?:them|her|him|hr)"
                          r"|get back to (?:me|us)|offers? (?:go|goes|will go|going) out"
                          r"|(?:she|he|they)(?:'ll| will| would| should) let (?:me|us) know"
                          r"|(?:she|he|they)(?:'ll| will| would| should) (?:call|ring|be in touch)"
                          r" (?:me )?(?:by|before|on|within|in)\b)\b",
                          re.I)
WITHIN_WEEKS = re.compile(r"\b(?:in|within)\s+(?:the\s+next\s+)?(?:~|about\s+|around\s+|roughly\s+)?"
                          r"(a|one|two|three|four|\d)\s*(?:wks?|weeks?)\b", re.I)
LIKED = re.compile(r"\b(liked|loved|impressed|was (?:really )?into|appreciated|enjoyed|big plus"
                   r"|resonated|seemed to like|was a hit|perked up|excited about|praised)\b", re.I)
CLARIFY = re.compile(r"\b(wish i(?:'d| had)|should(?:'ve| have)"
                     r"|should (?:explain|clarify|mention|go over|bring up)"
                     r"|(?:didn'?t|did not) (?:fully |really |get to )?"
                     r"(?:explain|mention|talk about|cover|answer)|forgot to (?:mention|say|bring up)"
                     r"|fumbled|blanked|rambled|waffled|stumbled|flubbed"
                     r"|(?:wasn'?t|was not) (?:clear|great)|need to clarify"
                     r"|could have explained|didn'?t get to|botched|messed up"
                     r"|(?:to )?clarify(?=\s*:))\b", re.I)  # a "clarify:" label
# What anyone enjoys about an interview: not something of the writer's a letter could recall
# ("the talk" an academic gave is no small thanks; "our talk" is)
SMALL_THANKS = re.compile(r"(?:(?:the|our|my|your|this|that)\s+)?(?:conversation|chat|call|meeting"
                          r"|interview|discussion|note|email|thank-you(?: note)?)s?\W*\Z"
                          r"|(?:our|this|that)\s+(?:talk|time)\W*\Z", re.I)
PLURAL_LIKERS = re.compile(r"\b(they|everyone|everybody|panel|both|all of them|the team)\b", re.I)
WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
NOT_COMPANIES = {"zoom", "teams", "google meet", "hr", "linkedin", "slack", "webex", "skype", "vp",
                 "ceo", "cto", "cfo", "coo", "pm", "eng", "ops", "it", "q&a", "ai", "ml"}


TIME_OF_DAY = re.compile(r"(?<![\d/:.])(\d{1,2})(?::([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.)(?!\w)"
                         r"|(?<![\d/:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])", re.I)


def _line_head(text: str, i: int) -> int:
    """Where the line holding character `i` starts, past its indent."""
    start = text.rfind("\n", 0, i) + 1
    return start + len(text[start:i]) - len(text[start:i].lstrip())


def find_time(text: str, skip_lines: set[int] = frozenset()) -> str | None:
    """The first clock time in a note ("10am", "2:30 pm", "14:00") as HH:MM, leaving out the
    lines that start at `skip_lines` (a pasted email's "Date: ... at 2:37 PM")."""
    match = next((m for m in TIME_OF_DAY.finditer(text)
                  if _line_head(text, m.start()) not in skip_lines), None)
    if not match:
        return None
    if match.group(3):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(3).lower().startswith("p") else 0)
    else:
        hour, minute = int(match.group(4)), int(match.group(5))
    return f"{hour:02d}:{minute:02d}"


@dataclass
class Facts:
    company: str | None = None
    position: str | None = None
    interview_dates: list[str] = field(default_factory=list)
    interview_time: str | None = None
    channel: str | None = None
    stage: str | None = None
    next_stage: str | None = None
    email_used: list[str] = field(default_factory=list)
    follow_up_agreed: bool = False
    follow_up_date: str | None = None
    follow_up_with: str | None = None
    decision_date: str | None = None
    liked: list[Remark] = field(default_factory=list)
    clarify: list[Remark] = field(default_factory=list)
    met_on: dict[str, str] = field(default_factory=dict)  # name -> the day they were met
    # who is written as the one who liked something ("Anjali liked ...", "she liked ..."), not
    # only guessed from the sentences before a "liked:" label
    said_to_like: set[str] = field(default_factory=set)


WEEKDAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
            "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
            "saturday": 5, "sunday": 6}  # not "sat" or "sun": "we sat down"
WEEKDAY_REF = re.compile(r"\b(next\s+)?(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
                         + r")\b", re.I)


def _next_week(interview: date, part: str | None) -> date:
    """ "ok to follow up next week": a week on from the interview; "early next week" is that
    week's Monday, "end of (late) next week" its Friday."""
    if part is None:
        return interview + timedelta(weeks=1)
    monday = interview + timedelta(days=7 - interview.weekday())
    return monday if part.lower() == "early" else monday + timedelta(days=4)


def _weekday_after(interview: date, ref: re.Match) -> date:
    """ "ok to email him fri" after a Tuesday interview: that Friday. "next fri" said in the week
    whose Friday is still to come: the Friday after it."""
    ahead = (WEEKDAYS[ref.group(2).lower()] - interview.weekday() - 1) % 7 + 1
    if ref.group(1) and interview.weekday() + ahead <= 6:
        ahead += 7
    return interview + timedelta(days=ahead)


def parse_date(text: str, today: date) -> date | None:
    """A date written in a note; a date with no year is taken in the year that puts it closest
    before `today` (a note is written after the interview, or about the weeks just after it)."""
    dotted = DOTTED_DATE.fullmatch(text.strip())
    if dotted:  # "15.10.2024": day first, as everywhere dots are written
        day, month, year = map(int, dotted.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    has_year = bool(re.search(r"\d{4}|/\d{2}$", text.strip()))
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.I).replace(" of ", " ")
    try:
        parsed = date_parser.parse(cleaned, default=datetime(today.year, 1, 1), fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
    if not has_year and parsed > today + timedelta(days=60):
        parsed = parsed.replace(year=parsed.year - 1)
    return parsed


# "by Friday 11th", "Tue the 8th": a weekday and a day of the month, no month
WEEKDAY_AND_DAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?"
                             rf"(\d{{1,2}})(?:st|nd|rd|th)\b(?!\s*\(?(?:of\s+)?{_MONTH})", re.I)
DAY_ONLY = re.compile(r"\b(?:by|on|before|until|till)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b"
                      rf"(?!\s*\(?(?:of\s+)?{_MONTH})", re.I)
WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _day_in_month(anchor: date, shift: int, day: int) -> date | None:
    """Day `day` of the month `shift` months from `anchor`'s, if that month has it."""
    month_index = anchor.year * 12 + anchor.month - 1 + shift
    try:
        return date(month_index // 12, month_index % 12 + 1, day)
    except ValueError:
        return None


def _weekday_and_day(weekday: int, day: int, today: date) -> date | None:
    """The date nearest `today` that has this day of the month and falls on this weekday."""
    options = [d for shift in (-2, -1, 0, 1, 2)
               if (d := _day_in_month(today, shift, day)) is not None and d.weekday() == weekday]
    return min(options, key=lambda d: abs((d - today).days), default=None)


YEAR_WRITTEN = re.compile(r"\d{4}|/\d{1,2}/\d{2}$")  # a date's own text gives its year
YEAR_IN_TEXT = re.compile(r"\d{4}|/\d{1,2}/\d{2}")  # some date in the text may


def _the_notes_year(text: str, given: list[date], today: date) -> date:
    """What a date without a year is read against: the first date the note (or its front
    matter) writes with its year, if that is not after `today`; else `today`. (Most notes
    write no year: they are not searched for dates twice.)"""
    if given:
        first: date | None = given[0]
    elif YEAR_IN_TEXT.search(text):
        first = next((d for start, end, d in find_dates(text, today)
                      if YEAR_WRITTEN.search(text[start:end].strip())), None)
    else:
        first = None
    return first if first is not None and first <= today else today


def find_dates(text: str, today: date) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e, _ in found) \
                    or _a_fraction(text, match):
                continue
            parsed = parse_date(match.group(0), today)
            if parsed is not None:
                found.append((match.start(), match.end(), parsed))
    return sorted(found)


A_BEFORE = re.compile(r"(?:^|\W)an?\s+$", re.I)


def _a_fraction(text: str, match: re.Match) -> bool:
    """ "a 1/12 Corliss engine", "ran a 1/2 marathon": a number over a number after "a" is a
    fraction or a scale; no one writes a date after "a"."""
    return match.group(0)[:1].isdigit() and "/" in match.group(0) \
        and A_BEFORE.search(text, max(match.start() - 4, 0), match.start()) is not None


def weekday_day(text: str, anchor: date) -> date | None:
    """ "by Friday 11th", "call back monday the 12th": a weekday and a day of the month with no
    month, taken in the month near `anchor` (the interview) where that day is that weekday;
    "by the 10th": the first such day after `anchor`."""
    match = WEEKDAY_AND_DAY.search(text)
    if match is not None:
        return _weekday_and_day(WEEKDAY_INDEX[match.group(1).lower()], int(match.group(2)),
                                anchor)
    match = DAY_ONLY.search(text)
    if match is None:
        return None
    return next((d for shift in (0, 1)
                 if (d := _day_in_month(anchor, shift, int(match.group(1)))) is not None
                 and d > anchor), None)


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, with a number the parser split from the rest of its line put back
    ("2" | "Oct, video (Google Meet), first round": the date is "2 Oct")."""
    out: list[Span] = []
    for sent in doc.sents:
        last = out[-1] if out else None
        if last is not None and "\n" not in (text := span_text(last)) \
                and text.strip().isdigit() and len(text.strip()) <= 2:
            out[-1] = doc[last.start : sent.end]
        else:
            out.append(sent)
    return out


def _statements(doc: Doc) -> list[str]:
    """The text of each sentence, with a short label the parser split off ("- next:", "Q:")
    joined to the sentence it labels on the same line: "next: 2nd round w/ HR" is about the
    future, and the label is what says so."""
    out: list[str] = []
    label = ""
    for sent in doc.sents:
        own = span_text(sent)
        if own.startswith((":", "=", "->")) and out and not label \
                and "\n" not in out[-1] and len(out[-1].split()) <= 2:
            # "next| :| onsite w/ the team", "next| = video w/ hiring mgr": the parser split
            # the label
            label = out.pop()
        text = label + own
        if own.rstrip().endswith(":") and "\n" not in own and \
                sum(not t.is_punct and not t.is_space for t in sent) <= 2:
            label = text
            continue
        out.append(text)
        label = ""
    return out + ([label] if label else [])


CHANNEL_PRIORITY = ("onsite", "video", "phone")


def _channel(held: list[str], position: str | None = None) -> str | None:
    """How the main interview happened (`held`: the statements about what already happened).
    Notes that mention several (a phone screen, then an on-site day) are about the later, fuller
    one: on-site beats video beats phone. The job's own name is no channel ("front desk
    coordinator", "video producer")."""
    text = "\n".join(held)
    if position:
        text = re.sub(re.escape(position), " ", text, flags=re.I)
    found = {label for label, pattern in CHANNEL_PATTERNS.items() if pattern.search(text)}
    return next((label for label in CHANNEL_PRIORITY if label in found), None)


STAGE_ORDER = ("first", "second", "final")


def _stages(held: list[str], ahead: list[str], header: str = ""
            ) -> tuple[str | None, str | None]:
    """(the round the note is about, the round it says comes next), from the statements about
    what happened and about what is to come: "1st round ... next: 2nd round w/ the VP" is
    ("first", "second"). A later round is only "next" when it is beyond the round held."""
    # The note's header names its own round ("... onsite, 1st rd"); a later round named
    # further down is what may come ("Rhonda can't do a 2nd rd on Sat").
    stage = next((label for label, pattern in STAGE_PATTERNS
                  if pattern.search(header)), None) or next(
        (label for label, pattern in STAGE_PATTERNS
         if any(pattern.search(text) for text in held)), None)
    upcoming = [label for label, pattern in STAGE_PATTERNS if label != "first"
                and any(pattern.search(text) for text in ahead)]
    rank = STAGE_ORDER.index(stage) if stage else 0
    later = [label for label in upcoming if STAGE_ORDER.index(label) > rank]
    return stage, (min(later, key=STAGE_ORDER.index) if later else None)


# Name particles join capitalised words too ("Grupo Logístico Cerro de la Silla").
AT_COMPANY = re.compile(r"(?:\bat|@)\s+((?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+(?:&|of|at|the|and|"
                        r"(?:(?:de|del|la|las|los|du|des|da|do|dos|van|von|der|den|y)\s+)+[A-Z][\w'’.&-]*|"
                        r"[A-Z][\w'’.&-]*))*)")
NOT_COMPANY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "noon",
                     "january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "at", "of",
                     "and", "&", "i", "zoom", "teams", "hq", "home", "lunch", "end", "least"}


PLACE_WORDS = {"st", "street", "ave", "avenue", "rd", "road", "blvd", "site", "office",
               "location", "campus", "store", "branch", "lobby", "building", "plant", "floor"}


def _clean_company(value: str) -> str | None:
    """ "Kessler Plastics for" -> "Kessler Plastics"; None for "Zoom" or "Thursday"; a job title
    glued on by a comma and an unclosed parenthesis are dropped ("Community Health Worker, Unity
    Health Collective (" -> "Unity Health Collective")."""
    value = re.sub(r"\s*\([^)]*$", "", value)
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if len(parts) > 1:
        heads = title_heads()
        parts = [part for part in parts
                 if not any(w.lower().strip(".") in heads for w in part.split())] or parts
        value = next((part for part in parts if part.split()[-1].lower().strip(".") in ORG_SUFFIXES),
                     parts[-1])
    words = value.split()
    while words and words[-1].lower().strip(".,") in NOT_COMPANY_WORDS:
        words.pop()
    if not words or words[0].lower().strip(".,") in NOT_COMPANY_WORDS - {"the"}:
        return None
    if words[-1].lower().strip(".,") in PLACE_WORDS or (
            is_given_name(words[0]) and len(words) <= 2
            and words[-1].lower().strip(".,") not in ORG_SUFFIXES):  # "Halvard Logistics" is one
        return None  # "at the Elm St site", "at Corwin" (a person's place), not a company
    name = " ".join(words).strip(" .,;:")
    if name.lower() in NOT_COMPANIES or name.lower() in title_heads() or len(name) < 2:
        return None
    return name


HEADER_SPLIT = re.compile(r"(\s(?:[-—–|/]|->|=>)\s|[,:()|\[\]]|\s[-—–]{2}\s)")
CHANNEL_WORDS = {"zoom", "teams", "phone", "video", "onsite", "on-site", "call", "webex", "skype",
                 "interview", "notes", "screen", "panel", "final", "round", "recap",
                 # what a note calls itself or how a pasted message opens: "Coaching log",
                 # "Journal", "Client", "Hey Jo"
                 "log", "journal", "diary", "debrief", "summary", "client", "hey", "hi", "hello",
                 "dear"}


# Words a full stop abbreviates inside a name ("St. Brendan's Hospital", "Acme Co. Ltd"); any
# other word ending in a full stop ends the sentence ("at Mercy. Dr Okonkwo said ...").
ABBREVIATIONS = {"st", "mt", "ft", "dr", "mr", "mrs", "ms", "jr", "sr", "co", "inc", "ltd", "corp",
                 "bros", "no", "ste", "u.s", "u.k", "n.a",
                 # and inside a job title ("Assoc. Civil Engineer", "Asst. Dir. of Nursing")
                 "assoc", "asst", "dir", "mgr", "coord", "dept", "supv", "exec", "admin", "eng",
                 "spec", "tech", "univ", "prof", "gen", "intl", "natl"}


def _sentence_cut(name: str) -> str:
    """ "Mercy. Dr Okonkwo" -> "Mercy."; "St. Brendan's Hospital" stays whole."""
    words = name.split()
    for i, word in enumerate(words[:-1]):
        if word.endswith(".") and word[:-1].lower() not in ABBREVIATIONS and len(word) > 2:
            return " ".join(words[: i + 1])
    return name


LOWER_AT = re.compile(r"(?:\bat|@)\s+([a-z][\w'’&-]*(?:[ \t]+[a-z][\w'’&-]*){0,3})")
RARE_NAME_ZIPF = 3.0  # rarer than "orchard" or "walmart": a word that is mostly a name


def _lowercase_at_company(text: str) -> str | None:
    """ "onsite at copperline hvac (service dispatcher role)": in a note typed in lowercase, "at"
    and a word that is rare in English (wordfreq) begin the employer's name; it runs on through
    rare words and words that close a company's name ("logistics", "group")."""
    from wordfreq import zipf_frequency

    for match in LOWER_AT.finditer(text):
        words = match.group(1).split()
        name: list[str] = []
        for word in words:
            rare = zipf_frequency(word, "en") < RARE_NAME_ZIPF + (0.5 if name else 0.0)
            if word in NOT_COMPANY_WORDS or word in PROSE_WORDS or not (
                    rare or (name and word in ORG_SUFFIXES)):
                break
            name.append(word)
        if name:
            return " ".join(capitalised_word(w) for w in name)
    return None


def _at_company(text: str) -> str | None:
    for match in AT_COMPANY.finditer(text):
        name = _clean_company(_sentence_cut(match.group(1)))
        if name:
            return name
    return None


# Words that open a header segment before the employer ("phone screen kestrel logistics",
# "interview prairie gold foods"); they are dropped, not a reason to drop the segment.
LEADING_WORDS = CHANNEL_WORDS - {"log", "journal", "diary", "debrief", "summary", "client", "hey", "hi",
                                 "hello", "dear"} | {"ph", "scrn", "memo", "voice", "intvw"}
# Words of a sentence about people, never of an employer's name ("talked to Priya").
PROSE_WORDS = {"w/", "w", "with", "to", "talked", "chat", "met", "spoke", "i", "my", "me", "we",
               "she", "he", "they", "was", "is", "went", "had", "so", "ok", "re", "from", "for",
               "by", "position", "role", "job", "title"}
# A date, a time or a count ("3/11", "9am", "2nd", "10.30", "45"), unlike a name's number
# ("IBEW Local 412", "Northway 3PL", "Pharmacy #214").
DATE_LIKE = re.compile(r"\d+[/.:]\d+|^\d+(?:am|pm|st|nd|rd|th|min|mins|hrs?|yr|yrs)?$", re.I)


def _title_like(words: list[str], heads) -> bool:
    """ "cnc machinist 2nd shift", "Sr QA Engineer": a short segment with a job title's head word
    that is not an employer's closing word ("Okoye Lindgren Architects") nor a sentence."""
    return 0 < len(words) <= 5 and not _company_word(words[-1], heads) \
        and any(w in heads for w in words) and not any(w in PROSE_WORDS for w in words)


def _company_word(word: str, heads) -> bool:
    """ "Logistics", "Partners", "Architects" close an employer's name; "tech" closes a job
    title ("diesel tech") though it closes some names too."""
    if word in heads:
        return word.endswith("s") and word[:-1] in heads
    return word in ORG_SUFFIXES


# Words written before a person's name: honorifics and shortened titles ("atty", "dr").
PERSON_PREFIXES = {"dr", "mr", "mrs", "ms", "mx", "prof", "atty", "rev", "sgt", "capt", "coach"}
# Words that open an institution's name as others close a company's ("Hospital San Rafael",
# "University of Leeds", "Bank of Montreal", "City of Tacoma").
INSTITUTION_OPENERS = {"hospital", "university", "bank", "clinic", "college", "museum", "city",
                       "county", "town", "village", "state", "department", "institute", "academy",
                       "church", "banco", "universidad", "clínica", "clinica", "hôpital", "hopital",
                       "universidade", "musée", "museo"}


TRAILING_CALL_WORDS = {"interview", "interviews", "screen", "call"}


def _misspelt_interview(word: str) -> bool:
    """ "intervew", "interveiw", "inteview": a typo of "interview"."""
    from difflib import SequenceMatcher

    word = word.lower().strip(".,")
    return word != "interview" and 7 <= len(word) <= 10 and word.startswith("int") \
        and SequenceMatcher(None, word, "interview").ratio() >= 0.85


FREQUENCY = re.compile(r"\d{2,3}\.\d")  # "KVLR 91.7": a station's frequency, not a date


# The words of a department's name ("Clinical Ops", "Customer Success", "People & Culture").
DEPARTMENT_WORDS = {"ops", "operations", "clinical", "engineering", "eng", "sales", "marketing",
                    "finance", "hr", "people", "culture", "product", "design", "legal", "it",
                    "data", "research", "nursing", "admissions", "facilities", "accounting",
                    "procurement", "quality", "qa", "support", "success", "growth", "security",
                    "platform", "infrastructure", "infra", "analytics", "compliance", "risk",
                    "supply", "chain", "customer", "client", "strategy", "partnerships", "talent",
                    "recruiting", "communications", "comms", "brand", "content", "digital",
                    "medical", "patient", "care", "&", "and", "of", "r&d", "dept", "department"}


def _a_department(lower_words: list[str]) -> bool:
    """ "Clinical Ops", "Customer Success": every (lowercase) word a department's."""
    return all(w in DEPARTMENT_WORDS for w in lower_words)


def _segment_company(segment: str, title_next: bool, heads) -> tuple[bool, str] | None:
    """The employer a header segment names, if it could be one, with whether it ends in a company
    word. A lowercase segment counts only just before a job title ("harlan precision - cnc
    machinist"), where nothing else could sit."""
    words = segment.split()
    while words and (words[0].lower().strip(".,") in LEADING_WORDS or not re.search(r"\w", words[0])):
        words = words[1:]
    words = [w for w in words if not re.fullmatch(r"#\d+", w)]
    # "Riverbend Literacy Alliance interview", "... intervew": what the note is, after the name
    while len(words) > 1 and (words[-1].lower().strip(".,") in TRAILING_CALL_WORDS
                              or _misspelt_interview(words[-1])):
        words = words[:-1]
    if not 1 <= len(words) <= 8 or any(ch in segment for ch in "@<>"):
        return None
    lower = [w.lower().strip(".,") for w in words]
    if _a_department(lower):
        return None  # "(Director, Clinical Ops)": a department, not the employer
    company_word = _company_word(lower[-1], heads) or (
        len(words) > 1 and words[1][:1].isupper() and lower[0] in INSTITUTION_OPENERS)
    if not (words[0][:1].isupper() or company_word or title_next):
        return None
    if (not company_word and _title_like(lower, heads)) \
            or any(w in CHANNEL_WORDS or w in PROSE_WORDS
                   or (DATE_LIKE.search(w) and not (j and (w.isdigit() or FREQUENCY.fullmatch(w))
                                                    and words[j - 1][:1].isupper()))
                   or w in NOT_COMPANY_WORDS - {"the", "of", "and", "&", "home"}
                   for j, w in enumerate(lower)):
        return None
    if (is_given_name(words[0]) or is_given_name(words[0].split("-")[0])) \
            and not company_word and (len(words) <= 2 or (words[0].islower() and len(words) <= 3)):
        return None  # "Sarah Chen", "hyun-woo lim": a person, not a company
    name = _clean_company(" ".join(words))
    return (company_word, _capitalised(name)) if name else None


def _capitalised(name: str) -> str:
    """A name typed all lowercase, as a letter should write it: "bluebonnet bbq" -> "Bluebonnet
    BBQ", "tri-county credit union" -> "Tri-County Credit Union"."""
    if not name.islower():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group() if m.group() in {"of", "the", "and", "s"} else
                  m.group().upper() if not re.search(r"[aeiouy]", m.group())
                  and m.group() not in ABBREVIATIONS
                  else m.group()[:1].upper() + m.group()[1:], name)


# A pasted email's marker and header lines ("---------- Forwarded message ---------",
# "From: ...", "Subject: ..."): not the note's own header, whatever they say.
FORWARD_MARK = re.compile(r"^\W*(?:forwarded message|original message|begin forwarded message)"
                          r"\W*$|^\s*from\s*:", re.I)
_ADDRESS_FIELDS, _SENT_FIELDS = "from|to|cc|subject", "date|sent"
EMAIL_HEADER = re.compile(rf"^\s*(?:{_ADDRESS_FIELDS}|{_SENT_FIELDS})\s*:", re.I)
ADDRESSED = re.compile(rf"^\s*(?:{_ADDRESS_FIELDS})\s*:", re.I)
SENT_ON = re.compile(rf"^\s*(?:{_SENT_FIELDS})\s*:", re.I)
# A recruiter's email names the employer: "Thank you for your interest in Altair Precision
# Components", "welcome to Harbor & Finch".
EMAIL_EMPLOYER = re.compile(r"\b(?:your interest in|welcome to|on behalf of)\s+([A-Z][\w'’&-]*"
                            r"(?:(?:[ \t]+(?:&|of|and))?[ \t]+[A-Z][\w'’&-]*){0,4})")


# A pasted email's signature line: "Amara Nwosu | Talent Acquisition | SunCrest Solar & Storage".
EMAIL_SIGNATURE = re.compile(r"^[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}[ \t]*\|[^|\n]+\|"
                             r"[ \t]*([A-Z][^|\n]{2,60}?)[ \t]*$", re.M)


def _opens_with_an_email(lines: list[str]) -> bool:
    return bool(lines) and FORWARD_MARK.match(lines[0]) is not None


def _header_lines(text: str) -> list[str]:
    """The note's lines from its first one with something to say: in a note that opens with a
    pasted email, its marker and header lines skipped (a note may start with a "Subject:" line
    of its own: "Subject: Finance Analyst II - onsite Tue 3/3")."""
    lines = text.strip().splitlines()
    if _opens_with_an_email(lines):
        while lines and (not lines[0].strip() or FORWARD_MARK.match(lines[0])
                         or EMAIL_HEADER.match(lines[0])):
            lines.pop(0)
    return lines


def _header_company(text: str, titles: frozenset[str] = frozenset()) -> tuple[bool, str] | None:
    """ "Calloway Bank, FP&A Manager — Teams, Wed March 18": a segment of the note's first line
    that is neither a job title, a date, a channel nor a person; one ending in a company word
    ("Bennett Clinic Group") wins, then the first. A prose first line counts
    only up to its first full stop, and only for an employer before a job title ("Ostrander
    Mutual, property claims adjuster I. Video w/ ..."). Returns whether a job title follows
    the name, and the name. A segment that is one of the note's job titles (`titles`, lowercase:
    "Head of People") is no employer."""
    first = next(iter(_header_lines(text)), "")
    prose = next((m for m in re.finditer(r"(\S*)[.!?]\s+\w", first)
                  if m.group(1).lower() not in ABBREVIATIONS), None)
    if prose:
        first = first[:prose.start() + len(prose.group(1))]
    heads = title_heads()
    # Each segment with the separator after it.
    pieces = HEADER_SPLIT.split(first)
    segments = [(seg, (pieces[k + 1:k + 2] or [""])[0]) for k, seg in enumerate(pieces)
                if k % 2 == 0 and seg.strip()]
    candidates = []
    for i, (segment, separator) in enumerate(segments):
        after = [w.lower().strip(".,") for w in segments[i + 1][0].split()] \
            if i + 1 < len(segments) else []
        title_next = _title_like(after, heads)
        words = [w for w in segment.split() if re.search(r"\w", w)]  # not a bullet's dash
        if words and words[0].lower().strip(".") in PERSON_PREFIXES:
            words = words[1:]  # "- atty gwendolyn ferro (partner)"
        if " ".join(words).lower() in titles:
            continue
        if title_next and separator == "(" and len(words) <= 3 \
                and not any(w in {"&", "and", "of"} for w in words) \
                and not _company_word(words[-1].lower(), heads):
            continue  # "Prudence Halloway (director)": a name with its job title
        found = _segment_company(segment, title_next, heads)
        if found and (title_next or not prose or i == 0):
            # an aside in brackets ("in person at the station (little brick building ...)")
            # after the segments outside them
            aside = i > 0 and segments[i - 1][1] == "("
            candidates.append((aside, not found[0], i, found[1], title_next))
    if not candidates:
        return None
    best = min(candidates)
    return best[4], best[3]


def find_company(doc: Doc, front: dict[str, str]) -> str | None:
    """The employer: as the front matter or a "company:" line gives it, else found in the note
    and, when the note typed it in lowercase ("interview today at harlow & finch"), capitalised
    as a name, for a letter to use."""
    if front.get("company"):
        return front["company"]
    text = doc_text(doc)
    labelled = re.search(r"^\s*(?:company|employer|org)\s*[:=-]\s*(.+?)\s*$", text, re.I | re.M)
    if labelled:
        return labelled.group(1).strip()
    found = _found_company(doc, text)
    return _as_a_name(found) if found is not None and found.islower() else found


NAME_CONNECTORS = {"&", "and", "of", "the", "for", "de", "du", "la", "le", "van", "von", "y"}
COMPANY_FORMS = {"plc": "PLC", "llc": "LLC", "llp": "LLP", "gmbh": "GmbH"}


def _as_a_name(name: str) -> str:
    """ "harlow & finch" -> "Harlow & Finch", "bank of the west" -> "Bank of the West",
    "crestgate bank plc" -> "Crestgate Bank PLC"."""
    return " ".join(w if i and w in NAME_CONNECTORS else COMPANY_FORMS.get(w, capitalised_word(w))
                    for i, w in enumerate(name.split()))


def _found_company(doc: Doc, text: str) -> str | None:
    lines = _header_lines(text)
    pasted = _opens_with_an_email(text.strip().splitlines())
    # Where notes name the employer: "at X" in the first line, the header line, "at X" near the
    # top, then anywhere.
    # An employer just before the job title in a header beats "at the Fremont Yard office".
    titles = frozenset(span_text(s).lower() for s in doc.spans.get(SPAN_KEYS["TITLE"], []))
    header, at_first = _header_company(text, titles), _at_company(lines[0] if lines else "")
    if header and header[0] and not (at_first and lines[0].find(at_first) < lines[0].find(header[1])):
        return header[1]
    in_email = EMAIL_EMPLOYER.search(text) if pasted else None
    signature = EMAIL_SIGNATURE.search(text) if pasted else None
    for found in (at_first, header and header[1],
                  in_email and _clean_company(in_email.group(1).strip()),
                  signature and _clean_company(signature.group(1).strip()),
                  _at_company("\n".join(lines[:3])), _at_company(text),
                  _lowercase_at_company("\n".join(lines[:3]))):
        if found:
            return found
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e.text.lower() not in NOT_COMPANIES
            and len(e.text) > 1 and e.text.lower() not in title_heads()
            and not any(t.lower_ in {"hr", "ta"} for t in e)
            and e[0].lower_ not in OPENING_VERBS]  # "Met Kenji Morimoto" read as one ORG
    for ent in orgs:
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in {"at", "@", "with", "for", "from"} and (name := _clean_company(ent.text)):
            return name  # not "with Maren Holt": NER calls some names ORG
    # Anywhere else, an ORG that the interest lexicon knows is a team or a band someone is a
    # fan of ("a die-hard Cubs fan"), not the employer.
    # Nor is part of someone's job title ("Priya Nair (QA lead)"), nor what the interview was
    # about ("asked about CZM consistency reviews").
    inside = [*doc.spans.get(SPAN_KEYS["INTEREST"], []), *doc.spans.get(SPAN_KEYS["TITLE"], [])]
    cleaned = [name for e in orgs if (name := _clean_company(e.text.split(" - ")[0]))
               and not (name.islower() and (len(name) < 5 or " " not in name))
               and not _a_department([w.lower() for w in name.split()])
               and not (e.start and e.doc[e.start - 1].lower_ in {"my", "his", "her", "their"})
               and not any(s.start <= e.start and e.end <= s.end for s in inside)
               and not _ends_a_title(e) and not _discussed(e) and not _named_belonging(e)]
    return cleaned[0] if cleaned else None


EMPLOYER_NOUNS = {"company", "firm", "employer", "business", "agency", "startup", "practice",
                  "organisation", "organization", "shop", "store", "clinic", "school"}


def _named_belonging(ent: Span) -> bool:
    """A name right after something someone has ("her corgi Biscuit", "his boat Sea Biscuit",
    "my old band Velvet Static"): that thing's name, not the employer's."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.pos_ == "NOUN" and before.lemma_.lower() not in EMPLOYER_NOUNS \
        and any(c.dep_ == "poss" for c in before.children)


def _ends_a_title(ent: Span) -> bool:
    """ "Director of Food & Beverage", "VP of People Ops": what a title head is "of" is a
    department, not the employer."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
        and doc[ent.start - 2].lower_.strip(".") in title_heads()


def _discussed(ent: Span) -> bool:
    """An entity in the object of "about" or "on" after a verb ("asked about CZM reviews",
    "grilled me on Salesforce"): a topic of the interview."""
    token = ent.root
    for _ in range(3):
        if token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in {"about", "on"} \
                and token.head.head.pos_ == "VERB":
            return True
        token = token.head
    return False


POSITION_PATTERNS = [
    re.compile(r"^\s*(?:position|role|job|title|applying for)\s*[:=-]\s*(.+?)\s*$", re.I | re.M),
    re.compile(r"\b(?:position|role|job) (?:is|was) (?:for )?(?:a |an |the )?"
               r"((?:[\w/&+.-]+ ){0,4}[\w/&+.-]+)", re.I),
    re.compile(r"\bfor (?:the|a|an|their) ((?:[\w/&+.-]+ ){0,5}?[\w/&+.-]+) "
               r"(?:role|position|job|opening|post|opportunity|req)\b", re.I),
    re.compile(r"\(((?:[\w/&+.-]+ ){0,4}?[\w/&+.-]+) (?:role|position|opening|job)\)", re.I),
    re.compile(r"\b(?:interview(?:ed|ing)? for|applied for|applying for|applying to be)"
               r" (?:the |a |an )?((?:[\w/&+.-]+ ){0,5}?[\w/&+.-]+?)(?: role| position| job)?"
               r"(?= at\b| with\b|[,.;()\n]|$)", re.I | re.M),
]


HEADER_BREAKS = {"-", "—", "–", ",", "|", "(", ")", ":", "/", "@", "+", ";", ".", ">", "→"}
HEADER_LEADS = {"for", "re", "as", "at", "with", "w/"}
HEADER_NOISE = {"interview", "interviews", "interveiw", "int", "notes", "note", "final", "round",
                "first", "second", "third", "phone", "screen", "video", "call", "onsite", "on-site",
                "entrevista", "job", "role", "position", "opening", "the", "a", "an", "my", "day",
                "panel", "trial", "shift", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
                "fri", "sat", "sun", "today", "yesterday", "am", "pm",
                # "ok so the sous chef thing at harbor & vine"
                "ok", "okay", "so", "um", "well", "anyway", "thing", "gig"}


def _ordinal_of_the_job(token: Token) -> bool:
    return bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", token.lower_)) and token.i + 1 < len(token.doc) \
        and token.doc[token.i + 1].lower_ in {"grade", "year", "level", "floor", "class"}


def _first_lines(doc: Doc, count: int) -> list[Span]:
    """The note's first sentences, where the parser's full stop after an abbreviation does not
    end one ("Sable Ridge Telecom / Dir.| Network Engineering / final")."""
    lines: list[Span] = []
    for sent in doc.sents:
        if lines and _abbreviation_stop(lines[-1][-1]) and "\n" not in lines[-1][-1].whitespace_:
            lines[-1] = doc[lines[-1].start : sent.end]
        elif len(lines) == count:
            break
        else:
            lines.append(sent)
    return lines


def _abbreviation_stop(token: Token) -> bool:
    """The full stop of an abbreviation ("Sr.", "Dir."): typed right after a short form."""
    if token.text != "." or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and before.lower_ in SHORT_FORMS


def _names_next(token: Token, named: frozenset[int] | set[int]) -> bool:
    """A name right after the token, past an abbreviation's full stop: "Capt.| Rodrigo Almeida"
    is his rank, not the job."""
    doc, i = token.doc, token.i + 1
    if i < len(doc) and doc[i].text == "." and not token.whitespace_:
        i += 1
    return i < len(doc) and i in named


def _header_position(doc: Doc, people: list[PersonMentions]) -> str | None:
    """The job in the note's first line, where people write "Calloway Bank, FP&A Manager —
    Teams" or "at Kessler Plastics for quality engineer": the segment holding a job-title word
    that is nobody's own title."""
    lines = _first_lines(doc, 2)
    named = mention_indices(people)
    heads = title_heads()
    for sent in lines:
        segment: list = []
        segments = []
        for token in sent:
            if segment and _abbreviation_stop(token):
                segment.append(token)  # "Sr. Controls Engineer": an abbreviation's full stop
                continue
            if token.text in HEADER_BREAKS or token.lower_ in HEADER_LEADS or token.is_space:
                segments.append(segment)
                segment = []
                continue
            segment.append(token)
        segments.append(segment)
        after_name = False
        for tokens in segments:
            if not tokens:
                continue
            # "Hamza Farouk, ops mgr": a title right after a name is that person's, not the job
            # (but not after "aoife and mei-ling from little sprouts daycare (lead teacher)").
            follows_name, after_name = after_name, tokens[-1].i in named
            if follows_name or any(t.pos_ == "PRON" for t in tokens) or _names_next(tokens[-1], named):
                continue
            # not dates or counts, but an ordinal that is part of the job ("4th grade teacher")
            words = [t for t in tokens if not ((t.like_num and not _ordinal_of_the_job(t))
                                               or t.ent_type_ in {"DATE", "TIME"})]
            while words and words[0].lower_ in HEADER_NOISE:
                words.pop(0)
            while words and words[-1].lower_ in HEADER_NOISE - {"shift"}:
                words.pop()
            if not words or len(words) > 6 or any(t.i in named for t in words):
                continue
            # the head comes last ("Branch Mgr"), or first when abbreviated ("Dir. Network Eng")
            head_first = len(words) > 2 and words[1].text == "." and words[0].lower_ in heads
            if not head_first and ((any(t.ent_type_ == "ORG" for t in words)
                                    and words[-1].lower_.strip(".") not in heads)
                                   or _company_word(words[-1].lower_.strip("."), heads)):
                continue  # "Harrow & Daley Accountants" is the firm, not the job
            if words[-1].text == ".":
                words.pop()  # "pharm tech.| in person": the full stop ends the sentence too
            if head_first or any(t.lower_.strip(".") in heads for t in words[-2:]):
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                return doc_text(doc)[start:end]
    return None


def _position(doc: Doc, front: dict[str, str], people: list[PersonMentions]) -> str | None:
    if front.get("position"):
        return front["position"]
    for pattern in POSITION_PATTERNS:
        match = pattern.search(doc_text(doc))
        if match:
            value = match.group(1).strip(" .,:;-")
            if value and value.lower() not in {"this", "that", "the", "it"}:
                return value
    return _header_position(doc, people)


def _people_in(sent: Span, people: list[PersonMentions]) -> list[PersonMentions]:
    return [p for p in people if any(sent.start <= m.start < sent.end for m in p.mentions)]


def _named_before(sent: Span, people: list[PersonMentions], char: int) -> str | None:
    """Who is named last before a character of a sentence: "Dr. Anjali really liked that I'm
    bilingual, ... and Teresa kept coming back to ..." is Anjali's remark."""
    before = [p.name for m, p in mentions_in(sent, people) if m.end_char <= char]
    return before[-1] if before else None


CLAUSE_LEADS = {"that", "how", "when"}
WH_LEADS = {"why", "how", "what", "whether"}


# Prepositions whose phrase belongs to the remark though the parser hung it on the verb.
REMARK_PREPS = {"about", "on", "with", "for", "regarding", "around"}
# Where a correction's thing ends: at a comma or bracket, or at "not" / "yet" ("my P&C license,
# NOT the CIC", "the WSET 3 yet").
A_BUT = re.compile(r"[,(;]|\s(?:not|yet)\b", re.I)


def _past_a_prep(sent: Span, end: int, head: int, preps: set[str] = REMARK_PREPS) -> int:
    """The end of a phrase with the prepositional phrase right after it, when that hangs on
    token `head` ("clarify my experience| with Epic charting"); else `end` as it is."""
    after = sent.doc[end] if end < sent.end else None
    if after is not None and after.dep_ == "prep" and after.head.i == head and after.norm_ in preps:
        return after.right_edge.i + 1
    return end


def _correction(sent: Span, label_end: int, later: int | None = None) -> str | None:
    """What a "clarify:" label (ending at `label_end`, a character offset in the sentence)
    corrects: the thing it names first, else what the correction about the writer names, read
    from a later cue in the sentence if there is one."""
    return _what_the_label_corrects(sent, label_end) or _what_was_got_wrong(
        _remark_phrase(sent, label_end if later is None else later, clause_ok=False))


def _what_the_label_corrects(sent: Span, offset: int) -> str | None:
    """ "clarify: my MSN is in progress, done dec" -> "my MSN", "clarify: idempotency, I mixed up
    ..." -> "idempotency": the thing the correction is about, when the note names it first. A
    correction about the writer ("clarify: I'm not OSHA 30 yet") names no thing a letter could
    offer to explain, so none is taken from it."""
    start_char = sent.start_char + offset
    after = [t for t in sent if t.idx >= start_char and not t.is_space and t.text != ":"]
    if not after or after[0].lower_ in {"i", "i'm", "im"} or after[0].pos_ in {"VERB", "AUX"}:
        return None
    if after[0].lower_ in WH_LEADS:  # "clarify: what I meant by "feature store""
        return _remark_phrase(sent, offset, clause_ok=False)
    chunk = next((c for c in sentence_chunks(sent) if c.start == after[0].i), None)
    if chunk is None or chunk.root.pos_ == "PRON" or chunk.root.like_num or chunk.root.ent_type_ \
            in {"DATE", "TIME", "PERSON", "MONEY", "CARDINAL", "QUANTITY", "PERCENT"}:
        return None
    doc, end = sent.doc, chunk.end
    while end < sent.end and doc[end].like_num and doc[end].head.i == chunk.root.i:
        end += 1  # "Series 7", "OSHA 30"
    # "my experience with audiobook production"
    end = _past_a_prep(sent, end, chunk.root.i, {"with", "in", "on", "about", "for", "of"})
    text = A_BUT.split(doc[chunk.start : end].text, maxsplit=1)[0].strip()
    return text if 0 < len(text.split()) <= 8 else None


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
          "january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december"}


def _what_was_got_wrong(phrase: str | None) -> str | None:
    """From a correction about the writer ("clarify: I said my apprenticeship was 4 years"),
    what a letter's "I don't think I fully explained ..." can name: the writer's own thing or a
    name ("my apprenticeship", "PTCB"), up to a comma or a "not" ("my P&C license, NOT the
    CIC"); not a number, a month or a bracket ("only OSHA 10" gives "10", "40 staff")."""
    if not phrase:
        return None
    phrase = A_BUT.split(phrase, maxsplit=1)[0].strip()
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z+&'-]*", phrase)]
    if not any(len(w) > 2 and w not in MONTHS for w in words) or not (
            phrase.lower().startswith("my ") or (phrase[:1].isupper() and phrase[:2] != "I ")):
        return None
    return phrase


def _my_subject(verb) -> bool:
    """The verb's subject is the writer's own thing ("my SQL window functions| answer")."""
    return any(c.dep_ == "nsubj" and any(x.dep_ == "poss" and x.lower_ == "my" for x in c.children)
               for c in verb.children)


def _from_determiner(tokens: list) -> list:
    """ "good my experience" (a non-native "did not explain good my experience") -> "my
    experience": modifiers written before a possessive or article belong to the verb."""
    lead = next((k for k, t in enumerate(tokens) if t.dep_ in {"poss", "det"}), 0)
    if lead and all(t.pos_ in {"ADJ", "ADV"} for t in tokens[:lead]):
        return tokens[lead:]
    return tokens


def _ends_in_label(text: str) -> bool:
    """ "Could have explained better:", "**Liked:**": a label whose content is the next sentence."""
    return text.strip().strip("*_ ").endswith(":")


DURATION_UNITS = {"sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr",
                  "hrs", "hour", "hours", "day", "days", "wk", "wks", "week", "weeks"}


def _remark_phrase(sent: Span, offset: int, clause_ok: bool) -> str | None:
    """What was liked or needs clarifying, as a phrase a letter can use (`_remark_words`), without
    a bracket it opens and does not close ("the Sept–Nov travel season (6-7 weeks away)" gave
    "the Sept–Nov travel season (" in a letter), and never a bare number ("should have said
    ~3,200 hrs" gave "I don't think I fully explained ~3,200")."""
    text = _remark_words(sent, offset, clause_ok)
    if text is not None and text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip(" ,;:-–—") or None
    if text is not None and not re.search(r"[^\W\d_]{2}", text):
        return None
    return text


def _remark_words(sent: Span, offset: int, clause_ok: bool) -> str | None:
    """The first noun phrase after the cue ("my classroom management approach"), or for "liked
    that I ..." the clause."""
    start_char = sent.start_char + offset
    after = [t for t in sent if t.idx >= start_char]
    # "should have explained better: why I left ...": what follows the colon is the thing
    colon = next((k for k, t in enumerate(after[:5]) if t.text in {":", "–", "—"}), None)
    if colon is not None and colon + 1 < len(after):
        after = after[colon + 1 :]
        start_char = after[0].idx
    if not after:
        return None
    first = next((t for t in after if not t.is_space), None)
    if first is not None and first.pos_ == "VERB" and first.i + 1 < sent.end \
            and sent.doc[first.i + 1].lower_ in WH_LEADS:
        # "should've explained| why I left Ridgeway": the question is the thing
        after = [t for t in after if t.i > first.i]
        first = after[0]
    # "liked that I ...", and what to clarify as a question: "why I left Harbor FCU after 8 mos"
    wh_clause = first is not None and first.lower_ in WH_LEADS
    if (clause_ok or wh_clause) and first is not None and \
            first.lower_ in CLAUSE_LEADS | WH_LEADS | {"the"} and any(
            t.lower_ == "i" for t in after[:4]):
        words = []
        for token in after:
            if token.text in {",", ";", "(", "—", "–", ".", "!"} or "\n" in token.text \
                    or (token.text == "-" and token.i > 0 and sent.doc[token.i - 1].whitespace_):
                break  # (a spaced dash ends it; a hyphen inside a word does not)
            if token.pos_ == "ADP" and token.i + 1 < len(sent.doc) and \
                    sent.doc[token.i + 1].ent_type_ in {"DATE", "TIME", "QUANTITY", "CARDINAL"}:
                break  # "... after 8 mos": the time is the note's detail, not the letter's
            words.append("I" if token.lower_ == "i" else token.text)
            words.append(token.whitespace_)
        clause = "".join(words).strip()
        return clause if 2 <= len(clause.split()) <= 14 else None
    verb = next((t for t in after if t.pos_ == "VERB"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    if obj is None and verb is not None and not clause_ok:
        # "explained my anesthesia monitoring better" read as a clause whose verb is "monitoring"
        # and whose subject is "my anesthesia": the whole stretch is the thing
        # (or "my SQL window functions answer", with "answer" read as a verb)
        gerund = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}
                       and (c.tag_ == "VBG" or (c.tag_ in {"VB", "VBP"} and _my_subject(c)))
                       and c.i > verb.i
                       and not any(x.dep_ in {"aux", "dobj"} for x in c.children)), None)
        subject = next((x for x in gerund.children if x.dep_ == "nsubj"), None) \
            if gerund is not None else None
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            words = _from_determiner(list(subject.subtree))
            return sent.doc[words[0].i : gerund.i + 1].text.strip()
        # "explained my Python automation work more clearly" read with "work" as a clause, or
        # "my gap year better" with "year" hanging off "better": the noun after the verb
        obj = next((c for c in verb.children if c.i > verb.i and c.pos_ in {"NOUN", "PROPN"}),
                   None) or next((t for t in verb.subtree if t.i > verb.i and t.pos_ == "NOUN"
                                  and t.dep_ == "npadvmod"), None)
    if obj is None and verb is not None and not clause_ok:
        # "wish I'd talked more about the grant reporting I did" ("reporting" read as a verb)
        obj = _what_it_is_about(verb, ABOUT_WORDS)
    if obj is not None and obj.lower_ in AMOUNT_WORDS:
        # "should have said more about trial prep binders": what it was about is the thing
        obj = _what_it_is_about(obj, {"about", "on"})
    if not clause_ok and obj is not None and obj.pos_ != "PRON":
        # "should have explained my on-call experience better" -> the whole object phrase
        words = _from_determiner([t for t in obj.subtree if not (t.pos_ == "ADV" and t.i > obj.i)])
        end = _past_a_prep(sent, words[-1].i + 1, obj.head.i)  # "... experience| with Epic"
        text = sent.doc[words[0].i : end].text.strip()
        if 0 < len(text.split()) <= 10:
            return text
    for chunk in sentence_chunks(sent):
        if chunk.start_char < start_char or chunk.root.pos_ == "PRON":
            continue
        mine = any(t.dep_ == "poss" for t in chunk)  # "my gap year" is a thing, not a date
        if chunk.root.ent_type_ == "PERSON" or (chunk.root.ent_type_ in {"DATE", "TIME"}
                                                and not mine):
            return None
        if chunk.root.lower_.rstrip(".") in DURATION_UNITS and any(t.like_num for t in chunk):
            return None  # "follow-ups for 10 min": how long, not what (NER missed the TIME)
        end = chunk.end
        for child in chunk.root.rights:  # "the question about cash handling audits"
            # "my idea for bin labels w/ QR codes" (shorthand read as the word it stands for)
            if child.dep_ == "prep" and child.norm_ in {"about", "on", "of", "regarding", "around",
                                                             "with", "for", "between"}:
                end = max(end, child.right_edge.i + 1)
        if chunk.root.dep_ == "dobj":  # "liked my idea for X", "for" parsed on "liked"
            end = _past_a_prep(sent, end, chunk.root.head.i)
        start = _from_determiner(list(chunk))[0].i
        text = sent.doc[start:end].text.strip()
        return text if len(text.split()) <= 10 else None
    return None


def _email_date_lines(text: str) -> set[int]:
    """Where the "Date:" and "Sent:" lines of pasted emails start (the day a message was sent,
    not an interview day): such a line next to a "From:", "To:" or "Subject:" line. A note's own
    "Date: Oct 3" header line has none of those around it."""
    lines = text.splitlines(keepends=True)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset + len(line) - len(line.lstrip()))
        offset += len(line)
    return {starts[i] for i, line in enumerate(lines) if SENT_ON.match(line) and any(
        ADDRESSED.match(other) for other in lines[max(0, i - 2) : i + 3])}


def _what_happened(text: str, is_follow_up: bool) -> bool:
    """A statement about what happened: not a follow-up, a decision, something still to come
    or the day the thank-you went out."""
    return not is_follow_up and not DECISION.search(text) and not FUTURE_MARKERS.search(text) \
        and not THANKS_SENT.search(text)


ROUND_WORDS = re.compile(r"\b(?:round|rd|interview|on-?site|in[- ]person|video|zoom|teams)\b", re.I)


def _later_round_day(text: str, interview_dates: list[date]) -> date | None:
    """ "Round 2 - Thursday the 29th, on-site": a weekday and a day of the month with no month,
    in a line about what happened that names a round or a channel, is a later interview day
    (within two months of the latest one, on that weekday)."""
    if WEEKDAY_AND_DAY.search(text) is None \
            or not (ROUND_WORDS.search(text) or any(p.search(text) for _, p in STAGE_PATTERNS)):
        return None  # ("call back monday the 12th" is when to call, not a round)
    latest = max(interview_dates)
    day = weekday_day(text, latest)
    return day if day is not None and 0 < (day - latest).days <= 60 else None


def extract_facts(doc: Doc, people: list[PersonMentions], front: dict[str, str],
                  today: date, company: str | None) -> Facts:
    """The interview's facts; `company` is `find_company`'s answer, found once per note (the
    people step needs it first)."""
    held: list[str] = []
    ahead: list[str] = []
    for statement in _statements(doc):
        # "this is the first round; if I move forward there's an in-person panel": the
        # condition's clause is what may come, the rest what happened
        conditional = CONDITIONAL_NEXT.search(statement)
        if conditional is not None:
            ahead.append(conditional.group(0))
            statement = statement[:conditional.start()] + statement[conditional.end():]
        (ahead if FUTURE_MARKERS.search(statement) else held).append(statement)
    # The note's first line, where a header names the round (read as a line: the parser may
    # split "1st rd"); one line, not two, was better on train and dev alike
    header = next((line for line in doc_text(doc).splitlines() if line.strip()), "")
    if FUTURE_MARKERS.search(header):
        header = ""
    stage, next_stage = _stages(held, ahead, header)
    position = _position(doc, front, people)
    facts = Facts(company=company, position=position, channel=_channel(held, position),
                  stage=stage, next_stage=next_stage)
    interview_dates: list[date] = []
    if front.get("date"):
        parsed = parse_date(front["date"], today)
        if parsed:
            interview_dates.append(parsed)
    # A date written without its year is read near the note's own dates: "f/u ~1/31" in a note
    # about "2025-01-22" is 2025's, however long ago that was.
    read_near = _the_notes_year(doc_text(doc), interview_dates, today)
    referents = sentence_referents(doc, people)  # whom a sentence naming nobody is about
    labelled: tuple[str, str | None] | None = None  # a "liked:" label waiting for its sentence
    decisions: list[tuple[str, list[date]]] = []
    days: list[tuple[int, date]] = []  # where in the note each interview day is written
    sent_on = _email_date_lines(doc_text(doc))
    for sent in _sentences(doc):
        text = span_text(sent)
        named = _people_in(sent, people)
        last_person = referents.get(sent.start)
        found = find_dates(text, read_near)
        dates = [d for _, _, d in found]
        # Each date is the decision's own, or one of the interview's or the follow-up's.
        owns = [_decision_owns(text, start) for start, _, _ in found]
        owned = [d for d, own in zip(dates, owns, strict=True) if own]
        not_owned = [d for d, own in zip(dates, owns, strict=True) if not own]
        if DECISION_DUE.search(text):
            decisions.append((text, owned or dates))  # "by Dec 4 they'll decide": all of them
        is_follow_up = bool(FOLLOW_UP.search(text))
        if dates and _what_happened(text, is_follow_up) and sent.start_char not in sent_on:
            # "onsite 4/22 ... she'll call by fri": only the decision's own date is left out
            interview_dates.extend(not_owned)
            opening = [d for (start, _, d), own in zip(found, owns, strict=True)
                       if not own and _opens_a_line(doc, sent.start_char + start)]
            if opening:
                days.append((sent.start, max(opening)))
        elif not dates and interview_dates and _what_happened(text, is_follow_up) \
                and (later := _later_round_day(text, interview_dates)):
            interview_dates.append(later)
        agreed = (is_follow_up and AGREEMENT.search(text)) or AGREED_CONTACT.search(text) \
            or (not_owned and NOT_BEFORE.search(text))
        if agreed and not re.search(r"\bi (?:will|'ll)\b", text, re.I):
            facts.follow_up_agreed = True
            agreeing = named[0] if named else last_person
            facts.follow_up_with = agreeing.name if agreeing else None
            if not_owned:
                facts.follow_up_date = not_owned[-1].isoformat()
            elif interview_dates and (dated := weekday_day(text, max(interview_dates))):
                facts.follow_up_date = dated.isoformat()
            elif (day := WEEKDAY_REF.search(text)) and interview_dates:
                facts.follow_up_date = _weekday_after(max(interview_dates), day).isoformat()
            elif (weeks := IN_WEEKS.search(text)) and interview_dates:
                count = WORDS.get(weeks.group(1).lower()) or int(weeks.group(1))
                facts.follow_up_date = (max(interview_dates) + timedelta(weeks=count)).isoformat()
            elif (week := NEXT_WEEK.search(text)) and interview_dates:
                facts.follow_up_date = _next_week(max(interview_dates), week.group(1)).isoformat()
        who = named[0].name if named else (last_person.name if last_person else None)
        if labelled is not None:
            # "**Could have explained better:**" then "my experience with LIMS migrations."
            kind, owner = labelled
            phrase = _correction(sent, 0) if kind == "correction" else \
                _remark_phrase(sent, 0, clause_ok=kind == "liked")
            if phrase:
                (facts.liked if kind == "liked" else facts.clarify).append(
                    Remark(phrase, owner, _day_of(days)))
        labelled = None
        if (liked := LIKED.search(text)) and not re.match(r"\s*i\b", text[: liked.start()], re.I) \
                and not _writer_likes(sent, liked.start()):
            phrase = _remark_phrase(sent, liked.end(), clause_ok=True)
            # "They liked my dashboard": the whole panel, so every letter may recall it
            everyone = PLURAL_LIKERS.search(text[: liked.start()]) and not named
            if phrase and SMALL_THANKS.match(phrase):
                phrase = None  # "enjoyed the conversation": said to anyone, nothing to recall
            if phrase:
                named_liker = _named_before(sent, people, sent.start_char + liked.start())
                liker = named_liker or who
                facts.liked.append(Remark(phrase, None if everyone else liker, _day_of(days)))
                if liker and not everyone and (named_liker or re.search(
                        r"\b(?:s?he|s?hes)\b(?:\s+\w+)?\s*$", text[: liked.start()], re.I)):
                    facts.said_to_like.add(liker)
            elif _ends_in_label(text):
                labelled = ("liked", None if everyone else who)
        if clarify := CLARIFY.search(text):
            # "clarify: my MSN is in progress": a label, then what the writer got wrong
            correction = clarify.group(0).lower().endswith("clarify") \
                and ":" in text[clarify.end() :][:3]
            if correction:
                # "clarify: I said X - should have said Y": the later cue says what
                later = CLARIFY.search(text, clarify.end())
                phrase = _correction(sent, clarify.end(), later.end() if later else None)
            else:
                phrase = _remark_phrase(sent, clarify.end(), clause_ok=False)
            if phrase:
                facts.clarify.append(Remark(phrase, named[0].name if named else None,
                                            _day_of(days)))
            elif _ends_in_label(text):
                labelled = ("correction" if correction else "clarify",
                            named[0].name if named else None)
    facts.email_used = emailed(doc, people, referents)
    if len({day for _, day in days}) > 1:
        facts.met_on = _met_on(people, days)
    else:  # a note of one day: nobody's day nor any remark's is needed
        facts.liked = [replace(r, day=None) for r in facts.liked]
        facts.clarify = [replace(r, day=None) for r in facts.clarify]
    facts.interview_dates = sorted({d.isoformat() for d in interview_dates})
    if facts.interview_dates:
        facts.interview_time = find_time(doc_text(doc), sent_on)
    facts.decision_date = _decision_date(decisions, max(interview_dates, default=None))
    return facts


def _opens_a_line(doc: Doc, char: int) -> bool:
    """A date at the head of its line ("thurs 12/3 - onsite", "Day 2 (Mon 3/2):") opens that
    day's part of a note; one inside a sentence ("he did the screen on 2/11") does not."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, char) + 1
    return len(text[line_start:char].split()) <= 3


def _day_of(days: list[tuple[int, date]]) -> str | None:
    """The interview day the note is on at this point: the last one written so far."""
    return days[-1][1].isoformat() if days else None


def _met_on(people: list[PersonMentions], days: list[tuple[int, date]]) -> dict[str, str]:
    """In a note of several interview days ("mon 11/30 - phone screen w/ jen", then "thurs 12/3
    - onsite, met rick"), the last day each person is named under: someone named earlier only
    as who they will meet ("You'll meet Ottoline" in Monday's message) is met on the later day."""
    out = {}
    for person in people:
        last = max(m.start for m in person.mentions)
        under = [day for start, day in days if start <= last]
        if under:
            out[person.name] = under[-1].isoformat()
    return out


ABOUT_WORDS = {"about", "on", "into", "over"}
AMOUNT_WORDS = {"more", "much", "enough", "less", "lot", "bit", "little"}


def _what_it_is_about(token: Token, prepositions: set[str]) -> Token | None:
    """The object of the first of `prepositions` hanging off a token ("more about X" -> X)."""
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
                 for g in c.children if g.dep_ == "pobj"), None)


def _writer_likes(sent: Span, at: int) -> bool:
    """ "When I said I liked her scarf": the writer is who liked it (the verb's own subject)."""
    verb = next((t for t in sent if t.idx - sent.start_char == at), None)
    return verb is not None and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we"}
                                    for c in verb.children)


def _decision_owns(text: str, at: int) -> bool:
    """The date at `at` is when a decision is due, not when to get in touch: a decision phrase
    comes before it with no word of contact in between ("they'd decide by Dec 11 and it's fine to
    email her" gives no date to email her)."""
    decided = [m.end() for m in DECISION_DUE.finditer(text) if m.end() <= at]
    if not decided:
        return False
    return not CONTACT_WORD.search(text[decided[-1] : at])


def _decision_date(statements: list[tuple[str, list[date]]], interview: date | None
                   ) -> str | None:
    """The day the note says a decision is due, from the last statement that gives one: a date
    after the interview, or a weekday or a number of weeks counted from it."""
    due: date | None = None
    for text, dates in statements:
        later = [d for d in dates if interview is None or d > interview]
        if later:
            due = max(later)
        elif interview is not None and (dated := weekday_day(text, interview)):
            due = dated
        elif interview is not None and (day := WEEKDAY_REF.search(text)):
            due = _weekday_after(interview, day)
        elif interview is not None and (weeks := WITHIN_WEEKS.search(text)):
            due = interview + timedelta(weeks=WORDS.get(weeks.group(1).lower())
                                        or int(weeks.group(1)))
    return due.isoformat() if due else None
