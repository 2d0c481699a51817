"""How small talk is read: candidates the parser hides, cues that overlap, facts the job's own
name could fake. Sentences are our own, written as users write notes."""

from __future__ import annotations

import pytest

from followup_nlp import analyze


def _candidates(text: str, lexicon: bool = True) -> list[tuple[str, str]]:
    from followup_nlp import pipeline
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    note = parse_note(text)
    doc = pipeline.load(interest_lexicon=lexicon)(note.text)
    return [(h.candidate.span.text, h.candidate.cue) for h in candidate_interests(doc, note)]


def test_a_strong_cue_wins_over_a_weak_one_on_overlapping_words():
    # "We bonded" (weak) and "bonded over" (shared) overlap; the shared cue points at the pastime
    text = "Met Anselm Krüger (Eng Manager).\nWe bonded over slacklining, he rigs a line in the park.\n"
    assert ("slacklining", "shared") in _candidates(text)
    assert [(i.text, i.holder, i.cue) for i in analyze(text).interests] == [
        ("slacklining", "Anselm Krüger", "shared")]


def test_a_gerund_after_a_preposition_is_a_candidate():
    text = ("Met Ruth Adeyemi (Head of Claims).\n"
            "She talked a lot about restoring old canoes, it is her summer project.\n")
    assert any(t == "restoring old canoes" for t, _ in _candidates(text, lexicon=False))


def test_whom_they_do_it_with_is_not_part_of_the_pastime():
    text = ("Phone screen with Marisol Ybarra (office manager).\n"
            "She's really into letterboxing with her kids, they found 40 boxes this year.\n")
    texts = [t for t, _ in _candidates(text, lexicon=False)]
    assert "letterboxing" in texts and not any("kids" in t for t in texts)


def test_a_noun_the_parser_left_beside_a_listed_pastime_is_part_of_it():
    text = ("Met Kenji Morimoto (regional ops).\n"
            "Kenji mentioned he just got back from a week of fly fishing in Montana.\n")
    texts = [t for t, _ in _candidates(text)]
    assert "fly fishing" in texts and "fly" not in texts
    assert [i.text for i in analyze(text).interests] == ["fly fishing"]


def test_a_name_then_a_verb_read_as_one_noun_phrase_still_has_a_subject():
    # (with these words around it the tagger reads "races" as a verb; elsewhere it can read it
    # as a plural noun, which this does not mend)
    text = ("Met with Beatriz Saldanha (Design Principal) and Gordon McTavish (Project Architect). "
            "Beatriz has a collection of vintage fountain pens on her desk and let me try one. "
            "Gordon races pigeons! Apparently it's a big thing where he grew up in Fife and he "
            "still keeps a loft.\n")
    from followup_nlp import pipeline
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    note = parse_note(text)
    held = candidate_interests(pipeline.load(interest_lexicon=False)(note.text), note)
    # found as the hobby verb's phrase (a cue), not only as one more noun phrase
    assert ("races pigeons", "cue", "Gordon McTavish") in [
        (h.candidate.span.text, h.candidate.source, h.holder and h.holder.name) for h in held]


def test_the_job_title_is_no_channel():
    text = ("Phone screen, Greenleaf Pediatrics, front desk coordinator. Spoke with Marisol "
            "Ybarra, the office manager.\nWe talked about scheduling software.\n")
    assert analyze(text).channel == "phone"


def test_a_line_that_drops_the_subject_after_a_name_is_about_that_person():
    text = ("- marcus lin (partner) - super chill. has 3 rescue greyhounds, showed one on camera\n"
            "- gwen liked my relativity experience\n")
    assert [(i.text, i.holder) for i in analyze(text).interests] == [
        ("rescue greyhounds", "Marcus Lin")]


