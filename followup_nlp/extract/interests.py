"""Personal interests: what, whose, how we know (said, office, shared, aspiration), and where.

Three finders, so interests outside any word list are still found:
1. lexicon terms (data/lexicons/interests.jsonl) in sentences that are not about work;
2. cue phrases (data/lexicons/cues.jsonl: "loves", "is into", "saw ... on his shelf",
   "always wanted to visit", "we both") whose grammatical object is the interest;
3. places (GPE/LOC) named in a travel sentence.
The holder is the person the sentence is about: the subject, a possessor ("James's office"), the
only person named, or the person the note was last talking about. What the writer says counts
for the interviewer when they answered "same!" or asked about it (extract/dialogue.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from followup_nlp.extract.components import doc_text, noun_chunks, span_group, span_text, token_words
from followup_nlp.extract.dialogue import answered_in_kind, asking_verb
from followup_nlp.extract.facts import MONTHS
from followup_nlp.extract.lexicons import (
    interest_domains,
    is_given_name,
    needs_cue_forms,
    work_nouns,
)
from followup_nlp.extract.people import AGENT_SUFFIXES, PersonMentions, mention_indices
from followup_nlp.extract.referents import mentions_in, sentence_referents
from followup_nlp.schema import Interest
from followup_nlp.wording import ABBREVIATIONS, EVENT_HEADS, PASTIME_GROUPS, RELATIVES

FIRST_PERSON = {"i", "me", "my", "myself", "i'm", "i've", "im"}
THIRD_PERSON = {"he", "she", "they", "him", "her", "them", "his", "their", "hers", "theirs"}
SECOND_PERSON = {
    "he": "you", "she": "you", "they": "you", "him": "you", "his": "your",
    "her": "your", "their": "your", "hers": "yours", "theirs": "yours", "himself": "yourself",
    "herself": "yourself", "themselves": "yourself",
}
IRREGULAR_SECOND_PERSON = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "are"}
PERSONAL_WORDS = {"he", "she", "his", "her", "him", "hers", "we", "both", "himself", "herself",
                  "weekend", "weekends", "wknd", "kids", "kid", "daughter", "son", "wife", "husband",
                  "family", "mom", "dad", "mother", "father", "grandma", "grandmother", "grandpa"}
HOBBY_HEADS = {"team", "club", "league", "band", "trip", "season", "game", "games", "match",
               "tournament", "class", "classes", "lesson", "lessons", "group", "collection",
               "festival", "show", "concert", "gear", "fan", "fans", "practice", "night", "camp",
               "race", "recipe", "recipes", "garden", "board", "ride", "course", "society",
               "guild", "choir", "orchestra", "record", "records", "jersey", "poster", "print",
               "photo", "photos", "book", "books", "memorabilia", "habit", "hobby", "obsession",
               "trips", "vacation", "holiday", "weekend", "weekends", "tickets", "ticket",
               # a fan's things: "Liverpool FC scarf on his chair", "a Packers mug"
               "scarf", "hat", "cap", "mug", "mugs", "shirt", "hoodie", "sweatshirt", "pennant",
               "flag", "bobblehead", "beanie", "sticker", "stickers", "calendar", "banner"}
GENERIC_HEADS = {
    "it", "that", "this", "thing", "things", "stuff", "lot", "lots", "time", "way", "one", "bit",
    "work", "job", "role", "position", "company", "people", "person", "culture", "question",
    "questions", "answer", "interview", "candidate", "experience", "background", "resume", "cv",
    "me", "you", "him", "her", "them", "us", "everything", "something", "anything", "kind",
    "weekend", "weekends", "day", "days", "year", "years", "week", "weeks", "month", "office",
    "desk", "wall", "shelf", "window", "photo", "photos", "picture", "pictures",
    "poster", "what", "which", "who", "idea", "ideas", "fan", "hobby", "hobbies", "interest",
    "club", "league", "group", "class", "classes", "team", "game", "games", "side", "home",
    "place", "town", "city", "area", "family", "kids", "trip", "break", "lunch", "coffee chat",
}
TRAVEL_LEMMAS = {"visit", "travel", "trip", "vacation", "holiday", "honeymoon", "go", "move",
                 "backpack", "cruise", "sabbatical", "bucket", "dream", "explore", "tour"}
ARRIVALS = {"get", "come", "back", "fly", "head", "drive", "take", "return", "road-trip"}
WORK_CUE_LEMMAS = {"discuss", "project", "team", "role", "responsibility", "stack", "roadmap",
                   "deadline", "budget", "client", "quarter", "metric", "kpi", "hire", "report"}
# Words that make a sentence about someone's life, whatever work words are in it
LIFE_LEMMAS = {"love", "hobby", "weekend", "spare", "free", "fan", "enjoy", "passion", "collect",
               "kid", "daughter", "son", "wife", "husband", "mom", "mother", "dad", "father"}


@dataclass
class _Candidate:
    span: Span
    canonical: str
    cue: str
    domain: str | None
    holder_hint: Token | None = None  # the cue token; the holder is found around it
    phrase: Span | None = None  # the wider phrase a letter quotes ("chess board"), if any
    cued: bool = False  # the object of a strong cue ("loves X", "is a big X fan")
    activity: bool = False  # the verb of a time cue ("builds sets on weekends"): less specific
    source: str = "cue"  # which finder proposed it: lexicon, cue, place, phrase or verb

    def score(self) -> float:
        """How sure we are this is the interest of its sentence (one per person and sentence)."""
        points = 0.0
        if self.cued:
            # What someone says they love beats what they do on weekends, which beats an
            # object glimpsed on a shelf.
            points += 0.8 if self.cue == "office" else 1.5 if self.activity else 3.0
        points += 1.0 if self.domain is not None else 0.0
        points += 0.5 if self.span.root.pos_ == "PROPN" and self.domain != "travel" else 0.0
        points += 0.5 if self.cue in {"aspiration", "shared"} else 0.0
        # "her dog (a corgi named Biscuit)": the appositive is the more specific interest.
        points += 0.25 if self.span.root.dep_ == "appos" or any(
            t.text == "(" for t in self.span.doc[max(self.span.start - 2, 0) : self.span.start]
        ) else 0.0
        return points


def _is_work_phrase(span: Span) -> bool:
    """A lexicon word used about work: "gamification of onboarding", "kitchen renovation project";
    a verb done to a piece of work: "runs ops", "builds dashboards", "leads the migration" (not
    one with a name in it: "runs a Gloomhaven campaign" may be a game)."""
    head = span.root
    if head.pos_ == "VERB":
        head = next((c for c in head.children if c.dep_ == "dobj" and span.start <= c.i < span.end),
                    None)
        if head is None or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
            return False
    chunk_head = head
    while chunk_head.dep_ in {"compound", "amod", "nmod"} and chunk_head.head.i != chunk_head.i:
        chunk_head = chunk_head.head
    return chunk_head.lemma_.lower() in work_nouns() or chunk_head.lower_ in work_nouns()


CHAT_FILLERS = {"lol", "lolol", "lmao", "haha", "hahaha", "hah", "rofl", "omg", "jk", "tbh", "imo",
                "btw", "fwiw", "ha", "heh", "hehe", "xd"}


LEADING_POS = {"DET", "PUNCT", "CCONJ", "ADP", "PART", "SPACE"}
ARROW_HEADS = {">", "→", "=>", "->"}
LEADING_WORDS = CHAT_FILLERS | THIRD_PERSON | FIRST_PERSON | {"your", "our", "a", "an", "the"}


def _trim(span: Span) -> Span:
    """Drop leading determiners, possessives and punctuation, trailing punctuation, and chat
    fillers at either end ("do sourdough lol")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end:
        first = doc[start]
        lower = first.lower_
        if not (first.pos_ in LEADING_POS or lower in LEADING_WORDS or lower in NARROWING_WORDS
                or lower in SHORTHAND  # "obsessed w/ sourdough"
                or first.dep_ == "poss" or first.text in {"'s", "’s"}
                or first.text in ARROW_HEADS  # "hiroshi -> shakuhachi": the tagger calls ">" a name
                or (lower == "own" and start > 0 and doc[start - 1].dep_ == "poss")):
            break
        start += 1
    # "lumberjack sports comps| - log rolling + underhand chop": a dash standing free between
    # words starts a gloss, not more of the phrase; so do a bracket ("historical fencing|
    # (longsword)") and a comma before "mostly", "esp.", "e.g." ("vinyl records|, mostly jazz")
    gloss = next((t.i for t in doc[start + 1 : end] if t.text in {"(", "["} or (
        t.text in FREE_DASHES and t.whitespace_ and doc[t.i - 1].whitespace_) or (
        t.text == "," and t.i + 1 < end and doc[t.i + 1].lower_ in NARROWING_WORDS)), None)
    if gloss is not None:
        end = gloss
    while end > start and ((last := doc[end - 1]).is_punct or last.is_space
                           or last.pos_ in {"CCONJ", "ADP", "DET"} or last.lower_ in CHAT_FILLERS
                           or last.lower_ in NARROWING_WORDS):  # "seen them 14 times incl."
        end -= 1
    return doc[start:_before_when(doc, start, end)]


FREE_DASHES = {"-", "–", "—", "--"}
# Words after a comma that narrow what came before to examples or a part of it (", mostly 70s
# jazz", ", esp. Catan").
NARROWING_WORDS = {"esp", "esp.", "incl", "incl.", "including", "like", "such", "mainly", "mostly",
                   "especially", "particularly", "primarily", "largely", "chiefly", "usually",
                   "typically", "specifically", "e.g.", "eg", "i.e.", "ie", "ideally", "preferably"}


