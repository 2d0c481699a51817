"""People in a note: names (merged across mentions), job titles, and their role in the process.

Notes are shorthand, so the base model's NER alone misses many names ("+ Raj from HR",
"met w/ tom okafor, hiring mgr"). A name is accepted when NER says PERSON or when a capitalised
(or, in slot position, lowercase) run of words sits where notes put names: after "with"/"met",
before a parenthesised or comma-separated job title, or as the subject of a verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from followup_nlp.extract.components import doc_text, span_group, span_text, token_words
from followup_nlp.extract.lexicons import (
    is_given_name,
    title_heads,
    title_role_hints,
    word_names,
)
from followup_nlp.schema import Person, Role
from followup_nlp.wording import ABBREVIATIONS, capitalised_word

# Notes by writers of many languages ("Sra. Ortiz", "Ma'am Lorna" in Philippine English).
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "mx", "sir", "madam",
              "sra", "srta", "dra", "mme", "mlle", "frau", "herr", "ma'am", "maam", "ma’am",
              # ranks of fire, police and armed services ("Capt. Rodrigo Almeida")
              "capt", "lt", "sgt", "cpl", "cmdr"}
# Degrees and licences written after a name ("Amara Osei, PharmD, clinical mgr").
CREDENTIALS = {"phd", "pharmd", "md", "do", "rn", "bsn", "msn", "dnp", "np", "dpt", "pt", "ot",
               "cpa", "cfa", "mba", "jd", "esq", "pe", "lcsw", "lpc", "psyd", "edd", "dds", "dmd",
               "rd", "ccc-slp", "pmp", "shrm-cp", "phr", "cpp", "aia"}
# How a letter writes the honorific a note put before a name ("dr." -> "Dr.").
HONORIFIC_FORMS = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "dr": "Dr.",
                   "prof": "Professor", "professor": "Professor", "mx": "Mx.", "capt": "Captain",
                   "lt": "Lieutenant", "sgt": "Sergeant", "cpl": "Corporal", "cmdr": "Commander"}
NOT_NAMES = {
    "i", "me", "my", "we", "panel", "interview", "interviews", "notes", "note", "round", "call",
    "zoom", "teams", "meet", "google", "slack", "linkedin", "webex", "skype", "facetime", "email",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
    "yesterday", "tomorrow", "hr", "ok", "okay", "also", "then", "next", "after", "before",
    "thanks", "thank", "follow", "asked", "topics", "questions", "q", "a", "re", "fyi", "pm", "am",
    "eta", "tbd", "todo", "n/a", "subject", "cc", "bcc", "fwd", "fw", "they", "he", "she", "her",
    "his", "him", "them", "their", "the",
    "onsite", "on-site", "phone", "video", "screen", "final", "first", "second", "third", "lunch",
    "office", "team", "company", "position", "role", "job", "date", "sender", "intro", "overall",
    "great", "good", "nice", "really", "very", "super", "mom", "dad", "mother", "father", "wife",
    "husband", "son", "daughter", "kids", "both", "us", "our", "you", "your", "it", "this", "that",
    "what", "who", "why", "how", "when", "where", "met", "talked", "discussed", "loves", "saw",
    "noticed", "mentioned", "said", "told", "clarify", "senior", "junior", "ceo", "cto", "cfo",
    "coo", "vp", "svp", "evp", "dir",
    "mgr", "sr", "jr", "eng", "hm", "ta", "rn", "recruiter", "manager", "director", "lead",
}
STRONG_SLOTS = {"with", "w/", "met", "interviewer", "interviewers", "panel", "cc", "emailed",
                "called", "+", "&", "and", "manager", "recruiter", "hm", "meet", "meeting"}
SLOT_NOUNS_AFTER_FROM = {"hr", "recruiting", "talent", "people", "ops", "finance", "sales",
                         "marketing", "engineering", "eng", "legal", "it", "product", "design",
                         "the", "their", "accounting", "admissions", "nursing", "facilities"}
# Entities that make a capitalised word something other than a person. Dates and times are left
# out: schedules put a time right before a name ("9:00 Haruto Sato").
ENTITY_LABELS_NOT_PEOPLE = {"ORG", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT", "WORK_OF_ART",
                            "LANGUAGE", "LAW"}
NAME_PARTICLES = {"de", "da", "van", "von", "der", "la", "del", "bin", "bint", "al", "el", "di",
                  "le", "du", "dos", "das", "ter", "ten"}
ORG_SUFFIXES = {"llp", "llc", "inc", "ltd", "co", "corp", "corporation", "company", "group",
                "partners", "associates", "insurance", "bank", "studio", "studios", "creative",
                "staffing",
                "payments", "labs", "lab", "health", "healthcare", "capital", "ventures",
                "consulting", "solutions", "systems", "technologies", "tech", "architects",
                "cpas", "cpa", "pllc", "pc", "law", "foods", "logistics", "freight", "media",
                "mutual", "university", "college", "school", "academy", "hospital", "clinic",
                "foundation", "institute", "agency", "industries", "manufacturing", "motors",
                "software", "analytics", "sons", "brothers", "bros", "trust", "fund", "realty",
                "construction", "builders", "restaurant", "cafe", "bakery", "hotel", "network",
                "aerospace", "plastics", "outfitters", "fulfillment", "services", "department",
                "dept", "county", "city", "district", "schools", "bancorp", "financial",
                "pharmacy", "drug", "drugs", "energy", "electric", "airlines",
                "designs", "interiors", "press", "publishing",
                "kitchen", "bistro", "grill", "inn", "resort", "alliance", "coalition",
                "council", "association", "society", "center", "centre", "museum", "library", "union",
                "church", "ministries", "cooperative", "coop", "co-op", "farms", "markets",
                "transit", "transportation", "distribution", "distributors", "radio", "bio",
                "biologics", "therapeutics", "pharma", "air", "airways", "credit", "cellars",
                "winery", "brewing", "brewery", "vineyards", "terminals", "robotics", "hotels",
                "resorts", "gallery", "theatre", "theater", "authority", "commission"}
# Street suffixes that are not also surnames (Lane, Court, Way, Street and Drive can be).
STREET_SUFFIXES = {"st", "ave", "avenue", "rd", "road", "blvd", "boulevard", "ln", "pkwy",
                   "parkway", "hwy", "highway", "pl", "ct", "sq"}
REFER_LEMMAS = {"refer", "referral", "referrer", "recommend"}
SUPPORT_CONTEXT = {"schedule", "scheduled", "scheduling", "arrange", "coordinate", "book",
                   "set", "reschedule", "confirm", "logistics", "parking", "badge", "escort"}
# What someone who looks after the visitor does ("who did the intro", "who gave me the tour").
SENT_LOGISTICS = {"link", "invite", "invitation", "confirmation", "itinerary", "directions"}
SUPPORT_TASKS = {"intro", "introduction", "tour", "logistics", "paperwork", "onboarding"}
TIME_PREPOSITIONS = {"before", "after", "until", "till", "to", "for", "from"}
INTERVIEW_CONTEXT = {"interview", "interviewed", "screen", "screened", "ask", "asked", "grill",
                     "question", "panel", "case", "quiz", "test", "whiteboard"}
WALKED_THROUGH = re.compile(r"\bwalk(?:s|ed|ing)?\b(?:\s+\w+){0,2}\s+through\b", re.I)


@dataclass
class PersonMentions:
    """One person: the name parts seen and every mention span."""

    name: str
    mentions: list[Span] = field(default_factory=list)
    nickname: str | None = None
    honorific: str | None = None

    @property
    def tokens(self) -> list[str]:
        return self.name.lower().split()


def mention_indices(people: list[PersonMentions]) -> frozenset[int]:
    """The token indices of every mention of every person."""
    return frozenset(i for p in people for m in p.mentions for i in range(m.start, m.end))


def _tokens_where(doc: Doc, test: Callable[[str], bool]) -> Iterator[Token]:
    """The tokens whose lowercase form passes `test`, tested on the words read once per doc
    rather than on a Token made for every word."""
    return (doc[i] for i, lower in enumerate(token_words(doc)[0]) if test(lower))


def _is_name_word(token: Token) -> bool:
    text = token.text
    if len(text) < 2 or not text.replace("'", "").replace("’", "").replace(".", "").isalpha():
        return False
    lower = token.lower_
    stripped, heads = lower.strip("."), title_heads()
    return (
        # "BEV", "RICE", "PICU": capitals are acronyms, unless the whole note shouts
        not (text.isupper() and not doc_text(token.doc).isupper())
        and stripped not in NOT_NAMES and lower not in heads
        and ABBREVIATIONS.get(stripped, "") not in heads  # "atty", "mgr"
    )


def _is_name_part(token: Token) -> bool:
    """The part after a hyphen of a name: "Min-jun", "Ha-eun", whose second parts are also a
    month and a word that cannot start a name on their own."""
    return _is_name_word(token) or (
        token.is_alpha and len(token.text) > 1 and token.lower_ not in title_heads()
        and not (token.is_upper and not doc_text(token.doc).isupper()))


def _title_spans(doc: Doc) -> list[Span]:
    return list(span_group(doc, "TITLE"))


def _in_span(token: Token, spans: list[Span]) -> bool:
    return any(s.start <= token.i < s.end for s in spans)


def _continues_name(prev: Token, nxt: Token, lowercase: bool, titles: list[Span]) -> bool:
    return (
        _is_name_word(nxt)
        and nxt.is_lower == lowercase
        and (nxt.pos_ not in {"VERB", "AUX", "ADP", "DET", "ADV", "PRON", "CCONJ", "PART"}
             # "kwabena asante": a lowercase surname the tagger took for an adverb, though
             # English adverbs are common words ("here", "today" are ~5 on the Zipf scale)
             or (lowercase and nxt.pos_ == "ADV" and _rare_word(nxt)))
        and not (lowercase and nxt.is_stop)  # "emailed pam to thank her"
        and not _in_span(nxt, titles)
        and prev.whitespace_ != ""
        and "\n" not in prev.whitespace_
    )


def _hyphen_given_name(token: Token) -> bool:
    """ "Sun-hee", "Wed-ji": a capitalised first part that alone is a weekday or another word no
    name is, joined to a lowercase second part (a range of days is "Sun-Thu")."""
    doc = token.doc
    return token.is_title and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" \
        and not token.whitespace_ and not doc[token.i + 1].whitespace_ \
        and doc[token.i + 2].is_lower and doc[token.i + 2].is_alpha and len(doc[token.i + 2]) > 1


def _surname_initial(prev: Token, nxt: Token) -> bool:
    """ "tom h (recruiter)", "Lisa K, TA": one letter after a name, with a bracket, comma or the
    line's end right after it, is the surname's initial ("a" and "i" are words)."""
    doc = nxt.doc
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    return len(nxt.text) == 1 and nxt.is_alpha and nxt.lower_ not in {"a", "i"} \
        and prev.whitespace_ == " " and (after is None or after.is_space or "\n" in nxt.whitespace_
                                          or after.text in {"(", ",", ")", ";", ":"})


def _rare_word(token: Token) -> bool:
    from followup_nlp.extract.ranker import rarity

    return rarity(token.doc[token.i : token.i + 1]) < 3.0


OPENER_POS = {"ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"}  # not "Hey Jo,"


def _capitalised_opener(token: Token) -> bool:
    """"Later Maria Lopez showed me around", "Afterwards Raj...": a sentence's first word is
    capitalised because it comes first, not because it is a name."""
    return token.is_sent_start and not is_given_name(token.text) and (
        token.pos_ in OPENER_POS
        # "Met Kenji Morimoto (regional ops)": the tagger calls a capitalised "Met" a name
        or token.lower_ in OPENING_VERBS)


# Verbs a note opens with before the name of whom the writer met or talked to.
OPENING_VERBS = {"met", "meeting", "spoke", "talked", "chatted", "interviewed", "called", "emailed",
                 "texted", "messaged", "saw", "phoned", "zoomed"}


def _runs(doc: Doc, titles: list[Span]) -> list[Span]:
    """Maximal runs of up to three name-like words (Jean-Luc, O'Neil, "Ana de la Cruz" kept whole)."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (_is_name_word(token) or _hyphen_given_name(token)) or _in_span(token, titles) or (
                # "was gary stroud", "and lucia ferraz": a lowercase run starts at the name
                token.is_lower and (token.is_stop or (
                    token.pos_ in {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ"}
                    and not is_given_name(token.text)))) or _capitalised_opener(token):
            i += 1
            continue
        start = j = i
        lowercase = token.is_lower
        while j + 1 < len(doc) and j - start < 4:
            nxt = doc[j + 1]
            if nxt.text == "-" and j + 2 < len(doc) and not doc[j].whitespace_ \
                    and not nxt.whitespace_ and _is_name_part(doc[j + 2]):
                j += 2
                continue
            if not lowercase and nxt.lower_ in NAME_PARTICLES:
                # "Ana de la Cruz", "Pieter van der Berg": particles, then a capitalised name
                k = j + 1
                while k + 1 < len(doc) and doc[k + 1].lower_ in NAME_PARTICLES and k - j < 2:
                    k += 1
                if k + 1 < len(doc) and doc[k + 1].is_title and _is_name_word(doc[k + 1]):
                    j = k + 1
                    continue
            if _continues_name(doc[j], nxt, lowercase, titles):
                j += 1
                continue
            if _surname_initial(doc[j], nxt):
                j += 1  # "tom h (recruiter)": nothing follows an initial
            break
        runs.append(doc[start : j + 1])
        i = j + 1
    return runs


def _names_someone(doc: Doc, i: int) -> bool:
    """A capitalised given name or an honorific starts at token `i`: a title right before it is
    that person's."""
    return i < len(doc) and ((doc[i].is_title and is_given_name(doc[i].text))
                             or doc[i].lower_.strip(".") in HONORIFICS)


def _title_next_to(span: Span, titles: list[Span]) -> Span | None:
    """A job title written right after ("Sarah (VP Eng)", "Sarah, CTO") or right before it."""
    doc = span.doc
    k = span.end
    while k < len(doc) and doc[k].text in {"(", ",", "-", "–", "—", ":", "the", "is", "a", "an",
                                            "our", "their", "from", "/", "="}:
        k += 1
    for title in titles:
        if title.start == k and k - span.end <= 3 and not _names_someone(doc, title.end):
            # (not "Principal Dr. Vega, Asst Principal Tom Becker": the title is Tom's)
            return title
    k = span.start - 1
    while k >= 0 and (doc[k].text in {",", "the", "our", "their", "-", ":", "("}
                      or doc[k].lower_.strip(".") in HONORIFICS):
        k -= 1
    if k == span.start - 1 and k > 0 and doc[k].lower_ == "named":
        k -= 1  # "a unit clerk named rosa"
    bracketed = span.start > 0 and doc[span.start - 1].text == "("
    for title in titles:
        # "recruiter (Hannah)", but not "Alder Creek Vet (Keisha)": a business's name
        if title.end - 1 == k and span.start - title.end <= 3 and not (
                bracketed and any(t.ent_type_ in {"ORG", "FAC", "GPE"} for t in title)):
            return title
    if k >= 0 and doc[k].lower_.strip(".") in title_heads() and doc[k].text not in {"-"} \
            and not (bracketed and doc[k].ent_type_ in {"ORG", "FAC", "GPE"}):
        # A title the lexicon knows only by its head: "the science department chair, Mr. Brennan".
        start = k
        while start > 0 and start > k - 4 and doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} \
                and doc[start - 1].lower_ not in {"the", "and"} and not doc[start - 1].is_punct:
            start -= 1
        return doc[start : k + 1]
    return None


ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
SEGMENT_STOPS = {",", ";", ":", "(", ")", ".", "\n", "|", "/", "+", "&", "—", "–", "--", "@"}


