"""People: names merged across mentions, nicknames kept for the greeting."""

from __future__ import annotations

import pytest

from followup_nlp import analyze
from followup_nlp.letters.compose import greeting


def _roles(analysis) -> dict[str, str]:
    """Each person found, by name, with their role."""
    return {p.name: p.role for p in analysis.people}


def test_nickname_in_parentheses_joins_the_full_name_and_later_mentions():
    analysis = analyze("Interview at Lumen Freight, Nov 3\n"
                       "- met Chukwuemeka (Emeka) Obi, VP Ops, and Sarah Chen (HR)\n"
                       "- Emeka is really into birdwatching\n")
    people = {p.name: p for p in analysis.people}
    assert set(people) == {"Chukwuemeka Obi", "Sarah Chen"}
    assert people["Chukwuemeka Obi"].title == "VP Ops"
    assert people["Chukwuemeka Obi"].goes_by == "Emeka"
    assert [i.holder for i in analysis.interests] == ["Chukwuemeka Obi"]
    assert greeting(people["Chukwuemeka Obi"], "warm") == "Dear Emeka,"
    assert greeting(people["Chukwuemeka Obi"], "formal") == "Dear Chukwuemeka Obi,"


def test_quoted_nickname_is_a_nickname_but_a_place_in_parentheses_is_not():
    analysis = analyze('Zoom w/ Robert "Bobby" Tran (Director of Ops) and the Dallas (Texas) '
                       "Branch staff\n- Bobby loves chess\n")
    assert [(p.name, p.goes_by) for p in analysis.people] == [("Robert Tran", "Bobby")]


def test_an_honorific_and_a_hyphenated_surname_find_the_person_named_in_full_earlier():
    analysis = analyze("Onsite at Dunmore Freight, Mar 4. Met Adaeze Okafor-Reid (COO) and "
                       "Piotr Nowak (HR).\nPiotr walked me through benefits.\n"
                       "Ms. Okafor-Reid's office had a cabinet of antique brass compasses, "
                       "her late father's collection.\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Adaeze Okafor-Reid", "Piotr Nowak"]
    assert [i.holder for i in analysis.interests] == ["Adaeze Okafor-Reid"]


def test_a_hyphenated_given_name_with_its_title_is_a_person_not_the_company():
    analysis = analyze("Panel: Marie-Claude Roux (principal), Halvard Berg (assistant principal)\n"
                       "- Halvard asked about classroom management\n", gifts=False)
    assert {p.name for p in analysis.people} == {"Marie-Claude Roux", "Halvard Berg"}
    assert analysis.company is None


def test_she_in_an_unnamed_line_points_back_past_a_man_named_in_between():
    analysis = analyze("Video call with Ingrid Solheim (Director) and Marco Bianchi (Lead).\n"
                       "Ingrid asked about budgets and she pushed on my forecasting.\n"
                       "Marco asked about code review, he was friendly.\n"
                       "Her background was a wall of ribbons; she shows Icelandic horses at "
                       "regional competitions.\n", gifts=False)
    assert analysis.interests
    assert {i.holder for i in analysis.interests} == {"Ingrid Solheim"}


def test_a_title_after_a_dash_list_ends_at_the_dash_and_the_title_later_names_its_holder():
    analysis = analyze("Quorra Analytics, onsite final\n"
                       "1. Ifeoma Danjuma, VP Data — architecture, streaming vs batch\n"
                       "2. Lars Holm, recruiter — comp, relocation\n"
                       "- the VP restores old motorcycles, showed me a photo of a 1972 Norton\n",
                       gifts=False)
    titles = {p.name: p.title for p in analysis.people}
    assert titles == {"Ifeoma Danjuma": "VP Data", "Lars Holm": "recruiter"}
    assert [i.holder for i in analysis.interests] == ["Ifeoma Danjuma"]


def test_the_title_as_an_object_is_not_taken_for_the_next_sentences_she():
    analysis = analyze("Scheduler: Nkechi, she let me in and we waited for the manager.\n"
                       "She's obsessed with growing orchids.\n"
                       "Interviewer: Tomasz Wojcik, Coding Manager\n", gifts=False)
    assert [i.holder for i in analysis.interests] == ["Nkechi"]


def test_a_company_in_the_header_line_is_not_a_person_even_beside_a_job_title():
    analysis = analyze("Oct 21 (Wed) — Lakeshore Regional Transit — service planning analyst — "
                       "1st round, at the Fremont Yard office\n\n"
                       "Kenji Ellwood runs service planning and would be my boss.\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Kenji Ellwood"]


def test_an_author_the_two_of_us_love_is_talked_about_not_met():
    analysis = analyze("Zoom w/ Ngozi Eze (managing editor), 3/4\n"
                       "- she asked what I'm reading — we both love Terry Pratchett, she's "
                       "rereading the whole Discworld series\n"
                       "- thanked Maria at the front desk on the way out\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Ngozi Eze", "Maria"]


def test_a_numbered_list_mark_is_not_the_title_of_the_person_after_it():
    analysis = analyze("Ostrander Bio, onsite\n"
                       "1. Dr. Ana Ruiz (CSO) — budget, vendors. she launches model rockets lol\n"
                       "2. Peter Lis (postdoc) — scheduling the confocal\n"
                       "3. Mei Chou (research assoc) — SOPs\n", gifts=False)
    titles = {p.name: p.title for p in analysis.people}
    assert titles["Ana Ruiz"] == "CSO"
    assert set(titles) == {"Ana Ruiz", "Peter Lis", "Mei Chou"}
    assert not any(t and t.strip(". ").isdigit() for t in titles.values()), titles