def _before_when(doc: Doc, start: int, end: int) -> int:
    """Where a phrase's trailing time words begin ("an adult tap class| Thursdays", "goes
    mothing| most summer nights"): the end of the phrase without them, if something is left."""
    def is_time(token: Token) -> bool:  # "Thursdays" (a DATE to NER), "on weekends" (not)
        return token.ent_type_ in {"DATE", "TIME"} or token.lower_ in TIME_WORDS

    cut = end
    while cut > start and (is_time(doc[cut - 1]) or doc[cut - 1].lower_ in TIME_QUANTIFIERS):
        cut -= 1
    if cut in (end, start):
        return end  # nothing to cut, or nothing left
    # A time word NER does not know counts only after "on", "every"...: "ludo night" is a thing
    introduced = doc[cut - 1].pos_ == "ADP" or doc[cut].lower_ in TIME_QUANTIFIERS
    if not any(doc[i].ent_type_ in {"DATE", "TIME"} or (introduced and doc[i].lower_ in TIME_WORDS)
               for i in range(cut, end)):
        return end  # nothing to cut, nothing left, or only "most"/"every" without a time
    while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].pos_ in {"ADP", "CCONJ", "DET"}):
        cut -= 1
    return cut if cut > start else end


def _object_phrase(token: Token, office: bool = False) -> Span | None:
    """The noun phrase (or gerund phrase) a cue word points at. An office cue's preposition
    ("on his credenza") points at a place, not at the interest."""
    doc = token.doc
    if office and token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in SCENE_HEADS:
        return _phrase_of(token)  # "has a huge bonsai| on his desk": the noun is what was seen
    if not office and (token.pos_ == "ADP" or token.dep_ == "prep"):  # "obsessed with| X"
        objects = [c for c in token.children if c.dep_ in {"pobj", "pcomp"}]
        if objects:
            return _phrase_of(objects[0])
    for child in token.children:
        if child.dep_ in {"dobj", "attr", "xcomp", "ccomp", "oprd", "acomp"} and child.i > token.i:
            return _phrase_of(child)
        if child.dep_ == "prep" and child.lower_ in {"about", "into", "of", "on", "in", "to", "for"}:
            if office and token.lower_ in SCENE_HEADS and child.lower_ != "of":
                continue  # "by the window| in Li's office": where the window is ("a wall of")
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _phrase_of(objects[0])
            pcomp = [c for c in child.children if c.dep_ == "pcomp"]
            if pcomp:
                return _phrase_of(pcomp[0])
    # the parser left the object hanging ("obsessed w/ pickleball lol": "lol" read as punctuation)
    if token.i + 1 < len(doc) and (token.pos_ in {"VERB", "AUX"} or (
            not office and token.pos_ == "ADP")):
        nxt = doc[token.i + 1]
        if nxt.pos_ in {"NOUN", "PROPN", "ADJ"}:
            # the word's head after it, unless that is a verb of its own ("into genealogy -
            # traced her family")
            whole = nxt.head.i > nxt.i and (token.pos_ != "ADP" or nxt.head.pos_ in {"NOUN", "PROPN"})
            return _phrase_of(nxt.head if whole else nxt)
    return None


# Nouns that hold or show the interest rather than name it: "a photo of a wooden outrigger",
# "a jar of polished agates", "a wall of signed jerseys".
CONTAINER_HEADS = {"photo", "photos", "pic", "pics", "picture", "pictures", "poster", "posters",
                   "print", "prints", "painting", "paintings", "drawing", "drawings", "map", "maps",
                   "jar", "jars", "box", "boxes", "shelf", "shelves", "wall", "rack", "stack",
                   "pile", "row", "rows", "bunch", "collection", "case", "display", "bag", "bags",
                   "basket", "bowl", "tray", "set", "pair", "couple", "dozen", "lot", "lots",
                   "dozens", "hundreds", "thousands", "tons", "loads", "handful", "cabinet",
                   "drawer", "binder", "crate", "pegboard"}


# Where an office object sits; never the interest itself ("his screen background", "her desk").
# What carries someone's club or team: the interest is the name on it.
EMBLEM_HEADS = {"logo", "logos", "sticker", "stickers", "decal", "decals", "emblem", "crest",
                "insignia", "patch", "patches"}
SCENE_HEADS = {"background", "bg", "backdrop", "screen", "desk", "wall", "walls", "shelf",
               "shelves", "window", "windowsill", "corner", "credenza", "bookcase", "bookshelf",
               "cubicle", "whiteboard", "monitor", "lobby", "hallway"}


def _held_by(token: Token) -> Token | None:
    """What a container noun holds: "a photo of| a sailboat|" -> sailboat; None otherwise."""
    if token.lower_ not in CONTAINER_HEADS:
        return None
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "with", "w/"}
                 for g in c.children if g.dep_ == "pobj"), None)


COMPANIONS = RELATIVES | {"friend", "friends", "buddy", "buddies", "pal", "pals", "neighbor",
                          "neighbors", "neighbour", "neighbours", "coworkers", "colleagues", "crew"}


def _companions(prep: Token) -> bool:
    """ "with her kids", "w/ his brother": whom someone does it with, not what they do."""
    return prep.dep_ == "prep" and prep.lower_ in {"with", "w/", "alongside"} and any(
        c.dep_ == "pobj" and (c.lower_ in COMPANIONS or c.lemma_.lower() in COMPANIONS
                              or c.pos_ == "PRON") for c in prep.children)


def _phrase_of(token: Token) -> Span:
    """A token's phrase: a verb with its object ("flies a hawk"), or a noun's subtree; through
    a container noun to what it holds ("a photo of X" -> X)."""
    doc = token.doc
    if (held := _held_by(token)) is not None:
        return _phrase_of(held)
    if token.pos_ in {"VERB", "AUX"}:
        obj = next((c for c in token.children if c.dep_ in {"dobj", "attr", "prep"}
                    and not _companions(c)), None)
        end = token.i + 1
        if obj is not None:
            end = max(end, max(t.i for t in obj.subtree) + 1)
        return doc[token.i : end]
    left = token.left_edge.i
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in {"prep", "compound", "amod", "nummod"} and child.lower_ not in {
            "on", "in", "at", "by", "behind", "during", "with", "from", "for", "since", "over",
            "under", "above", "beside", "near", "across", "along", "around", "inside", "outside",
            "next", "all", "every", "after", "before", "to", "into",
        }:
            right = max(right, child.right_edge.i + 1)
    return doc[left:right]


# The connectives a phrase can start with; the note-taking table has the words they stand for.
SHORTHAND = {"&": "and", "+": "and", **{k: ABBREVIATIONS[k] for k in ("w/", "b/c", "bc")}}


def _gerund(verb: str) -> str:
    """fly -> flying, run -> running, bake -> baking, garden -> gardening."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    vowels = "aeiou"
    if (len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in vowels + "wxy"
            and verb[-2] in vowels and verb[-3] not in vowels):
        return verb + verb[-1] + "ing"
    return verb + "ing"


DEGREE_WORDS = {"big", "huge", "massive", "enormous", "die-hard", "diehard", "lifelong", "avid",
                "rabid", "real", "true", "total", "serious", "longtime", "long-time", "devoted",
                "loyal", "passionate", "proud", "crazy", "major", "super", "hardcore", "absolute",
                "mad", "obsessive", "keen", "enthusiastic"}
FAN_WORDS = {"fan", "fans", "fanatic", "supporter", "diehard", "devotee", "buff", "nut",
             "junkie", "person", "guy", "gal"}


def _without_fan_word(span: Span) -> Span:
    """ "a big Steelers fan" -> "Steelers": the interest is the team, not "big Steelers"."""
    if len(span) < 2 or span[-1].lower_ not in FAN_WORDS:
        return span
    fan = span[-1]
    named = [c.left_edge.i for c in fan.children
             if c.dep_ in {"compound", "nmod", "npadvmod"} and c.i >= span.start]
    start = _past_degree_words(span.doc, max(min(named, default=span.start), span.start), fan.i)
    return span.doc[start : fan.i]  # "a lifelong Arsenal supporter" -> "Arsenal"


def _past_degree_words(doc: Doc, start: int, end: int) -> int:
    """Where a fan's phrase starts once how big a fan they are ("huge", "lifelong") is left out;
    never past the last word before `end`."""
    while start < end - 1 and doc[start].lower_ in DEGREE_WORDS:
        start += 1
    return start


def _canonical(span: Span) -> str:
    """A readable name for an interest no lexicon knows: "builds sets w/ his kids" ->
    "building sets with kids"; "a signed Cubs baseball" -> "signed Cubs baseball" (names keep
    their capitals: a letter offers "an article about restoring old Land Rovers")."""
    span = _without_fan_word(span)
    # "an avid birdwatcher": how keen is no part of the name ("an article about birdwatchers")
    span = span.doc[_past_degree_words(span.doc, span.start, span.end) : span.end]
    if len(span) > 1 and span[-1].lower_ in EVENT_HEADS and span[-2].pos_ in {"NOUN", "PROPN",
                                                                              "VERB"}:
        span = span[:-1]  # "his son's wrestling meet": an article is about wrestling
    words = []
    for token in span:
        if token.is_punct or token.pos_ in {"DET", "PRON"} or token.dep_ == "poss" \
                or token.text in {"'s", "’s"}:
            continue
        if token.i == span.start and token.pos_ == "VERB" and token.dep_ != "amod" \
                and not _done_thing(token):
            # "builds sets" -> "building sets", but "a framed chart" stays framed
            words.append(_gerund(token.lemma_.lower()))
        elif token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper:
            words.append(token.text)
        else:
            words.append(SHORTHAND.get(token.lower_, token.lower_))
    return " ".join(words) or span_text(span).lower()


def _done_thing(token: Token) -> bool:
    """ "Olena does pysanky": an unknown word after "does" the tagger took for a verb (with
    "does" as its auxiliary) is the thing done; it takes no "-ing" and a letter says "you do
    pysanky"."""
    from followup_nlp.extract.ranker import rarity

    doc = token.doc
    # (a word rarer than about once in 3 million: "she does knit" is a verb after all)
    return token.i > 0 and doc[token.i - 1].lemma_.lower() == "do" \
        and doc[token.i - 1].dep_ == "aux" and doc[token.i - 1].head.i == token.i \
        and not any(c.dep_ == "neg" for c in token.children) \
        and rarity(doc[token.i : token.i + 1]) < 2.5