def _has_title_word(span: Span, titles: list[Span]) -> bool:
    heads = title_heads()
    return any(_in_span(t, titles) or t.lower_.strip(".") in heads for t in span)


AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "eur")


def _names_a_role(segment: Span) -> bool:
    """A short noun phrase ending in an agent noun: "Plans Examiner", "SIU investigator",
    "Sr Hydrogeologist", "PhD student", "inventory controler". The lexicon cannot list every
    trade; what follows a name in a note's list of people usually says what the person does."""
    last = segment[-1]
    return (len(segment) <= 4 and last.pos_ in {"NOUN", "PROPN"} and len(last) > 4
            and last.lower_.endswith(AGENT_SUFFIXES) and not _entity_starts_in(segment)
            and not any(t.pos_ in {"VERB", "AUX", "PRON", "DET", "NUM"} for t in segment)
            and (segment.end == len(segment.doc) or segment.doc[segment.end].is_sent_start
                 or segment.doc[segment.end].text in {")", ",", ";", "\n"}
                 or "\n" in segment[-1].whitespace_ or segment.doc[segment.end].is_space))


def _bracketed_role(segment: Span) -> bool:
    """What notes put in brackets after a name is what the person does ("(postdoc)",
    "(research assoc)", "(design systems)", "(ops/HR)"), unless it is a clause ("(she joined)",
    "(set up both days)") or another name ("(Emeka)")."""
    doc = segment.doc
    return (len(segment) <= 5 and segment.end < len(doc)
            and doc[segment.end].text in {")", ","}
            and all(t.is_alpha or t.text in {"/", "&", ".", "-", "'s"} for t in segment)
            and not any(t.pos_ in {"VERB", "AUX", "PRON", "DET", "NUM", "ADP", "SCONJ"}
                        for t in segment)
            and not (len(segment) == 1 and is_given_name(segment[0].text)))


def _entity_starts_in(segment: Span) -> bool:
    """A place or organisation begins inside the segment ("Raj - Harbor Center"); one that
    began before it, over the name too ("Tanvi Rao - Sr Hydrogeologist" read as one ORG), is
    NER misreading a list line, not a company."""
    return any(t.ent_type_ in {"ORG", "GPE", "LOC", "FAC"} and t.ent_iob_ == "B" for t in segment)


