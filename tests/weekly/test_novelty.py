"""What is new this week against last week's brief: new, updated, continuing, no longer reported."""

from __future__ import annotations

import pytest

from briefing.models import Claim, Evidence, Sentence
from briefing.weekly.novelty import claim_key, compare, record

FLOODS = "Floods in the Velmora valley killed 12 people and destroyed 40 homes, the regional governor said."
BUDGET = "The Ostrel town council approved a new budget for the public library on Monday."
QUOTAS = "Fishermen in Kessel protested against new catch quotas outside the fisheries ministry on 2 March."
LAST_WEEK = [FLOODS, BUDGET, QUOTAS]


def claim(text: str, index: int = 0, source: str = "1") -> Claim:
    return Claim(text, [Evidence(source, text, 0, len(text), index)], salience=0.5, origin=(source, index))


def previous(*texts: str) -> list[dict]:
    return [record(claim(t), "Velmora", {"1": "velmora-news.txt"}) for t in texts]


@pytest.mark.parametrize("now, status, changes", [
    (FLOODS, "continuing", []),
    (BUDGET.replace("a new budget", "the new budget"), "continuing", []),  # a reworded telling
    (FLOODS.replace("12 people", "30 people"), "updated", [("12 people", "30 people")]),
    (QUOTAS.replace("2 March", "9 March"), "updated", [("2 March", "9 March")]),
    ("A bridge over the Tamsa river reopened after eight months of repairs.", "new", []),
    ("Fishermen in Kessel went back to sea on Friday.", "new", []),  # same people, another claim
])
def test_each_claim_is_new_updated_or_continuing(now, status, changes):
    marks, _ = compare([claim(now)], previous(*LAST_WEEK))
    mark = marks[("1", 0)]
    assert (mark.status, mark.changes) == (status, changes)
    assert (mark.previous is None) is (status == "new")
    if mark.previous is not None:
        assert mark.previous in LAST_WEEK


def test_claims_no_longer_reported_are_listed_once_each():
    now = [claim(FLOODS.replace("12", "14"), 0), claim("A bridge over the Tamsa river reopened.", 1)]
    marks, dropped = compare(now, previous(*LAST_WEEK))
    assert [m.status for m in marks.values()] == ["updated", "new"]
    assert [r["text"] for r in dropped] == [BUDGET, QUOTAS]
    assert dropped[0]["sources"] == ["velmora-news.txt"] and dropped[0]["story"] == "Velmora"


def test_a_claim_restated_outside_this_weeks_claims_is_not_dropped():
    aside = Sentence("4", 9, 0, len(QUOTAS), QUOTAS.replace("protested", "again protested"))
    _, dropped = compare([], previous(*LAST_WEEK), [aside])
    assert [r["text"] for r in dropped] == [FLOODS, BUDGET]


def test_without_a_previous_week_everything_is_new():
    marks, dropped = compare([claim(FLOODS, 0), claim(BUDGET, 1)], [])
    assert [m.status for m in marks.values()] == ["new", "new"] and dropped == []


@pytest.mark.parametrize("a, b, same", [
    ("Floods killed 12 people", "Floods killed 30 people", True),
    ("Floods killed 12 people", "floods KILLED 12 people.", True),
    ("Floods killed people in 2024", "Floods killed people in 2025", True),
    ("Floods killed 12 people", "Fires killed 12 people", False),
])
def test_a_claims_fingerprint_ignores_its_numbers(a, b, same):
    assert (claim_key(a) == claim_key(b)) is same
