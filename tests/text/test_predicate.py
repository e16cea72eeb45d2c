"""The predicate of a claim (issue 12): the verbs that make it, not those that frame or qualify
it, and whether two sentences can report one event. Invented sentences."""

from __future__ import annotations

from briefing.text.predicate import predicates, same_predicate, subject


def test_the_finite_verbs_make_the_predicate_not_infinitives_or_reporting_verbs():
    assert predicates("The Tarvo plan was developed by the harbour office to address fraud, officials said.") == {"develop"}


def test_a_passive_or_progressive_after_be_is_a_verb_and_a_plural_noun_is_not():
    assert predicates("Both divers were hurt and the crews were searching the Arn river.") == {"hurt", "search"}
    assert predicates("The attacks on the forces in Dorvik worried the mayor.") == {"worry"}


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_verb():
    assert predicates("The mayor visited Hope and Faith Harbour yesterday.") == {"visit"}


def test_a_verb_restated_as_its_event_noun_is_the_same_predicate():
    assert same_predicate("Rebels killed the mayor of Dorvik on Sunday.",
                          "The killing of the mayor of Dorvik by rebels shocked the town.")


def test_different_verbs_about_the_same_people_are_different_predicates():
    assert not same_predicate("Colonel Ana Ruiz was rescued from the Tarvo mountains on Friday.",
                              "The two officers the Red Cross mentioned were Colonel Ana Ruiz and Major Jon Berg.")


def test_other_verbs_with_the_same_details_can_report_one_event():
    assert same_predicate("Protesters stormed the regional parliament building in Dorvik, waving flags.",
                          "In Dorvik, the protesters seized the regional parliament building.")


def test_words_both_quote_are_not_shared_detail():
    assert not same_predicate(
        'The Tarvo initiative was developed by the harbour office to "address smuggling and fraud plaguing the port region".',
        'The inquiry stemmed from the Tarvo initiative, meant to "address smuggling and fraud plaguing the port region".')


def test_other_verbs_about_the_same_subject_can_report_one_event():
    assert same_predicate("Mayor Petra Lind declared a week of mourning in Dorvik.",
                          "Mayor Petra Lind announced official mourning for the victims.")


def test_a_shared_participial_tail_or_after_clause_is_not_a_shared_claim():
    assert not same_predicate(
        "Norland says it will let travellers cross to the coast, opening a new route a day after Vessby shut its port.",
        "The first convoy of travellers has reached Norland - opening a new route to the coast, a day after Vessby shut its port.")


def test_a_shared_relative_clause_is_not_a_shared_claim():
    assert not same_predicate(
        "Guards closed a ferry landing near Arnby which had been used by thousands of traders to reach the islands.",
        "It has been used by thousands of traders to reach the islands, which lie beyond the reef.")


def test_an_announced_event_is_not_its_outcome():
    assert not same_predicate("A party official says Mayor Petra Lind will face a recall vote from councillors.",
                              "Mayor Petra Lind survived a recall vote from her party councillors on Tuesday.")


def test_an_announced_event_and_the_event_itself_with_one_verb_are_one_claim():
    assert same_predicate("The town office said the charter would be presented at a ceremony in Arnby.",
                          "Mayor Petra Lind presented the charter at a ceremony in Arnby.")


def test_when_a_claim_happened_is_not_its_subject():
    # the judge and the prosecutor acted in the same month: two subjects, not one
    assert subject("A judge in June approved a request from the district attorney.") == {"judg"}
    assert not subject("A judge in June approved the request.") & subject(
        "In June of this year, the district attorney dismissed the cases.")