def test_what_follows_a_name_in_brackets_or_after_a_dash_is_their_role_even_unlisted():
    analysis = analyze("Onsite at Veldt Biologics, Feb 9\n"
                       "- Yusuf Demir (postdoc), Ilse Brandvold (research assoc), "
                       "Oskar Lund (ops/HR)\n"
                       "- Tanvi Rao - Sr Hydrogeologist\n"
                       "- Yusuf asked about the confocal schedule\n", gifts=False)
    titles = {p.name: p.title for p in analysis.people}
    assert titles == {"Yusuf Demir": "postdoc", "Ilse Brandvold": "research assoc",
                      "Oskar Lund": "ops/HR", "Tanvi Rao": "Sr Hydrogeologist"}


def test_a_place_in_brackets_is_not_a_person_and_a_hobby_noun_is_not_a_title():
    analysis = analyze("Call with Marta Solis (Branch Manager), Oct 2\n"
                       "- she talked about Moab (jeep trip every spring)\n"
                       "- Marta is a runner, does trail races\n", gifts=False)
    assert [(p.name, p.title) for p in analysis.people] == [("Marta Solis", "Branch Manager")]


def test_a_title_stated_in_a_sentence_of_its_own_is_the_persons_title():
    analysis = analyze("Second round at Kettle Row Foods, Jan 14. Met Oren Falk and Dana Reyes "
                       "and Priti Shah.\nOren is the warehouse lead. Dana Reyes, she is the "
                       "plant manager. The recruiter is Priti Shah.\n", gifts=False)
    titles = {p.name: p.title for p in analysis.people}
    assert titles == {"Oren Falk": "warehouse lead", "Dana Reyes": "plant manager",
                      "Priti Shah": "recruiter"}


def test_a_name_with_two_particles_stays_one_person_and_a_mail_header_is_not_one():
    analysis = analyze("Subject: Finance Analyst II - onsite Tue 3/3\n"
                       "You're confirmed with Johanna van der Meer (Finance Director) at 10.\n",
                       gifts=False)
    assert [(p.name, p.title) for p in analysis.people] == [
        ("Johanna van der Meer", "Finance Director")]


def test_the_sentence_after_a_name_that_goes_on_with_she_counts_for_the_role():
    analysis = analyze("Onsite at Lindgren Hotels, Apr 2.\nI meet two person. First is Mr. Aurelio "
                       "Costa, he is General Manager. Second person is Mrs. Min-ji Kang from HR. "
                       "She ask me about my visa and the night shift.\n", gifts=False)
    people = {p.name: (p.title, p.role) for p in analysis.people}
    assert people == {"Aurelio Costa": ("General Manager", "interviewer"),
                      "Min-ji Kang": ("HR", "interviewer")}


def test_a_name_that_only_describes_a_thing_is_talked_about_not_met():
    analysis = analyze("Final at Corliss Pharmacy, Dec 3. Met Renata Oyelaran (pharmacy manager).\n"
                       "She has a shelf of Harry Potter books and rereads them every winter.\n",
                       gifts=False)
    assert [p.name for p in analysis.people] == ["Renata Oyelaran"]


@pytest.mark.parametrize(("note", "company", "names"), [
    pytest.param("Larkfield Minerals - payroll officer. Zoom 1st round w/ Moira Keane "
                 "(payroll manager), 11/10. Qs on Single Touch Payroll and timesheets. "
                 "Moira runs ultras on weekends.\n",
                 "Larkfield Minerals", ["Moira Keane"],
                 id="a prose note that opens like a header names the employer"),
    pytest.param("Notes for me - interview at Grupo Logístico Cerro de la Silla, position: "
                 "Supply Chain Planner.\nI talked with Lic. Alejandro Garza, Supply Chain "
                 "Director. He ask me about S&OP.\n",
                 "Grupo Logístico Cerro de la Silla", ["Alejandro Garza"],
                 id="an employer named with particles is whole"),
])
def test_the_employer_is_found_whole_and_is_not_a_person(note, company, names):
    analysis = analyze(note, gifts=False)
    assert analysis.company == company
    assert [p.name for p in analysis.people] == names


@pytest.mark.parametrize(("note", "company"), [
    pytest.param("brookside tile & stone -> estimator, thurs 5/7 at the showroom\n"
                 "talked w/ wendell price (sales mgr). he restores old jukeboxes\n",
                 "Brookside Tile & Stone", id="a lowercase header names the employer before the job"),
    pytest.param("Mar 3 (Tue) — Halloway Water District — GIS analyst — panel, at the Pine St "
                 "annex\nMet Dolores Quan (GIS mgr) and Ike Barros (HR).\n",
                 "Halloway Water District", id="the employer before the job beats a place after 'at'"),
    pytest.param("Cedarline Mutual, underwriting assistant. Teams w/ Noor Haddad, underwriting "
                 "mgr, 6/9.\nNoor asked about my Excel skills.\n",
                 "Cedarline Mutual", id="a prose first line opens with the employer and the job"),
    pytest.param("phone screen w/ Ana Lima (permitting lead), 3/3\n"
                 "- asked about CZM consistency reviews and site plans\n",
                 None, id="what the interview was about is not the employer"),
    pytest.param("call with Priya Nair (QA lead) on 4/2\n- she grilled me on Jira workflows\n",
                 None, id="a job title's department is not the employer"),
])
def test_the_employer_from_how_notes_open(note, company):
    assert analyze(note, gifts=False).company == company


