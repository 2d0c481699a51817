"""Letters read as a reader would: right person, their interest, no empty slot, no stray markup."""

import re
from datetime import date

import pytest

from followup_nlp import analyze, pipeline, write_letters
from followup_nlp.errors import FollowupError
from followup_nlp.extract import candidate_interests
from followup_nlp.gifts import enrich
from followup_nlp.letters.render import environment, render
from followup_nlp.notes import parse_note

SLOT_LEFTOVERS = re.compile(r"\bNone\b|\{\{|\}\}|\{%|\[\s*\]|\bnull\b|\bundefined\b", re.I)


def test_two_interviewer_note_gets_two_letters_each_with_their_own_part(
        two_interviewer_analysis):
    letters, _ = write_letters(two_interviewer_analysis, sender="Sam Lee")
    by_name = {x.recipient: x for x in letters if x.role == "interviewer"}
    assert set(by_name) == {"Lena Kowalski", "Tomás Ortega"}
    assert by_name["Lena Kowalski"].body.startswith("Dear Lena,")
    assert "hockey" in by_name["Lena Kowalski"].body
    assert "hockey" not in by_name["Tomás Ortega"].body
    # What Lena liked goes only to Lena.
    assert "calendar" in by_name["Lena Kowalski"].body
    assert "calendar" not in by_name["Tomás Ortega"].body


def test_an_office_photo_of_a_sailboat_reaches_the_letter_not_a_pronoun(two_interviewer_analysis):
    letters, _ = write_letters(two_interviewer_analysis, sender="Sam Lee")
    tomas = next(x for x in letters if x.recipient == "Tomás Ortega")
    assert "sail" in tomas.body
    assert "race it" not in tomas.body  # "he races it" names nothing a letter can quote


def test_letters_name_position_company_and_sign_with_sender(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    for letter in letters:
        assert "Brightwater Analytics" in letter.body
        assert letter.body.rstrip().endswith("Jordan Ellis")
        assert not SLOT_LEFTOVERS.search(letter.body), letter.body


def test_callback_is_in_the_second_person(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    marcus = next(x for x in letters if x.recipient == "Marcus Oyelaran")
    assert "your mother's award-winning pies" in marcus.body
    assert " his " not in marcus.body


def test_email_only_where_email_was_already_used(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    media = {x.recipient: x.medium for x in letters}
    assert media["Dana Whitfield"] == "email"
    assert media["Marcus Oyelaran"] == "handwritten"


def test_thank_you_is_due_within_24_hours(sample_analysis):
    letters, plan = write_letters(sample_analysis)
    assert {x.send_by for x in letters} == {"2026-11-20"}
    assert plan.steps[0].date == "2026-11-20"


def test_a_template_printing_a_missing_value_is_refused(tmp_path):
    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ nobody }}", encoding="utf-8")
    with pytest.raises(FollowupError):
        render(environment(tmp_path), "thank_you.txt.j2", {})
    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ name }}", encoding="utf-8")
    with pytest.raises(FollowupError):
        render(environment(tmp_path), "thank_you.txt.j2", {"name": None})


def test_user_templates_run_sandboxed(tmp_path):
    (tmp_path / "evil.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}",
                                      encoding="utf-8")
    with pytest.raises(FollowupError):
        render(environment(tmp_path), "evil.j2", {})


def test_jinja_syntax_inside_a_note_is_printed_literally():
    from followup_nlp import analyze

    analysis = analyze("Met Ana Silva (CTO) at Orbit. She loves {{ 7*7 }} quilting.")
    letters, _ = write_letters(analysis)
    assert "49" not in letters[0].body