def title_segment(name: Span, titles: list[Span], bracketed: bool = True,
                  agent_nouns: bool = True) -> Span | None:
    """The job title written right after a name: "(Eng Manager, Platform)", ", Coding Manager",
    " - Sr Mfg Eng Manager". Notes put titles there, so a short segment holding a title word
    counts even when the lexicon knows only its head ("Legislative Liaison" needs "liaison").
    With `bracketed` and `agent_nouns` off it asks for a title word: a bracket ("(postdoc)") or
    an agent noun ("- Plans Examiner") names the role of someone known to be a person, but
    "Moab (jeep trip)" or "Medical Coder (Outpatient)" is no evidence of one."""
    doc = name.doc
    k = _past_initial(doc, name.end)
    # "Dr. Amara Osei, PharmD, clinical mgr": a degree after the name is not the title
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].text.replace(".", "").lower() \
            in CREDENTIALS and doc[k + 2].text == ",":
        k += 2
    if k >= len(doc) or doc[k].lower_ not in {"(", ",", "-", "–", "—", ":", "the"}:
        return None
    opener = doc[k].lower_
    start = k + 1 if opener != "the" else k
    # (">" is the tail of an arrow: "Siobhán Ní Bhriain -> Executive Director")
    while start < len(doc) and doc[start].lower_ in {"the", "our", "their", "a", "an", ">"}:
        start += 1
    end = start
    # Inside parentheses a title may hold "/" and "&": "(ops/HR)", "(tax/A&A mgr)".
    stops = SEGMENT_STOPS - {"/", "&"} if opener == "(" else SEGMENT_STOPS
    while end < len(doc) and end - start < 7:
        token = doc[end]
        text = token.text
        if (text in stops and not _abbreviation_stop(doc, end, titles)
                and not _joins_capitalised(doc, start, end)) or "\n" in text \
                or (opener != "(" and (text == "-" or (
                    token.pos_ in {"ADP", "CCONJ", "VERB", "AUX"}
                    and token.lower_ not in {"of", "for", "in"}
                    and not _joins_capitalised(doc, start, end)))):
            break
        end += 1
        if "\n" in token.whitespace_:
            break
    segment = doc[start:end]
    if not len(segment) or segment[0].lower_ in {"and", "&", "who", "which", "but", "so"}:
        return None
    if end < len(doc) and doc[end].text == "," and end + 1 < len(doc) and (
            doc[end + 1].lower_.strip(".") in HONORIFICS or is_given_name(doc[end + 1].text)):
        return None  # "the principal, Dr. Nwosu": the title belongs to the name that follows
    capitalised_in_brackets = (
        opener == "(" and len(segment) <= 4 and is_given_name(name[0].text)
        and all(t.is_alpha and (t.is_title or t.is_upper) for t in segment))
    # "Mele Fifita (Sterling Legal Staffing)": the bracket names her agency, not what she does
    business = (opener == "(" and len(segment) > 1 and segment[-1].lower_ in BUSINESS_SUFFIXES
                and all(t.is_title or t.is_upper or not t.is_alpha for t in segment))
    if not (_has_title_word(segment, titles) or (not business and (
            capitalised_in_brackets or (agent_nouns and _names_a_role(segment))
            or (bracketed and opener == "(" and _bracketed_role(segment))))):
        return None
    # NER often reads a capitalised title after a name as part of it ("Graciela Montoya, Rec
    # Supervisor"): only a given name there means a second person.
    if any((t.like_num and not ORDINAL.fullmatch(t.text)) or t.ent_type_ in {"DATE", "TIME"} or
           (t.ent_type_ == "PERSON" and is_given_name(t.text)) for t in segment):
        return None  # (an ordinal can be part of the job: "(3rd grade lead)")
    while len(segment) and (segment[-1].is_punct or segment[-1].pos_ in {"ADP", "CCONJ", "DET"}):
        segment = doc[segment.start : segment.end - 1]
    return segment if len(segment) else None


# The last word of a business's name, never of a team's or a job's ("Teen Services" is a team).
BUSINESS_SUFFIXES = {"llp", "llc", "inc", "ltd", "corp", "corporation", "company", "staffing",
                     "agency", "consultants", "consulting", "partners", "associates"}
TITLE_ABBREVIATIONS = {"sr", "snr", "jr", "asst", "assoc", "exec", "dept", "dir", "gen", "inv"}


def _joins_capitalised(doc: Doc, start: int, k: int) -> bool:
    """An "&" between two capitalised words inside a title ("Permitting & Interconnection Lead",
    "Health & Safety Officer"), not one joining a second name or thing to the list."""
    return doc[k].text == "&" and start < k < len(doc) - 1 and doc[k - 1].is_title \
        and doc[k + 1].is_title and doc[k + 1].ent_type_ != "PERSON"


def _abbreviation_stop(doc: Doc, k: int, titles: list[Span]) -> bool:
    """The full stop at `k` shortens a word inside a title the lexicon knows ("Dir. of Ops",
    "Asst. Superintendent", "Sr. Planner"), so the title goes on past it; not the full stop
    that ends a sentence after one ("VP Eng. Culture + why robotics")."""
    if doc[k].text != "." or k == 0 or doc[k - 1].whitespace_ or k + 1 >= len(doc) \
            or not any(t.start < k < t.end - 1 for t in titles):
        return False
    return doc[k + 1].is_lower or doc[k - 1].lower_ in TITLE_ABBREVIATIONS


def _past_initial(doc: Doc, k: int) -> int:
    """The index after a surname initial written after a first name ("Greg K. from HR")."""
    if k < len(doc) and len(doc[k].text.rstrip(".")) == 1 and doc[k].text[:1].isupper() \
            and doc[k - 1].whitespace_:
        return k + 1 if doc[k].text.endswith(".") or k + 1 >= len(doc) or doc[k + 1].text != "." \
            else k + 2
    return k


def _from_department(span: Span) -> Span | None:
    """ "Raj from HR" -> the department, used as a title when no title is given."""
    doc = span.doc
    k = _past_initial(doc, span.end)
    if k + 1 < len(doc) and doc[k].lower_ == "from":
        dept = doc[k + 1]
        if dept.lower_ in SLOT_NOUNS_AFTER_FROM - {"the", "their"}:
            return doc[dept.i : dept.i + 1]
    return None


def _looks_like_org(run: Span) -> bool:
    """ "Harper & Lowe", "Moss CPAs", "Corbel Insurance": company names built from names."""
    doc = run.doc
    if run[-1].lower_.strip(".") in ORG_SUFFIXES:
        return True
    after = doc[run.end] if run.end < len(doc) else None
    if after is not None and after.lower_.strip(".") in ORG_SUFFIXES:
        return True
    before = doc[run.start - 1] if run.start > 0 else None
    # "w/ Travis + Min-jun Seo": a given name on both sides of the sign names two people.
    return any(t is not None and t.text in {"&", "+"} and t.whitespace_ != "\n" and (
        (t is before and t.i > 0 and doc[t.i - 1].is_title
         and not (is_given_name(_first_name(run).text) and is_given_name(doc[t.i - 1].text))) or
        (t is after and t.i + 1 < len(doc) and doc[t.i + 1].is_title
         and doc[t.i + 1].lower_ in ORG_SUFFIXES)) for t in (before, after))


def _names_a_thing_after_a_person(run: Span) -> bool:
    """ "did the Bob Graham Round", "won the John Muir Award", "the Ken Burns documentary":
    "the", a name, then a word naming what was named after them. People are not written with
    "the" before them."""
    doc = run.doc
    before = doc[run.start - 1] if run.start > 0 else None
    after = doc[run.end] if run.end < len(doc) else None
    return before is not None and before.lower_ == "the" and after is not None \
        and after.pos_ in {"NOUN", "PROPN"} and not after.is_punct \
        and (after.is_title or after.is_lower) and not is_given_name(after.text) \
        and after.lower_ not in {"'s", "’s"}


def _names_a_street(run: Span) -> bool:
    """ "Branch Manager (Hollis St)", "the Madison Ave office": a name-like word before a street
    suffix is an address."""
    doc = run.doc
    after = doc[run.end] if run.end < len(doc) else None
    return (len(run) > 1 and run[-1].lower_.strip(".") in STREET_SUFFIXES and run[-1].is_title) \
        or (after is not None and after.lower_.strip(".") in STREET_SUFFIXES and after.is_title)


SUBJECT_LINE = re.compile(r"^\W*(?:subject|subj|re|fwd?)\s*:", re.I)


def _in_a_subject_line(run: Span) -> bool:
    """ "Subject: Onsite Interview Confirmation - Quality Engineer III": a pasted email's
    subject names what the email is about; only a known given name there is someone."""
    if is_given_name(_first_name(run).text):
        return False
    text = doc_text(run.doc)
    line_start = text.rfind("\n", 0, run.start_char) + 1
    return SUBJECT_LINE.match(text[line_start : run.start_char]) is not None


PLACE_OF = {"city", "town", "county", "village", "borough", "township", "port", "state",
            "province", "district", "university", "college", "republic", "isle", "bank"}


def _names_a_place_of(run: Span) -> bool:
    """ "the City of Millbrook", "University of Toledo": a name after a place word and "of" is
    the place's, not someone met."""
    doc = run.doc
    k = run.start - 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in PLACE_OF