def test_the_writers_family_the_note_is_written_to_is_not_someone_met():
    for note in ("Email to Teodora (my sister), Sun 4/12:\n"
                 "interview at Vantablue Labs went ok!! met Gus Ferreira (lab mgr)\n",
                 "Vantablue Labs - lab tech - 4/12\nmet Gus Ferreira (lab mgr), he builds ship "
                 "models. sending this to my sister Teodora so she stops asking\n"):
        assert [p.name for p in analyze(note, gifts=False).people] == ["Gus Ferreira"]


def test_a_seniority_word_opening_a_job_title_is_not_a_name():
    analysis = analyze("Kestrel Softworks – Senior Java Developer – Round 2 (technical), video\n"
                       "- Anjali Rao (eng mgr) asked about Spring Boot and Kafka\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Anjali Rao"]


def test_a_name_before_a_street_suffix_is_an_address_not_a_person():
    analysis = analyze("Valley Federal | Loan Officer (Sherman St) | phone | 5/2\n"
                       "Talked with Rosalind Pike (branch mgr). Sarah Lane from HR set it up.\n",
                       gifts=False)
    assert sorted(p.name for p in analysis.people) == ["Rosalind Pike", "Sarah Lane"]


def test_an_honorific_makes_a_surname_a_person_and_the_greeting_keeps_it():
    from followup_nlp import write_letters

    analysis = analyze("Interview recap — St. Brendan's Hospital, Patient Access Supervisor\n"
                       "Panel: dr. Okonkwo (director of patient access) and Lucia Ferreira-Santos"
                       " - revenue cycle manager. Lucia asked about the backlog at Mercy.\n"
                       "Dr Okonkwo said she loved my idea. We tested it in MS Project.\n")
    people = {p.name: p.honorific for p in analysis.people}
    assert people == {"Okonkwo": "Dr.", "Lucia Ferreira-Santos": None}
    assert analysis.company == "St. Brendan's Hospital"
    letters, _ = write_letters(analysis, sender="Robin Hale")
    assert next(x for x in letters if x.recipient == "Okonkwo").body.startswith("Dear Dr. Okonkwo,")


def test_a_surname_initial_does_not_hide_the_department_after_it():
    analysis = analyze("2nd rd - Ferncliff Software (Sr QA Engineer) - onsite, Tue Dec 1\n"
                       "* Tomasz Nowak - QA lead\n"
                       "* Greg K. from HR (he's the one who emailed me the schedule)\n",
                       gifts=False)
    people = {p.name: (p.title, p.role) for p in analysis.people}
    assert people["Greg"] == ("HR", "support")


def test_lowercase_names_after_a_verb_with_their_title_stated_in_a_clause():
    analysis = analyze("Kellby Freight, dispatch supervisor, round 2\n"
                       "the actual interview was gary stroud, he's the GM, and lucia ferraz from HR."
                       " then rafael quintela who's a staff engineer on the ops team.\n"
                       "i emailed lucia to thank her\n", gifts=False)
    people = {p.name: p.title for p in analysis.people}
    assert people == {"Gary Stroud": "GM", "Lucia Ferraz": "HR", "Rafael Quintela": "staff engineer"}



def test_a_hyphenated_given_name_counts_and_walking_someone_out_is_support():
    analysis = analyze("Copperline Credit Union, member svcs supervisor\n"
                       "- Renata Okonjo, branch mgr, asked abt my cash handling audits\n"
                       "- HR was Min-ji Seo, she set the whole thing up and walked me out\n")
    roles = _roles(analysis)
    assert roles == {"Renata Okonjo": "interviewer", "Min-ji Seo": "support"}


@pytest.mark.parametrize("written", ['Marguerite "Peg" O\'Donnell', "Marguerite (Peg) O'Donnell"])
def test_a_nickname_no_list_knows_joins_the_name_around_it_and_its_later_mentions(written):
    analysis = analyze(f"Panel:\n* {written} - Director of Service Planning\n"
                       "* Aiyana Redcloud from HR\n"
                       "- peg's office = wall of vintage transit maps, she collects old streetcar "
                       "tokens\n", gifts=False)
    people = {p.name: p for p in analysis.people}
    assert set(people) == {"Marguerite O'Donnell", "Aiyana Redcloud"}
    assert people["Marguerite O'Donnell"].goes_by == "Peg"
    assert {i.holder for i in analysis.interests} == {"Marguerite O'Donnell"}


def test_a_place_in_brackets_between_capitalised_words_is_no_nickname():
    analysis = analyze("Met Jordan at the Dallas (Texas) Branch office, loan officer role.",
                       gifts=False)
    assert [p.name for p in analysis.people] == ["Jordan"]


def test_whoever_gave_the_tour_before_the_interview_is_support_not_the_interviewer_beside():
    analysis = analyze("Granite Peak Outfitters, store manager, Tue Nov 10\n"
                       "Dana Whitfield (regional director) asked about shrink and scheduling.\n"
                       "Pete from the stock room gave me the tour before the interview.\n"
                       "Later Maria Lopez, who showed me around the warehouse, said to email her.\n",
                       gifts=False)
    roles = _roles(analysis)
    assert roles == {"Dana Whitfield": "interviewer", "Pete": "support",
                     "Maria Lopez": "support"}