def test_an_office_cue_shows_what_is_in_its_own_clause_only():
    text = ("Hung Tran (Sr Civil Eng) asked about culvert sizing.\n"
            "He's a huge Trekkie, has a Enterprise model behind him on the call.\n")
    [interest] = analyze(text).interests
    assert (interest.canonical, interest.cue) == ("star trek", "said")
    assert interest.mention == "being a Trekkie"  # not "huge Trekkie"


def test_what_the_writer_liked_is_not_what_they_liked_about_the_writer():
    text = ("Met Ms. Adaeze Obi, the branch manager.\nWhen I said I liked her scarf she told me "
            "she knits all her own scarves.\nShe liked my idea for a zine workshop.\n")
    assert [r.text for r in analyze(text).liked] == ["my idea for a zine workshop"]


def test_more_about_something_to_clarify_is_that_thing():
    text = "Met Gwendolyn Ferro (partner).\n- should have said more about trial prep binders\n"
    assert [r.text for r in analyze(text).clarify] == ["trial prep binders"]


def test_header_shorthand_for_round_and_a_title_abbreviation():
    analysis = analyze("2nd rd - Solano County Water Agency - Assoc. Civil Engineer\n"
                       "12/1, Teams, 3 on the panel\nHung Tran (Sr Civil Eng) asked about CEQA.\n"
                       "Rebecca said decision in ~2 wks.\n")
    assert (analysis.company, analysis.stage) == ("Solano County Water Agency", "second")
    assert analysis.decision_date == "2026-12-15"


def test_an_institution_named_by_its_first_word_is_the_employer():
    analysis = analyze("Entrevista / interview notes - Hospital San Rafael, enfermera ICU, 30 nov\n"
                       "- dr. ximena cortés (medical director). she does triathlons!!\n")
    assert analysis.company == "Hospital San Rafael"


def test_her_own_is_not_part_of_what_she_grows():
    text = ("11:00 lunch w/ Sunita Rao (Procurement Mgr) - she grows her own chilies and gave me "
            "tips for my balcony.\n")
    assert [i.text for i in analyze(text).interests] == ["chilies"]


def test_the_round_in_the_header_is_the_round_of_the_note():
    analysis = analyze("Fernhill Nursery - asst mgr - Wed 5/6, onsite, 1st rd\n"
                       "- Rhonda Feeney (store mgr) asked about shrink and scheduling\n"
                       "- Rhonda can't do a 2nd rd on Sat 5/16, she's at a dahlia show\n")
    assert analysis.stage == "first"


def test_an_ordinal_that_is_part_of_the_job_stays_in_the_position():
    analysis = analyze("Notes - Brightwater Elementary, 4th grade teacher, in person, Nov 20\n"
                       "Principal Dr. Leticia Moore interviewed me.\n")
    assert analysis.position == "4th grade teacher"


def test_a_verb_done_to_a_piece_of_work_is_not_a_pastime():
    text = ("Met Tomasz Nowak (site lead).\n"
            "He runs ops for the whole region and builds dashboards. He runs half marathons.\n")
    texts = [t for t, _ in _candidates(text, lexicon=False)]
    assert "runs ops" not in texts and "builds dashboards" not in texts
    assert "runs half marathons" in texts


def test_we_both_do_a_pastime_is_shared_and_names_the_pastime_not_the_doing():
    # "both" hangs on "we", not on the verb; "do" hands the pastime over to its object
    text = ("phone screen w/ marguerite obi, eng manager @ tidewell robotics. 11/30\n"
            "asked what i'm into, we both do bouldering\n")
    assert ("bouldering", "shared") in _candidates(text, lexicon=False)
    assert all(not t.startswith("do ") for t, _ in _candidates(text, lexicon=False))


def test_a_label_the_parser_split_from_its_colon_still_marks_what_comes_next():
    # "next" | ":" | "onsite w/ the team": the on-site day is still to come
    analysis = analyze("phone screen w/ marguerite obi, eng manager @ tidewell robotics. 11/30\n"
                       "talked thru my ros2 navigation project, she liked the sim-to-real part\n"
                       "next: onsite w/ the team, prob mid dec\n")
    assert analysis.channel == "phone"


