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


# Abbreviations people type in a job title that a letter spells out ("asst store mgr" ->
# "Assistant Store Manager"). Only unambiguous ones: not "eng" (engineer or engineering), "tech"
# (technician or technology), "dev", "admin" or "acct".
TITLE_ABBREVIATIONS = {
    "mgr": "Manager", "mngr": "Manager", "sr": "Senior", "snr": "Senior", "jr": "Junior",
    "asst": "Assistant", "assoc": "Associate", "svcs": "Services", "svc": "Service",
    "coord": "Coordinator", "dir": "Director", "spec": "Specialist", "ops": "Operations",
    "rep": "Representative", "supv": "Supervisor", "supvr": "Supervisor", "exec": "Executive",
    "mktg": "Marketing", "mkt": "Marketing", "govt": "Government", "intl": "International",
    "natl": "National",
}


def spelled_out(title: str) -> str:
    """A typed job title as a letter writes it: abbreviations spelled out, a lowercase title
    capitalised ("asst store mgr" -> "Assistant Store Manager")."""
    lowercase = title.islower()
    words = []
    for word in title.split():
        full = TITLE_ABBREVIATIONS.get(word.lower().rstrip("."))
        if full is not None:
            words.append(full)
        elif lowercase and word not in {"of", "and", "for", "the"}:
            words.append(word.capitalize())
        else:
            words.append(word)
    return " ".join(words)