def test_titles_written_before_a_call_a_bracketed_name_or_after_a_degree():
    analysis = analyze("norda foods / demand planner\n"
                       "fri 1/30 - recruiter screen w/ Keisha Brown, 20 min. salary band ok\n"
                       "- Dr. Amara Osei, PharmD, clinical mgr, asked about forecasting\n"
                       "recruiter (Hannah) set it all up, said I can ping her in a week\n")
    titles = {p.name: p.title for p in analysis.people}
    assert titles == {"Keisha Brown": "recruiter", "Amara Osei": "clinical mgr",
                      "Hannah": "recruiter"}


@pytest.mark.parametrize(("note", "names"), [
    pytest.param("Recruiter screen with Imogen Takahashi-Reid, by phone, 25 min.\n"
                 "She asked about my bridge inspection certs.\n",
                 ["Imogen Takahashi-Reid"], id="a full name after with that NER calls an ORG"),
    pytest.param("phone screen w/ kenji moreau (district hr), 25 min\n"
                 "asked abt my shrink numbers. kenji weekends = trail running, and he "
                 "brews kombucha\n"
                 "jimmy stahl (shop foreman) was there too. jimmy pitches horseshoes in a "
                 "league\n",
                 ["Kenji Moreau", "Jimmy Stahl"],
                 id="a known lowercase given name is not a second person with a new surname"),
    pytest.param("- hyun-woo lim, principal eng\n"
                 "- hyun-woo: design a multi-region failover, lots of q's on rpo/rto\n"
                 "- hyun-woo's office: electric guitar on the wall\n",
                 ["Hyun-woo Lim"], id="a later hyphenated first name is the same person"),
    pytest.param("Brackenridge Cold Storage, inventory sup - met Oanh Le (ops mgr), "
                 "she asked about cycle counts.\n"
                 "Next: 2nd round w/ the GM (Hollis Varga), she'll send times.\n"
                 "Oanh said the recruiter (Tamsin) will call.\n",
                 ["Oanh Le"], id="someone named only in what is still to come is not met"),
    pytest.param("Went well! Face to face with the Chief Nurse, Ma'am Josephine Manalo, and "
                 "Sir Paolo Reyes from HR.\nSir Paolo said I can text him next week.\n\n"
                 "Thanks again for the practice run,\nMae\n",
                 ["Josephine Manalo", "Paolo Reyes"],
                 id="ma'am is an honorific and the name a message is signed with is the writer"),
    pytest.param("phone screen w jade (recruiter, in house) 45 min\n"
                 "then station mgr yolanda price + dispatcher ray kowalczyk\n"
                 "faith (the scheduler) set it up. ray said his long runs are brutal rn, "
                 "we went over cash handling\n",
                 ["Jade", "Yolanda Price", "Ray Kowalczyk", "Faith"],
                 id="a name that is also a word counts beside its job title or a rare surname"),
])
def test_the_people_found(note, names):
    assert [p.name for p in analyze(note).people] == names


@pytest.mark.parametrize("note", [
    "phone screen w/ maureen (nursing recruiter) at st. brendan's for the tele RN job\n"
    "her corgi was barking the whole time\n",
    "Met Maureen Kelly (Nursing Recruiter) at St Brendan's Hospital.\nHer corgi barked.\n",
])
def test_a_place_named_for_a_saint_is_not_someone_met(note):
    analysis = analyze(note, gifts=False)
    assert [p.name for p in analysis.people] in (["Maureen"], ["Maureen Kelly"])
    assert all("Brendan" not in (i.holder or "") for i in analysis.interests)


def test_a_lowercase_double_name_is_capitalised_part_by_part():
    analysis = analyze("phone screen today w/ dr. anita okonkwo-baptiste, she's VP of programs.\n"
                       "then met dara o'neil (hr)\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Anita Okonkwo-Baptiste", "Dara O'Neil"]


def test_a_title_then_named_then_a_name_is_that_persons_title():
    analysis = analyze("met w/ nurse mgr tamika jefferson.\n"
                       "then a quick tour w/ a unit clerk named rosa.\n", gifts=False)
    people = {p.name: (p.title, p.role) for p in analysis.people}
    assert people == {"Tamika Jefferson": ("nurse mgr", "interviewer"),
                      "Rosa": ("unit clerk", "support")}


def test_a_capitalised_opening_verb_is_not_part_of_the_name_nor_the_company():
    # The tagger calls "Met" a name and NER reads "Met Kenji Morimoto" as one organisation.
    analysis = analyze("Met Kenji Morimoto (regional ops).\n"
                       "Kenji mentioned he just got back from a week of fly fishing.\n")
    assert [p.name for p in analysis.people] == ["Kenji Morimoto"]
    assert analysis.company is None


def test_a_short_form_joins_the_full_name_and_who_was_not_there_is_support():
    analysis = analyze("- atty gwendolyn ferro (partner). grilled me on e-discovery\n"
                       "- marcus lin (partner) - super chill\n"
                       "- also the office mgr, tasha, set it up, wasn't on the call\n"
                       "- gwen liked my relativity experience\n")
    assert [(p.name, p.role) for p in analysis.people] == [
        ("Gwendolyn Ferro", "interviewer"), ("Marcus Lin", "interviewer"), ("Tasha", "support")]
    assert [(r.text, r.person) for r in analysis.liked] == [
        ("my relativity experience", "Gwendolyn Ferro")]