def test_what_to_clarify_keeps_the_words_the_parser_hung_on_the_verb():
    analysis = analyze("Met with Janelle Price, Nurse Manager, on Thursday Dec 3.\n"
                       "I should clarify my experience with Epic charting, I was vague.\n")
    assert [r.text for r in analysis.clarify] == ["my experience with Epic charting"]


def test_when_a_pastime_happens_is_not_part_of_it():
    text = ("Zoom - Brightline Logistics - Ops Analyst\nInterviewer: Sunil Raghunathan, Director "
            "of Ops\n- Sunil does competitive sim racing on weekends, has a whole rig with a wheel + "
            "pedals in his garage\n")
    texts = [t for t, _ in _candidates(text, lexicon=False)]
    assert "competitive sim racing" in texts
    assert not any("weekends" in t for t in texts)


def test_what_two_people_share_is_the_thing_and_a_shared_dislike_is_no_pastime():
    text = ("Met Eun-ji Seo (tax senior).\n"
            "- we both shoot dragonflies, she goes out to the marsh every july\n"
            "- we both hate pipetting 96-well plates by hand\n")
    found = _candidates(text, lexicon=False)
    assert ("dragonflies", "shared") in found
    assert not any(t.startswith("shoot") for t, _ in found)
    assert not any("pipetting" in t for t, _ in found)


def test_a_letter_recalls_a_named_thing_with_the_article_the_note_gave_it():
    analysis = analyze("Met with Janelle Price, Nurse Manager, on Thursday Dec 3.\n"
                       "Janelle is training for the Boston qualifier, she ran her first half in "
                       "October.\n")
    assert "the Boston qualifier" in [i.mention for i in analysis.interests]


def test_a_lowercase_note_names_its_people_and_employer_as_names():
    analysis = analyze(
        "so um interview today at harlow & finch, junior architect. met with two partners, "
        "niamh o'sullivan and kwabena asante. niamh was really warm, she sails, she's got a "
        "little dinghy she races on the lough on sundays.\n")
    assert analysis.company == "Harlow & Finch"
    assert [p.name for p in analysis.people] == ["Niamh O'Sullivan", "Kwabena Asante"]
    # the letter's words never reach back past "she" to "really warm,"
    assert all("warm" not in i.mention for i in analysis.interests)


@pytest.mark.parametrize(("line", "clarify"), [
    ("- clarify: my MSN is in progress, done dec, not done already", ["my MSN"]),
    ("- clarify: Series 7 is scheduled Nov 9, not passed yet", ["Series 7"]),
    ("- I need to clarify: I said my apprenticeship was 4 years, it was 5", ["my apprenticeship"]),
    ("- clarify: I'm not OSHA 30 yet, only OSHA 10", []),  # no thing to name: no "10"
    ("- clarify: what I meant by \"feature store\" - I rambled", ['what I meant by "feature store"']),
])
def test_a_clarify_label_names_what_the_correction_is_about(line, clarify):
    analysis = analyze(f"Met Ngozi Adeyemi (Head of Data), Dec 2.\n{line}\n")
    assert [r.text for r in analysis.clarify] == clarify


def test_what_a_title_is_of_is_a_department_not_the_employer():
    analysis = analyze("Hi, confirming your interview with Luis Ortega (Director of Food & Beverage) "
                       "on Friday 12/4 at 10am.\nHe surfs most mornings before his shift.\n")
    assert analysis.company != "Food & Beverage"


