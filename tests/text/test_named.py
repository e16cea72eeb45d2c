"""Who the sources name (issue 12, actors): a dateline, an agency's credit, an outlet that is
told something, a name cut short or a rank before a name are not listed as actors.
Invented sentences."""

from __future__ import annotations

from briefing.text.named import named, recurring


def names(text: str) -> list[str]:
    return [n.name for n in named(text)]


def test_a_dateline_city_in_capitals_is_not_an_actor():
    sources = {"1": ["TARVO (Reuters) - Protesters seized the Varnholm Transport Authority offices, the KDP said."],
                "2": ["DORVIK/TARVO, Kessland - The Varnholm Transport Authority offices were seized, the KDP said."]}
    found = {name for name, _ in recurring(sources)}
    assert found == {"Varnholm Transport Authority", "KDP"}


def test_an_agency_credit_in_brackets_is_not_an_actor():
    assert names("Dorvik (KTV) Protesters seized the offices of the Varnholm Transport Authority.") == [
        "Varnholm Transport Authority"]
    assert names("(KTV) Hundreds of drones fly near airports, the KDP said.") == ["KDP"]


def test_an_acronym_inside_a_longer_name_is_not_listed_cut_short():
    assert names("A spokesman for the KDP told KTV News on Monday that Dorvik SWAT officers had left.") == ["KDP"]


def test_an_acronym_after_an_opening_word_is_still_a_name():
    assert names("The KDP said fares would rise.") == ["KDP"]


def test_an_organisation_whose_first_word_is_cut_is_not_listed():
    assert "Operations Center" not in names("Capt. Ana Ruiz of the 12th Air Operations Center at Dorvik said so.")


def test_a_rank_before_a_name_is_not_part_of_it():
    assert names("Senior Airman Jon Berg, with the 15th squadron, said the drill went well.") == ["Jon Berg"]
    assert names("Corporal Ida Lund said the drill went well.") == ["Ida Lund"]