def test_a_given_name_from_a_named_employer_is_a_person_though_ner_calls_it_a_place():
    analysis = analyze("phone call today w/ Jasper from Ridgeline Outfitters (store manager)\n"
                       "- he does ice climbing in the winter\n")
    assert [p.name for p in analysis.people] == ["Jasper"]
    assert [i.holder for i in analysis.interests] == ["Jasper"]


def test_a_title_ends_at_a_colon():
    analysis = analyze("2) Tomás Herrera, ML Engineer: pair-programmed a feature pipeline.\n")
    assert [(p.name, p.title) for p in analysis.people] == [("Tomás Herrera", "ML Engineer")]


def test_a_given_name_that_is_a_word_before_a_surname_is_a_person_and_a_fan_is_no_title():
    analysis = analyze("Phone screen with Maria Lopez, recruiter, then met the team.\n"
                       "Dale Price is a die hard chiefs fan.\n")
    assert [(p.name, p.title) for p in analysis.people] == [
        ("Maria Lopez", "recruiter"), ("Dale Price", None)]
    assert [i.holder for i in analysis.interests] == ["Dale Price"]


def test_a_title_written_before_the_next_name_is_that_persons_and_an_ordinal_can_be_in_a_title():
    from followup_nlp import analyze

    analysis = analyze(
        "Lincoln Park Elementary - 3rd grade teacher - panel interview Wed Dec 2 (in person)\n"
        "Panel of 4: Principal Dr. Marisol Vega, Asst Principal Tom Becker, Mrs. Adaeze Nwankwo "
        "(3rd grade lead), and Kevin from the PTA\n")
    titles = {p.name: p.title for p in analysis.people}
    assert titles["Marisol Vega"] == "Principal"
    assert titles["Tom Becker"] == "Asst Principal"
    assert titles["Adaeze Nwankwo"] == "3rd grade lead"


def test_a_name_before_an_email_address_in_a_pasted_header_is_a_person():
    from followup_nlp import analyze

    analysis = analyze(
        "From: Jenna Park <jenna.park@harbortideresorts.com>\nSubject: Interview confirmation\n"
        "Hi, confirming your interview with Luis Ortega (Director of Food & Beverage) on "
        "Friday 12/4 at 10am.\n\nJenna said they'd get back to me next week\n")
    assert [p.name for p in analysis.people] == ["Jenna Park", "Luis Ortega"]


@pytest.mark.parametrize(("line", "name", "title"), [
    ("- HM = Dariusz Kowalczyk, Dir. of Ops", "Dariusz Kowalczyk", "Dir. of Ops"),
    ("Panel: Gareth Llewellyn (Asst. Superintendent, HR)", "Gareth Llewellyn",
     "Asst. Superintendent"),
    ("met w/ Noor Haddad, Sr. Planner, about the lanes", "Noor Haddad", "Sr. Planner"),
])
def test_a_full_stop_that_shortens_a_title_word_does_not_end_the_title(line, name, title):
    analysis = analyze(f"Harwell Freight - ops supervisor, video\n{line}\n")
    assert {p.name: p.title for p in analysis.people}.get(name) == title


def test_a_full_stop_that_ends_a_sentence_after_a_title_still_ends_it():
    analysis = analyze("Orchard Robotics - ML engineer, final round\n"
                       "1. Rebecca Stein — VP Eng. Culture + why robotics + why agriculture.\n")
    assert {p.name: p.title for p in analysis.people}.get("Rebecca Stein") == "VP Eng"


def test_an_arrow_before_a_title_or_the_job_is_not_part_of_it():
    analysis = analyze("Greenway Food Collective -> Volunteer Program Manager\n"
                       "video (Zoom) -> 1st round\n"
                       "Siobhán Ní Bhriain -> Executive Director -> only interviewer\n")
    assert analysis.position == "Volunteer Program Manager"
    assert {p.name: p.title for p in analysis.people}.get("Siobhán Ní Bhriain") \
        == "Executive Director"


@pytest.mark.parametrize(("line", "role"), [
    ("Tamsin Orr from HR scheduled it and said this is the first round; if I move forward "
     "there is an in-person panel.", "support"),
    ("Tamsin Orr booked a conference room and asked about my SQL; if I move forward there is "
     "an in-person panel.", "interviewer"),
])
def test_whoever_arranged_the_interview_looks_after_it_unless_they_interviewed(line, role):
    analysis = analyze("Phone screen today (Monday, June 3) with Hector Valdes, Deputy Director "
                       "of Public Works, for the Grants Coordinator position. "
                       f"{line} The call was about 35 minutes.\n", gifts=False)
    assert _roles(analysis).get("Tamsin Orr") == role


def test_a_name_after_city_of_is_the_place():
    analysis = analyze("Phone screen today with Hector Valdes-Ibarra, Deputy Director of Public "
                       "Works for the City of Millbrook, for the Grants Coordinator position.\n",
                       gifts=False)
    assert [p.name for p in analysis.people] == ["Hector Valdes-Ibarra"]


