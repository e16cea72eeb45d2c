"""Sentence splitting on newswire and web copy: abbreviations never end a sentence when what
follows continues it, and every sentence stays an exact slice of the text."""

from __future__ import annotations

import pytest

from briefing.text.sentences import split_spans


def sentences(text: str) -> list[str]:
    spans = split_spans(text)
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text", [
    "Leaders will meet at the Oct. 27-28 summit of Nordic nations in Tallinn.",
    "The talks are set for Jan. 7-9 in a lakeside hotel near Lucerne.",
    "FROM AUG. 13: a drone nearly hit a rescue helicopter over the bay.",
    "The bill was tabled by Rt. Hon. Jane Marlow, the member for Dunmore.",
    "Air force chief Lt. Gen. Ivan Petrenko did not say who fired.",
    "Shells hit the home of Maj. Gen. Omar Haddad, the deputy intelligence chief.",
    "Sgt. Tom Keller of the Vermont National Guard led the search.",
    "Storm damage was confirmed by Gov. Ana Ruiz on Thursday.",
    "The measure was backed by Sen. Paul Dorn and Rep. Lisa Karl of Oregon.",
    "Only two members voted no: Sens. Ted Horn of Utah and Ray Pike of Idaho.",
    "He was moved to Cell No. 4 at the city jail.",
    "Former President George W. Bush praised the plan.",
])
def test_an_abbreviation_followed_by_its_continuation_ends_no_sentence(text):
    assert sentences(text) == [text]


def test_sentences_still_end_after_a_day_or_a_plain_word():
    text = "They met on Nov. 3. Then they left. The vote went to Rep. Ross and Gen. Ode. Both agreed."
    assert sentences(text) == ["They met on Nov. 3.", "Then they left.",
                               "The vote went to Rep. Ross and Gen. Ode.", "Both agreed."]


def test_joined_sentences_are_exact_slices():
    text = "Troops moved.  Lt.\nGen. Ivan Petrenko spoke on Oct.  27 in Kyiv. He left."
    spans = split_spans(text)
    assert [text[s:e] for s, e in spans] == ["Troops moved.", "Lt.\nGen. Ivan Petrenko spoke on Oct.  27 in Kyiv.",
                                             "He left."]