def test_what_a_relative_makes_is_recalled_as_theirs():
    text = (
        "Interview notes - Pelican Bay Credit Union, Member Services Supervisor\n"
        "Tues 12/1, onsite, 2nd round\n\n"
        "Panel: Rosalind Achterberg (VP Member Experience), Teodoro \"Teo\" Villanueva (Branch "
        "Manager), and Priyanka from HR who did the intro.\n\n"
        "- Rosalind: huge Packers fan, has a cheesehead on her bookshelf lol. She asked a lot "
        "about how I handle upset members.\n"
        "- Teo is a birder - he had binoculars on his desk & said he goes out to the marsh every "
        "Saturday morning before work. He liked my story about the overdraft fee escalation.\n"
        "- Teo also said his wife makes the best tamales in town, they sell them at the church "
        "fundraiser every Christmas\n"
        "- wish I'd explained my cash-handling audit numbers better\n"
        "- decision by Dec 15, Priyanka said she'd email me\n")
    interests = [(i.text, i.holder, i.mention) for i in analyze(text).interests]
    assert ("tamales", "Teodoro Villanueva", "your wife's best tamales") in interests


def test_what_someone_did_to_the_writers_own_thing_is_not_their_pastime():
    text = ("March 27 - final round, onsite panel at Cedar Valley USD district office. HS "
            "Chemistry Teacher.\nPanel of three: Nkechi Obi (principal at Riverside), Gareth "
            "Llewellyn (Asst. Superintendent, HR), and Marisa Castellanos (science dept chair).\n"
            "Honestly I think it went well. Nkechi said twice she liked my lab safety plan (\"the "
            "binder!\"), and Marisa loved that my AP Chem pass rate went from 48% to 71%.\n")
    analysis = analyze(text)
    assert [i.text for i in analysis.interests] == []
    assert "my lab safety plan" in [r.text for r in analysis.liked]


def test_how_long_they_dwelt_on_something_is_not_what_they_liked():
    text = ("Nightjar Interactive, Gameplay Programmer II, Zoom\n"
            "Panel: Yuki Tanabe-Holm (Lead Gameplay Engineer)\n"
            "A: the physics desync in co-op. Yuki was into it, follow-ups for 10 min. She said she "
            "liked that I built a repro harness before touching any code.\n")
    assert [r.text for r in analyze(text).liked] == \
        ["that I built a repro harness before touching any code"]


def test_tmrw_is_a_time_not_an_interest():
    analysis = analyze("RN interview - St. Brigid's Regional, 3/14/24, on-site 2nd round\n"
                       "- Ngozi Okafor (nurse mgr), Tomasz Wrobel (charge RN nights), Priya Raman "
                       "(recruiter)\n- TY emails NOT sent yet - do tmrw a.m. (Priya to forward to "
                       "Tomasz, don't have his email)\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Ngozi Okafor", "Tomasz Wrobel", "Priya Raman"]
    assert not any("tmrw" in i.text for i in analysis.interests)


def test_a_pastime_given_up_is_not_recalled_but_the_one_that_replaced_it_can_be():
    analysis = analyze("Panel at Northgate Clinic: Dana Whitfield (Director of Nursing) and Omar "
                       "Haddad (Charge Nurse).\n- Dana used to play water polo but quit after "
                       "college; now she keeps bees on her roof.\n- Omar played rugby all through "
                       "university and hasn't touched a ball since.\n- Dana doesn't ski anymore, "
                       "bad knee.\n", gifts=False)
    texts = [i.text for i in analysis.interests]
    assert not any(word in text for text in texts for word in ("polo", "rugby", "ski"))
    assert any("bees" in text for text in texts)


def test_what_the_employer_lays_on_is_no_ones_pastime_unless_someone_takes_part():
    analysis = analyze("Final round at Larkspur Health, on-site.\n- Met Ngozi Adeyemi (Nurse "
                       "Manager) and Fatima Al-Sayed (Unit Director).\n- the hospital has a staff "
                       "softball league, Ngozi said \"we're terrible\" and just brings snacks\n"
                       "- Fatima mentioned the office has a pickleball court on the roof for staff\n"
                       "- Marco Ruiz (charge nurse) plays on the company softball team every "
                       "Thursday\n", gifts=False)
    assert [(i.text, i.holder) for i in analysis.interests] == [("softball team", "Marco Ruiz")]