def _sentences(body):
    """The sentences of the letter's paragraphs (greeting, closing and signature left out)."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    paragraphs = " ".join(line for line in lines[1:] if not line.endswith(",")
                          and line not in lines[-1:])
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", paragraphs) if len(s.strip()) > 20]


def test_letters_have_no_repeated_sentence_no_third_person_and_card_length(sample_analysis,
                                                                           two_interviewer_analysis):
    for analysis in (sample_analysis, two_interviewer_analysis):
        letters, _ = write_letters(analysis, sender="Sam Lee", check_ins=1)
        for letter in letters:
            sentences = _sentences(letter.body)
            assert len(sentences) == len(set(sentences)), letter.body
            # Written to the reader: no "he"/"she"/"his"/"her" about them.
            assert not re.search(r"\b(he|she|his|her|him)\b", letter.body, re.I), letter.body
            words = len(letter.body.split())
            if letter.kind == "thank_you" and letter.medium == "handwritten":
                assert 60 <= words <= 150, (words, letter.body)
            assert words <= 180


def test_panel_letters_differ_in_their_personal_part(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    bodies = [x.body for x in letters if x.role == "interviewer"]
    assert len(bodies) == 2 and bodies[0] != bodies[1]
    first, second = (set(_sentences(b)) for b in bodies)
    assert first - second and second - first


def test_tone_changes_the_wording_not_only_the_greeting(sample_analysis):
    def marcus(letters):
        return next(x.body for x in letters if x.recipient == "Marcus Oyelaran")

    warm = marcus(write_letters(sample_analysis, tone="warm")[0])
    formal = marcus(write_letters(sample_analysis, tone="formal")[0])
    assert formal.startswith("Dear Marcus Oyelaran,") and warm.startswith("Dear Marcus,")
    assert len(set(_sentences(warm)) ^ set(_sentences(formal))) >= 4
    assert "Sincerely," in formal and "Warm regards," in warm


def test_email_letters_have_a_subject_and_cards_do_not(sample_analysis):
    letters, _ = write_letters(sample_analysis)
    for letter in letters:
        assert (letter.subject is not None) == (letter.medium == "email")


def test_check_ins_refer_to_the_interest_without_repeating_the_thank_you(sample_analysis):
    letters, _ = write_letters(sample_analysis, check_ins=2)
    marcus = [x for x in letters if x.recipient == "Marcus Oyelaran"]
    thank_you, *check_ins = marcus
    assert [x.send_by for x in check_ins] == ["2026-12-03", "2026-12-17"]
    for check_in in check_ins:
        assert not set(_sentences(check_in.body)) & set(_sentences(thank_you.body))
        assert "Senior Data Analyst" in check_in.body


def test_plan_ics_parses_as_icalendar(sample_analysis, tmp_path):
    from icalendar import Calendar

    from followup_nlp.letters.plan import build_plan, to_ics

    calendar = Calendar.from_ical(to_ics(build_plan(sample_analysis)))
    events = list(calendar.walk("VEVENT"))
    assert events and str(events[0]["SUMMARY"]).startswith("Interview follow-up")
    assert events[0].decoded("DTSTART").isoformat() == "2026-11-20"


def test_send_by_uses_the_interview_hour_when_the_note_gives_one():
    from followup_nlp import analyze
    from tests.conftest import TODAY

    analysis = analyze("Tues 11/17 - 10am panel w/ Gloria Estrada (Branch Ops Director). "
                       "She rides horses on weekends.", today=TODAY)
    letters, _ = write_letters(analysis)
    assert letters[0].send_by == "2026-11-18T10:00"


def test_agreed_follow_up_is_planned_for_the_person_who_agreed(sample_analysis):
    from followup_nlp.letters.plan import build_plan

    steps = build_plan(sample_analysis).steps
    agreed = [s for s in steps if s.action.startswith("follow up on the agreed date")]
    assert [(s.date, s.recipient) for s in agreed] == [("2026-12-03", "Marcus Oyelaran")]
    assert any(s.date == "2026-12-03" and s.recipient == "Priya Raman" for s in steps)


MESSY = """zoom call today w/ kenji tanaka (eng mgr) and priya from recruiting
kenji is obsessed w/ sourdough, showed me his starter on camera lol
priya set it all up, emailed me the link
he liked my migration writeup. should have explained my on-call experience better
"""


def test_a_messy_lowercase_note_gives_a_letter_worth_sending():
    from followup_nlp import analyze

    letters, _ = write_letters(analyze(MESSY), sender="Sam Ortiz")
    kenji = next(x for x in letters if x.recipient == "Kenji Tanaka")
    assert kenji.body.startswith("Dear Kenji,") and kenji.medium == "handwritten"
    assert "our conversation about sourdough." in kenji.body  # no "about with sourdough"
    assert "you liked my migration writeup" in kenji.body  # "he liked", after a line on Priya
    assert "fully explained my on-call experience" in kenji.body
    priya = next(x for x in letters if x.recipient == "Priya")
    assert priya.role == "support" and priya.medium == "email" and priya.subject


RIDGEWAY = """tue 11/17 — Ridgeway Water District — asset analyst — 2nd round, onsite
1. Folake Adebanjo, Ops Director — GIS layers, how i'd prioritize pipe replacement
2. Tom Becker, sr engineer — hydraulic modeling
- folake goes birding every weekend at the reservoir, she had binoculars on her desk lol
- the sr engineer restores old Land Rovers, his whole garage is parts
"""


def test_an_activity_is_not_noticed_in_an_office_and_the_title_finds_the_restorer():
    analysis = analyze(RIDGEWAY, today=date(2026, 11, 17))
    cues = {i.holder: i.cue for i in analysis.interests}
    assert cues.get("Folake Adebanjo") == "said"
    letters, _ = write_letters(analysis, sender="Sam Okoro")
    by_name = {x.recipient: x.body for x in letters}
    assert "in your office" not in by_name["Folake Adebanjo"]
    assert "Land Rovers" in by_name["Tom Becker"]


VELDT = """Onsite @ Veldt Biologics (Research Associate II), Thurs 11/19
- Yusuf Demir (postdoc) showed me the confocal room. he's training for the Berlin marathon next
  spring, runs before work every day