def test_a_pasted_emails_subject_line_names_no_one_but_a_known_given_name():
    pasted = analyze("From: Brenda Kwiatkowski <bk@altair-pc.com>\n"
                     "Subject: Onsite Interview Confirmation - Quality Engineer III\n\n"
                     "my notes: met Anil Raghunathan (QE Manager), good convo\n", gifts=False)
    assert [p.name for p in pasted.people] == ["Brenda Kwiatkowski", "Anil Raghunathan"]
    named = analyze("Subject: Interview with Sarah Chen - VP Eng\nmet Sarah today\n", gifts=False)
    assert [p.name for p in named.people] == ["Sarah Chen"]


def test_an_agency_in_brackets_is_not_the_title_and_the_label_before_the_name_is():
    analysis = analyze("Whitcombe & Reyes LLP - Litigation Paralegal, final round on Zoom\n"
                       "Recruiter: Mele Fifita (Sterling Legal Staffing) - joined at the start "
                       "to do intros then dropped off.\n"
                       "Panel: Park Ji-won (Managing Partner)\n")
    assert [(p.name, p.title, p.role) for p in analysis.people] == [
        ("Mele Fifita", "Recruiter", "support"), ("Park Ji-won", "Managing Partner", "interviewer")]


@pytest.mark.parametrize("line", ["she breeds axolotls, has a leucistic one named Pancho",
                                  "her corgi named Biscuit barked the whole call"])
def test_a_name_given_to_an_animal_or_a_thing_is_no_one_met(line):
    analysis = analyze(f"Halvorsen Aerospace - CNC Machinist, onsite\nInti Quispe (Quality Mgr) - "
                       f"{line}\nalso met a guy named Raj Patel from the plant, and a young "
                       "bellman named Jasper Quill walked me out\n")
    assert [p.name for p in analysis.people] == ["Inti Quispe", "Raj Patel", "Jasper Quill"]


def test_asking_for_references_is_a_request_not_interviewing():
    analysis = analyze("Halvorsen Aerospace - CNC Machinist, onsite\n"
                       "10:25 Inti Quispe (Quality Mgr) gave me a print to review\n"
                       "14:15 HR (Dana) emailed asking for references\n"
                       "Priya from HR asked for my salary range and asked about my SQL\n")
    assert [(p.name, p.role) for p in analysis.people] == [
        ("Inti Quispe", "interviewer"), ("Dana", "support"), ("Priya", "interviewer")]


def test_an_honorific_and_an_initial_name_the_one_person_whose_surname_starts_with_it():
    analysis = analyze("Northfield State - admissions counselor, round 2 on Teams\n"
                       "* Dr. Adebayo Ogunleye (Director of Admissions)\n"
                       "* Aino Virtanen - Associate Director\n"
                       "- Dr. O's office behind him: a whole shelf of snow globes.\n"
                       "- Aino does winter swimming with her sauna club.\n")
    assert [p.name for p in analysis.people] == ["Adebayo Ogunleye", "Aino Virtanen"]
    holders = {i.text: i.holder for i in analysis.interests}
    assert holders["snow globes"] == "Adebayo Ogunleye"


@pytest.mark.parametrize(("line", "role"), [
    ("Marisol (front desk lead, she set up the interview & gave me the tour)", "support"),
    ("Marisol (front desk lead). Marisol set up the interview and gave me the tour", "support"),
    ("Marisol, who set up the interview", "support"),
    ("Marisol, who scheduled the interview and asked about my dental cert", "interviewer"),
])
def test_setting_up_the_interview_is_arranging_it_not_interviewing(line, role):
    analysis = analyze("Brightwater Animal Hospital - Vet Tech - 3/12, on-site\n"
                       f"- Met Dr. Folasade Adeyemi (Medical Director) and {line}\n"
                       "- ~45 min w/ Dr. Adeyemi\n")
    assert [(p.name, p.role) for p in analysis.people] == [
        ("Folasade Adeyemi", "interviewer"), ("Marisol", role)]


def test_thanks_for_a_referral_is_the_referrers_not_everyone_named_in_that_sentence():
    analysis = analyze("first round, on-site. Olu (Olumide Adeyemi, education programs mgr) is the "
                       "one who referred me.\n\nHenrik Aalto - Director of Marketing (HM)\n"
                       "Dr. Yuki Tanabe - Curator of Paleontology\n\n"
                       "Henrik loved the Instagram campaign I did.\n"
                       "Sent TY email to Henrik + Yuki that night, cc'd Olu to say thanks for the "
                       "referral.\n", gifts=False)
    roles = _roles(analysis)
    assert roles["Henrik Aalto"] == roles["Yuki Tanabe"] == "interviewer"
    assert [name for name, role in roles.items() if role == "referrer"] == ["Olu"]


def test_the_referrer_is_the_subject_of_referred_not_the_nearest_name():
    analysis = analyze("Phone screen, Northway Credit Union.\nMy cousin Jasmine Cole, who has been a "
                       "teller at the Maple Street branch for three years, referred me and passed my "
                       "résumé directly to the branch manager, Keith Albrecht, who did the screen "
                       "himself. He asked about cash handling.\nI was referred by Dana Kim too.\n",
                       gifts=False)
    roles = _roles(analysis)
    assert roles == {"Jasmine Cole": "referrer", "Keith Albrecht": "interviewer",
                     "Dana Kim": "referrer"}


