"""Whom the writer has already emailed (letters go by email only to them): the past, not the
permitted, the planned, the denied or email as a topic. Sentences are our own."""

from __future__ import annotations

import pytest

from followup_nlp import analyze

HEAD = "Onsite 12/2 at Halvorsen Freight, met Marcus Bell (ops mgr) and Yasmin Haddad (HR).\n"


@pytest.mark.parametrize(("line", "used"), [
    ("emailed marcus + yasmin thank yous that evening", ["Marcus Bell", "Yasmin Haddad"]),
    ("already emailed both", ["Marcus Bell", "Yasmin Haddad"]),
    ("Sent my thank-you to Yasmin tonight.", ["Yasmin Haddad"]),
    ("Yasmin emailed me the itinerary.", ["Yasmin Haddad"]),
    ("Yasmin set it up, I've emailed w/ her twice.", ["Yasmin Haddad"]),
    ("Marcus said he'd email me by friday about a 2nd interview.", []),
    ("Marcus said to email him if I have questions.", []),
    ("I haven't emailed anyone yet, will do tomorrow.", []),
    ("emailing marcus tonight", []),
    ("Yasmin asked about my email marketing and open rates.", []),
    ("Mailed Marcus a handwritten card.", []),
])
def test_only_email_already_sent_counts(line, used):
    assert list(analyze(HEAD + "- " + line + "\n").email_used) == used