def _writers_own(span: Span, root: Token | None = None) -> bool:
    """ "the robotics club I started", "my portfolio", "liked my lab safety plan": the writer's
    own thing (or what was done to it), not a hobby of theirs. (`root`: the span's root, when
    the caller has it.)"""
    root = span.root if root is None else root
    owned = [root, *(c for c in root.children if c.dep_ == "dobj" and c.i < span.end)] \
        if root.pos_ == "VERB" else [root]
    if any(t.dep_ == "poss" and t.lower_ in FIRST_PERSON for o in owned for t in o.children):
        return True
    for child in root.children:
        if child.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ in FIRST_PERSON
                                         for g in child.children):
            return True
    return False


WHEN_WORDS = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
              "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekend",
              "weekends", "wknd", "wknds", "night", "nights", "morning", "mornings", "evening",
              "evenings", "afternoon", "afternoons", "week", "weeks", "day", "days", "tonight",
              "today", "tomorrow", "yesterday", "year", "years", "month", "months"}


def _is_plausible(span: Span, organisation_ok: bool = False, person_ok: bool = False) -> bool:
    """A phrase that could name an interest. An organisation counts only as the object of a
    cue ("a big fan of the Cleveland Guardians", "has season tickets to Arsenal"): elsewhere an
    ORG is the employer, a client or a tool. A person counts only before a fan's word ("a Kate
    Bush obsessive"): elsewhere a name is someone in the note."""
    if not len(span) or len(span) > 8:
        return False
    root = span.root
    if _writers_own(span, root) or not (root.pos_ in {"NOUN", "PROPN", "VERB", "X"}
                                        or _noun_read_as_adjective(root)):
        return False
    tokens = list(span)
    # "they play every Fri", "weekends": when, not what (but "Tuesday ludo night" is a thing)
    said = [t for t in tokens if not (t.is_punct or t.pos_ in {"DET", "ADP"} or t.is_stop)
            and not (t.i == root.i and t.pos_ == "VERB")]
    if said and all(t.lower_.strip(".") in WHEN_WORDS for t in said):
        return False
    content = [t for t in tokens if not (t.is_stop or t.is_punct or t.text in {"'s", "’s"})]
    if all(t.lower_ in GENERIC_HEADS or t.lemma_.lower() in GENERIC_HEADS for t in content):
        return False
    if all(t.is_stop or t.is_punct for t in tokens):
        return False
    # The root's own entity type, not a walk over doc.ents (which builds every entity span).
    # NER's PERSON on a lowercase word nobody is named ("his grandmother's jollof") is a thing.
    kind = root.ent_type_
    # The small model often calls a pastime group an organisation ("a Punjabi kabaddi league");
    # the group names the pastime, and an employer is rarely called one.
    if kind == "ORG" and root.lemma_.lower() in PASTIME_GROUPS:
        return True
    if kind == "PERSON" and (person_ok or (root.text.islower()
                             and not is_given_name(root.text))):
        return True
    return kind not in {"PERSON", "DATE", "TIME", "MONEY"} and (organisation_ok or kind != "ORG")


LINKING_LEMMAS = {"be", "seem", "become", "feel", "look", "get", "stay", "remain", "sound", "keep",
                  "go", "turn", "grow", "appear", "make", "find", "consider", "call"}


def _noun_read_as_adjective(token: Token) -> bool:
    """ "Wendy loves mahjong" gives mahjong/ADJ: a word the tagger does not know, as the
    complement of a verb that takes no adjective ("loves", "plays", "collects"), is a thing."""
    return token.pos_ == "ADJ" and token.dep_ in {"acomp", "oprd", "dobj", "advmod"} \
        and token.head.pos_ == "VERB" and token.head.lemma_.lower() not in LINKING_LEMMAS \
        and not any(c.dep_ in {"advmod", "prep"} for c in token.children)


def _kind(cue: Span) -> str:
    return cue.id_.split(":")[0]


def _is_weak(cue: Span) -> bool:
    return cue.id_.endswith(":weak")


def _cues_in(sent: Span) -> list[Span]:
    return [c for c in span_group(sent.doc, "CUE")
            if sent.start <= c.start < sent.end and not _a_time_not_a_place(c)]


def _a_time_not_a_place(cue: Span) -> bool:
    """An office cue whose preposition leads to a time, not a place: "they have a concert in|
    Dec", "has a race on| Sunday"."""
    last = cue[-1]
    return _kind(cue) == "office" and last.pos_ == "ADP" and any(
        c.dep_ == "pobj" and (c.ent_type_ in {"DATE", "TIME"} or c.lower_.strip(".") in TIME_WORDS
                              or c.lower_.strip(".") in MONTHS)
        for c in last.children)


CUE_PRECEDENCE = ("shared", "office", "aspiration", "said")


def _is_activity(candidate: _Candidate) -> bool:
    """Something done, not something seen: a verb phrase or a gerund ("birding", "restores
    cars"), which a letter cannot say it noticed in someone's office."""
    root = candidate.span.root
    return candidate.activity or root.pos_ == "VERB" or root.tag_ == "VBG"


# Verbs that place a thing in view; an office cue reaches only things governed by one of these
# (or by no verb): in "has a bonsai on his desk, also coaches his son's hockey team" the desk
# shows the bonsai, not the team.
PRESENCE_LEMMAS = {"be", "have", "see", "notice", "spot", "keep", "hang", "display", "sit",
                   "stand", "show", "frame", "pin", "mount", "put", "place", "hold", "catch",
                   "love", "collect"}


def _under_another_verb(candidate: _Candidate) -> bool:
    """The candidate hangs off a verb of doing ("coaches", "races") rather than of being seen."""
    token = candidate.span.root
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "VERB":
            return token.lemma_.lower() not in PRESENCE_LEMMAS
    return False


def _clause_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _in_an_office_clause(candidate: _Candidate) -> bool:
    """An office cue shows what is in its own clause: in "he's a huge Trekkie, has an Enterprise
    model behind him on the call" the model is behind him, not the Trekkie."""
    verb = _clause_verb(candidate.span.root)
    return any(_kind(c) == "office" and _clause_verb(c.root) == verb
               for c in _cues_in(candidate.span.sent))


def _sentence_cue(sent: Span) -> str | None:
    """The strongest kind of cue in a sentence: shared > office > aspiration > said."""
    kinds = {_kind(c) for c in _cues_in(sent)}
    return next((k for k in CUE_PRECEDENCE if k in kinds), None)


def _personal_context(sent: Span) -> bool:
    """A sentence about someone's life: a cue, a personal pronoun or possessive, or a person
    named in it (a bare list of work topics is not)."""
    return bool(_cues_in(sent)) or any(
        t.lower_ in PERSONAL_WORDS or (t.pos_ == "PROPN" and t.ent_type_ == "PERSON")
        or (t.is_title and t.dep_ in {"nsubj", "poss"}) for t in sent) or _dropped_subject(sent)


def _dropped_subject(sent: Span) -> bool:
    """ "has 3 rescue greyhounds", "plays in a bluegrass band": notes drop "he" or "she" after a
    name; a present-tense "has" or "plays" with no subject is said of someone else (the writer's
    own lines drop "I" before "went" or "asked", not before "has")."""
    root = sent.root
    return root.tag_ == "VBZ" and root.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children)


def _heads_a_hobby_phrase(span: Span) -> bool:
    """ "fishing" in "the fishing license modernization" or "wine" in "the wine list" modifies a
    work noun; accept a modifier only when its head is a hobby-ish noun ("soccer team")."""
    root = span.root
    if root.dep_ not in {"compound", "amod", "nmod"} or root.head.i < span.end - 1:
        return True
    head = root.head
    if any(s.start <= head.i < s.end for s in span_group(span.doc, "INTEREST")):
        return True
    if any(c.start <= head.i < c.end and c.id_.endswith(":guy")
           for c in span_group(span.doc, "CUE")):
        # "a huge board game person", "a history buff", but not "isn't a pets-at-home guy"
        return not any(c.dep_ == "neg" for c in (*head.children, *head.head.children))
    return head.lemma_.lower() in HOBBY_HEADS


def _ends_a_name(span: Span) -> bool:
    """A capitalised word right after another capitalised word, mid-sentence: the end of a
    name ("Lamy Safari", "Bad Bunny"), not the common word the lexicon knows."""
    doc = span.doc
    if span.start == span.sent.start or not span_text(span)[:1].isupper():
        return False
    before = doc[span.start - 1]
    return before.i != span.sent.start and before.text[:1].isupper() and before.is_alpha


def _missed_compound(token: Token) -> bool:
    """ "a week of fly fishing": the parser made "fly" a second object beside "fishing" rather
    than its modifier. A noun right before a noun with the same head and relation, nothing but a
    space between them, names one thing with it."""
    doc = token.doc
    if token.pos_ != "NOUN" or token.i + 1 >= token.sent.end or token.whitespace_ != " " \
            or token.head.i == token.i or token.is_stop:
        return False
    nxt = doc[token.i + 1]
    # ("does line dancing": the "-ing" word tagged a verb beside its object "line")
    return (nxt.pos_ == "NOUN" or nxt.tag_ == "VBG") and nxt.head.i == token.head.i \
        and nxt.dep_ == token.dep_


def _with_missed_compounds(span: Span, modifiers: bool = False) -> Span:
    """The span with the nouns right before it that name one thing with it; with `modifiers`,
    also the plain noun modifiers the parser did attach ("fly fishing", "trail running" for a
    listed "fishing", "running"), but no time, person or other listed word ("weekend", "dad")."""
    doc, start = span.doc, span.start
    while start > span.sent.start:
        before = doc[start - 1]
        if not (_missed_compound(before) or (
                modifiers and before.dep_ == "compound" and before.head.i == span.root.i
                and before.pos_ == "NOUN" and before.is_lower and not before.is_stop
                and before.whitespace_ == " " and not before.ent_type_
                and not (before.i > 0 and doc[before.i - 1].text == "-")  # "Sicilian-style"
                and before.lower_ not in PERSONAL_WORDS | RELATIVES | TIME_WORDS
                and not _in_interest_span(before))):
            break
        start -= 1
    return doc[start : span.end] if start < span.start else span