- Ilse Brandvold - Sr Lab Manager. asked about inventory + SOPs
Ilse liked my cold-chain validation story.
should have explained my gap year better.
"""


def test_a_named_event_takes_its_article_and_a_gap_year_is_something_to_explain():
    letters, _ = write_letters(analyze(VELDT, today=date(2026, 11, 19)), sender="Sam Okoro")
    by_name = {x.recipient: x.body for x in letters}
    assert "our conversation about the Berlin marathon." in by_name["Yusuf Demir"]
    assert "fully explained my gap year" in by_name["Ilse Brandvold"]


HALCYON = """Halcyon Freight, ops analyst, 2nd round onsite thurs 12/3
- met w/ Deepa Krishnan (ops director) + Marcus Webb, sr analyst
- Marcus has a huge bonsai on his desk, been growing it for 11 yrs, also coaches his son's hockey team
"""


def test_an_office_cue_reaches_what_sits_on_the_desk_not_what_someone_coaches():
    analysis = analyze(HALCYON, today=date(2026, 12, 3))
    cues = {i.text: i.cue for i in analysis.interests if i.holder == "Marcus Webb"}
    assert cues and all(cue == "office" for text, cue in cues.items() if "bonsai" in text)
    assert all(cue == "said" for text, cue in cues.items() if "hockey" in text)
    letters, _ = write_letters(analysis, sender="Alex Moreno")
    body = next(x.body for x in letters if x.recipient == "Marcus Webb")
    assert "hockey team in your office" not in body and "the son's" not in body


ST_BRENDANS = """Interview recap — St. Brendan's Hospital, Patient Access Supervisor
Date: Nov 30 2026, panel, video (Teams)
Panel: dr. Okonkwo (director of patient access) and Lucia Ferreira-Santos - revenue cycle manager.
Dr Okonkwo said she loved my idea about the text check-in. She is a big fan of the Cleveland Guardians.
Her dad was a beekeeper in Portugal, Lucia said.
"""


def test_a_team_takes_its_article_and_a_doer_becomes_the_activity_in_the_letter():
    analysis = analyze(ST_BRENDANS, today=date(2026, 11, 30))
    letters, _ = write_letters(analysis, sender="Robin Hale")
    by_name = {x.recipient: x.body for x in letters}
    assert "about the Cleveland Guardians." in by_name["Okonkwo"]
    assert "article about Cleveland" not in by_name["Okonkwo"]
    assert "conversation about beekeeper" not in by_name["Lucia Ferreira-Santos"]
    assert "beekeeping" in by_name["Lucia Ferreira-Santos"]


def test_a_hobby_named_inside_a_groups_name_is_recalled_by_the_groups_name():
    analysis = analyze("Harbourside Credit Union, teller supervisor, video call Dec 4\n"
                       "- Olusegun Bakare - branch manager, asked about coaching tellers\n"
                       "- Olusegun - plays in the Tri-County Cricket League on sundays\n",
                       today=date(2026, 12, 4))
    letters, _ = write_letters(analysis, sender="Dana Ortiz")
    body = letters[0].body
    assert "about the Tri-County Cricket League." in body
    assert "about Cricket" not in body


def test_a_hobby_person_is_an_interest_and_the_letter_names_the_hobby_in_full():
    analysis = analyze("Ferncliff Software, QA engineer, onsite Dec 1\n"
                       "* Aisha Rahman (product mgr) asked about release sign-off\n"
                       "aisha: huge board game person, runs a monthly game night\n",
                       today=date(2026, 12, 1))
    assert any("board game" in i.text and i.holder == "Aisha Rahman" for i in analysis.interests)
    letters, _ = write_letters(analysis, sender="Sam Rivera")
    body = letters[0].body
    assert "board games" in body and "about board game." not in body


NORDHAVN = """Yesterday (Wednesday 2 Dec) I had the final interview at Nordhavn Logistics for Customer Success Manager. It was in their Aarhus office.
First I meet Henrik Larsen, he is Head of Customer Success. He ask me a lot about churn. I think I did not explain good my experience with Gainsight, I want to say more about this.
He told me he sails every weekend in summer. Mette Kjær from HR has a greyhound called Bolt.
"""  # noqa: E501  (a non-native writer's long lines, kept as written)


def test_after_a_final_round_the_letter_asks_for_no_second_interview_and_keeps_the_clarify():
    analysis = analyze(NORDHAVN, today=date(2026, 12, 3))
    assert (analysis.stage, analysis.channel) == ("final", "onsite")  # "called Bolt" is no call
    letters, _ = write_letters(analysis, sender="Ana Costa")
    body = next(x.body for x in letters if x.recipient == "Henrik Larsen")
    assert "second interview" not in body and "next steps" in body
    assert "fully explained my experience with Gainsight when we spoke" in body


def test_a_support_letter_thanks_for_help_without_claiming_the_person_scheduled_the_day():
    analysis = analyze(NORDHAVN, today=date(2026, 12, 3))
    letters, _ = write_letters(analysis, sender="Ana Costa")
    body = next(x.body for x in letters if x.recipient == "Mette Kjær")
    assert "arranging" not in body and "your help with my interview" in body


@pytest.mark.parametrize(("note", "spoken"), [
    ("Met Ana Ruiz (CFO), Tidewell Bank. she's a big Packers fan.", "the Green Bay Packers"),
    ("Met Ana Ruiz (CFO), Tidewell Bank. Ana is a massive Manchester United supporter.",
     "Manchester United"),
])
def test_a_fan_is_thanked_for_talking_about_the_team_not_about_a_big_fan(note, spoken):
    letters, _ = write_letters(analyze(note), sender="Ana Costa")
    body = letters[0].body
    assert f"our conversation about {spoken}." in body
    assert " fan" not in body and "supporter" not in body and "big Packers" not in body


def test_a_team_someone_is_a_fan_of_is_not_the_employer():
    analysis = analyze("Met Ana Ruiz (CFO). Ana is a die-hard Cubs fan, asked about my audits.")
    assert analysis.company is None
    assert [i.canonical for i in analysis.interests] == ["chicago cubs"]


COPPERLINE = """interview notes - Copperline Credit Union, member svcs supervisor, tues 11/17
- Renata Okonjo, branch mgr - asked abt my cash handling audits. she's into ballroom dancing
liked: my member NPS numbers
should have explained better: why I left Harbor FCU after 8 mos
next: 2nd round w/ the VP, maybe early Dec
"""


def test_a_round_the_note_says_is_coming_is_looked_forward_to_not_asked_for():
    analysis = analyze(COPPERLINE, today=date(2026, 11, 17))
    assert (analysis.stage, analysis.next_stage) == (None, "second")
    body = write_letters(analysis, sender="Jordan Reyes")[0][0].body
    assert "look forward to the next round" in body and "second interview" not in body
    assert "about the Member Services Supervisor position at Copperline Credit Union" in body
    assert "I fully explained why I left Harbor FCU when we spoke" in body


def test_without_a_next_round_after_a_first_round_the_letter_asks_for_a_second_interview():
    analysis = analyze(COPPERLINE.replace("next: 2nd round w/ the VP, maybe early Dec\n",
                                          "that was the 1st round\n"), today=date(2026, 11, 17))
    assert (analysis.stage, analysis.next_stage) == ("first", None)
    body = write_letters(analysis, sender="Jordan Reyes")[0][0].body
    assert "second interview" in body


BRACKENFIELD = """Wed Dec 2 — Brackenfield Water Authority, GIS Analyst II, on-site (2nd interview)

Dr. Yolanda Fitzgerald (GIS program manager) ran it. Her office had a framed nautical chart of Puget Sound. Also mentioned her son plays cello in the youth symphony.

Tomasz Krawiec, senior engineer, grilled me on spatial joins. When I mentioned I'd been to Kraków he lit up, his grandmother's pierogi ruskie recipe is apparently legendary, he makes 200 every Christmas Eve.