def test_the_phrase_right_after_fan_of_is_the_object_when_the_parser_hangs_it_elsewhere():
    analysis = analyze("Zoom with Mr. Dieter Vogel (Director of Operations).\nHe ask me about "
                       "football in Brazil and he tell me he is fan of Borussia Dortmund since he "
                       "was child, he was sad because they lose on Saturday.\n", gifts=False)
    assert ("Borussia Dortmund", "Dieter Vogel") in [(i.text, i.holder)
                                                     for i in analysis.interests]


def test_an_object_the_parser_read_as_a_clause_is_still_a_candidate():
    # "makes kimchi jjigae": the parser hangs the dish under "makes" as a clause (ccomp)
    text = ("Met Dmitri Volkov (Plant Manager) and Priya Nair (Staff Engineer).\n"
            "- at lunch dmitri said he makes kimchi jjigae every sunday for his kids\n")
    assert any(t == "kimchi jjigae" for t, _ in _candidates(text, lexicon=False))
    assert [(i.text, i.holder) for i in analyze(text, gifts=False).interests] == [
        ("kimchi jjigae", "Dmitri Volkov")]


def test_someone_named_before_and_i_both_shares_the_pastime():
    shared = analyze("Met Ilse Brandt (Head of Ops).\n"
                     "- turns out Ilse + I both go geocaching!! she has found 300 caches\n",
                     gifts=False)
    assert ("geocaching", "Ilse Brandt", "shared") in [(i.text, i.holder, i.cue)
                                                       for i in shared.interests]
    # without "both" or "too" the pair only did something together
    together = analyze("Met Ama Owusu (Data Lead).\n- Ama and I enjoyed the pipeline design "
                       "discussion.\n", gifts=False)
    assert not [i for i in together.interests if i.cue == "shared"]


def test_what_they_lay_on_for_the_team_is_a_perk_not_a_pastime():
    perk = analyze("Met Teresa Lindgren (office manager).\n"
                   "They do a team Zumba class Friday mornings before opening.\n", gifts=False)
    assert not perk.interests
    hers = analyze("Met Teresa Lindgren (office manager).\n"
                   "Teresa goes to a Zumba class every Friday.\n", gifts=False)
    assert [(i.text, i.holder) for i in hers.interests] == [("Zumba", "Teresa Lindgren")]


def test_the_one_thing_they_built_is_theirs_in_a_letter():
    analysis = analyze("Met Henrik Aalto (GM).\n- Henrik built a wood-fired sauna in his backyard, "
                       "rolls in the snow after\n", gifts=False)
    assert [i.mention for i in analysis.interests][:1] == ["your wood-fired sauna"]


def test_when_they_do_it_is_not_what_they_do():
    text = ("Met Rahul Venkataraman (postdoc).\n"
            "- postdoc office has a carrom board by the window, Rahul says they play every Fri "
            "after journal club and he's undefeated\n")
    found = [t for t, _ in _candidates(text)]
    assert "carrom board" in found and not any("Fri" in t for t in found)


def test_an_unknown_word_after_does_is_the_thing_done_and_a_logo_names_the_club():
    pysanky = analyze("Met Olena Kovalenko (Branch Manager)\n- Olena does pysanky, the Ukrainian "
                      "eggs - she teaches her nieces every Easter\n", gifts=False)
    assert [(i.mention, i.canonical) for i in pysanky.interests][:1] == [("you do pysanky",
                                                                          "pysanky")]
    text = ("Met Ji-woo Park (Adult Services Librarian)\n- Ji-woo had a tote w/ the Eastbrook "
            "Curling Club logo, she's curled there 5 yrs\n")
    assert "Eastbrook Curling Club" in [t for t, _ in _candidates(text, lexicon=False)]


