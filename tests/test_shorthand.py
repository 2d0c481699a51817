"""Note-taking shorthand ("w/", "b/c", "wknds") read as the words it stands for."""

from __future__ import annotations

from followup_nlp import analyze, pipeline
from followup_nlp.extract import candidate_interests
from followup_nlp.extract.shorthand import widen
from followup_nlp.notes import parse_note


def test_shorthand_is_parsed_as_the_word_it_stands_for_and_keeps_its_spelling():
    nlp = pipeline.load()
    doc = nlp("Beatrix is obsessed w/ dahlias, grows them b/c her dad did.")
    by_text = {t.text: t for t in doc}
    assert doc.text == "Beatrix is obsessed w/ dahlias, grows them b/c her dad did."
    assert (by_text["w/"].norm_, by_text["w/"].pos_) == ("with", "ADP")
    assert by_text["dahlias"].head.text == "w/"  # not a compound "w/ dahlias" name
    assert by_text["b/c"].norm_ == "because"  # one token, not "b", "/", "c"


def test_a_cue_written_with_shorthand_points_at_the_interest():
    text = ("Met Beatrix Olsen (owner), Fernleaf Landscapes.\n"
            "Beatrix is obsessed w/ dahlias, digs up the tubers every fall.\n")
    held = candidate_interests(pipeline.load()(text), parse_note(text, "note"))
    cued = [(h.candidate.span.text, h.holder.name) for h in held if h.candidate.cued]
    assert ("dahlias", "Beatrix Olsen") in cued


def test_widened_patterns_accept_shorthand_and_leave_other_words_alone():
    pattern = [{"LOWER": {"IN": ["obsessed", "hooked"]}}, {"LOWER": "with"},
               {"LOWER": {"IN": ["on", "most"]}}, {"LOWER": {"IN": ["weekends"]}}]
    assert widen(pattern) == [{"LOWER": {"IN": ["obsessed", "hooked"]}},
                              {"LOWER": {"IN": ["with", "w/"]}},
                              {"LOWER": {"IN": ["on", "most"]}},
                              {"LOWER": {"IN": ["weekends", "wknds", "wkends"]}}]


def test_a_phone_screen_with_someone_is_not_a_picture_on_a_phone():
    analysis = analyze("phone screen w/ Gwen Tollefson from Larkspur Payroll, Mon 3/23. "
                       "asked about garnishments and multistate payroll.\n")
    assert [p.name for p in analysis.people] == ["Gwen Tollefson"]
    assert analysis.interests == ()


def test_a_label_split_off_by_the_parser_still_marks_the_next_round_as_future():
    analysis = analyze("Brightline Optical, asst store mgr\n"
                       "- in-person at the Westgate Mall store, 1st round w/ Lorenzo Vidal (DM)\n"
                       "- he asked about lab cutoffs\n"
                       "- next: 2nd round w/ regional HR.\n")
    assert analysis.stage == "first"


def test_a_name_and_a_spaced_dash_are_not_read_as_one_hyphenated_name():
    text = ("Lumen Electric apprentice interview, met Rui Costa (foreman) and Sven Berg (safety).\n"
            "Sven - bandy, Sundays at the outdoor rink, plays defense\n")
    doc = pipeline.load()(text)
    assert not any("bandy" in e.text for e in doc.ents)
    held = candidate_interests(doc, parse_note(text, "note"))
    assert ("bandy", "Sven Berg") in [(h.candidate.span.text, h.holder and h.holder.name)
                                      for h in held]


def test_a_lowercase_word_ner_calls_a_person_is_a_thing_when_nobody_is_named_so():
    text = ("Interview with Kwame Mensah (Head of Finance), Baobab Foods.\n"
            "Kwame talked about his grandmother's jollof, says nobody makes it like her.\n")
    held = candidate_interests(pipeline.load()(text), parse_note(text, "note"))
    assert ("jollof", "Kwame Mensah") in [(h.candidate.span.text, h.holder.name) for h in held]
