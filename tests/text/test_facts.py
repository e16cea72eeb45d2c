"""Dates and numbers in claims, and where the sources of one claim disagree on them."""

from __future__ import annotations

import pytest

from briefing import pipeline
from briefing.text import facts
from briefing.models import Evidence


def ev(source: str, sentence: str, index: int = 0) -> Evidence:
    return Evidence(source=source, sentence=sentence, start=0, end=len(sentence), index=index)


# (the dates a sentence mentions: tests/text/test_dates.py)


# --- resolve_year() -------------------------------------------------------------------------

def test_resolve_year_takes_the_publication_year():
    [d] = facts.resolve_year(facts.dates("on Oct. 26"), "2023-10-30")
    assert (d.year, d.month, d.first_day) == (2023, 10, 26)
    assert d.text == "Oct. 26"  # still as written


def test_resolve_year_takes_the_year_before_for_a_later_month():
    [d] = facts.resolve_year(facts.dates("on December 28"), "2024-01-05")
    assert d.year == 2023


def test_resolve_year_keeps_a_written_year():
    [d] = facts.resolve_year(facts.dates("on October 26, 2021"), "2023-10-30")
    assert d.year == 2021


@pytest.mark.parametrize("published", [None, "", "October 30, 2023"])
def test_resolve_year_without_a_usable_publication_date(published):
    [d] = facts.resolve_year(facts.dates("on Oct. 26"), published)
    assert d.year is None


def test_resolve_year_reads_a_timestamp():
    [d] = facts.resolve_year(facts.dates("on Oct. 26"), "2023-10-30T08:00:00Z")
    assert d.year == 2023


# --- numbers() ------------------------------------------------------------------------------

def test_numbers_read_percentages():
    for text in ("Traffic fell by 40 percent after the collapse.", "Traffic fell by 40% after the collapse.",
                 "Traffic fell 40 per cent."):
        [(value, written)] = facts.numbers(text).values()
        assert value == 40.0
        assert written.startswith(("40 percent", "40%", "40 per cent"))


def test_percentage_as_written_stops_at_the_unit():
    assert list(facts.numbers("Traffic fell by 40 percent after the collapse.").values()) == [(40.0, "40 percent")]


def test_numbers_ignore_years_and_bare_numbers():
    assert facts.numbers("In 2021 engineers warned the council.") == {}
    assert facts.numbers("The bridge was built in 1931.") == {}


@pytest.mark.parametrize("text,value,written", [
    ("The collapse killed 12 people on Thursday.", 12.0, "12 people"),
    ("Some 1,200 homes lost power.", 1200.0, "1,200 homes"),
    ("The repairs will cost 3.5 million euros.", 3.5e6, "3.5 million euros"),
])
def test_numbers_read_counted_nouns(text, value, written):
    assert list(facts.numbers(text).values()) == [(value, written)]


# --- discrepancies() ------------------------------------------------------------------------

def test_date_conflict_is_flagged_with_values_as_written():
    found = facts.discrepancies([
        ev("1", "The Kessel Bridge collapsed into the Arn river on October 26, 2023."),
        ev("2", "On Oct. 25, a span of the Kessel Bridge fell into the Arn river."),
    ], {})
    assert [(d.kind, d.values) for d in found] == [("date", {"1": "October 26, 2023", "2": "Oct. 25"})]


def test_overlapping_dates_are_not_flagged():
    assert facts.discrepancies([
        ev("1", "Lavrov visited Pyongyang on October 18, 2023."),
        ev("2", "In mid-October, Lavrov met with Kim in Pyongyang."),
    ], {}) == []


@pytest.mark.parametrize("a,b", [
    ("October 26, 2023", "Oct. 26"),
    ("October 26, 2023", "26 October 2023"),
    ("October 26, 2023", "2023-10-26"),
    ("October 26, 2023", "late October"),
    ("October 26, 2023", "October"),
])
def test_same_day_written_differently_is_not_flagged(a, b):
    assert facts.discrepancies([ev("1", f"The bridge fell on {a}."), ev("2", f"The bridge fell on {b}.")], {}) == []