def test_a_referrer_whose_name_the_parser_split_from_the_rest_of_the_sentence():
    analysis = analyze("Mon 4/8/24 - Kestrel Biotherapeutics, Research Associate II (assay dev), "
                       "on-site, panel + lunch\nInes Bakker (RA there, my old lab mate from grad "
                       "school) referred me - she took me to lunch after\n\nPanel:\n"
                       "* Dr. Rafael Quispe - Head of Assay Development, HM\n", gifts=False)
    roles = _roles(analysis)
    assert roles == {"Ines Bakker": "referrer", "Rafael Quispe": "interviewer"}


def test_a_hyphenated_given_name_whose_second_part_is_also_a_month_or_word():
    analysis = analyze("Met Min-jun Choi (Design Lead) and Aroha Ngata (PM), onsite.\n"
                       "- at lunch min-jun said he restores old vespas in his garage\n", gifts=False)
    assert [(p.name, p.title) for p in analysis.people] == [("Min-jun Choi", "Design Lead"),
                                                           ("Aroha Ngata", "PM")]
    # the lowercase "min-jun" later in the note is him, so the vespas are his
    assert [(i.text, i.holder) for i in analysis.interests] == [("restores old vespas",
                                                                "Min-jun Choi")]


def test_a_given_name_ner_takes_for_a_place_is_a_person_when_it_does_something():
    analysis = analyze("On-site at Brightwater Dental with Teresa Lindgren (office manager); a "
                       "hygienist sat in.\nKenji brews his own ginger beer, he has a crock going in "
                       "his garage.\nAustin has great barbecue, we talked about that too.\n",
                       gifts=False)
    names = [p.name for p in analysis.people]
    assert "Kenji" in names and "Austin" not in names
    assert ("ginger beer", "Kenji") in [(i.text, i.holder) for i in analysis.interests]


def test_a_given_name_in_brackets_after_doctor_and_surname_is_their_first_name():
    analysis = analyze("Second interview. Met Dr. Raghunathan (Anjali, the owner) between patients, "
                       "then Teresa Lindgren (office manager).\nDr. Anjali is really into "
                       "beekeeping, she has four hives.\n", gifts=False)
    assert [p.name for p in analysis.people] == ["Anjali Raghunathan", "Teresa Lindgren"]
    assert [(i.text, i.holder) for i in analysis.interests] == [("beekeeping",
                                                                "Anjali Raghunathan")]


def test_someone_who_sat_in_and_asked_nothing_is_support():
    quiet = analyze("Panel interview.\nCity HR: Deshawn Carter set it up + sat in, ran the timer, "
                    "didn't ask anything\nOlena Kovalenko - Branch Manager\n", gifts=False)
    asking = analyze("Panel interview.\nDeshawn Carter (HR) sat in and asked two questions.\n"
                     "Olena Kovalenko - Branch Manager\n", gifts=False)
    assert _roles(quiet)["Deshawn Carter"] == "support"
    assert _roles(asking)["Deshawn Carter"] == "interviewer"


def test_a_who_clause_after_a_title_in_commas_is_still_the_persons():
    analysis = analyze("Met with Gwendolyn Achterberg (partner), Dev Khatri (senior associate), and "
                       "Pam Sorensen, the office manager, who gave me the tour and sat in on the "
                       "last ten minutes but didn't ask anything.\n", gifts=False)
    asked = analyze("Met with Gwendolyn Achterberg (partner) and Pam Sorensen, the office manager, "
                    "who gave me the tour and asked about my billing experience.\n", gifts=False)
    assert _roles(analysis) == {"Gwendolyn Achterberg": "interviewer", "Dev Khatri": "interviewer",
                                "Pam Sorensen": "support"}
    assert _roles(asked)["Pam Sorensen"] == "interviewer"


def test_a_title_with_an_ampersand_is_whole():
    analysis = analyze("Panel on site, Oct 2\n- Lena Brandt, Permitting & Interconnection Lead\n"
                       "- Marta Quist - Health & Safety Officer\n- Raj Patel, VP Ops & Tom Reyes\n",
                       gifts=False)
    titles = {p.name: p.title for p in analysis.people}
    assert titles["Lena Brandt"] == "Permitting & Interconnection Lead"
    assert titles["Marta Quist"] == "Health & Safety Officer"
    assert titles["Raj Patel"] == "VP Ops"  # "& Tom Reyes" is a second person, not the title


def test_a_first_name_with_the_full_name_in_brackets_is_one_person():
    analysis = analyze("copper kettle brewing - cellarperson - Sat 12 Sept\n"
                       "gabi (owner, Gabriela Ortiz) + rasmus (head brewer)\n"
                       "- gabi plays bass in a surf rock band\n", gifts=False)
    assert [(p.name, p.title) for p in analysis.people] == [("Gabriela Ortiz", "owner"),
                                                           ("Rasmus", "head brewer")]
    assert [i.holder for i in analysis.interests] == ["Gabriela Ortiz"]


def test_someone_named_as_her_assistant_does_not_take_her_pronouns():
    analysis = analyze("Round 1, video\nSade Adebayo, HR Manager. Her assistant Rosie sent the "
                       "invite.\n- she liked my scheduling work\n- she's super into competitive "
                       "Scrabble, plays tournaments\n", gifts=False)
    assert [(i.text, i.holder) for i in analysis.interests][:1] == [("Scrabble", "Sade Adebayo")]