def test_a_free_standing_dash_ends_the_pastime_and_a_jam_is_theirs():
    from followup_nlp import write_letters

    analysis = analyze("Zoom, 1st round\nMateus Oliveira - owner\nHana Novak - ops mgr\n"
                       "- Mateus does lumberjack sports comps - log rolling + underhand chop\n"
                       "- banjo on the wall behind Hana, she plays a bluegrass jam Thursdays\n",
                       gifts=False)
    texts = [i.text for i in analysis.interests]
    assert not any(t.endswith(("- log", "log rolling")) for t in texts)
    letters, _ = write_letters(analysis, sender="Sam Ortiz")
    hana = next(x.body for x in letters if x.recipient == "Hana Novak")
    assert "about bluegrass jam" not in hana


def test_an_office_object_by_the_window_or_on_someones_named_shelf_is_seen_in_the_office():
    # "by the window", and "in Li's office" with a name instead of "his": both say where a thing
    # was seen; the window's own place ("in Li's office") is not what was seen
    window = "Interview w/ Li Wei (CTO)\n- chess board by the window in Li's office\n"
    shelf = "Interview w/ Ana Costa (CFO)\n- a rubik's cube collection on Ana's shelf\n"
    for text in (window, shelf):
        found = _candidates(text, lexicon=False)
        assert any(cue == "office" for _, cue in found), found
        assert not any("office" in t for t, _ in found), found
    assert ("chess board", "office") in _candidates(window, lexicon=False)


def test_a_fans_word_after_an_s_read_as_possessive_still_names_what_they_are_a_fan_of():
    # the parser reads "Callum's" as a possessive, so "fan" has no verb to hang on
    text = "Met Callum Reid (CTO).\nCallum's a Deacon Blue fan, he has seen them live four times.\n"
    assert ("Deacon Blue", "said") in _candidates(text, lexicon=False)


def test_a_pastime_the_tagger_reads_as_an_adjective_after_a_verb_of_liking_is_a_thing():
    # "mahjong" is tagged ADJ; "loves" takes no adjective, so it is what she loves. After a
    # linking verb an adjective stays one ("she is happy with the team")
    loves = ("Phone screen with Wendy Lau (scheduler).\n"
             "Wendy loves mahjong, plays every Saturday with her aunties.\n")
    assert "mahjong" in [t for t, _ in _candidates(loves, lexicon=False)]
    happy = "Phone screen with Wendy Lau (scheduler).\nShe is happy with the team.\n"
    assert "happy" not in [t for t, _ in _candidates(happy, lexicon=False)]


def test_what_a_pastime_goes_after_is_part_of_it_and_a_bracket_opens_a_gloss():
    forage = ("Met Tom Reyes (Head of Data).\n"
              "Tom forages for mushrooms every fall, showed me a pic of his best find.\n")
    assert "forages for mushrooms" in [t for t, _ in _candidates(forage, lexicon=False)]
    grant = "Met Tom Reyes (Head of Data).\nTom said they are applying for a state grant.\n"
    assert not any(t.startswith("applying for") for t, _ in _candidates(grant, lexicon=False))
    fencing = ("Met Kai Müller (Eng Mgr).\n"
               "- Kai does historical fencing (longsword) twice a week\n")
    found = [t for t, _ in _candidates(fencing, lexicon=False)]
    assert "historical fencing" in found and not any("(" in t for t in found)


@pytest.mark.parametrize(("header", "position"), [
    ("Tues 12/1 - onsite @ Brightline Robotics, Sr. Controls Engineer, 2nd round", "Sr. Controls Engineer"),
    ("Whitcombe University — Asst. Prof, Sociology — campus visit (final round)", "Asst. Prof"),
    ("Northwind Energy / Dir. Network Engineering / final, Mon 5/4", "Dir. Network Engineering"),
])
def test_an_abbreviations_full_stop_in_the_header_is_part_of_the_job(header, position):
    # the parser ends a sentence at "Sr." or "Asst.", which cut the job to "Controls Engineer"
    analysis = analyze(header + "\nmet w/ Hana Kobayashi (Dir. of Engineering)\n", gifts=False)
    assert analysis.position == position


