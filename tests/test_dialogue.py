"""Small talk in turns: the writer's words count for the interviewer who answered "same!" or
asked about them, and for nobody when the writer was only talking about themselves."""

from __future__ import annotations

import pytest

from followup_nlp.extract import candidate_interests
from followup_nlp.extract.dialogue import answered_in_kind, asking_verb
from followup_nlp.notes import parse_note


@pytest.mark.parametrize(("sentence", "answered"), [
    ('I mentioned I play mahjong on Sundays and Wei-Lun said "same!"', True),
    ("I said the Kraken and he went same, season tickets and all", True),
    ('I love old Cuban records, she said "me too!"', True),
    ("I run ultramarathons, and so does Priya.", True),
    ("She said the same thing happened to her team last year.", False),
    ('I said "same" when she mentioned the commute.', False),
])
def test_an_agreeing_reply_is_told_from_other_uses_of_same(nlp, sentence, answered):
    assert answered_in_kind(next(nlp(sentence).sents)) is answered


@pytest.mark.parametrize(("sentence", "asked"), [
    ("Akosua asked if I'd ever read Octavia Butler.", True),
    ("He asked whether I follow cricket.", True),
    ("he asked if i'd ever been to the Lofoten Islands, he's going in june", True),
    ("I asked if she had kids.", False),
    ("Rohan asked what I do for fun.", False),  # the writer's answer is the writer's
])
def test_a_question_about_the_writer_is_the_askers_when_someone_else_asks(nlp, sentence, asked):
    doc = nlp(sentence)
    found = [asking_verb(t) for t in doc if t.pos_ in {"VERB", "AUX"} and t.lemma_ != "ask"]
    assert any(v is not None for v in found) is asked


def _held(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    note = parse_note(text)
    return {h.candidate.span.text: (h.holder.name if h.holder else None, h.candidate.cue)
            for h in candidate_interests(nlp(note.text), note)}


def test_what_the_writer_named_and_the_interviewer_answered_same_is_theirs_and_shared(nlp):
    held = _held(nlp, "Phone screen with Dana Whitfield (ops mgr).\n"
                      'I mentioned I play mahjong with my aunt and Dana said "me too!"\n')
    assert [found for text, found in held.items() if "mahjong" in text] == [
        ("Dana Whitfield", "shared")]


def test_what_the_interviewer_asked_the_writer_about_is_held_by_the_interviewer(nlp):
    held = _held(nlp, "Met Tomasz Nowak (plant mgr).\n"
                      "Tomasz asked if I'd ever been to the Lofoten Islands.\n")
    assert any("Lofoten" in text and holder == "Tomasz Nowak"
               for text, (holder, _) in held.items())


def test_the_writers_own_pastime_without_a_reply_is_still_left_out(nlp):
    held = _held(nlp, "Met Tomasz Nowak (plant mgr).\nI told Tomasz I play mahjong with my aunt.\n")
    assert not any("mahjong" in text for text in held)
