"""The interest ranker: loads safely, finds interests no word list knows, leaves work alone."""

from __future__ import annotations

import shutil

import pytest

from followup_nlp import analyze
from followup_nlp.errors import ModelFileError
from followup_nlp.extract import ranker
from followup_nlp.resources import model_path

NOTE = """Video call w/ Hannah Weiss (Plant Manager) and Tomasz Lis, HR, Oct 2
- Hannah rebuilds vintage bumper-car engines in her garage, has six of them now
- Tomasz asked about my shift availability
- his screen background was a photo of a hand-built wooden outrigger
- we discussed the ERP migration and the overtime budget
"""


def test_saved_ranker_loads_with_a_threshold_from_its_card():
    model = ranker.load()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert model.probabilities([]) == []


def test_interests_outside_every_lexicon_are_found_with_their_holders():
    analysis = analyze(NOTE, interest_lexicon=False)
    found = {(i.holder, i.cue): i.text for i in analysis.interests}
    assert "engines" in found[("Hannah Weiss", "said")]
    # The outrigger in Tomasz's screen background is a known miss since the ranker learned from
    # 240 training notes (it scores 0.16, under the 0.275 floor): office objects there were
    # often not the annotated interest. Only that nothing from work slips in is asserted here.
    texts = " ".join(i.text for i in analysis.interests).lower()
    assert "migration" not in texts and "budget" not in texts and "shift" not in texts


def test_the_saved_weight_table_scores_as_the_fitted_scikit_learn_model_does():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    rows = [{"source=phrase": 1.0, "cued": 1.0}, {"source=lexicon": 1.0, "gov=love": 1.0},
            {"source=phrase": 1.0, "sent_about_work": 1.0}, {"gov=discuss": 1.0, "cued": 1.0},
            {"source=verb": 1.0, "len=<=2": 1.0}, {"source=lexicon": 1.0, "plural": 1.0}]
    labels = [1, 1, 0, 0, 1, 0]
    fitted = Pipeline([("features", DictVectorizer()),
                       ("model", LogisticRegression(C=0.5))]).fit(rows, labels)
    saved = ranker.weights_of(fitted)
    table = ranker.Ranker(saved["intercept"], saved["weights"], 0.5, 1.0, 0.5)
    unseen_feature = [{"source=phrase": 1.0, "never_seen_in_training": 1.0}]
    for batch in (rows, unseen_feature):
        assert table.probabilities(batch) == pytest.approx(
            list(fitted.predict_proba(batch)[:, 1]), abs=1e-12)


@pytest.mark.parametrize("weights", [
    '{"intercept": 0.1, "weights": {"cued": "__import__(\'os\')"}}',
    '{"intercept": NaN, "weights": {}}',
    '{"weights": {}}',
    'not json at all',
])
def test_a_damaged_or_hostile_weight_file_is_refused_with_one_message(tmp_path, weights):
    (tmp_path / ranker.MODEL_FILE).write_text(weights, encoding="utf-8")
    shutil.copy(model_path(ranker.CARD_FILE), tmp_path / ranker.CARD_FILE)
    ranker.load.cache_clear()
    try:
        with pytest.raises(ModelFileError, match="followup train --interest-ranker"):
            ranker.load(tmp_path)
    finally:
        ranker.load.cache_clear()


def _candidate_texts(text: str) -> list[str]:
    from followup_nlp import pipeline
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    note = parse_note(text)
    doc = pipeline.load(interest_lexicon=False)(note.text)
    return [held.candidate.span.text for held in candidate_interests(doc, note)]


def test_trailing_time_words_are_trimmed_from_a_candidate_not_fatal_to_it():
    texts = _candidate_texts("Met Priyanka Venkataraman (PM).\n"
                             "Priyanka takes an adult tap class Thursdays, was practicing in the "
                             "hallway.\n")
    assert "adult tap class" in texts


def test_chat_fillers_are_no_part_of_an_interest():
    analysis = analyze("Met Tomasz Lis (senior scheduler).\n"
                       "- Tomasz & I both do sourdough lol, his starter is named Doughvid\n")
    assert [(i.text, i.holder) for i in analysis.interests] == [("sourdough", "Tomasz Lis")]
    texts = _candidate_texts("Met Tomasz Lis (senior scheduler).\n- Tomasz & I both do sourdough "
                             "lol, his starter is named Doughvid\n")
    assert texts and not any("lol" in t.split() for t in texts)


@pytest.mark.parametrize(("line", "interest"), [
    ("her daughter plays travel volleyball, they were at a tournament in Omaha", "volleyball"),
    ("she hits pads at a Muay Thai gym before work most days", "Muay Thai"),
])
def test_of_two_list_words_where_one_describes_the_other_the_specific_one_is_the_interest(
        line, interest):
    analysis = analyze(f"Phone screen w/ Anita Osei (VP of Programs).\n- {line}\n")
    assert [i.text for i in analysis.interests] == [interest]


def test_a_team_on_a_fans_scarf_or_mug_is_the_interest():
    analysis = analyze("Met Rahul Menon (Revenue Cycle Manager).\n"
                       "- Rahul: nice guy, Liverpool FC scarf on his chair\n")
    assert [(i.canonical, i.holder) for i in analysis.interests] == [("liverpool fc",
                                                                      "Rahul Menon")]


def test_goes_with_a_gerund_finds_its_subject_on_goes():
    texts = _candidate_texts("Met Corinne Leblanc (curator).\n"
                             "Corinne mentioned she goes mothing most summer nights.\n")
    assert "mothing" in texts


