"""A citation states the claim (issue 12): two sources' sentences are one claim only when they
report the same thing, not when they share the story's names. Invented sentences."""

from __future__ import annotations

from briefing.models import Sentence
from briefing.text.same_claim import states_same
from briefing.text.similarity import SentenceIndex

FILLER = [
    "The ministry of transport published its annual report on rail safety in Tarnow.",
    "Farmers in the southern valley expect a poor harvest after the dry spring.",
    "The national football team lost its qualifying match on Saturday evening.",
    "Schools in the capital will reopen after the holiday next Monday.",
    "A new museum of modern art opened its doors to visitors in the old harbour.",
]


def index_of(*texts: str) -> SentenceIndex:
    sentences = [Sentence(str(k % 2 + 1), k, 0, len(t), t) for k, t in enumerate(list(texts) + FILLER)]
    return SentenceIndex(sentences)


def test_a_restatement_in_other_words_is_the_same_claim():
    index = index_of(
        "Rescue divers pulled eight survivors from the Arn river after the Kessel Bridge collapsed on Thursday.",
        "Eight survivors were pulled from the Arn river by rescue divers after the Kessel Bridge collapse.")
    assert states_same(index, 0, 1)


def test_the_same_people_with_a_different_outcome_are_two_claims():
    index = index_of(
        "Marek Olsen, head of the Varnholm Observatory for Civil Rights, said four rebels were killed near the border.",
        "Marek Olsen, head of the Varnholm Observatory for Civil Rights, said four rebels were wounded near the border.")
    assert not states_same(index, 0, 1)


def test_sentences_sharing_only_the_story_s_names_are_two_claims():
    # the story names Olsen, the observatory and Kessel throughout, as a news cluster does
    index = index_of(
        "Marek Olsen of the Varnholm Observatory said the talks in Kessel would resume next month.",
        "Marek Olsen of the Varnholm Observatory was born in Kessel and studied law abroad for years.",
        "The Varnholm Observatory counted the losses in Kessel, Marek Olsen said.",
        "Marek Olsen has led the Varnholm Observatory since it opened an office in Kessel.",
        "Critics of the Varnholm Observatory say Marek Olsen relies on sources in Kessel.")
    assert not states_same(index, 0, 1)


def test_a_short_sentence_repeated_word_for_word_is_the_same_claim():
    index = index_of("About 2,000 passengers were stranded overnight.", "About 2,000 passengers were stranded overnight.")
    assert states_same(index, 0, 1)


def test_the_same_people_with_a_different_predicate_are_two_claims():
    index = index_of(
        "Injured Varnholm reporter Marek Olsen has been rescued from Kessel, but the whereabouts of photographer Ida Lund remain unclear.",
        "The two reporters the Red Cross spokeswoman was referencing were Varnholm reporter Marek Olsen and photographer Ida Lund.")
    assert not states_same(index, 0, 1)


def test_a_question_states_no_claim():
    index = index_of("Did a drone strike the airliner landing at Kessel airport on Sunday?",
                     "A pilot reported that a drone struck his airliner landing at Kessel airport on Sunday.")
    assert not states_same(index, 0, 1)


def test_a_line_with_no_verb_states_no_claim():
    # a headline or a tweet's words quoted as a line: they name a state of affairs, nobody says it
    claim = "Kessel's stock market hit yet another all-time record high on Tuesday, the exchange said."
    assert not states_same(index_of(claim, "Kessel stock market at an all-time record high on Tuesday."), 0, 1)
    assert states_same(index_of(claim, "The Kessel stock market hit another all-time record high on Tuesday."), 0, 1)


def test_a_sentence_naming_its_subject_by_a_demonstrative_is_not_cited():
    # which reactor "that reactor" is, only the sentence before it says
    claim = "Officials at the Kessel plant said temperatures were rising in the spent fuel pools of reactors 5 and 6."
    assert not states_same(index_of(claim, "Temperatures at that reactor's spent fuel pool at the Kessel plant were rising."), 0, 1)
    assert states_same(index_of(claim, "Temperatures were rising in the spent fuel pools of reactors 5 and 6 at the Kessel plant, officials said."), 0, 1)


def test_a_sentence_cut_short_is_not_cited_for_a_whole_claim():
    # the two share the people, the place and "solitary confinement"; a sentence that breaks
    # off ("...") is no evidence: what it would have said is not on the page
    index = index_of(
        "Kessel prosecutors feared Marek Olsen would be held in solitary confinement and face a prison term of up to 40 years in Varnholm.",
        "The ruling on Marek Olsen's appeal against extradition to Varnholm, where he faced solitary confinement...")
    assert not states_same(index, 0, 1)


def test_a_restatement_in_other_words_and_details_is_still_the_same_claim():
    index = index_of(
        "Marek Olsen, 32, was visiting the Varnholm area to attend a training course on Monday.",
        "Marek Olsen, a 32-year-old engineer visiting Varnholm for a training course for his work, was found shot dead on Sunday morning in his car.")
    assert states_same(index, 0, 1)


def test_a_sentence_denying_the_verb_the_other_affirms_is_not_cited():
    affirmed = "Varnholm University officer Marek Olsen died from the gunshot wound he suffered on campus in Kessel."
    denied = "Varnholm University said none of its officers had ever died from a gunshot wound on campus in Kessel."
    assert not states_same(index_of(affirmed, denied), 0, 1)
    # the same denial in other words is still one claim
    index = index_of(
        "Investigators in Kessel have not ruled out sabotage of the Varnholm ferry engines by a crew member.",
        "Investigators in Kessel have ruled nothing out, including sabotage of the Varnholm ferry engines by a crew member.")
    assert states_same(index, 0, 1)