def test_different_years_are_flagged():
    found = facts.discrepancies([ev("1", "The bridge fell on October 26, 2023."),
                                 ev("2", "The bridge fell on October 26, 2022.")], {})
    assert [d.kind for d in found] == ["date"]


def test_publication_year_decides_a_year_less_date():
    evidence = [ev("1", "The bridge fell on October 26, 2023."), ev("2", "The bridge fell on Oct. 26.")]
    assert facts.discrepancies(evidence, {"2": "2023-10-27"}) == []
    # published in spring 2023, "Oct. 26" can only mean October 2022
    found = facts.discrepancies(evidence, {"2": "2023-04-01"})
    assert [(d.kind, d.values) for d in found] == [("date", {"1": "October 26, 2023", "2": "Oct. 26"})]


def test_one_source_only_has_no_discrepancy():
    assert facts.discrepancies([ev("1", "It fell on October 26, 2023.", 0),
                                ev("1", "It fell on October 25, 2023.", 4)], {}) == []


def test_source_without_a_date_does_not_conflict():
    assert facts.discrepancies([ev("1", "The bridge fell on October 26, 2023."),
                                ev("2", "The bridge fell into the river.")], {}) == []


def test_percentage_conflict_is_flagged():
    found = facts.discrepancies([ev("1", "Traffic fell by 40 percent after the collapse."),
                                 ev("2", "Traffic dropped 45 percent after the collapse.")], {})
    assert [d.kind for d in found] == ["number"]
    assert sorted(found[0].values) == ["1", "2"]
    assert found[0].values["1"].startswith("40 percent") and found[0].values["2"].startswith("45 percent")


def test_number_conflict_is_flagged():
    found = facts.discrepancies([ev("1", "The collapse killed 12 people, officials said."),
                                 ev("2", "At least 15 people died in the collapse.")], {})
    assert [(d.kind, d.values) for d in found] == [("number", {"1": "12 people", "2": "15 people"})]


@pytest.mark.parametrize("a,b", [
    ("The collapse killed 12 people, officials said.", "At least 12 people died in the collapse."),
    ("Traffic fell by 40 percent after the collapse.", "Traffic dropped 40% after the collapse."),
])
def test_same_numbers_are_not_flagged(a, b):
    assert facts.discrepancies([ev("1", a), ev("2", b)], {}) == []


# --- end to end: a claim from two written articles carries the conflict ---------------------

BRIDGE_1 = """Kessel Bridge Collapses in Varnholm

The Kessel Bridge in the northern city of Varnholm collapsed into the Arn river on October 26, 2023, killing 12 people.

Rescue divers pulled survivors from the cold water for most of the night, the fire brigade said.

Mayor Petra Lind declared three days of mourning and promised a full inquiry into the disaster.
"""
BRIDGE_2 = """---
title: Deadly Collapse in Varnholm
published: 2023-10-27
---

On Oct. 25, a span of Varnholm's Kessel Bridge fell into the Arn river, and 15 people died in the collapse.

Traffic between the harbour district and the old town has been diverted over the ring road.

Opposition councillors demanded the resignation of the transport chief on Friday.
"""


@pytest.fixture
def bridge_claim(write, tmp_path):
    write("bridge/1.txt", BRIDGE_1)
    write("bridge/2.md", BRIDGE_2)
    result = pipeline.build([str(tmp_path / "bridge")])
    claims = result.brief.key_points + [c for s in result.brief.sections for c in s.claims]  # it may lead
    return next(c for c in claims if c.text.startswith(("The Kessel Bridge", "On Oct. 25")))


def test_built_claim_carries_the_date_conflict(bridge_claim):
    assert bridge_claim.source_ids == ["1", "2"]
    dates = [d for d in bridge_claim.discrepancies if d.kind == "date"]
    assert [d.values for d in dates] == [{"1": "October 26, 2023", "2": "Oct. 25"}]


def test_built_claim_carries_the_number_conflict(bridge_claim):
    numbers = [d for d in bridge_claim.discrepancies if d.kind == "number"]
    assert [d.values for d in numbers] == [{"1": "12 people", "2": "15 people"}]