They liked my asset-management dashboard.
Wish I'd explained my Python automation work more clearly — I rambled.
"""  # noqa: E501  (prose paragraphs, kept as typed)


def test_a_relatives_pastime_stays_the_relatives_and_a_recipe_keeps_its_dish():
    analysis = analyze(BRACKENFIELD, today=date(2026, 12, 2))
    mentions = {i.holder: i.mention for i in analysis.interests if i.cue == "said"}
    assert mentions["Yolanda Fitzgerald"] == "your son's cello"  # never "you play cello"
    assert mentions["Tomasz Krawiec"] == "your grandmother's pierogi ruskie recipe"
    held = candidate_interests(pipeline.load()(BRACKENFIELD), parse_note(BRACKENFIELD, "note"))
    charts = {h.candidate.canonical for h in held if "chart" in h.candidate.span.text}
    assert charts == {"framed nautical chart of Puget Sound"}  # not "framing nautical chart"
    letters, _ = write_letters(analysis, sender="Sam Whitaker")
    assert all("you play cello" not in x.body for x in letters)


def test_what_the_panel_liked_and_a_misparsed_clarify_reach_every_letter():
    analysis = analyze(BRACKENFIELD, today=date(2026, 12, 2))
    assert [(r.text, r.person) for r in analysis.liked] == [("my asset-management dashboard",
                                                             None)]
    assert [r.text for r in analysis.clarify] == ["my Python automation work"]
    letters, _ = write_letters(analysis, sender="Sam Whitaker")
    assert len(letters) == 2
    for letter in letters:
        assert "liked my asset-management dashboard" in letter.body
        assert "explained my Python automation work" in letter.body


def test_a_team_no_list_knows_is_named_without_the_fan():
    analysis = analyze("Met Declan O'Rourke (store manager) at Pemberly Garden Centre. He's a "
                       "massive Liverpool fan, scarf on the wall.")
    assert [(i.canonical, i.mention) for i in analysis.interests] == [("Liverpool", "Liverpool")]


HALDEN = """---
sender: Priya Natarajan
company: Halden Biologics
position: QC Analyst II
date: 2026-12-01
---
# Halden Biologics — QC Analyst II (video, final round)

**Panel (Teams, 60 min)**
* Marcus Oyelaran – QC Manager. Asked about OOS investigations. Turns out we both do Brazilian jiu-jitsu! He's a purple belt, trains three nights a week.
* Dr. Helena Voss – Director of Quality. Behind her on the call: a wall of vinyl records and a turntable.

