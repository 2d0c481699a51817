import codecs

import pytest

from followup_nlp.errors import FollowupError
from followup_nlp.notes import MAX_NOTE_BYTES, decode_note, parse_note, read_note


def test_front_matter_is_split_off_and_its_offset_kept():
    note = parse_note("---\nsender: Ana Ruiz\ncompany: Acme\n---\nMet Bo.\n")
    assert note.front_matter == {"sender": "Ana Ruiz", "company": "Acme"}
    assert note.text == "Met Bo.\n"
    assert note.offset == len("---\nsender: Ana Ruiz\ncompany: Acme\n---\n")


def test_unknown_front_matter_keys_are_ignored():
    note = parse_note("---\nmood: great\ndate: 2026-03-14\n---\nMet Bo.")
    assert note.front_matter == {"date": "2026-03-14"}


def test_text_without_front_matter_is_unchanged():
    note = parse_note("- met Bo\n---\n- then lunch")
    assert note.front_matter == {} and note.text.startswith("- met Bo")


@pytest.mark.parametrize("text", ["", "   \n\t  ", "---\nsender: A\n---\n  \n"])
def test_empty_note_is_a_user_error(text):
    with pytest.raises(FollowupError, match="empty"):
        parse_note(text)


def test_utf16_with_bom_is_decoded():
    raw = codecs.BOM_UTF16_LE + "Met Zoë Müller".encode("utf-16-le")
    assert decode_note(raw) == "Met Zoë Müller"


def test_latin1_is_decoded():
    assert decode_note("Met José Peña".encode("latin-1")) == "Met José Peña"


