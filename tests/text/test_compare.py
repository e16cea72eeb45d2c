"""A discrepancy compares like with like (issue 12). Invented sentences, two sources each."""

from __future__ import annotations

import pytest

from briefing.models import Evidence
from briefing.text import facts


def flags(a: str, b: str, published: dict | None = None) -> list[tuple[str, dict]]:
    found = facts.discrepancies([Evidence("1", a, 0, len(a)), Evidence("2", b, 0, len(b))], published or {})
    return [(d.kind, d.values) for d in found]


@pytest.mark.parametrize("a, b", [
    # a before/after pair inside one sentence states a change, not a value
    ("The central bank cut its main rate to 3 percent from 3.3 percent on Thursday.",
     "The central bank's main rate now stands at 3.3 percent after the cut on Thursday."),
    # a city and its country
    ("The finance ministers met in Kuala Lumpur on Friday to discuss the currency.",
     "The finance ministers met in Malaysia on Friday to discuss the currency."),
    # one name inside the other
    ("The ferry sank in the Strait on Monday night, the coastguard said.",
     "The ferry sank in the Bass Strait on Monday night, the coastguard said."),
    # both name the same place, one of them beside another place ("in the South")
    ("The two cities will field a joint rowing crew at next month's Harbour Games in the North, officials said.",
     "The cities announced they will field a joint rowing crew at the Harbour Games in May."),
    # a language is no place
    ("The president gave the speech in Portuguese on Monday.",
     "The president gave the speech in Brasilia on Monday."),
    # values attached to different people
    ("Xu received a sentence of 12 years, the court in Beijing said.",
     "Qin received a sentence of 10 years, the court in Beijing said."),
    # different measures of one noun
    ("The country needs 5 million tons of grain to feed itself this winter.",
     "Farmers harvested 3 million tons of grain this autumn, short of what the country needs."),
    # a day and a month date two different things
    ("The opposition sent a letter on Oct. 17 demanding that the elections go ahead.",
     "The opposition has demanded that the elections be held in July."),
])
def test_unlike_things_are_not_a_discrepancy(a, b):
    assert flags(a, b) == []


def test_the_same_count_of_the_same_thing_is_flagged_and_a_later_report_said_so():
    a = "The hurricane killed 231 people in Honduras, officials said on Monday."
    b = "The hurricane killed 6,076 people in Honduras, officials said on Friday."
    found = facts.discrepancies([Evidence("1", a, 0, len(a)), Evidence("2", b, 0, len(b))],
                                {"1": "1998-11-02", "2": "1998-11-06"})
    [d] = [d for d in found if d.kind == "number"]
    assert d.values == {"1": "231 people", "2": "6,076 people"} and d.about == "hurricane killed" and d.later == ("2",)


def test_two_different_countries_are_still_a_place_discrepancy():
    assert flags("The ministers signed the treaty in France on Monday.",
                 "The ministers signed the treaty in Germany on Monday.") == [("place", {"1": "France", "2": "Germany"})]


def test_a_count_named_around_the_number_is_compared():
    assert flags("The city will send a delegation of more than 90 to the games, the ministry said.",
                 "The city will send a 120-member delegation to the games.") == [("number", {"1": "90", "2": "120"})]
    assert flags("The death toll rose to 231 on Monday, officials said.",
                 "The death toll rose to 6,076 on Friday, officials said.") == [("number", {"1": "231", "2": "6,076"})]


def test_the_count_that_is_the_subject_of_one_claim_is_compared_without_a_shared_measure_word():
    from briefing.models import Evidence
    from briefing.text.facts import discrepancies

    a = "About 40 pilgrims reached Arnby, a border town, from Vessby."
    b = "By evening, more than 300 pilgrims walked along the coast road to reach Arnby from Vessby."
    found = discrepancies([Evidence("1", a, 0, len(a), 0), Evidence("2", b, 0, len(b), 0)], {})
    assert [(d.kind, d.values) for d in found] == [("number", {"1": "40 pilgrims", "2": "300 pilgrims"})]


def test_a_count_that_is_not_the_subject_needs_a_shared_measure():
    from briefing.models import Evidence
    from briefing.text.facts import discrepancies

    a = "Mills in the valley need 5 million tons of grain this year."
    b = "Farmers harvested 3 million tons of grain this year."
    assert discrepancies([Evidence("1", a, 0, len(a), 0), Evidence("2", b, 0, len(b), 0)], {}) == []


def test_a_count_the_sentence_dates_later_in_the_day_is_marked_reported_later():
    from briefing.models import Evidence
    from briefing.text.facts import discrepancies

    a = "About 40 pilgrims reached Arnby, a border town, from Vessby."
    b = "By late afternoon, more than 300 pilgrims walked along the coast road to reach Arnby from Vessby."
    [flag] = discrepancies([Evidence("1", a, 0, len(a), 0), Evidence("2", b, 0, len(b), 0)], {})
    assert flag.later == ("2",)
    # with no time of day in either sentence and no dates, nothing explains the difference
    c = "More than 300 pilgrims walked along the coast road to reach Arnby from Vessby."
    [flag] = discrepancies([Evidence("1", a, 0, len(a), 0), Evidence("2", c, 0, len(c), 0)], {})
    assert flag.later == ()