TIME_WORDS = {"weekend", "weekends", "wknd", "summer", "winter", "spring", "fall", "autumn",
              "morning", "evening", "night", "nights", "holiday", "vacation", "lunch", "lunchtime"}


def _in_interest_span(token: Token) -> bool:
    return any(s.start <= token.i < s.end for s in span_group(token.doc, "INTEREST"))


def _lexicon_candidates(doc: Doc) -> list[_Candidate]:
    domains = interest_domains()
    ambiguous = needs_cue_forms()
    out = []
    spans = span_group(doc, "INTEREST")
    for span in spans:
        if _is_work_phrase(span) or _the_commoner_of_a_pair(span, spans):
            continue
        # An ambiguous word needs a cue of its own ("grilled me on detailing"), and is not the
        # word it spells at the end of a name ("a Lamy Safari in his pocket": a pen)
        if span_text(span).lower() in ambiguous and (_ends_a_name(span) or not any(
                c.end <= span.start or c.start >= span.end for c in _cues_in(span.sent))):
            continue
        if not _personal_context(span.sent) or not _heads_a_hobby_phrase(span):
            continue
        head = span.root
        while head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i:
            head = head.head
        if _writers_own(doc[head.i : head.i + 1]):
            continue
        out.append(_Candidate(_with_missed_compounds(span, modifiers=True), span.id_, "said",
                              domains.get(span.id_), source="lexicon"))
    return out


def _the_commoner_of_a_pair(span: Span, spans: list[Span]) -> bool:
    """Two list words where one describes the other name one interest, the more specific of
    them: "travel" in "her daughter plays travel volleyball" and "gym" in "hits pads at a Muay
    Thai gym" are not interests of their own. Specific is rarer in English (wordfreq)."""
    from followup_nlp.extract.ranker import rarity

    def describes(a: Span, b: Span) -> bool:
        return a.root.dep_ in {"compound", "amod", "nmod"} and b.start <= a.root.head.i < b.end

    return any(other is not span and (describes(span, other) or describes(other, span))
               and rarity(span) > rarity(other) for other in spans)


STANDALONE_HOBBY_VERBS = {"hike", "fish", "hunt", "ski", "snowboard", "surf", "sail", "kayak", "climb",
                          "golf", "bowl", "dance", "swim", "row", "bike", "cycle", "skate", "paddle",
                          "jog", "fence", "box", "wrestle", "backpack", "camp", "knit", "quilt",
                          "crochet", "sew", "garden", "forage", "tinker", "bake", "brew", "sing",
                          "paint", "sketch", "sculpt"}
RARE_ZIPF = 2.5  # wordfreq: about three uses in 10 million words or fewer ("takraw", "kabaddi")
GO_FORMS = {"go", "goes", "going", "went", "gone"}
TIME_QUANTIFIERS = {"most", "every", "each", "all", "some", "this", "last", "next", "on"}
TIME_QUANTIFIERS_NOT_ON = TIME_QUANTIFIERS - {"on"}  # "the Outer Banks| every September"
NOT_ACTIVITIES = {"be", "have", "work", "say", "tell", "mention", "ask", "meet", "talk", "seem",
                  "get", "make", "take", "want", "need", "think", "know", "start", "use", "call",
                  "look", "help", "try", "come", "leave", "stay", "check", "email", "hire",
                  # what someone dislikes is no pastime ("we both hate pipetting")
                  "hate", "dislike", "loathe", "detest", "despise", "dread"}


def _activity_phrase(cue: Span) -> Span | None:
    """ "goes gambling in his spare time", "walks three miles every day": the verb the time cue
    modifies is the activity ("go" and "do" hand over to their complement)."""
    verb = cue.root
    while verb.pos_ not in {"VERB"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ != "VERB":
        return None
    if verb.lemma_ in {"go", "do", "spend", "love", "like", "enjoy"}:
        complement = next((c for c in verb.children if c.dep_ in {"xcomp", "dobj", "advcl"}
                           and c.pos_ in {"VERB", "NOUN"} and c.i > verb.i), None)
        if complement is not None:
            verb = complement
    if verb.lemma_ in NOT_ACTIVITIES or cue.start <= verb.i < cue.end:
        return None
    if verb.pos_ == "NOUN":
        return _phrase_of(verb)
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "prt"} and c.i > verb.i), None)
    if obj is not None and (obj.pos_ == "PRON" or obj.lower_ in GENERIC_HEADS):
        return None  # "races it every summer": the interest is what "it" points back to
    done_to = obj if obj is not None else _sought(verb)
    end = (max(t.i for t in done_to.subtree) + 1) if done_to is not None else verb.i + 1
    end = min(end, cue.start) if cue.start > verb.i else end
    return verb.doc[verb.i : end]


def _we_both(verb: Token) -> bool:
    """ "we both| do bouldering", "we all ski": the writer and the people met share it ("both"
    hangs on the verb or on "we")."""
    return any(c.dep_ == "nsubj" and c.lower_ == "we" and any(
        t.lower_ in {"both", "all"} for t in (*verb.children, *c.children))
        for c in verb.children)


def _personal_subject(verb: Token, names: frozenset[int] = frozenset()) -> bool:
    """The verb's subject is a person other than the writer: he, she, a name, a mention of
    someone we met (`names`: their token indices, "the sr engineer"), or "we both"."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            if child.lower_ in {"he", "she", "they", "hes", "shes"} or (
                    child.pos_ == "PROPN" and child.is_title) or child.i in names:
                return True
            if _we_both(verb):
                return True
            return child.lower_ in FIRST_PERSON and _quoted(child)
        if child.dep_ == "compound" and child.i < verb.i and verb.tag_ in {"VBZ", "VBD"} and (
                (child.pos_ == "PROPN" and child.is_title) or child.i in names):
            return True  # "Ruth| sings in a choir": the name read as a compound of the verb
    for aux in verb.children:  # "she goes| mothing": the subject hangs on "goes", read as aux
        if aux.dep_ == "aux" and aux.lower_ in GO_FORMS and aux.i < verb.i:
            return _personal_subject(aux, names)
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _personal_subject(verb.head, names)
    if verb.tag_ in {"VBZ", "VBD"} and verb.dep_ in {"compound", "amod", "nmod"} \
            and verb.i > verb.sent.start:
        # "Gordon races pigeons!" read as one noun phrase: a verb with a tense has a subject,
        # and the name right before it is that subject
        before = verb.doc[verb.i - 1]
        return (before.pos_ == "PROPN" and before.is_title) or before.i in names
    return False  # "he asked me to write test cases": the writer does that, not him


def _unattached_object(verb: Token) -> Span | None:
    """ "he plays sepak takraw", "plays bossaball": a word the parser does not know is often left
    hanging elsewhere, or tagged as an adverb or a verb, instead of being the verb's object; the
    nouns, or words rare in English, right after a verb with no object are it."""
    from followup_nlp.extract.ranker import rarity

    doc, end = verb.doc, verb.i + 1
    while end < min(verb.sent.end, verb.i + 4) and not doc[end].is_stop \
            and not doc[end].is_punct and doc[end].ent_type_ not in {"PERSON", "DATE", "TIME"} \
            and (doc[end].pos_ in {"NOUN", "PROPN"} or rarity(doc[end : end + 1]) < RARE_ZIPF):
        end += 1
    return doc[verb.i + 1 : end] if end > verb.i + 1 else None


# Groups a pastime is done in: "sings in a community choir", "plays in a bluegrass band".
ENSEMBLES = {"choir", "chorus", "band", "orchestra", "symphony", "ensemble", "quartet", "quintet",
             "trio", "league", "club", "team", "crew", "troupe", "squad"}
ENSEMBLE_VERBS = STANDALONE_HOBBY_VERBS | {"play", "perform", "compete", "race", "run", "ride"}


def _sought(verb: Token) -> Token | None:
    """ "forages| for mushrooms", "fishes for trout": what a pastime's verb with no object goes
    after, when "for" follows it straight away (not "applying for a grant", "plays for a club");
    or the group it is done in ("sings| in a community choir", not "plays in the sandbox")."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if lemma not in ENSEMBLE_VERBS or verb.i + 1 >= verb.sent.end \
            or doc[verb.i + 1].head.i != verb.i:
        return None
    prep = doc[verb.i + 1].lower_
    if not ((prep == "for" and lemma in STANDALONE_HOBBY_VERBS) or prep == "in"):
        return None
    return next((c for c in doc[verb.i + 1].children if c.dep_ == "pobj" and (
        c.pos_ in {"NOUN", "PROPN"} if prep == "for" else c.lemma_.lower() in ENSEMBLES)), None)


def _verb_with_object(verb: Token, obj: Token | None) -> Span:
    """The verb with its object ("grows roses"), or with the words the parser left hanging after
    it ("plays sepak takraw"), or with what it goes after ("forages for mushrooms"), or alone;
    at most six words."""
    if obj is not None:
        end = max(t.i for t in obj.subtree) + 1
    elif (loose := _unattached_object(verb)) is not None:
        end = loose.end
    elif (sought := _sought(verb)) is not None:
        end = max(t.i for t in sought.subtree) + 1
    else:
        end = verb.i + 1
    return verb.doc[verb.i : min(end, verb.i + 6)]


def _verb_phrase(cue: Span) -> Span | None:
    """ "Layla grows roses", "he's restoring a 1972 VW bus": a hobby verb whose subject is
    someone we met; the interest is the verb with its object."""
    verb = cue.root
    if not _personal_subject(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "prt"} and c.i > verb.i), None)
    if obj is not None and (obj.lower_ in GENERIC_HEADS or obj.pos_ == "PRON"):
        return None
    phrase = _verb_with_object(verb, obj)
    # The pastime is what is done ("bouldering", not "do bouldering"), and what two people
    # share is the thing itself ("we both play| crokinole").
    handed_over = verb.lemma_.lower() == "do" or _we_both(verb)
    done = phrase[1:] if handed_over and len(phrase) > 1 else phrase
    if obj is None and len(phrase) > 1:
        return done  # an object the parser left unattached
    if obj is None and verb.lemma_.lower() not in STANDALONE_HOBBY_VERBS:
        return None  # "he builds", "she plays": the object is what matters, and it is missing
    if verb.lemma_.lower() == "do" and (obj is None or not (
            obj.pos_ in {"NOUN", "PROPN"} or obj.tag_ == "VBG") or any(
            c.dep_ in {"det", "poss", "nummod"} for c in obj.children)):
        return None  # "does yoga", "do bouldering" - but not "did the 20 min screen"
    return done