def _names_a_saints_place(run: Span) -> bool:
    """ "at st. brendan's", "St Jude's": a hospital, school or church named for a saint, not
    someone met (one name, or one followed by 's)."""
    doc = run.doc
    before = _word_before(run)
    if before is None or before.lower_.rstrip(".") not in {"st", "saint", "ste", "sainte", "san",
                                                           "santa"}:
        return False
    after = doc[run.end] if run.end < len(doc) else None
    return len(run) == 1 or (after is not None and after.text in {"'s", "’s"})


def _accept(run: Span, titles: list[Span], person_ents: list[Span], other_ents: list[Span]) -> bool:
    """Is this run a person's name? It needs evidence beyond capitalisation: a known given name,
    a job title beside it, a department ("from HR"), or NER agreeing on a multi-word name."""
    doc = run.doc
    if _looks_like_org(run) or _names_a_street(run) or _names_a_saints_place(run) \
            or _names_a_thing_after_a_person(run) or _names_a_place_of(run) \
            or _in_a_subject_line(run):
        return False
    before = doc[run.start - 1] if run.start > 0 else None
    after = doc[run.end] if run.end < len(doc) else None
    given = is_given_name(_first_name(run).text)
    # An agent noun after a known given name says what they do ("rosalind achebe-moore
    # (deputy assessor)"); after other capitalised words it is no evidence of a person.
    segment = title_segment(run, titles, bracketed=False, agent_nouns=given)
    titled = segment is not None or _title_next_to(run, titles) is not None or (
        given and _stated_title(run, titles) is not None)  # "gary stroud, he's the GM"
    from_dept = _from_department(run) is not None
    paren = after is not None and after.text == "(" and run.end + 1 < len(doc) \
        and _in_span(doc[run.end + 1], titles)
    ner_person = any(e.start <= run.start < e.end or run.start <= e.start < run.end
                     for e in person_ents)
    other_entity = any(e.start <= run.start < e.end for e in other_ents)
    slot = before is not None and (before.lower_ in STRONG_SLOTS or (
        before.lower_ == "to" and before.i > 0 and doc[before.i - 1].lower_ in OPENING_VERBS))
    # "screen w/ Imogen Takahashi-Reid": NER often calls a full name after "with" an ORG; a
    # known given name there, with the entity exactly the name, is still a person.
    if given and slot and len(run) > 1 and other_entity and all(
            e.start in (run.start, run.start - 1) and e.end == run.end and e.label_ == "ORG"
            for e in other_ents if e.start < run.end and run.start < e.end):
        # ("Met Kenji Morimoto" as one ORG: the slot word taken into it)
        other_entity = False
    subject = run[-1].dep_ in {"nsubj", "nsubjpass", "poss"} or (
        after is not None and after.text in {"'s", "’s"})
    if _quoted_label(run):
        return False
    if run[0].is_title and after is not None and after.text == "<" and run.end + 1 < len(doc) \
            and doc[run.end + 1].like_email:
        return True  # "From: Jenna Park <jenna.park@...>": NER took her for a park
    if _honorific_before(run) is not None and not run[0].is_lower and not _inside_quotes(run):
        return True  # "Dr. Okonkwo", "met Ms. Ruiz": an honorific is said only of a person
    if run[0].is_lower:
        # Lowercase words are names only when a given name sits where notes put people; a name
        # that is also a word ("faith", "bill") needs its job title beside it or a surname.
        if given:
            return titled or from_dept or paren or slot or subject
        # Not a title glued on as a compound ("grant writer", "summer camp staff").
        set_off = paren or _role_in_brackets(run)
        if slot and set_off and len(run) > 1:
            return True  # "+ ysabel cordero (office mgr)": a given name no list knows
        # A surname after it, with a job title just before or NER agreeing ("dispatcher ray
        # kowalczyk"), not any noun ("long runs", "fern jars").
        surname = len(run) > 1 and (ner_person or any(t.end == run.start for t in titles))
        return run[0].lower_ in word_names() and (set_off or surname)
    # "w/ Jasper from Ridgeline Outfitters": a given name "from" a named employer is someone
    # who works there, whatever place NER takes the name for
    from_employer = after is not None and after.lower_ == "from" and run.end + 1 < len(doc) \
        and doc[run.end + 1].is_title and doc[run.end + 1].ent_type_ in {"ORG", "FAC"}
    if given:
        return not other_entity or titled or from_dept or ner_person or from_employer \
            or _acts_as_a_person(run, other_ents)
    if segment is not None or from_dept:
        return run[0].is_title or (run[0].is_upper and len(run[0]) > 1 and len(run) > 1)
    # "Dale Price is a die hard Chiefs fan": a given name that is also a word (dale, bill, rose),
    # capitalised, before a surname NER takes for a person's, is as good as a known given name.
    # As the one who does or is something only: "went to see Pearl Jam" names a band. Alone
    # ("Kim said decision by the 18th"), only as the one who does something.
    if run[0].lower_ in word_names() and run[0].is_title and ner_person and not other_entity \
            and ((len(run) > 1 and (subject or run[-1].dep_ == "attr" or slot or titled))
                 or (run[-1].dep_ == "nsubj" and run[-1].head.pos_ == "VERB")):
        return True
    # Not a known given name: trust NER only for full names written where people are named,
    # or with a bracket after them, as notes describe people ("Li Wen (4th yr grad student)").
    return ner_person and len(run) > 1 and not other_entity and (
        slot or titled or (after is not None and after.text == "("))


NOT_ACTIONS = {"be", "have", "get", "become", "grow", "seem", "look", "remain", "host", "offer"}


def _acts_as_a_person(run: Span, other_ents: list[Span]) -> bool:
    """ "Kenji makes his own fermented hot sauce": a known given name NER took for a place is
    a person when it is the subject of something people do (places "have", "are", "host")."""
    if not any(e.label_ in {"GPE", "LOC"} and e.start <= run.start < e.end for e in other_ents):
        return False
    word = run[-1]
    return word.dep_ == "nsubj" and word.head.pos_ == "VERB" \
        and word.head.lemma_.lower() not in NOT_ACTIONS


def _role_in_brackets(run: Span) -> bool:
    """ "faith (the scheduler)", "jade (recruiter, in house)": a bracket right after the name
    that opens with a job title or a department."""
    doc = run.doc
    if run.end + 1 >= len(doc) or doc[run.end].text != "(":
        return False
    words = [t.lower_ for t in doc[run.end + 1 : min(run.end + 4, len(doc))]
             if t.lower_ not in {"the", "a", "an"}]
    return bool(words) and (words[0] in title_heads() or words[0] in SLOT_NOUNS_AFTER_FROM)


def _first_name(run: Span) -> Span:
    """The first word of a name, hyphenated parts together ("Min-ji Seo" -> "Min-ji")."""
    if len(run) > 2 and run[1].text == "-" and not run[0].whitespace_ and not run[1].whitespace_:
        return run[:3]
    return run[:1]