def test_a_comma_before_mostly_or_esp_opens_a_gloss_not_more_of_the_pastime():
    # the object's subtree ran on through the comma: "collects vinyl records, mostly"
    note = ("Onsite with Dev Malhotra (CTO).\n"
            "Dev collects vinyl records, mostly 70s jazz. Also loves board games, esp. Catan.\n")
    found = [t for t, _ in _candidates(note, lexicon=False)]
    assert "collects vinyl records" in found and "board games" in found
    assert not any(t.endswith((",", "mostly", "esp")) or t.startswith(("mostly", "esp"))
                   for t in found)


def test_an_object_left_hanging_by_a_chat_filler_is_still_the_object():
    # "lol" is read as punctuation hanging on "w/", so "w/" had no object
    note = ("phone screen w/ Bianca (talent acq @ Numa Health)\n"
            "bianca said she is obsessed w/ pickleball lol\n")
    assert ("pickleball", "said") in _candidates(note, lexicon=False)


def test_the_group_a_pastime_is_done_in_is_part_of_it():
    note = "Phone interview with Ruth Levin (Recruiter).\nRuth sings in a community choir.\n"
    assert "sings in a community choir" in [t for t, _ in _candidates(note, lexicon=False)]
    sandbox = "Met Ruth Levin (Recruiter).\nRuth said she plays in the sandbox with her kids.\n"
    assert not any(t.startswith("plays in") for t, _ in _candidates(sandbox, lexicon=False))


@pytest.mark.parametrize(("header", "company"), [
    ("Interview - Halvard Logistics, dispatcher", "Halvard Logistics"),  # a given name first
    ("Meeting with Hana Novak, Head of People (Lumo)", "Lumo"),  # a job title is no employer
])
def test_the_employer_in_the_header(header, company):
    analysis = analyze(header + "\nwe talked about the night shift rota\n", gifts=False)
    assert analysis.company == company


def test_a_hanging_object_is_the_noun_not_the_verb_it_hangs_on():
    # "genealogy" hangs on "traced", so taking its head gave "traced her family"
    note = ("Met Grace O'Connor (Director). grace is really into genealogy - traced her family "
            "back to County Cork\n")
    found = [t for t, _ in _candidates(note, lexicon=False)]
    assert "genealogy" in found and "traced her family" not in found


def test_a_department_or_the_writers_own_thing_is_no_employer():
    # "Clinical Ops" (NER: ORG) is her department, "my CRA experience" the writer's
    note = ("Zoom 2nd round w/ Priyanka Rao (Director, Clinical Ops) - Tues 12/1\n"
            "talked about trial startup timelines + site selection\n"
            "she liked my CRA experience\n")
    assert analyze(note, gifts=False).company is None
    assert analyze("Zoom w/ Ana Diaz (VP Eng, Stripe)\nok\n", gifts=False).company == "Stripe"


def test_talent_acq_is_a_title():
    analysis = analyze("phone screen w/ Bianca (talent acq)\nshe said next step is the HM\n",
                       gifts=False)
    assert [(p.name, p.title) for p in analysis.people] == [("Bianca", "talent acq")]


def test_a_name_that_is_his_band_or_her_thing_is_the_interest():
    note = ("Met Anders Holm (eng mgr).\n"
            "I said I'd been at a metal show and he lit up - Iron Maiden is his band, he's seen "
            "them 14 times incl. Rock in Rio\n")
    found = _candidates(note, lexicon=False)
    assert ("Iron Maiden", "said") in found and not any(t.endswith("incl") for t, _ in found)


@pytest.mark.parametrize(("line", "place"), [
    ("- Deb goes to the Outer Banks every September with her sisters", "Outer Banks"),  # ORG
    ("- She goes every year to Burning Man, showed me a photo of an art car", "Burning Man"),
])
def test_a_place_named_inside_a_longer_entity_or_tagged_as_a_verb(line, place):
    note = "Met Deb Sorensen (ranger).\n" + line + "\n"
    assert place in [t for t, _ in _candidates(note, lexicon=False)]