def _guy_phrase(cue: Span) -> Span | None:
    """ "a ham radio guy", "more of a golf guy", "a history buff": the words before the noun."""
    noun = cue.root
    modifiers = [c for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"}
                 and c.pos_ in {"NOUN", "PROPN", "ADJ"}]
    if not modifiers or not any(m.pos_ in {"NOUN", "PROPN"} for m in modifiers):
        # "a Bills diehard" parsed as an adverb after "Bills": the names right before the word;
        # and the nouns, when the word itself was read as an adjective ("beatles obsessive")
        before = {"PROPN"} if noun.pos_ != "ADJ" else {"PROPN", "NOUN"}
        start = noun.i
        while start > noun.sent.start and noun.doc[start - 1].pos_ in before:
            start -= 1
        return noun.doc[start : noun.i] if start < noun.i else None
    start = min(m.left_edge.i for m in modifiers)
    # "Dag: huge Liverpool supporter": never across a colon or dash, and how big a fan someone
    # is ("huge", "lifelong") is not what they are a fan of
    start = max([start] + [t.i + 1 for t in noun.doc[start : noun.i] if t.is_punct])
    start = _past_degree_words(noun.doc, start, noun.i)
    return noun.doc[start : noun.i] if start < noun.i else None


def _favorite_phrase(cue: Span) -> Span | None:
    """ "my favorite band is Rascal Flatts", "cheeseburgers are my favorite food"."""
    noun = cue.root.head if cue.root.dep_ in {"amod", "compound"} else cue.root
    be = noun.head
    if be.lemma_ != "be":
        return None
    if noun.dep_ == "nsubj":
        target = next((c for c in be.children if c.dep_ in {"attr", "acomp"}), None)
    else:
        target = next((c for c in be.children if c.dep_ == "nsubj"), None)
    return _phrase_of(target) if target is not None else None


def _cue_candidates(doc: Doc) -> list[_Candidate]:
    out = []
    for cue in span_group(doc, "CUE"):
        if _is_weak(cue) or _a_time_not_a_place(cue):
            continue
        anchor = cue[-1]
        phrase = None
        activity = cue.id_.endswith(":activity")
        if activity:
            phrase = _activity_phrase(cue)
            anchor = phrase.root if phrase is not None else anchor
        elif cue.id_.endswith(":favorite"):
            phrase = _favorite_phrase(cue)
        elif cue.id_.endswith(":verb"):
            phrase = _verb_phrase(cue)
            activity = True
        elif cue.id_.endswith(":guy"):
            phrase = _guy_phrase(cue)
        else:
            for token in reversed(cue):
                if token.dep_ in {"poss", "case"}:
                    continue  # "on Ana's shelf": whose shelf, not what is on it
                phrase = _object_phrase(token, office=_kind(cue) == "office")
                if phrase is not None:
                    break
        if phrase is None and _kind(cue) == "office":
            # "chess board by the window", "signed baseball on her shelf": the noun before the cue
            phrase = _noun_before(cue)
        if phrase is None and cue[-1].pos_ == "ADP":
            phrase = _chunk_after(cue)
        if phrase is None:
            phrase = _described_by(cue[-1])
        if phrase is None and cue[-1].lower_ in FAN_WORDS and len(cue) > 1:
            # "Callum's a Deacon Blue fan": "'s" read as a possessive leaves "fan" with no
            # verb to hang on, so nothing points at it; the words before the fan's word do
            phrase = _guy_phrase(cue[-1:])
        if phrase is None:
            continue
        phrase = _trim(_with_missed_compounds(phrase))
        if not _is_plausible(phrase, organisation_ok=_kind(cue) in {"said", "shared"},
                             person_ok=cue.id_.endswith(":guy")) \
                or _is_work_phrase(phrase):
            continue
        if phrase.root.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            continue  # "next Friday", "3 yrs" (but "restoring a 1972 VW bus" is fine)
        out.append(_Candidate(phrase, _canonical(phrase), _kind(cue), None, anchor, cued=True,
                              activity=activity))
    return out


def _described_by(word: Token) -> Span | None:
    """ "sione - an avid slackliner", "zeke: keen birder": a keen word before a noun naming a
    doer (-er, -ist ...) describes the person, with no "is" to point at the noun; a thing it
    describes ("a competitive salary", "weekend shifts") names no pastime."""
    head = word.head
    if word.dep_ != "amod" or head.i <= word.i or head.pos_ not in {"NOUN", "PROPN"} \
            or not head.lower_.endswith(AGENT_SUFFIXES):
        return None
    return word.doc[word.i : _phrase_of(head).end]  # (not a name the parser hung on it too)


def _chunk_after(cue: Span) -> Span | None:
    """The noun phrase right after a cue ending in a preposition, when the parser hung it
    elsewhere ("he is fan of Borussia Dortmund since he was child": "Dortmund" read as what he
    is, not what he is a fan of)."""
    return next((c for c in noun_chunks(cue.doc) if cue.end <= c.start <= cue.end + 1
                 and c.sent.start == cue.sent.start), None)


def _noun_before(cue: Span) -> Span | None:
    sent = cue.sent
    nouns = [t for t in sent if t.i < cue.start and t.pos_ in {"NOUN", "PROPN"}]
    if not nouns:
        return None
    head = nouns[-1]
    return head.doc[head.left_edge.i : head.i + 1]


def _travel_context(ent: Span) -> bool:
    """The place is where someone travels: the object of "visit", "trip to", "back from",
    "always wanted to go to" (not "goes sailing on Lake X", "lives in Y")."""
    token = ent.root
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return False
        if head.lemma_.lower() in TRAVEL_LEMMAS and not (
                head.lemma_.lower() == "go" and token.lower_ not in {"to"} and token.dep_ != "prep"):
            return True
        if head.lower_ in {"to", "from"} and head.head.lemma_.lower() in TRAVEL_LEMMAS | ARRIVALS:
            return True
        token = head
    return False


def _named_place(ent: Span) -> bool:
    """A place's name. The small model often calls a place it does not know a person or an
    organisation ("back from Svalbard", "going to Angkor Wat"); after "to" or "from" in a travel
    phrase, a capitalised name counts (the people of the note are taken out later)."""
    if ent.label_ in {"GPE", "LOC", "FAC"}:
        return True
    # every word capitalised ("Burning Man": "Burning" tagged as a verb)
    return ent.label_ in {"PERSON", "ORG", "NORP"} and ent.root.head.lower_ in {"to", "from"} \
        and ent.text[:1].isupper() and all(t.pos_ == "PROPN" or t.is_title for t in ent if t.is_alpha)


def _place_core(ent: Span) -> Span:
    """The name in an entity NER ran on past it: "the| Outer Banks |every September"."""
    start, end = ent.start, ent.end
    if ent[0].lower_ == "the" and len(ent) > 1:
        start += 1
    cut = next((t.i for t in ent.doc[start:end] if t.lower_ in TIME_QUANTIFIERS_NOT_ON), end)
    return Span(ent.doc, start, cut, label=ent.label_) if cut > start else ent


def _place_candidates(doc: Doc) -> list[_Candidate]:
    out = []
    for ent in doc.ents:
        ent = _place_core(ent) if ent.label_ in {"ORG", "PERSON", "NORP"} else ent
        if not _named_place(ent):
            continue
        sent_lemmas = {t.lemma_.lower() for t in ent.sent}
        if not _travel_context(ent):
            continue
        head = ent.root.head
        if head.lemma_ in {"in", "at", "from"} and head.head.lemma_ in {"live", "base", "work",
                                                                         "office", "locate"}:
            continue
        # "just got back from Zanzibar, planning to go back": been there, not a dream of going
        been = ent.root.head.lower_ == "from"
        cue = "aspiration" if not been and sent_lemmas & {"want", "dream", "hope", "bucket",
                                                          "someday", "plan", "wish"} else "said"
        out.append(_Candidate(ent, f"travel to {ent.text}", cue, "travel", source="place"))
    return out


def _quoted(token: Token) -> bool:
    """Inside a quotation ("She told me "I quilt""): first person there is the speaker."""
    before = doc_text(token.doc)[: token.idx]
    straight = before.count('"')
    return straight % 2 == 1 or before.count("“") > before.count("”")


def _holder(candidate: _Candidate, people: list[PersonMentions],
            last_person: PersonMentions | None) -> tuple[PersonMentions | None, bool]:
    """(holder, is_candidates_own). A first-person subject without "we both" is the candidate's."""
    sent = candidate.span.sent
    in_sent = mentions_in(sent, people)
    anchor = candidate.holder_hint or candidate.span.root
    verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = subjects[0]
            for mention, person in in_sent:
                if mention.start <= subject.i < mention.end:
                    return person, False
            partner = _partner_of_writer(subject, people)
            if partner is not None:
                if candidate.cue == "said":
                    candidate.cue = "shared"
                return partner, False
            if subject.lower_ in FIRST_PERSON and candidate.cue != "shared" \
                    and not _quoted(subject):
                asker = asking_verb(verb)
                if asker is None:
                    return None, True
                verb = asker  # "she asked if I'd been to Banff": Banff is on her mind
                continue
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    # A possessor: "in James's office", "Mei's desk".
    for token in sent:
        if token.dep_ == "poss":
            for mention, person in in_sent:
                if mention.start <= token.i < mention.end:
                    return person, False
    before = [(m, p) for m, p in in_sent if m.start <= candidate.span.start]
    if before:
        return before[-1][1], False
    if in_sent:
        return in_sent[0][1], False
    if sent[0].lower_ in FIRST_PERSON and candidate.cue not in {"shared"} and not any(
        t.lower_ in THIRD_PERSON for t in sent
    ) and not _quoted(sent[0]):
        return None, True
    return last_person, False


