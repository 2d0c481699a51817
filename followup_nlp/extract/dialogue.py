"""Turns of small talk that make the writer's words say something about the interviewer.

Notes often carry an interviewer's interest in the writer's own clause:
- an agreeing reply: "I mentioned I windsurf and she said "same!"", "I said the Kraken and he
  went "me too!!"", "... so does she": the pastime is shared, and the one who replied holds it;
- a question: "she asked if I'd ever read Adichie", "asked whether I follow cricket": what the
  interviewer asks about is on their mind, even though "I" is the clause's subject.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

FIRST_PERSON = {"i", "me", "my", "i'm", "im", "we"}
SPEECH_LEMMAS = {"say", "go", "reply", "answer", "laugh", "shout", "text", "write", "yell",
                 "exclaim", "respond", "add"}
AGREEMENTS = (("same",), ("ditto",), ("snap",), ("me", "too"), ("me", "as", "well"),
              ("so", "do", "i"), ("so", "did", "i"), ("so", "am", "i"), ("same", "here"))
AGREEMENT_STARTS = {words[0] for words in AGREEMENTS}  # "so" also opens "so does she"
QUOTES = {'"', "“", "”", "'", "‘", "’"}
ASK_LEMMAS = {"ask", "wonder", "quiz"}
QUESTION_MARKS = {"if", "whether"}


def _starts_agreement(tokens: list[Token], i: int) -> bool:
    words = [t.lower_ for t in tokens[i : i + 3]]
    return any(tuple(words[: len(a)]) == a for a in AGREEMENTS)


def _speaker_not_writer(tokens: list[Token], i: int) -> bool:
    """The words at `i` open a reply by someone else: right after a quote, or after a verb of
    saying ("she said "same!"", "he went same") whose subject is not the writer."""
    before = tokens[max(i - 3, 0) : i]
    while before and before[-1].is_punct and before[-1].text not in QUOTES:
        before.pop()  # "said: same", "went, same"
    if not before:
        return False
    last = before[-1]
    if last.text in QUOTES:
        verbs = [t for t in before if t.lemma_.lower() in SPEECH_LEMMAS]
        return not verbs or _not_the_writers(verbs[-1])
    return last.lemma_.lower() in SPEECH_LEMMAS and _not_the_writers(last)


def _not_the_writers(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.i > verb.sent.start:
        subjects = [verb.doc[verb.i - 1]]  # "he went" read as a fragment
    return not any(s.lower_ in FIRST_PERSON for s in subjects)


def _so_does_someone(tokens: list[Token], i: int) -> bool:
    """ "... and so does she", "so is Ana": agreement put the other way round."""
    rest = tokens[i + 1 : i + 3]
    return tokens[i].lower_ == "so" and len(rest) == 2 and rest[0].pos_ in {"AUX", "VERB"} and (
        rest[1].lower_ in {"he", "she", "they"} or rest[1].pos_ == "PROPN")


def answered_in_kind(sent: Span) -> bool:
    """Someone other than the writer answers the writer in kind in this sentence."""
    tokens = list(sent)
    for i, token in enumerate(tokens):
        if token.lower_ not in AGREEMENT_STARTS:
            continue  # most words: nothing to look at around them
        if _starts_agreement(tokens, i) and _speaker_not_writer(tokens, i):
            return True
        if _so_does_someone(tokens, i):
            return True
    return False


def asking_verb(verb: Token) -> Token | None:
    """The "ask" whose question (an if/whether clause) this verb heads, when someone other than
    the writer asks it: "she asked| if I'd ever been| to Banff"."""
    clause = verb
    questioned = False  # an if/whether on the way up (the parser may hang it one clause lower)
    for _ in range(3):
        questioned = questioned or any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS
                                       for c in clause.children)
        head = clause.head
        if head.i == clause.i:
            return None
        if head.lemma_.lower() in ASK_LEMMAS:
            asker_is_writer = any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON
                                  for c in head.children)
            return head if questioned and not asker_is_writer else None
        clause = head
    return None