**Could have explained better:** my experience with LIMS migrations.
"""  # noqa: E501  (markdown bullets, kept as typed)


def test_a_markdown_label_takes_its_content_from_the_next_sentence():
    analysis = analyze(HALDEN)
    assert [r.text for r in analysis.clarify] == ["my experience with LIMS migrations"]
    letters, _ = write_letters(analysis)
    assert all("explained my experience with LIMS migrations" in x.body for x in letters)


def test_a_sport_is_never_sent_a_recipe_even_when_its_name_sounds_like_food():
    analysis = enrich(analyze(HALDEN))
    shared = next(i for i in analysis.interests if i.holder == "Marcus Oyelaran")
    assert shared.domain == "sport"
    assert shared.gift_ideas[0].category != "recipe"
    letters, _ = write_letters(analysis)
    assert "recipe" not in letters[0].body


VET = """grace harbor vet clinic - vet tech, tues 11/17 in person
met dr. imani booker (medical director) and sal ferraro (practice mgr)
- sal's dog bosco is a retired greyhound
- imani said her daughter just started fencing
- wish i'd explained my anesthesia monitoring better
- sal emailed me the schedule, said ok to follow up next fri
"""


def test_a_lowercase_note_gives_honorific_possessor_whole_remark_and_agreed_day():
    from followup_nlp import analyze
    from followup_nlp.letters.plan import build_plan
    from tests.conftest import TODAY

    analysis = analyze(VET, today=TODAY)
    assert analysis.company == "Grace Harbor Vet Clinic"
    letters, _ = write_letters(analysis, sender="Jordan Reyes")
    imani = next(x for x in letters if x.recipient == "Imani Booker")
    sal = next(x for x in letters if x.recipient == "Sal Ferraro")
    assert imani.body.startswith("Dear Dr. Booker,")  # "dr." typed lowercase, split off
    # what Sal said of her dog, whichever phrase the ranker prefers; never "about 's dog bosco"
    assert re.search(r"our conversation about (your dog bosco|retired greyhounds)\.", sal.body)
    assert "fully explained my anesthesia monitoring when" in sal.body
    # "next fri" said on Tuesday 11/17 is the Friday of the week after; check-ins follow it.
    sal_steps = [s.date for s in build_plan(analysis).steps if s.recipient == "Sal Ferraro"]
    assert sal_steps == ["2026-11-18", "2026-11-27", "2026-12-11", "2026-12-25", "2027-01-08"]


def test_a_lowercase_possessive_name_becomes_your():
    analysis = analyze("grace harbor vet clinic - vet tech, tues 11/17 in person\n"
                       "met sal ferraro (practice mgr)\n- sal's dog bosco is her whole world\n")
    letters, _ = write_letters(analysis, sender="Jordan Reyes")
    assert "our conversation about your dog bosco." in letters[0].body


@pytest.mark.parametrize(("line", "recalled"), [
    ("imani said her daughter just started fencing", "your daughter's fencing"),
    # (the possessor a name: "- imani's daughter" is "your daughter", never "- imani's daughter")
    ("imani's daughter does fencing, she's at a tournament this weekend", "your daughter's fencing"),
    ("his kids play lacrosse", "your kids' lacrosse"),
])
def test_a_pastime_a_relative_took_up_is_recalled_as_theirs(line, recalled):
    analysis = analyze("grace harbor vet clinic - vet tech, tues 11/17 in person\n"
                       f"met dr. imani booker (medical director)\n- {line}\n")
    letters, _ = write_letters(analysis, sender="Jordan Reyes")
    assert f"our conversation about {recalled}." in letters[0].body


@pytest.mark.parametrize(("phrase", "said"), [
    ("retired greyhound", "retired greyhounds"), ("vintage camera", "vintage cameras"),
    ("board game", "board games"), ("chess", "chess"), ("baseball", "baseball"),
    ("pottery", "pottery"), ("art", "art"), ("wine", "wine"), ("Chicago Cubs", "the Chicago Cubs"),
    ("her retired greyhound", "her retired greyhound"),
])
def test_a_bare_singular_thing_reads_plural_but_a_pastime_does_not(phrase, said):
    from followup_nlp.wording import with_article

    assert with_article(phrase) == said


def test_a_firm_named_like_a_plural_job_is_the_employer_not_the_position():
    from followup_nlp import analyze

    analysis = analyze("Tues 3 March — 1st interview, Harrow & Daley Accountants (Graduate "
                       "Accountant)\nMet Morag Lindqvist, Associate Director.\n", gifts=False)
    assert (analysis.company, analysis.position) == ("Harrow & Daley Accountants",
                                                     "Graduate Accountant")


@pytest.mark.parametrize(("text", "phrase", "said"), [
    ("Morag keeps a framed map of the Faroe Islands by her desk; she has always wanted to sail "
     "round them.", "sail round them", "sail round the Faroe Islands"),
    ("Morag's twins are at college now, she misses driving them to hockey.",
     "driving them to hockey", "driving the twins to hockey"),
    ("Morag said she loves them.", "loves them", "love them"),
])
def test_them_in_a_quoted_phrase_becomes_the_things_it_stands_for(text, phrase, said):
    from followup_nlp.extract.interests import _second_person
    from followup_nlp.pipeline import load

    doc = load()(text)
    start = text.index(phrase)
    assert _second_person(doc.char_span(start, start + len(phrase))) == said


def test_a_fan_line_a_trip_made_and_a_liked_idea_read_as_a_person_would_write_them():
    note = ("2nd round @ Halvorsen Marine Supply - Parts Counter Supervisor - thurs 12/3\n"
            "ppl: Dag Halvorsen (owner), Leticia Ampofo (ops mgr)\n"
            "- Dag: huge Liverpool supporter, scarf pinned over the door\n"
            "- Leticia just got back from Zanzibar, said she's planning to go back next yr\n"
            "- she liked my idea for bin labels w/ QR codes\n")
    analysis = analyze(note, today=date(2026, 12, 3))
    held = {(i.holder, i.text, i.cue) for i in analysis.interests}
    assert ("Dag Halvorsen", "Liverpool", "said") in held  # not "Dag: huge Liverpool"
    assert ("Leticia Ampofo", "Zanzibar", "said") in held  # been there: not "always wanted to"
    letters, _ = write_letters(analysis, sender="Marcus Bell")
    body = next(x.body for x in letters if x.recipient == "Leticia Ampofo")
    assert "you liked my idea for bin labels with QR codes." in body
    assert "always wanted" not in body


def test_a_lifelong_supporter_and_a_pen_named_like_a_trip_read_right():
    note = ("Video interview - Kestrel Community Credit Union, Member Services Rep, Nov 30 2026\n"
            "* Ms. Gloria Fenn - Branch Manager\n* Tobias Lindqvist, AVP Lending\n"
            "* She is a lifelong Arsenal supporter and her kid plays U12 for the local club.\n"
            "* Tobias collects fountain pens, there was a Lamy Safari in his shirt pocket.\n")
    analysis = analyze(note, today=date(2026, 11, 30))
    assert not any(i.text == "Safari" for i in analysis.interests)  # a pen, not wildlife
    letters, _ = write_letters(analysis, sender="Ama Owusu")
    body = next(x.body for x in letters if x.recipient == "Gloria Fenn")
    assert "about Arsenal." in body and "lifelong Arsenal" not in body


@pytest.mark.parametrize(("line", "due"), [
    ("- decision by Dec 4. Peg said feel free to reach out w/ questions", "2026-12-04"),
    ("- should hear back by Friday", "2026-11-20"),
    ("- they'll decide within two weeks", "2026-12-01"),
    ("- offers go out 12/10", "2026-12-10"),
    ("- she'll let me know by Dec 1", "2026-12-01"),
])
def test_check_ins_stop_at_the_decision_the_note_gives_then_one_if_no_news(line, due):
    from followup_nlp.letters.plan import build_plan

    analysis = analyze("Tue 11/17, onsite w/ Peg Walsh (Director of Planning) at Lakeshore Transit\n"
                       f"- Peg collects old streetcar tokens\n{line}\n", today=date(2026, 11, 17))
    assert analysis.decision_date == due
    check_ins = [s for s in build_plan(analysis).steps if "check-in" in s.action]
    assert check_ins and all(s.date < due for s in check_ins[:-1])
    assert check_ins[-1].date > due and "no news" in check_ins[-1].action
    letters, _ = write_letters(analysis, check_ins=3)
    dated = [x.send_by for x in letters if x.kind == "check_in"]
    assert dated == [s.date for s in check_ins]


def test_without_a_decision_date_check_ins_go_on_every_two_weeks():
    analysis = analyze("Tue 11/17, onsite w/ Peg Walsh (Director of Planning) at Lakeshore "
                       "Transit\n- Peg collects old streetcar tokens\n", today=date(2026, 11, 17))
    assert analysis.decision_date is None
    letters, _ = write_letters(analysis, check_ins=3)
    assert [x.send_by for x in letters if x.kind == "check_in"] == \
        ["2026-12-01", "2026-12-15", "2026-12-29"]


def test_the_person_emailed_is_found_by_pronoun_not_by_who_was_named_last():
    analysis = analyze("phone screen today (wed 12/2) for the Grants Coordinator job at Riverbend "
                       "Community Foundation.\n"
                       "talked to dr. anita okonkwo, she's VP of programs. my old professor Len "
                       "Farber referred me, he's on their board.\n"
                       "i emailed her my writing sample yesterday.\n", today=date(2026, 12, 2))
    assert analysis.email_used == ("Anita Okonkwo",)
    media = {x.recipient: x.medium for x in write_letters(analysis)[0]}
    assert media == {"Anita Okonkwo": "email", "Len Farber": "handwritten"}


def test_an_event_of_theirs_named_bare_is_recalled_as_theirs():
    analysis = analyze("Phone screen w/ Anita Osei (VP of Programs), 12/2.\n"
                       "- small talk: she just got back from a birding trip to Costa Rica\n",
                       today=date(2026, 12, 2))
    body = write_letters(analysis)[0][0].body
    assert "our conversation about your birding trip." in body


@pytest.mark.parametrize(("line", "follow_up", "due"), [
    ("Keisha said they'd decide by Dec 11 and it's fine to email her with questions.", None,
     "2026-12-11"),
    ("Keisha said it's fine to email her on Dec 9, they decide by Dec 11.", "2026-12-09",
     "2026-12-11"),
    ("decision by Dec 11, she said to email her Dec 12 if nothing", "2026-12-12", "2026-12-11"),
])
def test_a_date_belongs_to_the_decision_or_to_the_follow_up_it_is_written_with(line, follow_up,
                                                                                due):
    analysis = analyze(f"Final round w/ Keisha Banerjee (Director), Mon 11/30.\n{line}\n",
                       today=date(2026, 11, 30), gifts=False)
    assert (analysis.follow_up_agreed, analysis.follow_up_date, analysis.decision_date) == \
        (True, follow_up, due)


FENWICK = """Mon 30 Nov - 1st round at Fenwick & Hale for the Junior Quantity Surveyor role. in person.
Interviewers were Callum Brennan (Senior QS) and Dr Funmilayo Adeyemi, Commercial Director.
Callum went through my take-off exercise. He's mad about fell running, did the Bob Graham Round \
last June. Said i could drop him an email if I had questions.
I waffled on the JCT question - need to clarify the difference between design & build and \
traditional procurement.
They'll let me know by Friday 11th.
"""


def test_a_british_note_an_event_named_after_a_person_and_a_day_without_its_month():
    analysis = analyze(FENWICK, today=date(2026, 11, 30))
    assert [p.name for p in analysis.people] == ["Callum Brennan", "Funmilayo Adeyemi"]
    assert [i.holder for i in analysis.interests] == ["Callum Brennan"]  # not "Bob Graham"
    assert analysis.email_used == ()  # "could drop him an email" is leave, not use
    assert [r.text for r in analysis.clarify] == \
        ["the difference between design & build and traditional procurement"]
    assert analysis.decision_date == "2026-12-11"  # Friday 11th, not the coming Friday


def test_an_email_address_is_not_email_used_and_they_will_call_by_the_10th_is_the_decision():
    analysis = analyze("mercy hospital, RN med/surg nights, interview thurs 12/3\n"
                       "met w/ nurse mgr tamika jefferson. she's super into gardening\n"
                       "tamika said they'll call by the 10th. i have her email from the recruiter.\n",
                       today=date(2026, 12, 3))
    assert analysis.email_used == ()
    assert analysis.decision_date == "2026-12-10"
    assert write_letters(analysis)[0][0].medium == "handwritten"


def test_the_interview_date_stays_when_the_same_line_says_when_they_will_call():
    analysis = analyze("2nd rd w/ Shira Katz (dir of resident life) @ Bramblewood, onsite 4/22 - "
                       "garden club budgets, the new memory care wing; she'll call by fri\n",
                       today=date(2026, 4, 22))
    assert analysis.interview_dates == ("2026-04-22",)
    assert analysis.decision_date == "2026-04-24"


def test_a_header_typed_in_capitals_is_written_as_names_are():
    from followup_nlp.wording import unshouted

    analysis = analyze("WEEK OF 11/16 - CASCADE LOGISTICS, OPS ANALYST\n"
                       "Thu 11/19 onsite w/ Marcus Webb, Dir. of Network Planning. He's restoring "
                       "a 1967 Mustang in his garage.\n", today=date(2026, 11, 19))
    body = write_letters(analysis)[0][0].body
    assert "about the Operations Analyst position at Cascade Logistics." in body
    assert [unshouted(x) for x in ("VP OF SALES", "AT&T FIELD TECH", "O'NEIL & SONS", "IBM")] == \
        ["VP of Sales", "AT&T Field Tech", "O'Neil & Sons", "IBM"]


def test_a_follow_up_agreed_with_the_coordinator_is_planned_for_her():
    from followup_nlp.letters.plan import build_plan

    analysis = analyze("Brightwater Credit Union, Member Services Supervisor, Thurs Dec 3, onsite\n"
                       "Panel: Gloria Mendes (Branch Mgr), Tyrone Oduya (Regional Ops), and HR "
                       "person Kim something who set it all up.\n"
                       "- Gloria restores old pinball machines in her garage\n"
                       "- Kim said decision by the 18th, fine to email her with questions.\n",
                       today=date(2026, 12, 6))
    assert [(p.name, p.role) for p in analysis.people] == [
        ("Gloria Mendes", "interviewer"), ("Tyrone Oduya", "interviewer"), ("Kim", "support")]
    agreed = [(s.date, s.recipient) for s in build_plan(analysis).steps
              if s.action.startswith("follow up on the agreed date")]
    assert agreed == [("2026-12-18", "Kim")]


SALTMARSH = """Video interview - Tuesday, December 1 - Saltmarsh Conservancy - Volunteer Program Manager
Interviewers: Dr. Aroha Ngata (Executive Director) and Félix Beaulieu (Land Steward)
Félix mostly asked about tool safety. He runs a light trap every Friday night and posts the \
counts to iNaturalist. He also mentioned his partner is training for the Montreal marathon.
I wish I'd talked more about the grant reporting I did.
"""


def test_their_own_pastime_comes_before_a_relatives_and_a_wish_names_what_to_clarify():
    analysis = analyze(SALTMARSH)
    marathon = next(i for i in analysis.interests if "marathon" in i.text)
    assert marathon.mention == "your partner's Montreal marathon"
    letters, _ = write_letters(analysis, sender="Riley Tan")
    felix = next(x for x in letters if x.recipient == "Félix Beaulieu")
    assert "marathon" not in felix.body and "iNaturalist" in felix.body
    assert "fully explained the grant reporting I did" in felix.body


def test_a_pastime_being_learnt_is_recalled_as_being_learnt_and_keeps_its_article():
    analysis = analyze("Video call 12/1 with Dr. Aroha Ngata (Executive Director).\n"
                       "She's been learning to play the ukulele for about a year.\n")
    letters, _ = write_letters(analysis, sender="Riley Tan")
    assert "hearing that you are learning to play the ukulele." in letters[0].body
    assert "an article about the ukulele" in letters[0].body


def test_in_a_note_of_several_days_each_thank_you_is_due_the_day_after_that_person_was_met():
    from followup_nlp.letters.plan import build_plan

    analysis = analyze("mon 11/30 - phone screen w/ recruiter jen at copperline hvac. she has a "
                       "corgi named waffles\n"
                       "thurs 12/3 - onsite at copperline. met rick alvarez (service mgr). he "
                       "builds and flies fpv drones\n"
                       "they liked that i speak spanish\n", today=date(2026, 12, 6))
    assert [(p.name, p.met_on) for p in analysis.people] == [
        ("Jen", "2026-11-30"), ("Rick Alvarez", "2026-12-03")]
    letters, _ = write_letters(analysis, sender="Dee Walker")
    assert [(x.recipient, x.send_by) for x in letters if x.kind == "thank_you"] == [
        ("Jen", "2026-12-01"), ("Rick Alvarez", "2026-12-04")]
    # the panel on Thursday liked it; Jen, on the phone on Monday, was not there
    assert [("speak spanish" in x.body) for x in letters if x.kind == "thank_you"] == [False, True]
    thanks = [(s.recipient, s.date) for s in build_plan(analysis).steps
              if s.action.startswith("send the thank-you")]
    assert sorted(thanks) == [("Jen", "2026-12-01"), ("Rick Alvarez", "2026-12-04")]
    # a note of one day names no day per person
    assert analyze("Onsite 12/3, met Rick Alvarez (service mgr).\n").people[0].met_on is None


def test_a_date_inside_a_sentence_opens_no_day_and_a_later_mention_is_the_day_met():
    background = analyze("Final round today, Thurs 26 Feb, at Vantor Aerospace.\n"
                         "Recruiter = Derek Fong; he did the 20 min screen on 2/11.\n"
                         "Met Haruto Sato (Sr Mfg Eng Manager), he builds model trains.\n",
                         today=date(2026, 3, 1))
    assert [p.met_on for p in background.people] == [None, None]
    told = analyze("[Mon 11/16, phone] screen w/ Dorcas Mensah (HR). She said I'd meet Ottoline "
                   "Baptiste next.\n"
                   "[Thu 11/19, onsite] Ottoline (exhibits mgr) builds wooden automata at home.\n",
                   today=date(2026, 11, 20))
    # (NER calls "Ottoline Baptiste" an ORG; "meet" before a known given name says a person)
    assert [(p.name, p.met_on) for p in told.people] == [
        ("Dorcas Mensah", "2026-11-16"), ("Ottoline Baptiste", "2026-11-19")]


def test_one_who_does_it_is_recalled_by_what_they_do_never_in_a_plural():
    # "Teo is a birder", "she's a big board gamer": the pastime, never "being a birders" or
    # "our conversation about board gamers"
    analysis = analyze("Met Teodoro Villanueva (Branch Manager), Dec 1, onsite.\n"
                       "- Teo is a birder, he goes out to the marsh every Saturday morning\n"
                       "Met Ngozi Adeyemi-Clarke (Head of Data) after.\n"
                       "- she's a big board gamer, mentioned Terraforming Mars\n")
    letters, _ = write_letters(analysis, sender="Alex Kim")
    bodies = [letter.body for letter in letters]
    assert "our conversation about birdwatching." in bodies[0]
    assert "our conversation about board games." in bodies[1]
    assert not any("birders" in b or "gamers" in b for b in bodies)


def test_the_one_who_did_the_intro_is_thanked_as_support_though_the_parser_hangs_the_clause_early():
    analysis = analyze(
        "Pelican Bay Credit Union, Member Services Supervisor, Tues 12/1, onsite\n\n"
        "Panel: Rosalind Achterberg (VP Member Experience), Teodoro \"Teo\" Villanueva (Branch "
        "Manager), and Priyanka from HR who did the intro.\n"
        "- Rosalind asked a lot about how I handle upset members.\n")
    roles = {p.name: p.role for p in analysis.people}
    assert roles == {"Rosalind Achterberg": "interviewer", "Teodoro Villanueva": "interviewer",
                     "Priyanka": "support"}


def test_what_someone_liked_on_the_first_day_reaches_their_letter_though_they_were_met_again():
    analysis = analyze(
        "11/23 - video interview w/ Ngozi Adeyemi-Clarke, Head of Data @ Quillfeather\n"
        "- went deep on my churn model, Ngozi liked the survival analysis approach\n"
        "11/25 - 2nd round, onsite w/ Tomasz Wieczorek (Staff DS) + Ngozi again\n"
        "- whiteboard on A/B test design\n")
    letters, _ = write_letters(analysis, sender="Alex Kim")
    ngozi = next(x for x in letters if x.recipient == "Ngozi Adeyemi-Clarke")
    assert "you liked the survival analysis" in ngozi.body


def test_a_tangible_gift_the_writer_plans_is_never_recalled_as_their_interest():
    text = ("Interview with Luis Ortega (Director of Food & Beverage), Friday 12/4.\n"
            "He also surfs most mornings before his shift.\n"
            "Going to send him a bottle of mezcal as a thank you\n")
    analysis = analyze(text)
    assert "mezcal" not in [i.text for i in analysis.interests]
    assert any("mezcal" in w for w in analysis.warnings)  # the guard still warns
    letters, _ = write_letters(analysis, sender="Alex Kim")
    assert "mezcal" not in letters[0].body


def test_a_word_that_starts_like_a_month_is_no_date():
    analysis = analyze("Calder Ridge Winery - tasting room associate, onsite, 19 of April\n"
                       "Bernard only talk maybe 10 minutes because they are bottling today.\n",
                       today=date(2026, 4, 20))
    assert analysis.interview_dates == ("2026-04-19",)


def test_a_date_the_parser_split_at_the_start_of_a_line_is_still_read():
    analysis = analyze("The Larkspur Hotel - Front Office Manager\n"
                       "2 Oct, video (Google Meet), first round, 40 min\n"
                       "met Mehmet Yildirim (GM)\n", today=date(2026, 10, 3))
    assert analysis.interview_dates == ("2026-10-02",)


def test_a_date_without_its_year_is_read_in_the_notes_own_year():
    analysis = analyze("Halden Bio - Research Associate II\n"
                       "2025-01-22 Wed, video (Teams), 1st round tech screen\n"
                       "HM: Dr. Ingrid Solberg-Matsuda, Principal Scientist\n"
                       "Ingrid said feel free to email her directly end of next week (~1/31)\n",
                       today=date(2026, 12, 7))
    assert analysis.interview_dates == ("2025-01-22",)
    assert analysis.follow_up_date == "2025-01-31"


def test_a_pasted_emails_header_is_not_the_notes_and_the_email_names_the_employer():
    analysis = analyze("---------- Forwarded message ---------\n"
                       "From: Brenda Kwiatkowski <bk@altair-pc.com>\n"
                       "Subject: Onsite Interview Confirmation - Quality Engineer III\n\n"
                       "Hi Jordan,\n\nThank you for your interest in Altair Precision Components. "
                       "I'm pleased to confirm your final-round onsite interview.\n"
                       "my notes: met Anil Raghunathan (QE Manager). Collette's husband works "
                       "at Spirit.\n", gifts=False)
    assert analysis.company == "Altair Precision Components"


def test_a_pastime_told_in_the_past_tense_is_recalled_as_a_clause():
    note = ("March 27 - final round, onsite panel at Cedar Valley USD. HS Chemistry Teacher.\n"
            "Panel: Gareth Llewellyn (Asst. Superintendent, HR)\n"
            "- Gareth rang a full peal on Sunday - he's a church bell ringer (change ringing), "
            "three hours straight, arms still sore\n")
    letters, _ = write_letters(analyze(note, today=date(2026, 3, 27)), sender="Jordan Reyes")
    assert "you rang a full peal" in letters[0].body
    assert "about rang" not in letters[0].body


def test_dont_follow_up_before_a_date_is_leave_from_that_date_for_the_whole_panel():
    from followup_nlp.letters.plan import build_plan

    analysis = analyze("March 27 - final round, onsite panel at Cedar Valley USD. Chemistry "
                       "Teacher.\nPanel: Nkechi Obi (principal), Gareth Llewellyn (Asst. "
                       "Superintendent, HR)\nFollow-up: Nkechi said the board approves hires on "
                       "the 3rd Tuesday (April 15), so don't follow up before then.\n",
                       today=date(2026, 3, 27))
    assert (analysis.follow_up_agreed, analysis.follow_up_date) == (True, "2026-04-15")
    contacts = [s for s in build_plan(analysis).steps if "thank-you" not in s.action]
    assert contacts and min(s.date for s in contacts) == "2026-04-15"


def test_ok_to_follow_up_next_week_is_a_week_after_the_interview_in_the_plan():
    from followup_nlp.letters.plan import build_plan

    analysis = analyze("Tues 12/1 - onsite @ Brightline Robotics, 2nd round\n"
                       "met w/ Hana Kobayashi (Dir. of Engineering)\n"
                       "- Hana said they'd decide by Dec 15, ok to follow up next week\n",
                       today=date(2026, 12, 7))
    assert (analysis.follow_up_agreed, analysis.follow_up_date) == (True, "2026-12-08")
    assert ("2026-12-08", "Hana Kobayashi") in [(s.date, s.recipient)
                                               for s in build_plan(analysis).steps]
    late = analyze("Tues 12/1 - onsite @ Brightline Robotics\nmet w/ Hana Kobayashi (Dir. of "
                   "Engineering)\n- Hana said fine to ping her end of next week if no word\n",
                   today=date(2026, 12, 7))
    assert late.follow_up_date == "2026-12-11"  # the Friday of the week after


def test_a_round_that_may_come_is_not_how_this_one_went():
    analysis = analyze("Phone screen today (Monday, June 3) with Hector Valdes, Deputy Director of "
                       "Public Works, for the Grants Coordinator position. Tamsin Orr from HR "
                       "scheduled it and said this is the first round; if I move forward there's "
                       "an in-person panel. The call was about 35 minutes.\n",
                       today=date(2026, 6, 3), gifts=False)
    assert (analysis.channel, analysis.stage) == ("phone", "first")


def test_a_remark_never_ends_in_a_bracket_it_opened():
    analysis = analyze("Northfield State University - Admissions Counselor, round 2 on Teams\n"
                       "Aino Virtanen - Associate Director\n"
                       "- Wish I'd been clearer that I CAN do the Sept–Nov travel season (6-7 "
                       "weeks away). I hedged about my lease.\n")
    assert [r.text for r in analysis.clarify] == ["the Sept–Nov travel season"]
    letters, _ = write_letters(analysis, sender="Jordan Reyes")
    assert "season (" not in letters[0].body


def test_a_bare_number_is_nothing_to_clarify():
    analysis = analyze("Halvorsen Aerospace - CNC Machinist - 2nd round, on-site\n"
                       "Karthik Subramanian - plant manager\n"
                       "- I undersold my 5-axis hours. should have said ~3,200 hrs\n")
    assert all(any(c.isalpha() for c in r.text) for r in analysis.clarify)
    letters, _ = write_letters(analysis, sender="Jordan Reyes")
    assert "explained ~3,200" not in letters[0].body


def test_a_group_they_belong_to_is_theirs_and_an_article_covers_such_groups():
    # not "our conversation about community choir" / "an article about community choir"
    analysis = analyze("Interview - Halvard Logistics, dispatcher - Mon 12/7\n"
                       "met Greta Lund (ops mgr)\n"
                       "- Greta sings in a community choir, they have a concert in Dec\n",
                       today=date(2026, 12, 7))
    letters, _ = write_letters(analysis, sender="Alex Kim")
    body = letters[0].body
    assert "our conversation about your community choir" in body
    assert "an article about community choirs" in body


def test_a_remark_whose_last_noun_the_parser_read_as_a_verb_is_kept_whole():
    # "my SQL window functions answer": "answer" tagged a verb whose subject is the rest
    analysis = analyze("Video call w/ Priya Raman (analytics lead) at Brightwater, 11/19\n"
                       "- I wish I had explained my SQL window functions answer better.\n",
                       today=date(2026, 11, 19))
    assert [r.text for r in analysis.clarify] == ["my SQL window functions answer"]