PAIRING_WORDS = {"and", "+", "&"}
SHARING_WORDS = {"both", "too", "also", "all"}


def _partner_of_writer(subject: Token, people: list[PersonMentions]) -> PersonMentions | None:
    """ "turns out Kofi + I both go mudlarking": the parser often takes only "I" as the subject
    of a pair written before it (and may even end a sentence at "+"); the person named right
    before "and I" shares the pastime, when the clause says so ("both", "too"): "Ama and I
    enjoyed the design discussion" shares no pastime."""
    doc = subject.doc
    if subject.lower_ != "i" or subject.i < 2 or doc[subject.i - 1].lower_ not in PAIRING_WORDS \
            or not any(t.lower_ in SHARING_WORDS for t in subject.head.subtree):
        return None
    named = subject.i - 2
    return next((person for person in people for mention in person.mentions
                 if mention.start <= named < mention.end), None)


def _antecedent(pronoun: Token) -> Span | None:
    """The things an object "them" stands for: the nearest plural noun phrase before it, in its
    sentence or the one before ("a map of the Hebrides ... she's always wanted to sail round
    them"). None when nothing fits, and "them" is then left as written. ("It" is left alone:
    the nearest singular noun is too often somewhere, not something.)"""
    if pronoun.dep_ not in {"dobj", "pobj"}:
        return None
    doc, sent = pronoun.doc, pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for chunk in reversed([c for c in noun_chunks(doc) if start <= c.start and c.end <= pronoun.i]):
        root = chunk.root
        if root.tag_ in {"NNS", "NNPS"} or (root.pos_ == "PROPN" and root.lower_.endswith("s")
                                            and root.ent_type_ != "PERSON"):
            return chunk  # "the Hebrides", even read as a PERSON (tagged plural)
    return None


