"""Small wording rules shared by the gift suggestions and the letters."""

from __future__ import annotations

# A named event is a countable thing: "our conversation about the Berlin marathon".
EVENT_NOUNS = {"marathon", "half", "triathlon", "race", "festival", "fair", "tournament", "cup",
               "open", "derby", "parade", "rally", "regatta", "trip", "game", "match", "final",
               "finals", "series", "championship", "championships", "classic", "relay", "ride",
               "jam", "gig", "concert", "recital", "show"}
# Family whose pastimes an interviewer talks about: "his mother's award-winning pies".
RELATIVES = {"mother", "mom", "mum", "father", "dad", "grandma", "grandmother", "grandpa",
             "grandfather", "nana", "wife", "husband", "son", "daughter", "kid", "kids", "child",
             "children", "brother", "sister", "partner", "family", "uncle", "aunt", "twins"}
# One outing of a pastime: "wrestling meet", "chess tournament", "piano lessons". An article or
# a book is about the pastime itself.
EVENT_HEADS = {"meet", "meets", "tournament", "tournaments", "recital", "recitals", "match",
               "matches", "practice", "practices", "lesson", "lessons", "competition",
               "competitions", "tryouts", "season"}
# Groups one plays or sings in; named, they take "the" ("the Tri-County Cricket League").
PASTIME_GROUPS = {"league", "club", "choir", "chorus", "guild", "society", "troupe", "orchestra",
                  "band", "ensemble"}
DETERMINERS = {"the", "a", "an", "your", "his", "her", "their", "our", "my", "this", "that"}


def with_article(phrase: str) -> str:
    """A team or a named event takes "the" in a sentence ("the Green Bay Packers", "the Berlin
    marathon", "the Cleveland Guardians"); a bare singular thing one keeps several of reads
    plural ("retired greyhounds"); other phrases are returned as they are."""
    words = phrase.split()
    team = len(words) > 1 and all(w[:1].isupper() for w in words) and words[-1].endswith("s")
    named_event = len(words) > 1 and words[0][:1].isupper() \
        and words[-1].lower() in EVENT_NOUNS | PASTIME_GROUPS
    if (team or named_event) and words[0].lower() not in DETERMINERS:
        return f"the {phrase}"
    if _bare_group(phrase):
        return " ".join([*words[:-1], _plural_of(words[-1])])  # "an article about community choirs"
    return _plural_if_countable(phrase)


def _bare_group(phrase: str) -> bool:
    """ "community choir", "bluegrass band": a group one belongs to, named bare and lowercase."""
    words = phrase.split()
    return bool(words) and phrase.islower() and words[-1] in PASTIME_GROUPS \
        and not DETERMINERS & set(words)


# Nouns whose plural is common but means something else than the pastime ("the arts").
NOT_COUNTED = {"art", "theater", "theatre"}


def _plural_of(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


def _plural_if_countable(phrase: str) -> str:
    """A thing one has several of, named bare and singular, reads plural: "our conversation about
    retired greyhounds", not "about retired greyhound". A pastime stays as it is ("chess",
    "baseball", "pottery", "wine"): its plural is rare next to its singular (word frequencies)."""
    words = phrase.split()
    last = words[-1] if words else ""
    if not (1 <= len(words) <= 3 and phrase.islower() and last.isalpha() and len(last) > 2
            and not DETERMINERS & set(words) and last not in NOT_COUNTED
            and not last.endswith(("s", "ing", "ism", "ics"))):
        return phrase
    from wordfreq import zipf_frequency  # loaded only when a letter is written

    plural = _plural_of(last)
    if zipf_frequency(plural, "en") >= max(2.0, zipf_frequency(last, "en") - 0.6):
        return " ".join([*words[:-1], plural])
    return phrase


# Shorthand people type in notes -> the word it stands for (the tokenizer reads a shorthand as
# its word, extract/shorthand.py, and a letter spells a typed job title out: "asst store mgr" ->
# "Assistant Store Manager"). Only unambiguous forms: not "hr" (the department), "w", "v",
# "eng" (engineer or engineering), "tech" (technician or technology), "spec", "dev", "admin".
ABBREVIATIONS = {
    "w/": "with", "b/c": "because", "bc": "because", "abt": "about", "thru": "through",
    "tho": "though", "ppl": "people", "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks",
    "wknd": "weekend", "wknds": "weekends", "wkend": "weekend", "wkends": "weekends",
    "mgr": "manager", "mngr": "manager", "mgmt": "management", "dept": "department",
    "govt": "government", "mtg": "meeting", "mtgs": "meetings", "mins": "minutes", "hrs": "hours",
    "appt": "appointment", "convo": "conversation", "bday": "birthday", "rly": "really",
    "b4": "before", "sr": "senior", "snr": "senior", "jr": "junior", "asst": "assistant",
    "assoc": "associate", "svcs": "services", "svc": "service", "coord": "coordinator",
    "dir": "director", "ops": "operations", "rep": "representative", "supv": "supervisor",
    "supvr": "supervisor", "exec": "executive", "mktg": "marketing", "intl": "international",
    "natl": "national", "atty": "attorney", "tmrw": "tomorrow", "yday": "yesterday",
}
MINOR_WORDS = {"of", "and", "for", "the", "with", "in", "at", "to", "on"}


def written_out(phrase: str) -> str:
    """A phrase from the notes as a letter writes it: note-taking shorthand spelled out, the rest
    as typed ("my idea for bin labels w/ QR codes" -> "... with QR codes")."""
    return " ".join(ABBREVIATIONS.get(word.lower(), word) if word.lower() in ABBREVIATIONS
                    and not word.isupper() else word for word in phrase.split())


def unshouted(phrase: str) -> str:
    """A name typed in capitals as a letter writes it: "CASCADE LOGISTICS" -> "Cascade
    Logistics", "VP OF SALES" -> "VP of Sales" (short words stay capitals: VP, HR, IT). A phrase
    with any lowercase letter, or a single word (an acronym), is left as it is."""
    words = phrase.split()
    if len(words) < 2 or not phrase.isupper():
        return phrase
    return " ".join(w.lower() if w.lower() in MINOR_WORDS else
                    w if (len(w.strip(".,-")) <= 3 and w.lower().rstrip(".") not in ABBREVIATIONS)
                    or not w.replace("'", "").replace(".", "").replace("-", "").isalpha()
                    else capitalised_word(w) for w in words)  # "AT&T", "MED/SURG" stay


def capitalised_word(word: str) -> str:
    """One word of a name as a name: "LOGISTICS" -> "Logistics", "o'neil" -> "O'Neil"."""
    if word.upper().startswith("O'") and len(word) > 2:
        return "O'" + word[2:].capitalize()
    return word.capitalize()


def spelled_out(title: str) -> str:
    """A typed job title as a letter writes it: abbreviations spelled out, a lowercase title
    capitalised ("asst store mgr" -> "Assistant Store Manager")."""
    title = unshouted(title)
    lowercase = title.islower()
    words = []
    for word in title.split():
        full = ABBREVIATIONS.get(word.lower().rstrip("."))
        if full is not None:
            words.append(full if full in MINOR_WORDS else full.capitalize())
        elif lowercase and word not in MINOR_WORDS:
            words.append(word.capitalize())
        else:
            words.append(word)
    return " ".join(words)
