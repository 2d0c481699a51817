"""Whom the writer has already emailed: a letter goes by email only to them.

Read from the grammar of each sentence, not from the word "email" alone. It counts when the
writer emailed someone in the past ("emailed ollie + sunita thank yous", "Sent Sylvie and Esi a
thank-you email", "sent my thank-you to Marguerite", "already emailed both"), or when the note
holds an email from or to them ("From: Ingrid Solberg <...>"). It does not count when email is
permitted or planned ("email him if I have questions", "he'd email me by friday", "emailing
dwayne tonight"), denied ("haven't emailed anyone yet"), or a thing talked about ("email
marketing", "slow with emails", "result by email"). A thank-you sent as a card or a text is no
email.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from followup_nlp.extract.components import doc_text
from followup_nlp.extract.people import PersonMentions
from followup_nlp.extract.referents import mentions_in

EMAIL_WORD = re.compile(r"^e-?mail(?:ed|s|ing)?$", re.I)  # "mailed" is the post
HEADER = re.compile(r"^\s*(from|to|cc)\s*:\s*(.+)$", re.I | re.M)
SEND_LEMMAS = {"send", "shoot", "fire", "drop", "write", "reply", "respond", "answer"}
THANKS_WORDS = {"thank", "thanks", "thank-you", "thank-yous", "thankyou", "thankyous", "yous",
                "note", "notes", "follow-up", "followup", "same", "one", "ones"}
NOT_EMAIL = {"card", "cards", "handwritten", "stamp", "stamps", "post", "letter", "letters",
             "text", "texts", "texted", "linkedin", "dm", "whatsapp", "mailed", "postcard"}
EVERYONE = {"both", "all", "everyone", "everybody", "each", "panel"}
NEGATIONS = {"not", "n't", "never", "no", "nobody", "anyone", "anybody", "haven't", "didn't",
             "hasn't", "don't"}
PAST_TAGS = {"VBD", "VBN"}
CLAUSE_ENDS = {",", ";", ".", "!", "?", "—", "–", "(", ")", ":"}


def emailed(doc: Doc, people: list[PersonMentions],
            referents: dict[int, PersonMentions]) -> list[str]:
    """Names of the people the writer has already emailed, in order of first finding."""
    found: list[str] = []

    def add(person: PersonMentions | None) -> None:
        if person is not None and person.name not in found:
            found.append(person.name)

    for person in _in_email_headers(doc, people):
        add(person)
    for sent in doc.sents:
        if any(t.lower_ in NOT_EMAIL for t in sent):
            continue
        for verb in _sending_verbs(sent):
            for person in _recipients(verb, sent, people, referents):
                add(person)
    return found


def _in_email_headers(doc: Doc, people: list[PersonMentions]) -> list[PersonMentions]:
    """People on a pasted email's "From:", "To:" or "Cc:" line (not the writer's own "me")."""
    out = []
    text = doc_text(doc)
    for match in HEADER.finditer(text):
        start, end = match.start(2), match.end(2)
        out.extend(p for p in people for m in p.mentions
                   if start <= m.start_char < end and p not in out)
    return out


def _sending_verbs(sent: Span) -> list[Token]:
    """Verbs of the sentence that say the writer sent an email, in the past and not denied."""
    out = []
    for token in sent:
        if EMAIL_WORD.match(token.text):
            if token.tag_ in PAST_TAGS or (token.pos_ == "VERB" and _perfect(token)):
                verb = token  # "emailed both", "have emailed"
            elif token.pos_ in {"NOUN", "PROPN"} and (token.head.lemma_.lower() in SEND_LEMMAS
                                                      or token.head.lower_ == "sent"):
                verb = token.head  # "sent ... a thank-you email"
            elif token.dep_ == "pobj" and token.head.lower_ in {"by", "via", "over"} \
                    and token.head.head.pos_ == "VERB":
                verb = token.head.head  # "already thanked her by email"
            else:
                continue
        elif (token.lemma_.lower() == "send" or token.lower_ == "sent") and any(
                t.lower_ in THANKS_WORDS or t.tag_ == "POS" for t in _after(token, 6)):
            verb = token  # "sent my thank-you to Marguerite", "sent ezra's already"
        else:
            continue
        header = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ":"  # "Sent: Mon"
        # "Sent" opening a line is sometimes tagged a name; the word is past all the same
        done = verb.tag_ in PAST_TAGS or verb.lower_ == "sent" or _perfect(verb) or any(
            c.lower_ == "already" for c in verb.children)  # "I already send email thank you"
        if done and not header and not _denied(verb) and verb not in out:
            out.append(verb)
    return out


def _after(verb: Token, most: int = 40) -> Span:
    """The words after a verb up to the end of its clause (at most `most` of them): read off
    the words, as the parser often misreads a note's "emailed Marcus + Yasmin thank yous"."""
    doc, end = verb.doc, verb.i + 1  # past the parser's sentence end: it may split a line
    while end < min(len(doc), verb.i + 1 + most) and doc[end].text not in CLAUSE_ENDS \
            and "\n" not in doc[end].text:
        end += 1
    return doc[verb.i + 1 : end]


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _denied(verb: Token) -> bool:
    """ "haven't emailed anyone yet", "didn't email anybody", "never sent it"."""
    doc = verb.doc
    before = doc[max(verb.i - 4, verb.sent.start) : verb.i]  # "No thank-yous sent yet"
    return any(c.dep_ == "neg" for c in verb.children) \
        or any(t.lower_ in NEGATIONS for t in before) \
        or any(t.lower_ in {"anyone", "anybody", "nobody"} for t in verb.children)


def _recipients(verb: Token, sent: Span, people: list[PersonMentions],
                referents: dict[int, PersonMentions]) -> list[PersonMentions]:
    """Whom it went to: the people named after the verb in its clause, everyone met ("both",
    "all 4"), or else whom the sentence is about. Someone we met who sent it ("sal emailed me
    the schedule") is someone email was used with."""
    mentions = mentions_in(sent, people)
    clause = _after(verb)
    named = [p for p in people for m in p.mentions if clause.start <= m.start < clause.end]
    named.sort(key=lambda p: min(m.start for m in p.mentions if m.start >= clause.start))
    if named:
        return [p for i, p in enumerate(named) if all(p is not q for q in named[:i])]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    sender = [p for m, p in mentions if subject is not None and m.start <= subject.i < m.end]
    if sender:
        return sender
    if any(t.lower_ in EVERYONE for t in clause):
        return list(people)
    # "Recruiter Lucy Tan set up the loop; emailed her the same day": the one named nearest
    # before it, else whom the sentence is about
    before = [p for m, p in mentions if m.start < verb.i]
    if before:
        return [before[-1]]
    person = referents.get(sent.start)
    return [person] if person is not None else []