def _word_before(span: Span) -> Token | None:
    """The word right before a span, with a full stop the tokenizer split off it ("dr. imani
    booker", "st. brendan's"); None at the start of the note."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if before.text == "." and span.start > 1 and not span.doc[span.start - 2].whitespace_:
        before = span.doc[span.start - 2]
    return before


def _honorific_before(span: Span) -> str | None:
    """The honorific written right before a name ("Dr. Okonkwo", "ms ruiz"), as a letter spells it."""
    before = _word_before(span)
    if before is None:
        return None
    if before.text.isupper() and len(before.text.strip(".")) > 1:
        return None  # "MS Project", "DR site": an acronym, not "Ms."
    return HONORIFIC_FORMS.get(before.lower_.strip("."))


def _inside_quotes(span: Span) -> bool:
    """ 'a "Mr. Knightley for President" mug': a quotation opened before the name and not closed."""
    before = span.doc[span.sent.start : span.start]
    return sum(t.text in {'"', "“", "”"} for t in before) % 2 == 1


NAMING_WORDS = {"named", "labelled", "labeled", "called", "nicknamed"}
# What a name given with "named" can belong to among the people a note is about.
PERSON_NOUNS = {"guy", "man", "woman", "lady", "gentleman", "girl", "boy", "person", "someone",
                "somebody", "colleague", "coworker", "co-worker", "friend", "fellow", "dude",
                "hire", "employee", "member", "partner", "contact", "rep", "intern", "student",
                "doctor", "nurse", "teacher", "professor", "candidate", "peer"}


def _quoted_label(run: Span) -> bool:
    """A name in quotes after "named"/"labelled" is a pet's or a thing's name; so is one after
    "named" that follows what is no person ("a leucistic one named Pancho", "a corgi named
    Biscuit"), unlike "a unit clerk named Rosa" or "a guy named Raj"."""
    doc = run.doc
    k = run.start - 1
    while k >= 0 and doc[k].text in {'"', "“", "'", "‘"}:
        k -= 1
    if k < 0 or doc[k].lower_ not in NAMING_WORDS:
        return False
    if k < run.start - 1:
        return True
    before = doc[k - 1] if k > 0 else None
    return before is not None and before.pos_ in {"NOUN", "PRON", "NUM"} \
        and not _names_a_kind_of_person(before)


def _names_a_kind_of_person(word: Token) -> bool:
    """ "guy", "recruiter", "bellman", "receptionist": a word for a person, by list, by the
    title lexicon, or by its ending (agent nouns, "-man", "-woman")."""
    lemma = word.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in title_heads() or word.lower_ in title_heads() \
        or lemma.endswith((*AGENT_SUFFIXES, "man", "woman", "person"))


def _strip(span: Span) -> Span:
    """Drop honorifics and a trailing possessive from a name span."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_.strip(".") in HONORIFICS:
        start += 1
    while end > start and span.doc[end - 1].text in {"'s", "’s", "'"}:
        end -= 1
    return span.doc[start:end]


def _display(span: Span) -> str:
    """The name as a greeting writes it: lowercase notes capitalised ("dale" -> "Dale"), but a
    particle inside a name kept as written ("Johanna van der Meer")."""
    return _display_text(span_text(span))


@lru_cache(maxsize=1 << 12)  # the same names are shown many times per note
def _display_text(text: str) -> str:
    words = text.replace("’", "'").split()
    capitalised = any(w[:1].isupper() for w in words)
    return " ".join(w if not w.islower() or (capitalised and 0 < i < len(words) - 1
                                               and w in NAME_PARTICLES)
                    else _capitalised(w, surname=i > 0 and i == len(words) - 1)
                    for i, w in enumerate(words))


def _capitalised(word: str, surname: bool) -> str:
    """A lowercase name word as a name: the letter after O' ("o'neil" -> "O'Neil") and, in a
    surname, each part of a double name ("okonkwo-baptiste" -> "Okonkwo-Baptiste"); a given
    name keeps the romanisation's own form ("hyun-woo" -> "Hyun-woo")."""
    return "-".join(capitalised_word(p) for p in (word.split("-") if surname else [word]))


OPEN_NICK = {"(", '"', "'", "“", "‘"}
CLOSE_NICK = {")", '"', "'", "”", "’"}


def _nicknamed(doc: Doc, runs: list[Span]) -> list[tuple[Span, str, str]]:
    """ "Chukwuemeka (Emeka) Obi", 'Robert "Bobby" Tran', 'Marguerite "Peg" O'Donnell': (the
    whole span, the full name, the nickname). Many nicknames are in no list of given names (Peg,
    Tex, Chip), so one counts when it is quoted, a known given name, or follows a known given
    name, and is no place or organisation: "Dallas (Texas) Branch" is not a person."""
    starts = {run.start: run for run in runs}
    found = []
    for run in runs:
        k = run.end
        if k + 3 >= len(doc) or doc[k].text not in OPEN_NICK or doc[k + 2].text not in CLOSE_NICK:
            continue
        nick, surname = doc[k + 1], starts.get(k + 3)
        bracketed_word = doc[k].text == "(" and not is_given_name(nick.text)
        if surname is None or not surname[0].is_title or not run[0].is_title \
                or not (nick.is_title and nick.is_alpha) or (bracketed_word and (
                    not is_given_name(run[0].text) or nick.ent_type_ in ENTITY_LABELS_NOT_PEOPLE)):
            continue
        found.append((doc[run.start : surname.end], f"{_display(run)} {_display(surname)}",
                      nick.text))
    return found


def find_people(doc: Doc, exclude: set[str] | None = None) -> list[PersonMentions]:
    """Name mentions in order of first appearance, merged so "Sarah" joins "Sarah Chen" (and
    "Emeka" joins "Chukwuemeka (Emeka) Obi")."""
    exclude = {e.lower() for e in (exclude or set()) if e}
    titles = _title_spans(doc)
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    other_ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS_NOT_PEOPLE]
    runs = _runs(doc, titles)
    nicknamed = _nicknamed(doc, runs)
    aliases = {}
    for whole, full, nick in nicknamed:
        aliases.update({_display(whole).lower(): full, nick.lower(): full,
                        _display(whole[:1]).lower(): full})
    accepted: list[Span] = [whole for whole, _, _ in nicknamed]
    for run in runs:
        if any(w.start <= run.start < w.end for w, _, _ in nicknamed):
            continue
        span = _strip(run)
        if len(span) and _accept(span, titles, person_ents, other_ents):
            accepted.append(span)
    accepted = [s for s in accepted if not _excluded(_display(s), exclude)]
    accepted = _known_first_names(accepted)
    # Words inside a person's written-out title ("Ben Adler (Eng Manager, Platform)") are not
    # people themselves.
    segments = [seg for s in accepted if (seg := title_segment(s, titles)) is not None]
    accepted = [s for s in accepted
                if not any(seg.start <= s.start < seg.end for seg in segments)]
    known = {aliases.get(_display(s).lower(), _display(s)).lower() for s in accepted}
    # Later bare mentions of a known name ("Sarah" after "Sarah Chen"), including lowercase ones.
    parts = {w for name in known for w in name.split()} | {nick.lower() for _, _, nick in nicknamed}
    for token in _tokens_where(doc, parts.__contains__):
        if _is_name_word(token) and not _in_span(token, titles) \
                and not any(s.start <= token.i < s.end for s in accepted):
            accepted.append(doc[token.i : token.i + 1])
    # ... and hyphenated ones, with or without an honorific ("Mr. Bankole-Hart's office").
    for run in runs:
        span = _strip(run)
        if len(span) > 1 and _display(span).lower() in parts \
                and not any(s.start < span.end and span.start < s.end for s in accepted):
            accepted.append(span)
    accepted += _hyphenated_lowercase(doc, parts, accepted)
    accepted += _initialled(doc, accepted, aliases)
    accepted += _short_labels(doc, accepted, aliases)
    _given_name_in_brackets(accepted, aliases)
    _short_name_with_full_name(accepted, aliases)
    accepted.sort(key=lambda s: s.start)
    people = _merge(accepted, aliases)
    nicknames = {full: nick for _, full, nick in nicknamed}
    for person in people:
        person.nickname = nicknames.get(person.name)
        person.honorific = next((h for m in person.mentions
                                 if (h := _honorific_before(m)) is not None), None)
    return people


def _hyphenated_lowercase(doc: Doc, parts: set[str], accepted: list[Span]) -> list[Span]:
    """ "jae-won said ..." after "Jae-won Park": a hyphenated part of a known name written in
    lowercase (the tokenizer splits it in three, and lowercase words make no name run)."""
    found = []
    for token in _tokens_where(doc, "-".__eq__):
        if not 0 < token.i < len(doc) - 1:
            continue
        before, after = doc[token.i - 1], doc[token.i + 1]
        if before.whitespace_ or token.whitespace_ \
                or f"{before.lower_}-{after.lower_}" not in parts \
                or any(s.start <= token.i < s.end for s in (*accepted, *found)):
            continue
        found.append(doc[before.i : after.i + 1])
    return found


def _given_name_in_brackets(accepted: list[Span], aliases: dict[str, str]) -> None:
    """ "Dr. Raghunathan (Anjali, the owner)": a known given name opening a bracket right
    after an honorific and a surname is that person's first name; both forms are recorded in
    `aliases` as "Anjali Raghunathan"."""
    for span in accepted:
        doc = span.doc
        if len(span) != 1 or span.end + 2 >= len(doc) or doc[span.end].text != "(" \
                or _honorific_before(span) is None:
            continue
        given = doc[span.end + 1]
        if given.is_title and is_given_name(given.text) and doc[span.end + 2].text in {",", ")"} \
                and any(s.start == given.i for s in accepted):
            full = f"{given.text} {_display(span)}"
            aliases[_display(span).lower()] = aliases[given.lower_] = full


def _short_name_with_full_name(accepted: list[Span], aliases: dict[str, str]) -> None:
    """ "gabi (owner, Gabriela Ortiz)", "Gabriela Ortiz (Gabi, owner)": a first name and, in the
    bracket right after it, a full name whose first name begins with the same two letters (or
    the other way round) are one person; the short form is recorded in `aliases`."""
    for span in accepted:
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text != "(":
            continue
        close = next((t.i for t in doc[span.end : min(span.end + 12, len(doc))] if t.text == ")"),
                     None)
        if close is None:
            continue
        # (not "Sarah (Sam Chen's boss)": someone else's relation)
        inside = [s for s in accepted if span.end < s.start and s.end <= close
                  and doc[s.end].text not in {"'s", "’s"}]
        for other in inside:
            short, full = (span, other) if len(span) == 1 < len(other) else \
                (other, span) if len(other) == 1 < len(span) else (None, None)
            if short is None or full is None:
                continue
            first = _display(_first_name(full)).lower()
            nick = _display(short).lower()
            if len(nick) >= 2 and first[:2] == nick[:2] and nick != first:
                aliases.setdefault(nick, aliases.get(_display(full).lower(), _display(full)))


def _initialled(doc: Doc, accepted: list[Span], aliases: dict[str, str]) -> list[Span]:
    """ "Dr. O" for Dr. Adebayo Ogunleye, "Ms. K" for Rina Kowalski: an honorific and a capital
    letter name the one person met whose surname starts with it (none when two do). Records
    each in `aliases` and returns the letters as mentions."""
    full = {_display(s) for s in accepted if len(s) > 1}
    found = []
    lowers = token_words(doc)[0]
    # an honorific before the letter (read on the words listed once per doc)
    for token in (doc[i] for i in range(1, len(doc)) if lowers[i - 1].strip(".") in HONORIFICS):
        letter = token.text.rstrip(".")
        if len(letter) != 1 or not letter.isupper() \
                or any(s.start <= token.i < s.end for s in accepted):
            continue
        owners = {name for name in full if name.split()[-1].startswith(letter)}
        if len(owners) == 1:
            aliases[letter.lower()] = owners.pop()
            found.append(doc[token.i : token.i + 1])
    return found


