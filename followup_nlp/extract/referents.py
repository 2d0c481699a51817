"""Whom a sentence that names nobody is about: the latest person named, unless its pronouns fit
only an earlier one. Interests use it to find a holder ("she plays Scrabble"), facts to find
who was emailed or agreed to a follow-up ("I emailed her my writing sample")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from followup_nlp.extract.components import token_words
from followup_nlp.extract.people import PersonMentions

SHE = {"she", "her", "hers", "herself", "shes"}
HE = {"he", "him", "his", "himself", "hes"}
HONORIFIC_GENDER = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he",
                    "madam": "she"}


def mentions_in(sent: Span, people: list[PersonMentions]) -> list[tuple[Span, PersonMentions]]:
    """The mentions of people inside a sentence, in order, each with its person."""
    return sorted(
        ((m, p) for p in people for m in p.mentions if sent.start <= m.start < sent.end),
        key=lambda pair: pair[0].start,
    )


def pronoun_gender(tokens: Span) -> str | None:
    """ "she" when only she/her words occur, "he" when only he/his words do, else None."""
    words = set(token_words(tokens.doc)[0][tokens.start : tokens.end])
    she, he = bool(words & SHE), bool(words & HE)
    return "she" if she and not he else "he" if he and not she else None


def _genders(doc: Doc, people: list[PersonMentions],
             named: list[tuple[Span, list[tuple[Span, PersonMentions]]]]) -> dict[str, str]:
    """What the note calls each person: "Mr."/"Ms." before a mention, or the pronoun after the
    only person named in a sentence ("Harriet grilled me on accruals, she ..."). `named`: each
    sentence with its mentions."""
    genders: dict[str, str] = {}
    for person in people:
        for mention in person.mentions:
            before = doc[mention.start - 1].lower_.strip(".") if mention.start else ""
            if before in HONORIFIC_GENDER:
                genders.setdefault(person.name, HONORIFIC_GENDER[before])
    for sent, in_sent in named:
        if in_sent and len({p.name for _, p in in_sent}) == 1:
            gender = pronoun_gender(doc[in_sent[0][0].end : sent.end])
            if gender:
                genders.setdefault(in_sent[0][1].name, gender)
    return genders


def _referent(seen: list[PersonMentions], gender: str | None,
              genders: dict[str, str]) -> PersonMentions | None:
    """Whom an unnamed sentence is about: the latest person named, unless its pronouns ("she")
    fit only an earlier one ("Harriet ... Ben asked ... she plays Scrabble")."""
    if not seen:
        return None
    if gender is not None and genders.get(seen[-1].name, gender) != gender:
        fitting = [p for p in seen if genders.get(p.name) == gender]
        if fitting:
            return fitting[-1]
    return seen[-1]


def sentence_referents(doc: Doc, people: list[PersonMentions]
                       ) -> dict[int, PersonMentions | None]:
    """For each sentence (by its start), the person it is about if it named nobody: who was
    named before it, chosen by its pronouns. Worked out once per doc and people (interests and
    facts both ask)."""
    key = ("followup_referents", tuple((id(p), p.name, tuple((m.start, m.end) for m in p.mentions))
                                       for p in people))
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = _sentence_referents(doc, people)
    return cached


def _sentence_referents(doc: Doc, people: list[PersonMentions]
                        ) -> dict[int, PersonMentions | None]:
    named = [(sent, mentions_in(sent, people)) for sent in doc.sents]
    genders = _genders(doc, people, named)
    referents: dict[int, PersonMentions | None] = {}
    seen: list[PersonMentions] = []  # people in order of their latest mention
    for sent, in_sent in named:
        referents[sent.start] = _referent(seen, pronoun_gender(sent), genders)
        for mention, person in in_sent:
            others = [p for p in seen if p is not person]
            # "Sade Adebayo, HR Manager. Her assistant Rosie sent the invite": Rosie comes up
            # as Sade's; the next "she" is still about Sade
            seen = [*others[:-1], person, others[-1]] if others and _someones_relation(mention) \
                else [*others, person]
    return referents


def _someones_relation(mention: Span) -> bool:
    """The mention follows "her assistant", "his colleague": named as the last person's."""
    if mention.start == 0:
        return False
    noun = mention.doc[mention.start - 1]
    return noun.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in SHE | HE | {"their"}
                                       for c in noun.children)