def _second_person(span: Span) -> str:
    """Rewrite a phrase from the note for the letter: "his mother's pies" -> "your mother's pies"."""
    words = []
    for token in span:
        lower = token.lower_
        if lower == "them" and (thing := _antecedent(token)) is not None:
            # "sail round them" -> "sail round the Hebrides"; "Morag's twins" -> "the twins"
            owner = next((t for t in thing if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
            if owner is not None and owner.i + 1 < thing.end and thing.doc[owner.i + 1].tag_ == "POS":
                word = "the " + _second_person(thing.doc[owner.i + 2 : thing.end])
            else:
                word = _second_person(thing)
        elif lower in SECOND_PERSON:
            word = SECOND_PERSON[lower]
        elif token.tag_ == "VBZ":
            word = IRREGULAR_SECOND_PERSON.get(lower, token.lemma_)
        else:
            word = SHORTHAND.get(lower, token.text)
        words.append(word + token.whitespace_)
    return "".join(words).strip()


def _mention_span(candidate: _Candidate) -> Span:
    """The phrase a letter can quote: the interest with its modifiers and possessor
    ("his mother's award-winning pies"), never reaching back past the interest's own phrase."""
    span = candidate.phrase or candidate.span
    doc = span.doc
    root = span.root
    start = span.start
    if root.pos_ in {"NOUN", "PROPN"} and root.left_edge.i >= span.sent.start:
        start = min(start, root.left_edge.i)
        # A misparse can hang a whole clause on the noun ("Paul fosters kittens"): never reach
        # back past a verb or a person's name.
        # Nor past a subject pronoun ("really warm, she| sails" read as one noun), nor past a
        # comma after words owned by no one ("date,| the team ski trip"; but "your mom's
        # pierogi, potato and farmer's cheese" names one thing twice).
        owned = any(t.dep_ == "poss" for t in doc[start : span.start])
        # (a verb inside a hyphenated modifier is no stop: "a wood-fired sauna")
        stops = [t.i for t in doc[start : span.start]
                 if (t.pos_ in {"VERB", "AUX"} and not _hyphenated(t))
                 or (t.ent_type_ == "PERSON" and t.pos_ == "PROPN")
                 or (t.pos_ == "PROPN" and is_given_name(t.text))
                 or (t.text in {",", ";"} and not owned) or t.tag_ == "PRP"]
        if stops:
            start = stops[-1] + 1
    while start < span.start and (doc[start].pos_ in {"DET", "ADP", "PUNCT", "CCONJ"}
                                  or doc[start].lower_ in FIRST_PERSON | set(SHORTHAND)):
        start += 1
    return doc[start : span.end]


def _hyphenated(token: Token) -> bool:
    """ "fired" of "wood-fired", "made" of "hand-made": joined by a hyphen to the word before."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and not doc[token.i - 2].whitespace_


OWNED_MAKING = {"build", "rebuild", "restore", "own", "buy", "renovate"}


def _one_they_made(span: Span) -> bool:
    """ "Henrik built a wood-fired sauna", "she restored an old Airstream": the one thing they
    built or own, which a letter calls "your wood-fired sauna"."""
    root = span.root
    return root.dep_ == "dobj" and root.tag_ in {"NN", "NNP"} \
        and root.head.lemma_.lower() in OWNED_MAKING \
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children) \
        and any(c.dep_ == "nsubj" and (c.lower_ in {"he", "she"} or c.pos_ == "PROPN")
                for c in root.head.children)


def _team_name(candidate: _Candidate, span: Span) -> str | None:
    """ "Steelers" for the lexicon's "pittsburgh steelers": the full name, capitalised as a
    name, which a letter can put "the" before ("the Pittsburgh Steelers")."""
    words = candidate.canonical.split()
    if candidate.domain is None or len(span) != 1 or not span[0].text[:1].isupper() \
            or len(words) < 2 or words[-1] != span[0].lower_:
        return None
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _group_name(span: Span) -> str | None:
    """ "Cricket" matched inside "the Tri-County Cricket League": a letter names the group, not a
    capitalised word cut out of its name."""
    word = span[0]
    group = word.head
    if len(span) != 1 or word.dep_ != "compound" or not word.text[:1].isupper() \
            or group.lemma_.lower() not in PASTIME_GROUPS or not group.text[:1].isupper():
        return None
    start = group.left_edge.i
    while start < word.i and (span.doc[start].pos_ == "DET" or not span.doc[start].text[:1].isupper()):
        start += 1
    return span.doc[start : group.i + 1].text


def _mention(candidate: _Candidate) -> str:
    span = _mention_span(candidate)
    if len(span) > 1 and span[0].text in {"'s", "’s"} and span[0].tag_ == "POS" \
            and span[1].pos_ != "DET":  # not "Rachel's a mad Crusaders fan" (she is)
        # "sal's dog bosco": the possessor is someone we met, the letter's "you"
        return "your " + _mention_text(candidate, span[1:])
    return _mention_text(candidate, span)


def _mention_text(candidate: _Candidate, span: Span) -> str:
    span = _without_fan_word(span)
    # "a huge Trekkie", "an avid birder": how keen they are is not what a letter recalls
    span = span.doc[_past_degree_words(span.doc, span.start, span.end) : span.end]
    root = span.root
    if len(span) == 1 and root.dep_ == "attr" and root.head.lemma_ == "be" \
            and root.tag_ in {"NN", "NNP"} and candidate.source == "lexicon" \
            and root.lower_ != candidate.canonical and any(
                c.dep_ == "nsubj" and (c.lower_ in {"he", "she"} or c.pos_ == "PROPN")
                for c in root.head.children):  # not "her dad was a beekeeper"
        # "he's a huge Trekkie": the word names the person; the letter recalls being one
        article = "an" if root.lower_[:1] in "aeiou" else "a"
        return f"being {article} {root.text}"
    team = _team_name(candidate, span) or _group_name(span)
    if team is not None:
        return team
    if span[0].pos_ == "VERB":
        subject = next((c for c in span[0].children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lemma_.lower() in RELATIVES:
            # "her son plays cello" is the son's: "your son's cello", never "you play cello"
            rest = _second_person(span[1:]) if len(span) > 1 else candidate.canonical
            return _relatives(subject, rest)
    relative = _relative_doing_it(span)
    if relative is not None:
        # "her daughter just started fencing" is the daughter's: "your daughter's fencing"
        return _relatives(relative, _second_person(span))
    text = _second_person(span)
    if _one_they_made(span) and not text.lower().startswith(("your ", "the ")):
        return f"your {text}"
    if span[0].is_sent_start and span[0].pos_ != "PROPN" and text[:1].isupper():
        text = text[:1].lower() + text[1:]  # "Signed Cubs baseball" began a bullet
    if span[0].pos_ == "VERB" and span[0].tag_ == "VB" and span[0].dep_ == "xcomp" \
            and span[0].head.lemma_.lower() in TAKING_UP:
        # "she's been learning to play the ukulele": not "you play the ukulele"
        return f"you {TAKING_UP[span[0].head.lemma_.lower()]} {text}"
    if _done_thing(span[0]):
        return f"you do {text}"
    if span[0].pos_ == "VERB" and span[0].tag_ in {"VBZ", "VBP", "VB", "VBD"}:
        # "builds sets w/ his kids" -> "you build sets with your kids"; "rang a full peal on
        # Sunday" -> "you rang a full peal" (not "our conversation about rang a full peal")
        return f"you {text}"
    the = span.doc[span.start - 1] if span.start > 0 else None
    if the is not None and the.lower_ == "the" and the.head.i == root.i \
            and span[0].pos_ != "VERB" and not text.lower().startswith(("the ", "your ")):
        # "training for the Boston qualifier": not "about Boston qualifier" (but "the pickleball
        # league" gives no "the pickleball")
        return f"the {text}"
    return text


def _relatives(relative: Token, thing: str) -> str:
    """ "your son's cello", "your kids' lacrosse": the relative, as the letter says it, owning it.
    A name owning the relative is the person written to: "- imani's daughter" -> "your daughter"."""
    doc = relative.doc
    start = relative.left_edge.i
    while start < relative.i and doc[start].is_punct:
        start += 1
    named = next((t for t in doc[start : relative.i] if t.dep_ == "poss" and t.pos_ != "PRON"
                  and t.lower_ not in SECOND_PERSON), None)
    if named is not None:
        after = named.i + 1 + (named.i + 1 < relative.i and doc[named.i + 1].tag_ == "POS")
        owner = "your " + _second_person(doc[after : relative.i + 1])
    else:
        owner = _second_person(doc[start : relative.i + 1])
    return owner + ("' " if owner.endswith("s") else "'s ") + thing


TAKING_UP = {"learn": "are learning to", "start": "have started to", "begin": "have begun to"}


def _relative_doing_it(span: Span) -> Token | None:
    """The relative whose pastime a noun phrase is: the subject of the verb it is the object of
    ("her daughter just started fencing", "his son wants to learn the cello", "his partner is
    training for the Montreal marathon"), when the phrase has no owner of its own."""
    root = span.root
    # (the tagger takes a bare pastime for a gerund or an adjective: "started fencing",
    # "play lacrosse")
    if root.pos_ in {"PRON", "AUX"} or any(t.dep_ == "poss" for t in span):
        return None
    if root.dep_ in {"dobj", "xcomp"}:
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "VERB":
        verb = root.head.head  # "his partner is training for the Montreal marathon"
    else:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject if subject.lemma_.lower() in RELATIVES else None
        if verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _without_people(span: Span, names: set[int]) -> Span:
    """Drop the name a misparse glued to a phrase ("Paul fosters kittens" read as one noun)."""
    start = span.start
    while start < span.end and (start in names or span.doc[start].text in {"'s", "’s"}):
        start += 1
    return span.doc[start : span.end]


def _pieces(chunk: Span) -> list[Span]:
    """A noun chunk cut at free-standing punctuation: the parser glues a note's labels to what
    follows them ("Sven - bandy", "Rui - judo, brown belt" read as one noun phrase), and the
    name must not hide the hobby. A hyphen inside a word ("jiu-jitsu") does not cut."""
    doc, pieces, start = chunk.doc, [], chunk.start
    for token in chunk:
        free_standing = token.is_punct and (token.whitespace_ or token.i == 0
                                            or doc[token.i - 1].whitespace_ or token.text in ",;:()")
        if free_standing:
            if start < token.i:
                pieces.append(doc[start : token.i])
            start = token.i + 1
    if start < chunk.end:
        pieces.append(doc[start : chunk.end])
    return pieces


CLAUSE_PARTS = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "cop", "mark"}


def _objects_read_as_clauses(doc: Doc) -> list[Span]:
    """ "he makes kimchi jjigae every sunday": a noun the parser hung under a verb as a clause
    (ccomp / xcomp) while the verb has no object is the verb's object; a real clause has a
    subject, an auxiliary or a marker of its own. spaCy's noun chunks leave such nouns out."""
    found = []
    for token in doc:
        if token.dep_ not in {"ccomp", "xcomp"} or token.pos_ not in {"NOUN", "PROPN"} \
                or token.head.pos_ != "VERB" or token.i < token.head.i \
                or any(c.dep_ in CLAUSE_PARTS for c in token.children) \
                or any(c.dep_ == "dobj" for c in token.head.children):
            continue
        start = token.i
        while start > token.head.i + 1 and doc[start - 1].dep_ in {"compound", "amod"} \
                and doc[start - 1].head.i in range(start, token.i + 1):
            start -= 1
        found.append(doc[start : token.i + 1])
    return found


def _phrase_candidates(doc: Doc, taken: list[_Candidate], names: frozenset[int],
                       answered: set[int]) -> list[_Candidate]:
    """Interests no list or cue knows: every noun phrase, and every verb phrase whose subject is
    someone we met (or the writer, when someone answered "same!"), in a sentence about someone's
    life. Most are not interests; the ranker (extract/ranker.py) learns from annotated notes
    which are. Phrases overlapping a job title or a candidate from the other finders are left
    to those."""
    blocked = [(s.start, s.end) for s in span_group(doc, "TITLE")]
    blocked += [(c.span.start, c.span.end) for c in taken]

    def free(span: Span) -> bool:
        return not any(start < span.end and span.start < end for start, end in blocked)

    chunks_of: dict[int, list[Span]] = {}
    for chunk in [*noun_chunks(doc), *_objects_read_as_clauses(doc)]:
        chunks_of.setdefault(chunk.sent.start, []).append(chunk)
    out = []
    for sent in doc.sents:
        # A sentence naming someone we met is about them even when the tagger misread the name
        # ("Adaeze breeds crested geckos" tagged as an adjective and a noun).
        if not _personal_context(sent) and not any(sent.start <= i < sent.end for i in names):
            continue
        for piece in (p for chunk in chunks_of.get(sent.start, []) for p in _pieces(chunk)):
            if len(piece) == 1 and _missed_compound(piece[0]):
                continue  # "fly" of "fly fishing": part of the next phrase
            span = _trim(_without_people(_with_missed_compounds(piece), names))
            if any(i in names for i in range(span.start, span.end)):
                continue
            if len(span) > 1 and span[-1].lower_ in EMBLEM_HEADS and span[-2].dep_ == "compound":
                span = span[:-1]  # "a tote w/ the Eastbrook Curling Club logo": the club
            # The interest is what the photo shows, not the photo or the wall it hangs on.
            if len(span) and (span.root.lower_ in SCENE_HEADS or _held_by(span.root) is not None):
                continue
            if len(span) and span.root.pos_ != "PRON" and _is_plausible(span) \
                    and not _is_work_phrase(span) and free(span):
                out.append(_Candidate(span, _canonical(span), "said", None, source="phrase"))
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_ACTIVITIES or not (
                    _personal_subject(verb, names) or sent.start in answered
                    or _gerund_object(verb)):
                continue
            obj = next((c for c in verb.children if c.dep_ in {"dobj", "prt"} and c.i > verb.i),
                       None)
            span = _trim(_verb_with_object(verb, obj))
            if _we_both(verb) and len(span) > 1 and span.start == verb.i:
                # "we both shoot| dragonflies": what is shared is the thing, and the noun
                # phrase found it already; the verb says it is shared
                same = next((c for c in out if (c.span.start, c.span.end) == (verb.i + 1,
                                                                              span.end)), None)
                if same is not None:
                    same.holder_hint = same.holder_hint or verb
                    continue
                span = span[1:]
            if len(span) and _is_plausible(span) and not _is_work_phrase(span) and free(span):
                out.append(_Candidate(span, _canonical(span), "said", None, verb, activity=True,
                                      source="verb"))
    return out


def _gerund_object(verb: Token) -> bool:
    """ "we bonded over slacklining", "obsessed with restoring boats": an activity named by a
    gerund after a preposition has no subject of its own; the sentence says whose it is."""
    return verb.tag_ == "VBG" and verb.dep_ in {"pobj", "pcomp"} and verb.head.pos_ == "ADP"


@dataclass
class HeldCandidate:
    """A candidate interest with the person it belongs to (None: nobody we could name)."""

    candidate: _Candidate
    holder: PersonMentions | None
    holder_in_sentence: bool


def interest_candidates(doc: Doc, people: list[PersonMentions]) -> list[HeldCandidate]:
    """Every candidate interest of a note with its holder; the writer's own are left out."""
    met = mention_indices(people)
    places = [c for c in _place_candidates(doc)
              if not any(t in met for t in range(c.span.start, c.span.end))]
    found = _prefer_lexicon_and_dedupe(_cue_candidates(doc) + _lexicon_candidates(doc) + places)
    answered = _answered_sentences(doc)
    found += _phrase_candidates(doc, found, met, answered)
    last_before = sentence_referents(doc, people)
    shared = [(c.span.start, c.span.end) for c in found if c.cue == "shared"]
    out = []
    for candidate in sorted(found, key=lambda c: (c.span.start, c.span.end)):
        sent = candidate.span.sent
        if candidate.cue == "said" and (sent.start in answered or (
                candidate.holder_hint is not None and _we_both(candidate.holder_hint)
                and not any(s < candidate.span.end and candidate.span.start < e
                            for s, e in shared))):
            # "I said I windsurf and she said "same!"", "we both do bouldering" (unless the
            # shared cue found it already: "we both play| crokinole")
            candidate.cue = "shared"
        if _sentence_is_about_work(sent, candidate.span) and candidate.cue == "said" \
                and candidate.domain is None \
                and candidate.source not in {"phrase", "verb"}:
            continue
        if _a_planned_gift(candidate.span):
            continue  # "going to send him a bottle of mezcal": the writer's plan, not his pastime
        if not candidate.cued and _made_by_family(candidate.span):
            candidate.cued = True  # "his wife makes the best tamales": what the family is known for
        holder, own = _holder(candidate, people, last_before.get(sent.start))
        if own:
            continue
        in_sentence = any(p is holder for _, p in mentions_in(sent, people))
        out.append(HeldCandidate(candidate, holder, in_sentence))
    return out


FAMILY_MAKING = {"make", "cook", "bake", "brew", "grill", "smoke", "roast", "knit", "sew", "quilt"}


def _made_by_family(span: Span) -> bool:
    """The phrase is what a relative makes ("his wife makes the best tamales", "her mom bakes
    pies for the county fair"): the indirect interest a letter can recall, as strong as a cue."""
    root = span.root
    if root.dep_ != "dobj" or root.head.lemma_.lower() not in FAMILY_MAKING:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in RELATIVES for c in root.head.children)


def _a_planned_gift(span: Span) -> bool:
    """The phrase is the tangible thing its sentence plans to give (the gift guard warns)."""
    from followup_nlp.gifts.guard import planned_gifts

    sent = span.sent
    start, end = span.start_char - sent.start_char, span.end_char - sent.start_char
    return any(s < end and start < e for s, e in planned_gifts(span_text(sent)))


def _answered_sentences(doc: Doc) -> set[int]:
    """Starts of the sentences someone answered in kind, in the sentence or the next one."""
    sents = list(doc.sents)
    answered = [answered_in_kind(sent) for sent in sents]
    return {sent.start for i, sent in enumerate(sents)
            if answered[i] or (i + 1 < len(sents) and answered[i + 1])}


EXPLICIT_CUES = {"aspiration", "shared"}


def _names_nothing(span: Span) -> bool:
    """ "races it", "loves them": a verb whose object is a pronoun; the interest is what the
    pronoun stands for, and a letter cannot say "you race it"."""
    return span[0].pos_ == "VERB" and len(span) > 1 and all(
        t.pos_ == "PRON" or t.is_punct for t in span[1:])


GIVING_UP = {"quit", "stop"}  # "quit golf", "stopped running"
STILL_AT_IT = {"still", "again", "back"}
NOT_SINCE = re.compile(r"\b(?:has|have|had)(?:n't|n’t| not| never)\b[^.;]{0,40}\bsince\b"
                       r"|\bnot since\b", re.I)  # "used to race and still does", "back into it"


def _given_up(span: Span) -> bool:
    """A pastime the note says was given up, said of the phrase's own verb: "used to play
    softball", "used to do competitive ballroom", "gave up motocross", "quit golf", "doesn't golf
    anymore", "no longer races". A letter should not recall it; the pastime that replaced it
    ("it's all disc golf now") is another phrase and stays. "Still" or "again" in the sentence
    keeps it ("used to race and still does now and then")."""
    verb = span.root
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or any(t.lower_ in STILL_AT_IT for t in span.sent):
        return False
    children = list(verb.children)
    if verb.dep_ == "xcomp" and verb.head.lower_ == "used" \
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        return True
    lemma = verb.lemma_.lower()
    if (lemma in GIVING_UP or (lemma == "give" and any(c.dep_ == "prt" and c.lower_ == "up"
                                                       for c in children))) \
            and verb is not span.root and span.root.head is verb \
            and span.root.dep_ in {"dobj", "xcomp"}:
        return True
    if verb.tag_ == "VBD" and NOT_SINCE.search(span_text(span.sent)):
        return True  # "played hockey all through college ... and has not skated since"
    return any(c.dep_ == "neg" for c in children) and any(
        c.lower_ in {"anymore", "longer"} for c in children)


WORKPLACE_WORDS = {"staff", "company", "office", "firm", "corporate", "employee", "employees",
                   "workplace", "department", "dept", "team-building"}
WORKPLACE_SUBJECTS = {"staff", "company", "firm", "department", "dept", "employer"}
REPORTING_VERBS = {"say", "mention", "list", "tell", "talk", "explain", "describe", "note", "add"}


def _a_workplace_perk(span: Span) -> bool:
    """Something the employer lays on, not anyone's pastime: "the hospital has a staff softball
    league", "they do a company chili cookoff", "the office has a pickleball court for staff",
    "staff does a bowling night", a sentence about perks. Kept when someone is said to take part
    ("she captains the company softball team")."""
    path = [span.root]  # the phrase's head and the nouns above it, up to its verb
    for _ in range(4):
        if path[-1].pos_ in {"VERB", "AUX"} or path[-1].head.i == path[-1].i:
            break
        path.append(path[-1].head)
    verb = path[-1]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                and not span.start <= c.i < span.end] if verb.pos_ in {"VERB", "AUX"} else []
    # "they" is as often the employer ("they do a team Zumba class") as the people met
    if verb.lemma_.lower() not in REPORTING_VERBS and any(
            (c.lower_ in THIRD_PERSON - {"they"} or c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
            and c.lower_ not in WORKPLACE_WORDS for c in subjects):
        return False  # "Marco plays on the company softball team", not "the perks Tobi listed"
    modifiers = [t for noun in path if noun.pos_ in {"NOUN", "PROPN"} for c in noun.children
                 if c.dep_ in {"compound", "amod", "poss", "nmod"} for t in c.subtree]
    sent = span.sent
    for_staff = any(t.lower_ in {"perk", "perks"} or (t.lower_ == "for" and t.i + 1 < sent.end
                    and span.doc[t.i + 1].lower_ in {"staff", "employees"}) for t in sent)
    # "a team Zumba class": "team" before what the phrase names, not inside it ("team sports")
    return for_staff or any(t.lower_ in WORKPLACE_SUBJECTS for t in subjects) or any(
        (t.lower_ in WORKPLACE_WORDS or (t.lower_ == "team" and not span.start <= t.i < span.end))
        and not _someones(t) for t in modifiers)


def _someones(token: Token) -> bool:
    """ "his office", "Imogen's office (window ledge)": a person's own, not the workplace's."""
    owned = [token]
    while owned[-1].dep_ == "compound" and len(owned) < 4:
        owned.append(owned[-1].head)
    return any(c.dep_ == "poss" and (c.lower_ in THIRD_PERSON or c.pos_ == "PROPN")
               for t in owned for c in t.children)


def select(held: list[HeldCandidate], chances: list[float], threshold: float,
           second: float = 1.01, floor: float | None = None) -> list[tuple[float, HeldCandidate]]:
    """The candidates that become interests, in note order: at least `threshold` sure, the surest
    per person and sentence (people mostly mention one interest at a time; a second one that does
    not overlap it needs `second`), each interest once per person. A named person left with none
    keeps their surest candidate if it reaches `floor` (a note rarely dwells on someone's photo
    of a sailboat without it meaning something)."""
    floor = threshold if floor is None else floor
    groups: dict[tuple[int, str | None], list[tuple[float, HeldCandidate]]] = {}
    best: dict[str, tuple[float, HeldCandidate]] = {}
    for chance, item in zip(chances, held, strict=True):
        # An explicit statement ("has always wanted to visit Kyoto", "we both quilt") needs
        # only the floor: notes say these outright, yet they are too rare to weigh much in
        # training (a dozen of 5,000 candidates).
        explicit = item.candidate.cue in EXPLICIT_CUES and item.holder is not None
        if _names_nothing(item.candidate.span) or _given_up(item.candidate.span) \
                or _a_workplace_perk(item.candidate.span):
            continue
        if chance >= threshold or (explicit and chance >= floor):
            key = (item.candidate.span.sent.start, item.holder.name if item.holder else None)
            groups.setdefault(key, []).append((chance, item))
        if item.holder is not None and chance >= floor and \
                chance > best.get(item.holder.name, (-1.0, None))[0]:
            best[item.holder.name] = (chance, item)
    for name, (chance, item) in best.items():
        if not any(key[1] == name for key in groups):
            groups[(item.candidate.span.sent.start, name)] = [(chance, item)]
    kept: list[tuple[float, HeldCandidate]] = []
    for group in groups.values():
        group.sort(key=lambda pair: -pair[0])
        taken = [group[0]]
        for chance, item in group[1:]:
            span = item.candidate.span
            if chance >= second and not any(t.candidate.span.start < span.end
                                            and span.start < t.candidate.span.end
                                            for _, t in taken):
                taken.append((chance, item))
        kept += taken
    chosen, seen = [], set()
    for chance, item in sorted(kept, key=lambda pair: pair[1].candidate.span.start):
        key = (item.candidate.canonical, item.holder.name if item.holder else None)
        if key not in seen:
            seen.add(key)
            chosen.append((chance, item))
    return chosen


def extract_interests(doc: Doc, people: list[PersonMentions],
                      text_offset: int = 0) -> list[Interest]:
    """Interests held by the people in the note (the candidate's own are left out)."""
    from followup_nlp.extract import ranker

    held = interest_candidates(doc, people)
    model = ranker.load()
    if model is None:  # no trained ranker: the finders' own ordering, broad phrases left out
        held = [h for h in held if h.candidate.source not in {"phrase", "verb"}]
        chances = [h.candidate.score() for h in held]
        threshold, second, floor = 0.0, float("inf"), 0.0
    else:
        chances = model.chances(held)
        threshold, second, floor = model.threshold, model.second, model.floor
    interests: list[Interest] = []
    for chance, item in select(held, chances, threshold, second, floor):
        candidate = item.candidate
        sent = candidate.span.sent
        cue = candidate.cue
        if cue == "said" and not candidate.cued:
            cue = _sentence_cue(sent) or "said"
            if cue == "office" and (_is_activity(candidate) or _under_another_verb(candidate)
                                    or not _in_an_office_clause(candidate)):
                cue = "said"  # "goes birding..., binoculars on her desk": birding is not an object
        name = item.holder.name if item.holder else None
        interests.append(
            Interest(
                text=candidate.span.text,
                canonical=candidate.canonical,
                holder=name,
                evidence=sent.text.strip(),
                cue=cue,  # type: ignore[arg-type]
                domain=candidate.domain or interest_domains().get(candidate.canonical) or None,
                start=candidate.span.start_char + text_offset,
                end=candidate.span.end_char + text_offset,
                mention=_mention(candidate),
                score=round(float(chance), 4),
            )
        )
    return interests


def _prefer_lexicon_and_dedupe(candidates: list[_Candidate]) -> list[_Candidate]:
    """Overlapping candidates: keep a lexicon term inside a cue phrase, with the cue's kind."""
    lexicon = [c for c in candidates if c.domain is not None]
    out = list(lexicon)
    for cand in candidates:
        if cand.domain is not None:
            continue
        inside = [lx for lx in lexicon
                  if lx.span.start < cand.span.end and cand.span.start < lx.span.end]
        if inside:
            for lx in inside:
                if cand.cue != "said":
                    lx.cue = cand.cue
                if lx.holder_hint is None:
                    lx.holder_hint = cand.holder_hint
                if len(cand.span) > len(lx.span) and len(cand.span) <= 4:
                    lx.phrase = cand.span
                if cand.cued and not cand.activity:
                    lx.cued = True
            continue
        if any(o.span.start < cand.span.end and cand.span.start < o.span.end for o in out):
            continue
        out.append(cand)
    return out


def _sentence_is_about_work(sent: Span, phrase: Span) -> bool:
    """A sentence about the job ("we discussed the Q3 roadmap"), by a word of work outside the
    phrase: the phrase's own words are what it names ("plays team handball", "rebuilding a
    project car"), and a personal word anywhere says the sentence is about someone's life."""
    lemmas = token_words(sent.doc)[1][sent.start : sent.end]
    outside = {lemma for i, lemma in enumerate(lemmas, sent.start)
               if not phrase.start <= i < phrase.end}
    return bool(outside & WORK_CUE_LEMMAS) and LIFE_LEMMAS.isdisjoint(lemmas)
