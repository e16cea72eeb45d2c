"""A verb said to have happened in one sentence and denied in the other (text/polarity)."""

from __future__ import annotations

from briefing.text.polarity import opposed, verb_polarity


def test_a_negation_before_the_verb_in_its_clause_denies_it():
    assert verb_polarity("None of the officers had ever died on duty.")["die"] == {True}
    assert verb_polarity("The officer died on Sunday.")["die"] == {False}


def test_a_negation_as_the_verb_s_object_denies_it():
    assert verb_polarity("Investigators have ruled nothing out.")["rule"] == {True}
    assert verb_polarity("The inspectors found no evidence of fraud.")["find"] == {True}


def test_a_negation_ends_with_its_clause():
    # "did not return a call" denies the call, not what her office confirmed
    found = verb_polarity("Mosby did not return a call, but her office confirmed it had received the file.")
    assert found["return"] == {True}
    assert found["confirm"] == {False} and found["receive"] == {False}


def test_opposed_needs_one_verb_affirmed_in_one_and_denied_in_the_other():
    assert opposed("The officer died on Sunday.", "No officer had ever died on duty.")
    assert not opposed("Investigators have not ruled out sabotage.", "Investigators have ruled nothing out.")
    assert not opposed("The officer died on Sunday.", "The officer died after the shooting.")
    # a sentence with the verb both ways commits to neither
    assert not opposed("He died, though doctors said he had not died of the wound.", "He died on Sunday.")
