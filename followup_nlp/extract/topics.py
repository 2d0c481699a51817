"""Work topics discussed in the interview ("migrating billing to Kafka", "the Q3 hiring plan")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from followup_nlp.extract.components import sentence_chunks
from followup_nlp.schema import Topic

TOPIC_CUE_LEMMAS = {"discuss", "cover", "ask", "talk", "go", "walk", "explain", "present",
                    "describe", "question", "dig", "focus", "review", "deep", "topic"}
TOPIC_LINE_PREFIXES = ("topics", "discussed", "questions", "q:", "tech", "we covered", "asked about")
SKIP_HEADS = {"i", "me", "we", "us", "you", "he", "she", "they", "them", "it", "that", "this",
              "what", "which", "lot", "bit", "thing", "things", "time", "questions", "question",
              "interview", "minutes", "mins", "hour", "hours",
              "f/u", "fu", "follow-up", "followup", "note", "email"}  # "explain better in f/u"


def _chunks_after_cue(sent: Span) -> list[Span]:
    cues = [t for t in sent if t.lemma_.lower() in TOPIC_CUE_LEMMAS]
    if not cues and not sent.text.strip().lower().startswith(TOPIC_LINE_PREFIXES):
        return []
    first = cues[0].i if cues else sent.start
    return [c for c in sentence_chunks(sent) if c.start > first]


def extract_topics(doc: Doc, interest_spans: list[tuple[int, int]]) -> list[Topic]:
    """Noun phrases that follow a "discussed / asked about / walked through" cue, minus interests."""
    topics: list[Topic] = []
    seen: set[str] = set()
    for sent in doc.sents:
        if any(sent.start_char <= s < sent.end_char for s, _ in interest_spans):
            continue  # small talk about an interest is not a work topic
        for chunk in _chunks_after_cue(sent):
            if chunk.root.lower_ in SKIP_HEADS or chunk.root.pos_ == "PRON":
                continue
            if chunk.root.ent_type_ in {"PERSON", "DATE", "TIME"}:
                continue
            if any(s < chunk.end_char and chunk.start_char < e for s, e in interest_spans):
                continue
            start = chunk.start
            while start < chunk.end and chunk.doc[start].pos_ in {"DET", "PRON"}:
                start += 1
            text = chunk.doc[start : chunk.end].text.strip()
            if len(text) < 3 or text.lower() in seen:
                continue
            seen.add(text.lower())
            topics.append(Topic(text=text))
    return topics