LABEL_MARKS = {":", "-", "–", "—"}
BULLETS = {"-", "*", "•", "+", "–", "—", ">"}


def _short_labels(doc: Doc, accepted: list[Span], aliases: dict[str, str]) -> list[Span]:
    """ "- seun: huge into crosswords" after "Oluwaseun Adeyemi", "bayo -" for Adebayo Ojo: a
    word labelling a line, the start or the end of exactly one known person's given name (three
    letters or more), is that person. Records each in `aliases` and returns the labels."""
    given = {}
    for span in accepted:
        if len(span) > 1:
            full = aliases.get(_display(span).lower(), _display(span))
            given.setdefault(full.split()[0].lower(), set()).add(full)
    found = []
    lowers = token_words(doc)[0]
    for token in (doc[i] for i in range(len(doc) - 1) if lowers[i + 1] in LABEL_MARKS):
        lower = token.lower_
        if len(lower) < 3 or not _opens_line(token) or not token.is_alpha or lower in aliases:
            continue
        # a label already found as a one-word name ("Bayo") joins the full name as well, unless
        # it is someone's given name in full
        taken = [s for s in accepted if s.start <= token.i < s.end]
        if taken and (len(taken[0]) > 1 or lower in given):
            continue
        owners = {f for first, fulls in given.items() if len(first) > len(lower)
                  and (first.startswith(lower) or first.endswith(lower)) for f in fulls}
        if len(owners) == 1:
            aliases[lower] = owners.pop()
            if not taken:
                found.append(doc[token.i : token.i + 1])
    return found


def _opens_line(token: Token) -> bool:
    """The first word of a line, past a bullet."""
    doc, i = token.doc, token.i
    if i > 0 and doc[i - 1].text in BULLETS and (i == 1 or "\n" in doc[i - 2].text
                                                  or "\n" in doc[i - 2].whitespace_):
        return True
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _known_first_names(accepted: list[Span]) -> list[Span]:
    """In a lowercase note, "kenji weekends = trail running" after "kenji moreau" is Kenji
    followed by words, not a second Kenji: a lowercase run that starts with the given name of
    a person already named in full, and goes on differently, is cut to that given name."""
    out: list[Span] = []
    for span in sorted(accepted, key=lambda s: s.start):
        first = _first_name(span)  # "hyun-woo"
        earlier = [s for s in out if len(s) > len(first)
                   and _first_name(s).text.lower() == first.text.lower()]
        if len(span) > len(first) and span[0].is_lower and earlier and \
                all(_display(s).lower() != _display(span).lower() for s in earlier):
            span = first
        out.append(span)
    return out


def _excluded(name: str, exclude: set[str]) -> bool:
    """The writer or the company: the whole name, or a name made only of their words."""
    def words(text: str) -> set[str]:
        return {w.removesuffix("'s").strip(".,'\"") for w in text.lower().replace("’", "'").split()}

    return any(words(name) <= words(e) for e in exclude)


def _merge(spans: list[Span], aliases: dict[str, str]) -> list[PersonMentions]:
    """Group mentions by person; `aliases` maps a written form ("emeka") to its full name."""
    people: list[PersonMentions] = []
    full = sorted({aliases.get(_display(s).lower(), _display(s)) for s in spans
                   if len(span_text(s).split()) > 1}, key=len, reverse=True)
    for span in spans:
        name = _display(span)
        lower = name.lower()
        words = lower.split()
        matches = [f for f in full if f.lower() != lower and all(w in f.lower().split() for w in words)]
        if not matches and len(words) == 1 and len(lower) >= 3:
            # "Gwen" after "gwendolyn ferro": a short form that begins one known given name
            matches = [f for f in full if f.lower().split()[0].startswith(lower)
                       and len(f.split()[0]) > len(lower)]
        if lower in aliases:
            name = aliases[lower]
        elif len(matches) == 1 or (matches and len({m.lower() for m in matches}) == 1):
            name = matches[0]
        existing = next((p for p in people if p.name.lower() == name.lower()), None)
        if existing is None:
            existing = PersonMentions(name)
            people.append(existing)
        existing.mentions.append(span)
    return people


def _someones_relative(segment: Span) -> bool:
    """ "Rita (Mateus's wife, does the office)": whose relative someone is, not their job (unlike
    "owner's son", which says what they are to the business)."""
    return segment[-1].lower_ in KIN and any(
        t.is_title and t.i + 1 < segment.end and segment.doc[t.i + 1].lower_ in {"'s", "’s"}
        for t in segment)


def _title_for(person: PersonMentions) -> str | None:
    titles = _title_spans(person.mentions[0].doc)
    for mention in person.mentions:
        segment = title_segment(mention, titles)
        if segment is not None and not _someones_relative(segment):
            return _clean_title(segment)
    for mention in person.mentions:
        title = _title_next_to(mention, titles)
        if title is not None:
            return _clean_title(title)
    for mention in person.mentions:
        title = _title_of_the_call(mention, titles)
        if title is not None:
            return _clean_title(title)
    for mention in person.mentions:
        dept = _from_department(mention)
        if dept is not None:
            return dept.text
    for mention in person.mentions:
        stated = _stated_title(mention, titles)
        if stated is not None:
            return _clean_title(stated)
    return None


CALL_WORDS = {"screen", "call", "interview", "chat", "convo", "conversation", "round"}
CALL_FILLERS = {"w/", "with", ",", ":", "-", "–", "—", "phone", "video", "zoom", "teams", "by",
                "over", "on", "the"}


def _title_of_the_call(mention: Span, titles: list[Span]) -> Span | None:
    """ "recruiter screen w/ Keisha Brown", "hiring manager call, phone, Dana Ruiz": the call is
    named after the person who held it."""
    doc, k = mention.doc, mention.start - 1
    while k >= 0 and mention.start - k <= 4 and doc[k].lower_ in CALL_FILLERS \
            and "\n" not in doc[k].whitespace_:
        k -= 1
    if k < 1 or doc[k].lower_ not in CALL_WORDS or k == mention.start - 1:
        return None
    return next((t for t in titles if t.end == k), None)


def _stated_title(mention: Span, titles: list[Span]) -> Span | None:
    """A title given in a sentence of its own: "Tomasz is the super I'd work under", "Hamid
    Sultani is the teen services lead", "the GM is Abena Osei". Only words a title can end
    with count ("Raj is a runner" says nothing about his job)."""
    doc, heads = mention.doc, title_heads()

    def is_title_word(token: Token) -> bool:
        return token.lower_.strip(".") in heads or _in_span(token, titles)

    # Read off the words first; the small parser often mislabels a title ("lead" as a verb).
    k = mention.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"he", "she", "they",
                                                                         "who"}:
        k += 2  # "Aldo Ferreira, he is the farm manager"
    elif k + 1 < len(doc) and doc[k].lower_ == "who":
        k += 1  # "rafael quintela who's a staff engineer"
    if k + 1 < len(doc) and doc[k].lower_ in {"is", "was", "'s", "’s"}:
        start = k + 1
        while start < len(doc) and doc[start].lower_ in {"the", "our", "my", "their", "a", "an"}:
            start += 1
        end = None
        for j in range(start, min(start + 4, len(doc))):
            if not doc[j].is_alpha or doc[j].lower_ in {"and", "who", "that", "but", "so"}:
                break
            if is_title_word(doc[j]):
                end = j + 1
            elif end is not None:
                break
        # "Dale Price is a die hard chiefs fan": a title word naming a kind of something else
        # is no title ("a chiefs fan", "a boss baby")
        if end is not None and end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_alpha:
            end = None
        if end is not None:
            return doc[start:end]
    k = mention.start - 1
    if k >= 1 and doc[k].lower_ in {"is", "was"} and is_title_word(doc[k - 1]):
        start = k - 1
        while start > 0 and start > k - 4 and doc[start - 1].is_alpha and \
                doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} and \
                doc[start - 1].lower_ not in {"the", "our", "my", "their", "a", "an"}:
            start -= 1
        return doc[start:k]
    root = mention.root
    if root.head.lemma_ != "be" or root.dep_ not in {"nsubj", "attr"}:
        return None
    other = "attr" if root.dep_ == "nsubj" else "nsubj"
    for noun in root.head.children:
        if noun.dep_ == other and noun.pos_ in {"NOUN", "PROPN"} and (
                noun.lower_.strip(".") in heads or _in_span(noun, titles)):
            start = noun.i
            while start > 0 and noun.doc[start - 1].dep_ in {"compound", "amod", "nmod"} \
                    and noun.doc[start - 1].head.i >= start:
                start -= 1
            return noun.doc[start : noun.i + 1]
    return None


def _clean_title(title: Span) -> str:
    text = title.text.strip(" ,;:-()")
    return text