def test_binary_data_is_refused():
    with pytest.raises(FollowupError, match="binary"):
        decode_note(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_oversized_note_is_refused_with_the_limit():
    with pytest.raises(FollowupError, match="limited to"):
        decode_note(b"a" * (MAX_NOTE_BYTES + 1))


def test_folder_and_missing_file_give_clear_errors(tmp_path):
    with pytest.raises(FollowupError, match="is a folder"):
        read_note(tmp_path)
    with pytest.raises(FollowupError, match="no such file"):
        read_note(tmp_path / "missing.txt")


@pytest.mark.parametrize(("line", "clarify"), [
    ("Should explain better I did the Epic training module last year.", "the Epic training module"),
    ("I should mention my CPC certification", "my CPC certification"),
])
def test_should_explain_names_what_to_clarify(line, clarify):
    from followup_nlp import analyze

    analysis = analyze(f"Call 12/4 with Trish Kowalczyk (billing supervisor).\n- {line}\n")
    assert [r.text for r in analysis.clarify] == [clarify]


@pytest.mark.parametrize(("line", "company"), [
    ("phone screen w/ recruiter jen at copperline hvac (service dispatcher role).",
     "Copperline Hvac"),
    ("interview at the office today w/ rick alvarez (service mgr)", None),
])
def test_a_lowercase_employer_after_at_is_found_by_its_rare_words(line, company):
    from followup_nlp import analyze

    assert analyze(line + "\n").company == company


def test_a_lowercase_word_ner_calls_an_organisation_is_not_the_employer():
    from followup_nlp import analyze

    analysis = analyze("ok zoom w/ lanternfish games just ended, jr technical artist\n"
                       "talked to khoa (cofounder) + seo-yeon (producer)\n"
                       "i totally fumbled explaining weight painting. shoulda said i used dual "
                       "quat skinning to fix it. ugh\n")
    assert analysis.company != "Shoulda"


def test_a_number_over_a_number_after_a_is_a_fraction_not_a_date():
    from followup_nlp import analyze

    analysis = analyze("Feb 17 - Halvorsen - CNC Machinist - 2nd round, on-site\n"
                       "- he showed me videos of tiny live-steam engines, one is a 1/12 Corliss\n"
                       "- she ran a 1/2 marathon last fall; ok on a 12/12 roof pitch?\n")
    assert analysis.interview_dates == ("2026-02-17",)


def test_a_date_written_day_dot_month_dot_year_is_read_day_first():
    from followup_nlp import analyze

    analysis = analyze("Interview 05.03.2024 at Nordhafen Logistics GmbH, Zoom, 2nd interview\n"
                       "Mr. Vogel (Director of Operations) ask about SAP, release 2.10.2024.5\n")
    assert analysis.interview_dates == ("2024-03-05",)


def test_the_day_the_thank_you_went_out_is_not_an_interview_day():
    from followup_nlp import analyze

    analysis = analyze("Lindqvist & Oduya LLP - Senior Tax Associate - 11/7/2024, final round\n"
                       "Johanna Lindqvist (Tax Partner) and Samuel Oduya (Tax Manager).\n"
                       "Emailed TY to Johanna + Samuel 11/8 morning.\n", gifts=False)
    assert analysis.interview_dates == ("2024-11-07",)
    analysis = analyze("Ferraro Hill Estate Winery - Assistant Winemaker\n"
                       "Sept. 28th 2026 (on-site, final interview)\n"
                       "Thandiwe Nkosi - head winemaker\n"
                       "Emailed all three (Deepa cc'd) on Sept 29.\n", gifts=False)
    assert analysis.interview_dates == ("2026-09-28",)


def test_a_pets_name_is_not_the_employer_and_chat_words_are_not_the_job():
    from followup_nlp import analyze

    pet = analyze("phone screen w/ Rutendo Moyo (HR) 10/2 - pharmacy tech\n"
                  "her corgi Biscuit is entered in a herding trial this weekend\n", gifts=False)
    assert pet.company is None or "Biscuit" not in pet.company
    chat = analyze("ok so the sous chef thing at harbor & vine\n"
                   "met jae-won park (exec chef) in the back office\n", gifts=False)
    assert (chat.company, chat.position) == ("Harbor & Vine", "sous chef")


PASTED_THREAD = """---------- Forwarded message ---------
From: Hiroko Tanabe <hiroko.tanabe@brightmoor.example>
Date: Mon, Mar 2, 2026 at 9:15 AM
Subject: Your interview - Grants Coordinator
To: Sam Whitlock

Hi Sam,
You're confirmed for a second-round video interview on Thursday, March 5 at 1:00 PM with
Ravi Menon, Director of Development.

Best,
Hiroko Tanabe | People Operations | Brightmoor Conservancy

----------

From: Sam Whitlock
Date: Thu, Mar 5, 2026 at 3:40 PM
Subject: Thank you - Grants Coordinator interview
To: Ravi Menon

Hi Ravi,
Thank you for talking with me about the spring appeal and the grant calendar I built at Fernwood.

Sam

my notes: ravi keeps bees on his roof, two hives.
"""


def test_a_pasted_thread_dates_its_messages_not_the_interview_and_its_sender_is_the_writer():
    from followup_nlp import analyze

    analysis = analyze(PASTED_THREAD, gifts=False)
    assert analysis.interview_dates == ("2026-03-05",)  # not the Date: lines of the messages
    assert analysis.stage == "second"  # "second-round", with a hyphen
    assert "Sam Whitlock" not in [p.name for p in analysis.people]  # sent the thank-you
    assert analysis.company == "Brightmoor Conservancy"  # the signature, not "at Fernwood"


def test_a_pasted_threads_scheduler_is_support_and_its_header_times_are_not_the_interview():
    from followup_nlp import analyze

    reply = ("\n----------\nFrom: Ravi Menon\nDate: Fri, Mar 6, 2026 at 8:03 AM\n"
             "Subject: RE: Thank you - Grants Coordinator interview\n\n"
             "Sam - thanks for the note, enjoyed the conversation.\n"
             "should've explained why I left Fernwood after 2 years\n")
    analysis = analyze(PASTED_THREAD + reply, gifts=False)
    roles = {p.name: p.role for p in analysis.people}
    assert roles["Hiroko Tanabe"] == "support"  # "You're confirmed for ...": she set it up
    assert roles["Ravi Menon"] == "interviewer"
    assert analysis.interview_time == "13:00"  # not "Date: ... at 9:15 AM"
    assert not [r for r in analysis.liked if "conversation" in r.text]
    assert [r.text for r in analysis.clarify] == ["why I left Fernwood"]


def test_who_arranges_a_meeting_with_themselves_is_no_scheduler():
    from followup_nlp.notes import scheduled_by

    confirm = "From: Dana Cole\nSubject: Interview\n\nYou're confirmed for Tuesday at 10am.\n"
    assert scheduled_by(confirm) == {"Dana Cole"}
    assert scheduled_by(confirm + "You'll be meeting with me and Raj.\n") == set()


def test_a_quoted_confirmation_names_its_sender_too():
    from followup_nlp.notes import scheduled_by

    quoted = ("> From: Soledad Ibarra (Brenner-Holt Talent)\n> Sent: Mon 8/10\n"
              "> Hi Tamsin - confirming Wed 8/12 at the Houston DC, 1pm.\n")
    assert scheduled_by(quoted) == {"Soledad Ibarra (Brenner-Holt Talent)"}
    assert scheduled_by("From: Devon Marsh\nHi! Confirming Wed w/ Gary Lindgren.\n") == {"Devon Marsh"}
    assert scheduled_by("From: Gary Lindgren\nI'm not confirming anything yet.\n") == set()


def test_a_notes_own_date_line_is_still_the_interview_day():
    from followup_nlp import analyze

    analysis = analyze("Date: 3/5/2026\nCompany: Brightmoor Conservancy\n"
                       "Met Ravi Menon (Director of Development), video.\n", gifts=False)
    assert analysis.interview_dates == ("2026-03-05",)


def test_calling_something_a_name_is_no_phone_call_and_a_conf_room_is_on_site():
    from followup_nlp import analyze

    analysis = analyze("Panel 4 Nov, Main branch 2nd floor conf room\n"
                       "Olena Kovalenko - Branch Manager\n"
                       "Marcus used to DJ in college but called that a previous life\n",
                       gifts=False)
    assert analysis.channel == "onsite"


def test_a_later_round_on_a_weekday_and_day_is_an_interview_day_a_call_back_is_not():
    from followup_nlp import analyze

    rounds = analyze("Round 1 - Mon 10/26, video, with Sade Adebayo (HR Manager)\n"
                     "Round 2 - Thursday the 29th, on-site, FINAL\n"
                     "Henrik Aalto (GM) + Camila Restrepo (Director of Rooms)\n", gifts=False)
    assert rounds.interview_dates[-2:] == ("2026-10-26", "2026-10-29")
    call = analyze("phone call w/ Denise (branch mgr), teller position, 1/8 thurs\n"
                   "said call back monday the 12th if no news\n", gifts=False)
    assert call.interview_dates[-1:] == ("2026-01-08",) and len(call.interview_dates) == 1


def test_what_was_liked_is_said_of_whoever_is_named_before_liked():
    from followup_nlp import analyze

    analysis = analyze("Met Teresa Lindgren (office manager) and Anjali Raghunathan (owner).\n"
                       "- Teresa asked about scheduling; Anjali really liked that I'm bilingual\n",
                       gifts=False)
    assert [(r.text, r.person) for r in analysis.liked] == [("that I'm bilingual",
                                                           "Anjali Raghunathan")]


def test_a_station_with_its_frequency_is_the_employer_not_an_aside_in_brackets():
    from followup_nlp import analyze

    analysis = analyze("KVLR 91.7 — morning show producer — Friday Oct 2, first interview, in "
                       "person at the station (little brick building behind the co-op)\n"
                       "Met with Karim Nasser, the program director.\n", gifts=False)
    assert analysis.company == "KVLR 91.7"


def test_an_hr_manager_who_liked_something_of_the_writers_interviewed_them():
    from followup_nlp import analyze

    analysis = analyze("Round 1 — Mon 10/26, video, 30 min\nSade Adebayo, HR Manager. Her "
                       "assistant Rosie sent the invite.\n- she liked that I've done labor "
                       "scheduling against forecast\n", gifts=False)
    assert {p.name: p.role for p in analysis.people} == {"Sade Adebayo": "interviewer",
                                                         "Rosie": "support"}


def test_a_next_label_split_off_by_an_equals_sign_and_a_misspelt_interview_after_the_name():
    from followup_nlp import analyze

    screen = analyze("Keystone Mutual - Field Claims Adjuster Trainee - phone screen 11/17\n"
                     "Priyanka (recruiter) said my cert was exactly what they look for\n"
                     "next = video w/ hiring mgr Tom Haugen. she'll send times by Fri\n",
                     gifts=False)
    assert screen.channel == "phone"
    typo = analyze("Riverbend Literacy Alliance intervew - Development Associate\n"
                   "Dec 2, at thier office\n", gifts=False)
    assert typo.company == "Riverbend Literacy Alliance"