def test_the_initials_of_a_title_after_the_name_that_person():
    analysis = analyze("Met Karim Nasser (program director) and Lucía Paredes (morning host).\n"
                       "Lucía is a volunteer storm spotter.\n"
                       "The PD collects vintage radios, he has 40 of them.\n", gifts=False)
    assert ("vintage radios", "Karim Nasser") in [(i.text, i.holder) for i in analysis.interests]


def test_weekdays_in_the_plural_relatives_and_who_sent_the_link_are_no_interviewers():
    lab = analyze("Lab visit. Met Chidinma Okafor (PI) and Rahul Venkataraman (postdoc)\n"
                  "- journal club Fridays, lab mgr expected to go\n", gifts=False)
    assert [p.name for p in lab.people] == ["Chidinma Okafor", "Rahul Venkataraman"]
    wife = analyze("Zoom, 1st round\nRita (Mateus's wife) does the books.\n"
                   "Interview w/ Mateus Oliveira (owner).\n", gifts=False)
    assert [(p.name, p.title) for p in wife.people] == [("Rita", None), ("Mateus Oliveira", "owner")]
    link = analyze("Zoom, 1st round\nRita Gomes sent the zoom link on Monday.\n"
                   "Interview w/ Mateus Oliveira (owner).\n", gifts=False)
    asked = analyze("Zoom, 1st round\nRita Gomes sent the zoom link and asked about my SQL.\n",
                    gifts=False)
    assert _roles(link)["Rita Gomes"] == "support"
    assert _roles(asked)["Rita Gomes"] == "interviewer"


def test_whoever_told_me_about_the_job_referred_me():
    analysis = analyze("Riverbend Literacy Alliance - Development Associate\n"
                       "Fatima from tutoring told me about this job, need to thank her!!\n"
                       "met w Nkechi (exec director) and Tomasz (dev director)\n", gifts=False)
    assert _roles(analysis) == {
        "Fatima": "referrer", "Nkechi": "interviewer", "Tomasz": "interviewer"}


def test_whoever_spoke_up_for_the_writer_referred_them():
    for line in ("My old boss Raj Patel put in a good word with Dana.", "Raj Patel vouched for me.",
                 "Raj Patel emailed Dana for me last month."):
        analysis = analyze(f"Phone screen w/ Dana Kim (HR).\n{line}\n", gifts=False)
        assert _roles(analysis)["Raj Patel"] == "referrer", line


@pytest.mark.parametrize(("line", "name"), [
    ("spoke to tom h (recruiter) for 20 min", "Tom H"),
    ("talked to Ines V, talent partner, about the role", "Ines V"),
    ("call w/ lisa k (ta)", "Lisa K"),
])
def test_a_surname_initial_and_whom_the_writer_spoke_to(line, name):
    # a one-letter initial is no name word, so the bracketed title sat one word too far away
    analysis = analyze("notes from today\n" + line + "\nhe said next step is a panel\n", gifts=False)
    assert [p.name for p in analysis.people] == [name]


@pytest.mark.parametrize(("note", "name"), [
    # "Sun" alone is a weekday, so the run of name words began at "hee"
    ("Zoom w/ Mateo Quispe (recruiter) for 10 min then Sun-hee Park, support ops mgr\n",
     "Sun-hee Park"),
    # no given name the lists know, but NER's full name with a bracket after it, as notes write
    ("panel:\nLi Wen (4th yr grad student)\nMaria Lopez (PI)\n", "Li Wen"),
])
def test_names_the_name_lists_do_not_know(note, name):
    assert name in [p.name for p in analyze(note, gifts=False).people]


def test_a_rank_is_an_honorific_not_the_job():
    analysis = analyze("Essex Valley EMS - paramedic, panel 3/4\n"
                       "Capt. Rodrigo Almeida and Lt. Shauna McBride. Scenario first: chest pain.\n",
                       gifts=False)
    people = {p.name: p.honorific for p in analysis.people}
    assert people == {"Rodrigo Almeida": "Captain", "Shauna McBride": "Lieutenant"}
    assert analysis.position == "paramedic"


def test_a_lowercase_name_no_list_knows_in_a_slot_with_its_title_in_brackets():
    note = ("brannigan electric - journeyman wireman - tue 3/10\n"
            "foreman dermot brannigan + ysabel cordero (office mgr, set it up, didnt interview)\n"
            "ysabel writes haiku, she has a reading in april\n")
    assert "Ysabel Cordero" in [p.name for p in analyze(note, gifts=False).people]


@pytest.mark.parametrize(("label", "holder"), [("seun", "Oluwaseun Adeyemi"),
                                               ("Greta", "Greta Lindqvist"),
                                               ("bayo", "Adebayo Ojo")])
def test_a_line_labelled_with_the_start_or_end_of_a_given_name_is_about_that_person(label, holder):
    # Oluwaseun goes by Seun, Adebayo by Bayo: the short form labels the line
    note = ("met: Oluwaseun Adeyemi (branch mgr), Greta Lindqvist (youth services) and "
            "Adebayo Ojo (IT)\n"
            "- they liked my storytime idea\n"
            f"- {label}: huge into crossword puzzles, does the NYT one in pen\n")
    analysis = analyze(note, gifts=False, interest_lexicon=False)
    assert [i.holder for i in analysis.interests if "crossword" in i.text] == [holder]
    assert len(analysis.people) == 3