def _pronoun_follow_up(sent: Span) -> Span | None:
    """The next sentence when it goes on about the same person: "... Mrs. Seo from HR. She
    asked about my visa"."""
    doc = sent.doc
    k = sent.end
    while k < len(doc) and (doc[k].is_space or doc[k].is_punct):
        k += 1
    if k < len(doc) and doc[k].lower_ in {"he", "she", "they"}:
        return doc[k].sent
    return None


def _says_nothing_of_interviewing(doc: Doc, i: int) -> bool:
    """"gave me the tour before the interview", "walked me to my interview": the interview as a
    time or a place says nothing about who asked the questions. Nor does asking *for*
    something ("HR (Dana) emailed asking for references"): a request, not a question; nor
    asking nothing ("sat in, didn't ask anything", "never asked a question"). Token `i` of
    `doc`, whose words are read from `token_words` (it is asked of every word near a name)."""
    lowers, lemmas = token_words(doc)
    if lemmas[i] == "ask" and any(
            (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "neg"
            or (c.dep_ == "dobj" and c.lower_ == "nothing") for c in doc[i].children):
        return True
    return lowers[i] in {"interview", "interviews"} and doc[i].dep_ == "pobj" \
        and doc[i].head.lower_ in TIME_PREPOSITIONS


def _showed_the_writer_around(person: PersonMentions) -> bool:
    """"Pete gave me the tour", "Bastian, who gave me a tour of the cages", "Ana showed me
    around": looking after a visitor. Only when the person is the one doing it (a sentence that
    names a tour and several people says nothing about the others)."""
    for mention in person.mentions:
        root = mention.root
        verbs = [root.head] if root.dep_ == "nsubj" else []
        verbs += [c for c in root.children if c.dep_ == "relcl"]
        for verb in verbs:
            if any(c.dep_ == "dobj" and c.lemma_.lower() == "tour" for c in verb.children) or (
                    verb.lemma_.lower() == "show" and
                    any(c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "around" for c in verb.children)):
                return True
    return False


NOT_THERE = re.compile(r"\b(?:was(?:n'?t| not)|is(?:n'?t| not)|did(?:n'?t| not)|never|not)\s+"
                       r"(?:\w+\s+)?(?:on the (?:call|panel|zoom|video|interview)"
                       r"|in the (?:room|interview|meeting)|sit(?:ting)? in|join(?:ing)? (?:us|the call)"
                       r"|part of the (?:panel|interview))", re.I)


def _not_there(person: PersonMentions) -> bool:
    """ "the office mgr, tasha, set it up, wasn't on the call": said right after their name,
    before anyone else is named, someone was not in the interview."""
    doc = person.mentions[0].doc
    for mention in person.mentions:
        sent = mention.sent
        end = next((t.i for t in sent if t.i >= mention.end and t.ent_type_ == "PERSON"
                    and not any(m.start <= t.i < m.end for m in person.mentions)), sent.end)
        if NOT_THERE.search(doc[mention.end : end].text if end > mention.end else ""):
            return True
    return False


def _referral_is_theirs(person: PersonMentions, everyone: list[PersonMentions]) -> bool:
    """A word of referring in a sentence naming this person is about them when it says they
    referred the writer: they are the verb's subject or agent ("My cousin Jasmine Cole, a
    teller there, referred me to the manager, Keith Albrecht", "referred by Dana Kim"), or,
    when the grammar names no one, no one else named there stands nearer to the word ("Sent TY
    email to Henrik + Yuki, cc'd Olu to say thanks for the referral")."""
    for sent in {s for m in person.mentions for s in _sentences_of(m)}:
        for token in sent:
            if _referred_in_other_words(token):
                # "Fatima from tutoring told me about this job": only its teller referred
                if person in _named_as_referrer(token, everyone):
                    return True
                continue
            if token.lemma_.lower() not in REFER_LEMMAS and token.lower_ not in REFER_LEMMAS:
                continue
            named = _named_as_referrer(token, everyone)
            if named:
                if person in named:
                    return True
                continue

            def distance(m: Span, i: int = token.i) -> int:
                return 0 if m.start <= i < m.end else min(abs(i - m.start), abs(i - m.end + 1))

            def near(people: list[PersonMentions], sent: Span = sent) -> int:
                return min((distance(m) for p in people for m in p.mentions
                            if sent in _sentences_of(m)), default=len(sent.doc))

            if near([person]) <= near(everyone):
                return True
    return False


OPENING_NOUNS = {"job", "opening", "role", "position", "posting", "vacancy", "opportunity"}


SPOKE_FOR = {"email", "call", "text", "talk", "speak", "message", "write", "reach"}


def _referred_in_other_words(verb: Token) -> bool:
    """ "told me about this job", "sent me the posting", "tipped me off about the opening";
    and speaking up for the writer: "vouched for me", "put in a good word", "put my name in",
    "Dr. Santos emailed Chidinma for me"."""
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if lemma == "vouch":
        return True
    if lemma == "put" and any(c.dep_ == "dobj" and c.lemma_.lower() in {"word", "name"}
                              for c in verb.children):
        return True
    if lemma in SPOKE_FOR and any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.dep_ == "pobj" and g.lower_ == "me" for g in c.children) for c in verb.children):
        return True
    if lemma not in {"tell", "send", "forward", "tip"}:
        return False
    things = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    things += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"about", "off"}
               for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in OPENING_NOUNS for t in things)


def _named_as_referrer(token: Token, everyone: list[PersonMentions]) -> list[PersonMentions]:
    """The people a referring verb's subject or agent names ("Jasmine referred me", "my cousin,
    Jasmine Cole, referred me", "I was referred by Dana"); none when they are not named there."""
    if token.pos_ not in {"VERB", "AUX"}:
        return []
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]
    words = {t.i for s in subjects for t in (s, *s.children)
             if t is s or t.dep_ in {"appos", "compound"}}
    return [p for p in everyone if any(m.start <= i < m.end for m in p.mentions for i in words)]


def _sentences_of(mention: Span) -> set[Span]:
    """The sentence a name is in, and the next one too when the parser split the sentence
    inside the name ("Ines| Bakker (RA there, my old lab mate) referred me")."""
    return {mention.sent, mention[-1].sent}


def _role_for(person: PersonMentions, title: str | None,
              everyone: list[PersonMentions] | None = None) -> Role:
    sentences = {s for m in person.mentions for s in _sentences_of(m)}
    doc = person.mentions[0].doc
    lowers, lemmas_of = token_words(doc)
    lemmas = {w for s in sentences for i in range(s.start, s.end) for w in (lemmas_of[i], lowers[i])}
    follow_ups = {s for s in map(_pronoun_follow_up, sentences) if s is not None}
    context = {w for s in (*sentences, *follow_ups) for i in range(s.start, s.end)
               if not _says_nothing_of_interviewing(doc, i)
               for w in (lemmas_of[i], lowers[i])}
    if _referral_is_theirs(person, everyone or [person]):
        # "X referred me", "referral from X", "X (referral)".
        return "referrer"
    hint = None
    if title is not None:
        hints = title_role_hints()
        titles = _title_spans(person.mentions[0].doc)
        for span in titles:
            if (text := span_text(span)) == title or text.strip(" ,;:-()") == title:
                hint = hints.get(span.id_)
        if hint is None:
            last = title.lower().split()[-1].strip(".")
            hint = title_heads().get(last)
        if title.lower() in SLOT_NOUNS_AFTER_FROM:
            hint = "support"
    # "walked me through the P&L" is interviewing; "walked me out" is looking after a visitor
    interviewed = bool(context & INTERVIEW_CONTEXT) or any(
        WALKED_THROUGH.search(span_text(s)) for s in (*sentences, *follow_ups))
    if (hint == "support" or _not_there(person)) and not interviewed:
        return "support"
    if set_it_up(person):
        return "support"
    if hint is None and (lemmas & SUPPORT_CONTEXT or _showed_the_writer_around(person)) \
            and not interviewed:
        return "support"
    return "interviewer"


def set_it_up(person: PersonMentions) -> bool:
    """ "and HR person Kim something who set it all up", "Jo, who coordinated the day",
    "Priyanka from HR who did the intro": a clause on the name itself saying they arranged the
    interview outweighs the sentence's "panel" or "interview" around it. The clause is the
    name's when its "who" follows the name closely with no other person between (the parser
    often hangs a late "who" on the first name of a list)."""
    for mention in person.mentions:
        doc = mention.doc
        for token in mention.sent:
            if token.dep_ != "relcl" or not (
                    token.lemma_.lower() in SUPPORT_CONTEXT or any(
                        c.dep_ == "dobj" and c.lemma_.lower() in SUPPORT_TASKS
                        for c in token.children)):
                continue
            who = next((c for c in token.children if c.dep_ == "nsubj"
                        and c.lower_ in {"who", "that"}), None)
            # "Pam Sorensen, the office manager, who ...": a title set off by commas between
            reach = 7 if who is not None and mention.end < who.i \
                and doc[mention.end].text == doc[who.i - 1].text == "," else 4
            if who is None or not mention.end <= who.i <= mention.end + reach \
                    or any(t.ent_type_ == "PERSON" for t in doc[mention.end : who.i]):
                continue
            clause = doc[token.i : token.right_edge.i + 1]
            # ("... but didn't ask anything" says nothing of interviewing)
            if not any(t.lower_ in INTERVIEW_CONTEXT and not _the_thing_arranged(t, token)
                       and not any(c.dep_ == "neg" for c in t.children) for t in clause):
                return True
        if any(_arranged_it(token, mention) for sent in _sentences_of(mention) for token in sent):
            return True
    return False


