"""A sentence's vocabulary: stems, no stop words, one token per country or organisation."""

from __future__ import annotations

import pytest

from briefing.text.terms import entities, entity_names, entity_spans, spelling_variants, stem, terms


@pytest.mark.parametrize("text, expected", [
    ("Soldiers were running", ("soldier", "run")),
    ("The elections", ("elect",)),
    ("The army's tanks", ("armi", "tank")),
    ("It is in the of and", ()),  # stop words only
    ("12 tanks on 3 March 2024", ("tank", "march", "2024")),  # counts are facts, a year is kept
    ("talks in Jan and January", ("talk", "januari", "januari")),
])
def test_stems_without_stop_words(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize("a, b", [
    ("North Korea fired a missile", "The DPRK fired a missile"),
    ("A Pyongyang unit fired a missile", "A North Korean unit fired a missile"),
    ("The United States of America said", "Washington said"),
    ("The U.S. said", "Americans said"),
    ("The Kremlin said", "Russia said"),
    ("NATO met", "The North Atlantic Treaty Organization met"),
    ("The UN met", "The United Nations met"),
])
def test_names_of_one_country_or_organisation_are_one_term(a, b):
    assert set(terms(a)) == set(terms(b))


@pytest.mark.parametrize("a, b", [
    ("North Korea fired a missile", "South Korea fired a missile"),
    ("The UN met", "The UN Security Council met"),  # the longer name wins
    ("Russia said", "Belarus said"),
])
def test_different_countries_stay_apart(a, b):
    assert set(terms(a)) != set(terms(b))


@pytest.mark.parametrize("text, names", [
    ("Seoul and Tokyo protested to Beijing", ["south_korea", "japan", "china"]),
    ("USAID staff left", []),  # a name inside a longer word is no name
    ("the us and them", []),  # matched case-sensitively
    ("He flew to the U.K. and then the UK", ["united_kingdom", "united_kingdom"]),
])
def test_entity_names(text, names):
    assert entity_names(text) == names
    assert len(entities(text)) == len(entity_spans(text)) == len(names)


def test_entity_spans_point_at_the_names():
    text = "Officials in the DPRK and Moscow agreed."
    assert [text[a:b] for a, b in entity_spans(text)] == ["DPRK", "Moscow"]


@pytest.mark.parametrize("texts, same, different", [
    (["Officials said Sergey Lavrov spoke.", "Minister Sergei Lavrov spoke."], [("Sergey", "Sergei")], []),
    (["Leader Kim Jong Un spoke.", "Leader Kim Jung Un spoke."], [("Jong", "Jung")], []),
    (["Nurse Maria Lopez spoke.", "Nurse Marta Lopez spoke."], [], [("Maria", "Marta")]),  # a consonant: two people
    (["Judge Ivan Petrov spoke.", "Judge Evan Petrov spoke."], [], [("Ivan", "Evan")]),  # not the first letter
])
def test_spelling_variants_of_one_name(texts, same, different):
    canonical = spelling_variants(texts)

    def one(name: str) -> str:
        return canonical.get(stem(name), stem(name))

    for a, b in same:
        assert one(a) == one(b)
    for a, b in different:
        assert one(a) != one(b)


def test_names_at_the_start_of_a_sentence_are_not_taken_for_names():
    assert spelling_variants(["Sergey spoke.", "Sergei spoke."]) == {}