def test_shared_sentence_features_and_cached_chunks_match_computing_them_afresh(nlp):
    """Speed-ups that share work between candidates must not change what the ranker sees."""
    from followup_nlp.extract import _people
    from followup_nlp.extract.components import sentence_chunks
    from followup_nlp.extract.interests import interest_candidates
    from followup_nlp.notes import parse_note

    note = parse_note(NOTE)
    doc = nlp(note.text)
    for sent in doc.sents:
        assert sentence_chunks(sent) == list(sent.noun_chunks)
    held = interest_candidates(doc, _people(doc, note)[2])
    assert len(held) >= 2
    shared = ranker.note_features(held)
    for item, row in zip(held, shared, strict=True):
        alone = ranker.features(item)
        assert alone.items() <= row.items()  # note_features only adds the within-sentence ones
        assert any(k.startswith("sent_len=") for k in alone)  # the sentence's own features


def test_a_team_named_as_what_someone_is_a_fan_of_is_an_interest_though_ner_calls_it_an_org():
    analysis = analyze("Video call with Maren Holt (controller), Nov 4.\n"
                       "Maren is a big fan of the Cleveland Guardians; we talked about the "
                       "close calendar and our ERP.\n", gifts=False)
    assert any("Guardians" in i.text and i.holder == "Maren Holt" for i in analysis.interests)


def test_the_base_models_context_vector_describes_each_candidate(nlp):
    doc = nlp("Corinne plays the theremin most weekends.")
    vector = ranker.context_vector(doc[2:4])
    assert len(vector) == ranker.VECTOR_WIDTH
    assert vector != ranker.context_vector(doc[0:1])  # a name and an instrument read differently
    doc.tensor = doc.tensor[:, :10]  # another base model's width: no vector features, no error
    assert ranker.context_vector(doc[2:4]) == {}


@pytest.mark.parametrize("sentence, interest", [
    ("Reggie is a Bills diehard, still not over the final.", "Bills"),
    ("Danielle is a huge Blackpink stan apparently.", "Blackpink"),
    ("Graham turns out to be a Kate Bush obsessive.", "Kate Bush"),
])
def test_what_comes_before_a_fans_word_is_a_candidate_even_a_team_or_a_singer(nlp, sentence,
                                                                              interest):
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    text = f"Met Reggie Moss, Danielle Ito and Graham Fry (hiring panel).\n{sentence}\n"
    held = candidate_interests(nlp(text), parse_note(text))
    assert interest in [h.candidate.span.text for h in held]


def test_a_place_ner_takes_for_a_person_is_a_trip_but_someone_met_is_not():
    analysis = analyze("Met Bettina Roth (Admissions Director) and Sam Ortiz (Dean).\n"
                       "Bettina just got back from Svalbard, polar bear sign as her wallpaper.\n"
                       "Sam said he was driving back to Bettina after the call.\n", gifts=False)
    places = [(i.text, i.holder) for i in analysis.interests if i.canonical.startswith("travel")]
    assert ("Svalbard", "Bettina Roth") in places
    assert not any("Bettina" in text for text, _ in places)


def test_scoring_with_numpy_gives_the_probabilities_of_the_full_feature_rows(nlp):
    from followup_nlp.extract import _people
    from followup_nlp.extract.interests import interest_candidates
    from followup_nlp.notes import parse_note

    note = parse_note(NOTE)
    doc = nlp(note.text)
    held = interest_candidates(doc, _people(doc, note)[2])
    model = ranker.load()
    full = model.probabilities(ranker.note_features(held))
    assert any(k.startswith("vec") for k in ranker.note_features(held)[0])
    # The full rows take the mean vector in float32 (the tensor's type); the fast path sums each
    # token's score in float64, so the two agree to float32 rounding, not to the last bit.
    assert model.chances(held) == pytest.approx(full, abs=1e-6)


@pytest.mark.parametrize("line, interest", [
    ("- Oskar - fencing, sabre, trains Tuesdays", "fencing"),
    ("- Ngozi - bouldering. goes to the gym by the river", "bouldering"),
])
def test_a_hobby_after_a_name_and_a_dash_is_a_candidate_though_the_parser_joins_them(line,
                                                                                     interest):
    text = f"Panel: Oskar Lind (CTO), Ngozi Eze (Head of Design).\n{line}\n"
    assert interest in _candidate_texts(text)


def test_a_pastime_league_ner_calls_an_organisation_is_a_candidate():
    text = ("Met Tomasz Wolak (Plant Manager).\n"
            "Tomasz: Northside Futsal League, keeper, Thursdays\n")
    assert "Northside Futsal League" in _candidate_texts(text)


def test_a_verb_keeps_the_unknown_words_the_parser_left_hanging_after_it():
    text = ("Met Marta Quispe (Warehouse Lead).\n"
            "Marta plays bossaball at the beach.\n")
    assert "plays bossaball" in _candidate_texts(text)


def test_a_word_of_work_inside_the_pastime_leaves_its_sentence_personal():
    # "team" says a sentence is about work ("the team's Q3 roadmap"), but not when it is part of
    # the pastime itself: "team handball", "team trivia" (neither is in the interest lexicon here)
    analysis = analyze("Phone screen w/ Lena Vogt (Ops Manager), Nov 3\n"
                       "- Lena plays team handball in a club league, goalkeeper\n"
                       "- her partner Oksana is really into team trivia, every Tuesday at the pub\n"
                       "- we discussed the team's Q3 roadmap and the vendor budget\n",
                       interest_lexicon=False)
    found = {i.text.lower(): i.holder for i in analysis.interests}
    assert [holder for text, holder in found.items() if "team handball" in text] == ["Lena Vogt"]
    assert any("team trivia" in text for text in found)
    assert not any("roadmap" in text or "budget" in text for text in found)
