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


def test_a_reporter_credited_by_an_outlet_is_not_an_actor():
    assert names("The BBC's Lyra Moss says buses have been taking travellers to the coast.") == []
    assert names("The mayor spoke on Friday. (Ivo Kranz / Varnholm Tribune)") == []
    assert names("Fares have doubled, the Varnholm Times has reported.") == []
    # the same outlet acting is still named
    assert "Varnholm Times" in names("The Varnholm Times sued the city over the closure.")


def test_adjectives_and_group_labels_are_not_names():
    assert names("Tory Loyalists are hoping to topple the mayor on Friday.") == []
    assert names("The Northern Irish border was closed, officials said.") == []
    assert names("The teams will march under the Unification Flag in Arnby.") == []


def test_a_name_inside_a_compound_or_before_a_common_noun_is_no_person():
    assert names("He was known for his pro-Le Pen positions at the university.") == []
    assert names("Troops raided districts of Deir Ezzor city on Sunday.") == []
    assert names("About 40 survived, according to the Yad Vashem memorial.") == []


def test_a_place_word_opening_a_name_a_title_abbreviation_and_names_with_inner_capitals():
    assert names("The deal was first reported by staff of the New Vessby Times on Monday.") == ["New Vessby Times"]
    # the words before "Rep." or "Sen." say who the titled person is; they are no one's name
    assert names("Norland Rep. Ana McKenna said the vote was close.") == ["Ana McKenna"]
    assert names("Veteran Norland Sen. Piet DeVries agreed to the deal.") == ["Piet DeVries"]
    assert names("Conan O'Dell said the vote was close.") == ["Conan O'Dell"]


def test_an_outlet_where_someone_spoke_or_works_is_not_an_actor():
    assert names("Ana Ruiz told KTV on Sunday that she would not sign.") == ["Ana Ruiz"]
    assert names("Ana Ruiz said on Vessby News that she would not sign.") == ["Ana Ruiz"]
    assert names("Vessby News host Ana Ruiz said the remarks were wrong.") == ["Ana Ruiz"]
    assert names("The KDP said on Monday that it would sign.") == ["KDP"]


def test_a_place_before_a_described_person_is_not_a_person():
    assert "Veteran Norland" not in names("Veteran Norland political analyst Ana Ruiz says the race is open.")
    assert names("Ruiz was thanked by the Norland Republican, who is considering a run.") == []


def test_an_organisation_keeps_the_title_words_of_its_name_and_its_head_may_come_before_of():
    assert names("The National Crime Agency of Norland said it would appeal.") == ["National Crime Agency of Norland"]
    assert names("The National Labour Relations Board ruled on Wednesday.") == ["National Labour Relations Board"]
    assert names("The Federal Bureau of Investigation opened a case.") == ["Federal Bureau of Investigation"]
    assert names("The Norland Black Caucus wrote a letter.") == ["Norland Black Caucus"]
