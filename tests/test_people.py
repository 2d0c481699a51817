"""People: names merged across mentions, nicknames kept for the greeting."""

from __future__ import annotations

from followup_nlp import analyze
from followup_nlp.letters.compose import greeting


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
