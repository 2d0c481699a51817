"""Small wording rules shared by the gift suggestions and the letters."""

from __future__ import annotations

# A named event is a countable thing: "our conversation about the Berlin marathon".
EVENT_NOUNS = {"marathon", "half", "triathlon", "race", "festival", "fair", "tournament", "cup",
               "open", "derby", "parade", "rally", "regatta", "trip", "game", "match", "final",
               "finals", "series", "championship", "championships", "classic", "relay", "ride"}
DETERMINERS = {"the", "a", "an", "your", "his", "her", "their", "our", "my", "this", "that"}


def with_article(phrase: str) -> str:
    """A team or a named event takes "the" in a sentence ("the Green Bay Packers", "the Berlin
    marathon", "the Cleveland Guardians"); other phrases are returned as they are."""
    words = phrase.split()
    team = len(words) > 1 and all(w[:1].isupper() for w in words) and words[-1].endswith("s")
    named_event = len(words) > 1 and words[0][:1].isupper() and words[-1].lower() in EVENT_NOUNS
    if (team or named_event) and words[0].lower() not in DETERMINERS:
        return f"the {phrase}"
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
    "natl": "national",
}
MINOR_WORDS = {"of", "and", "for", "the", "with", "in", "at", "to", "on"}


def spelled_out(title: str) -> str:
    """A typed job title as a letter writes it: abbreviations spelled out, a lowercase title
    capitalised ("asst store mgr" -> "Assistant Store Manager")."""
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
