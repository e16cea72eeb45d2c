"""The main clause of a sentence (issue 12): what it asserts, without relative, adverbial and
participial clauses or its reporting frame. Invented sentences."""

from __future__ import annotations

from briefing.text.clauses import main_clause


def test_relative_and_adverbial_clauses_are_cut():
    assert main_clause("Guards closed a ferry landing which had been used by traders.") == "Guards closed a ferry landing"
    assert main_clause("The mayor resigned on Friday after the audit found fraud.") == "The mayor resigned on Friday"


def test_a_participial_tail_after_a_comma_or_dash_is_cut_but_not_a_hyphenated_word():
    assert main_clause("Rebels took the bridge, cutting the road to Arnby.") == "Rebels took the bridge,"
    assert main_clause("High-ranking officers met the envoy.") == "High-ranking officers met the envoy."


def test_a_participle_with_its_object_modifying_a_noun_is_cut_but_the_main_verb_kept():
    assert main_clause("Fighters holding the bridge were captured by the army.") == "Fighters were captured by the army."
    assert main_clause("Guards closed a crossing point near Arnby.") == "Guards closed a crossing point near Arnby."


def test_the_reporting_frame_is_not_the_claim():
    assert main_clause("Officials in Arnby said that the bridge will reopen in May.") == "the bridge will reopen in May."
    assert main_clause("The bridge will reopen in May, the town's engineer said on Friday.") == "The bridge will reopen in May"
    assert main_clause("The bridge reopened, in what the mayor called a relief.") == "The bridge reopened,"