def test_a_fans_word_read_as_an_adjective_names_the_nouns_before_it():
    from followup_nlp import pipeline
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    note = parse_note("met carolina méndez (producer) - beatles obsessive, has done the magical "
                      "mystery tour in liverpool twice\n")
    doc = pipeline.load(interest_lexicon=False)(note.text)
    cued = [h.candidate.span.text for h in candidate_interests(doc, note) if h.candidate.cued]
    assert "beatles" in cued  # as a fan's word points at it, not only as one more noun phrase


def test_an_office_cue_whose_preposition_leads_to_a_time_is_no_office_cue():
    # "have a X in" is an office cue ("has a bonsai in his window"), but not "in Dec"
    note = ("Interview - Halvard Logistics, dispatcher - Mon 12/7\n"
            "met Greta Lund (ops mgr)\n"
            "- Greta sings in a community choir, they have a concert in Dec\n")
    interests = analyze(note, gifts=False).interests
    assert [i.cue for i in interests if "choir" in i.text] == ["said"]



def _cued(text: str) -> list[str]:
    from followup_nlp import pipeline
    from followup_nlp.extract import candidate_interests
    from followup_nlp.notes import parse_note

    note = parse_note(text)
    doc = pipeline.load(interest_lexicon=False)(note.text)
    return [h.candidate.span.text for h in candidate_interests(doc, note) if h.candidate.cued]


@pytest.mark.parametrize(("line", "pastime"), [
    ("sione - an avid slackliner, rigs one between two oaks in the park at lunch",
     "avid slackliner"),
    ("Obi - keen snorkler, goes to cozumel every spring", "keen snorkler"),
])
def test_a_keen_word_before_a_doer_names_the_pastime_with_no_verb_around(line, pastime):
    # note shorthand drops the "is": "X - an avid slackliner" is still what X is keen on
    assert pastime in _cued("Met Sione Taufa (ops mgr) and Obi Nwosu (charge nurse).\n"
                            + line + "\n")


def test_a_keen_word_before_a_thing_is_no_pastime():
    # "competitive salary", "weekend shifts": no doer, nothing anyone is keen on
    cued = _cued("Met Sione Taufa (ops mgr).\npay - competitive salary, some weekend shifts, "
                 "recreational league softball team\n")
    assert not [t for t in cued if "salary" in t or "shifts" in t]


@pytest.mark.parametrize("line", ["- aaliyah: into nail art, does her own",
                                  "Into nail art. Does her own, showed me."])
def test_into_with_no_is_before_it_still_cues_the_pastime(line):
    assert "nail art" in _cued("Met Aaliyah Brooks (pharm tech).\n" + line + "\n")


def test_an_arrow_head_is_not_part_of_the_phrase():
    # "hiroshi -> shakuhachi": the tagger reads ">" as part of a name
    texts = [t for t, _ in _candidates("Met Hiroshi Tanaka (pharmacist).\n"
                                       "- hiroshi -> shakuhachi, takes lessons\n", lexicon=False)]
    assert "shakuhachi" in texts and not [t for t in texts if t.startswith(">")]


def test_how_keen_they_are_is_no_part_of_the_interests_name():
    interests = analyze("Met Sione Taufa (ops mgr).\nSione is an avid slackliner, rigs one in the "
                        "park.\n", gifts=False, interest_lexicon=False).interests
    assert [i.canonical for i in interests] == ["slackliner"]


@pytest.mark.parametrize(("line", "pastime"), [
    ("she does line dancing every friday at the elks lodge, asked if i dance lol", "line dancing"),
])
def test_a_noun_the_parser_set_beside_an_ing_word_is_part_of_the_pastime(line, pastime):
    # the parser made "line" a second object of "does" beside "dancing", not its modifier
    assert pastime in _cued("Met Denise Hall (teller).\n" + line + "\n")