def _arranged_it(verb: Token, mention: Span) -> bool:
    """ "Tamsin Orr from HR scheduled it and said this is the first round": the person is the
    subject of a verb of arranging whose own words (its objects and particles, not the clauses
    joined to it) say nothing of interviewing."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SUPPORT_CONTEXT | {"send"} or not any(
            c.dep_ == "nsubj" and (mention.start <= c.i < mention.end or _aside_on(c, mention))
            for c in verb.children):
        return False
    deps = {c.dep_ for c in verb.children}
    # Something arranged, already ("will set it up" is for the next round, "Ingrid confirmed"
    # agrees with someone); "set" only as "set up" ("Colleen - set dancing")
    if verb.lemma_.lower() == "send" and not any(  # "Rita sent the zoom link", "the invite"
            c.dep_ == "dobj" and c.lemma_.lower() in SENT_LOGISTICS for c in verb.children):
        return False
    if "dobj" not in deps or "aux" in deps or (verb.lemma_.lower() == "set" and not any(
            c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
        return False
    said = [w for c in verb.children if c.dep_ in {"dobj", "prt", "dative"} for w in c.subtree]
    # (not "Mike booked a room and asked about my SQL": he interviewed too)
    done = [verb, *verb.conjuncts]
    return not any((t.lower_ in INTERVIEW_CONTEXT or t.lemma_.lower() in INTERVIEW_CONTEXT)
                   and not _the_thing_arranged(t, verb) for t in [*said, *done])


def _the_thing_arranged(token: Token, verb: Token) -> bool:
    """ "set up the interview", "scheduled me for the interview": the interview as what was
    arranged says nothing of who asked the questions."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    return token.lower_ in {"interview", "interviews", "screen"} \
        and token.dep_ in {"dobj", "pobj"} and head.i == verb.i


def _aside_on(pronoun: Token, mention: Span) -> bool:
    """ "Marisol (front desk lead, she set up the interview)": a he/she inside the bracket that
    opens right after a name is that person."""
    doc = mention.doc
    if pronoun.lower_ not in {"she", "he", "they"} or mention.end >= len(doc) \
            or doc[mention.end].text != "(":
        return False
    return not any(t.text == ")" or t.ent_type_ == "PERSON" for t in doc[mention.end : pronoun.i])


def extract_people(doc: Doc, exclude: set[str] | None = None) -> tuple[list[Person], list[PersonMentions]]:
    """People with title and role, plus their mentions (interests use them to find holders)."""
    found = []
    people = []
    everyone = find_people(doc, exclude)
    for person in everyone:
        title = _title_for(person)
        if (title is None and _only_talked_about(person)) or _not_met_yet(person) \
                or _writers_family(person):
            continue
        found.append(person)
        people.append(Person(name=person.name, title=title,
                             role=_role_for(person, title, everyone),
                             goes_by=person.nickname, honorific=person.honorific))
    _add_title_references(doc, found, [p.title for p in people])
    return people, found


KIN = {"sister", "brother", "mom", "mum", "mother", "dad", "father", "wife", "husband", "son",
       "daughter", "aunt", "auntie", "uncle", "cousin", "grandma", "grandpa", "gran", "nan",
       "sis", "bro", "niece", "nephew", "girlfriend", "boyfriend", "fiance", "fiancé", "fiancée"}


def _writers_family(person: PersonMentions) -> bool:
    """Someone the note names as the writer's own family ("Texts to my sister Ama", "Email to
    Marisol (my sister)"): the one the note is written to, never someone met at the interview.
    Family who referred the writer still count ("my cousin Leo referred me")."""
    if any("refer" in m.sent.text.lower() for m in person.mentions):
        return False

    def kin_at(doc, i: int) -> bool:
        return 0 <= i < len(doc) - 1 and doc[i].lower_ == "my" and doc[i + 1].lower_ in KIN

    for mention in person.mentions:
        doc, k = mention.doc, mention.end
        while k < len(doc) and doc[k].text in {"(", ","}:
            k += 1
        if not (kin_at(doc, mention.start - 2) or (k > mention.end and kin_at(doc, k))):
            return False
    return True


CONTACT_LEMMAS = {"thank", "email", "meet", "call", "text", "message", "see", "ask", "interview",
                  "introduce", "greet", "follow", "reach", "contact", "cc", "tell", "join"}
CONTACT_PREPOSITIONS = {"with", "w/", "from", "by", "to", "for", "and", "+"}


AHEAD = re.compile(r"\b(?:will|won'?t|going to|gonna)\b|\w'll\b|\bnext(?: steps?| round)?\s*:"
                   r"|\bnext (?:round|steps?|week)\b", re.I)


def _not_met_yet(person: PersonMentions) -> bool:
    """Named only in what is still to come: "the recruiter (Jess) will reach out", "Next: 2nd
    round w/ the GM (Hollis Varga)". Someone not yet involved gets no letter."""
    return all(AHEAD.search(_clause_of(m).text) for m in person.mentions)


CLAUSE_BOUNDS = {",", ";", "—", "–", ".", "!", "?"}


def _clause_of(mention: Span) -> Span:
    """The stretch of the sentence around a mention, between commas, dashes or semicolons."""
    doc, sent = mention.doc, mention.sent
    start, end = mention.start, mention.end
    while start > sent.start and doc[start - 1].text not in CLAUSE_BOUNDS:
        start -= 1
    while end < sent.end and doc[end].text not in CLAUSE_BOUNDS:
        end += 1
    return doc[start:end]


def _only_talked_about(person: PersonMentions) -> bool:
    """Someone named only as what people talked about ("we both love Brandon Sanderson", "they
    just did Emily Henry"), never as one who spoke, met, wrote or was contacted: every mention
    is the object of a verb or preposition (or names a kind of thing, "Stephen King novels"), and
    none opens a line or a bullet."""
    for mention in person.mentions:
        root, doc = mention.root, mention.doc
        if root.dep_ == "compound" and root.head.i >= mention.end and root.head.pos_ == "NOUN":
            pass  # a name describing a thing: "Stephen King hardcovers", "Harry Potter books"
        elif root.dep_ not in {"dobj", "pobj"} or root.head.lemma_.lower() in CONTACT_LEMMAS \
                or root.head.lower_ in CONTACT_PREPOSITIONS:
            return False
        if root.dep_ == "pobj" and root.head.head.lemma_.lower() in CONTACT_LEMMAS:
            return False  # "talked to|with| Raj"
        before = doc[mention.start - 1] if mention.start > 0 else None
        if before is None or mention.start == mention.sent.start or before.is_punct:
            return False
    return True


REFERENCE_DETERMINERS = {"the", "our", "my"}


def _add_title_references(doc: Doc, found: list[PersonMentions],
                          titles: list[str | None]) -> None:
    """ "the VP enters chili cook-offs", "the hiring manager said...": "the" and words of exactly
    one person's title, as a subject or owner, are a mention of that person (so interests and
    remarks find their holder)."""
    words = [set(title.lower().replace("-", " ").split()) if title else set() for title in titles]
    heads = title_heads()
    taken = set(mention_indices(found))
    for token in _tokens_where(doc, REFERENCE_DETERMINERS.__contains__):
        if token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and any(
                doc[end].lower_ in w for w in words) and end not in taken:
            end += 1
        run = doc[token.i + 1 : end]
        if not len(run) and (initialled := _title_initials(doc[token.i + 1], titles, taken)) \
                is not None:
            # "the PD's office" for the program director
            person = found[initialled]
            person.mentions.append(doc[token.i + 1 : token.i + 2])
            person.mentions.sort(key=lambda m: m.start)
            taken.add(token.i + 1)
            continue
        # Only as a subject or owner ("the VP enters...", "the recruiter's desk"): "we waited
        # for the manager" says nothing about who the next sentence's "she" is.
        if not len(run) or not any(t.lower_ in heads for t in run) \
                or run.root.dep_ not in {"nsubj", "nsubjpass", "poss"}:
            continue
        holders = [i for i, w in enumerate(words) if w and all(t.lower_ in w for t in run)]
        if len(holders) == 1:
            found[holders[0]].mentions.append(run)
            found[holders[0]].mentions.sort(key=lambda m: m.start)
            taken.update(range(run.start, run.end))


def _title_initials(word: Token, titles: list[str | None], taken: set[int]) -> int | None:
    """Which one person's title the capitals after "the" abbreviate ("the PD" for "program
    director", "the HM" for "hiring manager"), as a subject or owner; None when no one's or
    several people's do."""
    text = word.text
    if not (2 <= len(text) <= 4 and text.isalpha() and text.isupper()) or word.i in taken \
            or word.dep_ not in {"nsubj", "nsubjpass", "poss"}:
        return None
    owners = [i for i, title in enumerate(titles) if title and "".join(
        w[0] for w in title.replace("-", " ").split() if w.lower() not in {"of", "the", "&", "and"}
    ).upper() == text]
    return owners[0] if len(owners) == 1 else None
