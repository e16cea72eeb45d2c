"""Stage 3: sentences are exact slices of the cleaned text."""

from __future__ import annotations

import pytest

from briefing.text.sentences import SumyTokenizer, split_spans
from briefing.sources import clean
from briefing.sources import files as ingest
from briefing.stages import segment
from briefing.models import Article, Heading, Source

from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_docs():
    return {k: segment.segment(clean.clean(ingest.read(p, k))) for k, p in SEEDS.items()}


def doc_of(text: str, headings=()) -> list:
    return list(segment.segment(Article(Source("1"), text, tuple(headings))).sentences)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_sentence_is_an_exact_slice(seed_docs, key):
    doc = seed_docs[key]
    text = doc.article.text
    assert doc.sentences
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert s.source_id == key
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_sentences_cover_the_text_in_order(seed_docs, key):
    """Nothing but white space lies between or around the sentences: no text is lost."""
    doc = seed_docs[key]
    text = doc.article.text
    pos = 0
    for s in doc.sentences:
        assert s.start >= pos
        assert text[pos:s.start].strip() == ""
        pos = s.end
    assert text[pos:].strip() == ""


# Counted by reading the seed articles: A has paragraphs of 7, 4, 2 and 5 sentences; B's nine
# paragraphs hold 1+1+1+1+2+3+3+2+1 (the Oct 25 quotation holds two); C's nine hold
# 2+3+3+2+2+3+2+2+3. The "U.S." inside sentences must not end them.
@pytest.mark.parametrize("key,count", [("A", 18), ("B", 15), ("C", 22)])
def test_seed_sentence_counts(seed_docs, key, count):
    assert len(seed_docs[key].sentences) == count


def test_paragraph_numbers_follow_blank_lines(seed_docs):
    doc = seed_docs["A"]
    assert [s.paragraph for s in doc.sentences] == [0] * 7 + [1] * 4 + [2] * 2 + [3] * 5


def test_quotation_spanning_two_sentences_keeps_its_closing_quote(seed_docs):
    sentences = [s.text for s in seed_docs["B"].sentences]
    first = next(i for i, t in enumerate(sentences) if t.startswith("On October 25, U.S. Secretary of State"))
    assert sentences[first].endswith("for use against the government and people of Ukraine.")
    assert sentences[first].count("“") == 1 and "”" not in sentences[first]
    second = sentences[first + 1]
    assert second.startswith("Such weapons deliveries, several of which we now confirm")
    assert second.endswith("war of aggression.”")


def test_quotation_in_small_text():
    text = ("The mayor said: “We will rebuild the bridge. It will be stronger than before.” "
            "Officials agreed with the plan.")
    assert [s.text for s in doc_of(text)] == [
        "The mayor said: “We will rebuild the bridge.",
        "It will be stronger than before.”",
        "Officials agreed with the plan.",
    ]


def test_abbreviations_do_not_split():
    text = "Dr. Smith of the U.S. Army Corps said on Oct. 26 that it was “a disaster.” Nobody disagreed."
    assert [s.text for s in doc_of(text)] == [
        "Dr. Smith of the U.S. Army Corps said on Oct. 26 that it was “a disaster.”",
        "Nobody disagreed.",
    ]


def test_apostrophes_survive(seed_docs):
    texts = [s.text for s in seed_docs["A"].sentences]
    assert any("North Korea’s alleged supply" in t for t in texts)
    assert any("“We don’t comment on this in any way.”" in t for t in texts)
    small = doc_of("The council’s vote isn’t due until Friday. The mayor's aides said so.")
    assert [s.text for s in small] == ["The council’s vote isn’t due until Friday.", "The mayor's aides said so."]


def test_sentences_carry_their_heading():
    text = "First paragraph says one thing.\n\nSecond paragraph says another.\n\nThird one ends it."
    offset = text.index("Second")
    sentences = doc_of(text, [Heading(offset, "Middle")])
    assert [s.heading for s in sentences] == [None, "Middle", "Middle"]
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_hard_wrapped_sentence_keeps_its_line_break():
    text = "The bridge collapsed early on\nThursday morning. Rescuers came."
    sentences = doc_of(text)
    assert sentences[0].text == "The bridge collapsed early on\nThursday morning."
    assert text[sentences[1].start:sentences[1].end] == "Rescuers came."


def test_empty_article_has_no_sentences():
    assert doc_of("") == []


def test_sumy_tokenizer_sentences():
    tokenizer = SumyTokenizer()
    assert tokenizer.language == "english"
    text = "The U.S. said so. North Korea’s envoy disagreed!\n\nIs that so?"
    assert tokenizer.to_sentences(text) == ("The U.S. said so.", "North Korea’s envoy disagreed!", "Is that so?")


def test_sumy_tokenizer_words():
    words = SumyTokenizer().to_words("North Korea’s well-known arms, 2023 deliveries; don't stop.")
    assert words == ("North", "Korea’s", "well-known", "arms", "2023", "deliveries", "don't", "stop")


@pytest.mark.parametrize("text,first", [
    ("WASHINGTON (AP) _ The Senate voted 62-38 on Tuesday to raise the wage.", "The Senate voted 62-38"),
    ("NEW YORK, Oct. 5 (Reuters) - Stocks fell sharply on Friday after the report.", "Stocks fell sharply"),
    ("MOSCOW — Russia said on Monday it would respond to the sanctions.", "Russia said on Monday"),
    ("TASHGAR, Karvenia (AP) _ Observers said Monday the vote was marred.", "Observers said Monday"),
    ("SAN FELIPE, Philippines (AP) _ The storm hit the coast on Monday.", "The storm hit the coast"),
    ("MANILA, Nov. 14 (Xinhua) -- The death toll rose to 231 on Friday.", "The death toll rose"),
])
def test_a_wire_dateline_is_not_part_of_the_first_sentence(text, first):
    spans = split_spans(text)
    sentences = [text[s:e] for s, e in spans]
    assert any(x.startswith(first) for x in sentences)
    assert all(not x.startswith(("_", "-", "—")) for x in sentences)


def test_a_hyphen_inside_a_sentence_is_not_a_dateline():
    text = "U.S. - led forces moved in on Monday, officials said."
    assert [text[s:e] for s, e in split_spans(text)] == [text]


def test_a_dateline_cut_off_whole_is_not_a_sentence():
    text = "MOSCOW (AP) _ Russian President Boris Yeltsin was hospitalized Monday, the Kremlin said."
    assert [text[s:e] for s, e in split_spans(text)] == [text[len("MOSCOW (AP) _ "):]]


def test_indented_lines_start_paragraphs_and_no_sentence_runs_across_them():
    # newswire copy: hard-wrapped lines, each paragraph indented, no blank lines between them
    text = ("   MOSCOW (AP) _ Boris Yeltsin was hospitalized Monday\n"
            "with a bleeding ulcer, the Kremlin said.\n"
            "   ``He will stay in hospital for several days,'' a spokesman said. ``He is fine.''\n"
            "   Doctors said the ulcer was not serious.\n")
    sentences = doc_of(text)
    assert [s.text for s in sentences] == [
        "Boris Yeltsin was hospitalized Monday\nwith a bleeding ulcer, the Kremlin said.",
        "``He will stay in hospital for several days,'' a spokesman said.",
        "``He is fine.''",
        "Doctors said the ulcer was not serious.",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_newswire_closing_quote_ends_a_sentence_and_stays_with_it():
    text = "He said: ``We go home.'' Then they left the room. ``Fine,'' he said."
    assert [text[s:e] for s, e in split_spans(text)] == [
        "He said: ``We go home.''", "Then they left the room.", "``Fine,'' he said."]


def test_a_semicolon_before_a_quotation_does_not_end_the_sentence():
    text = "He founded the Erkin\nDemocratic Party; ``erkin'' means ``free'' in Karvenian. He was 45."
    assert [text[s:e] for s, e in split_spans(text)] == [
        "He founded the Erkin\nDemocratic Party; ``erkin'' means ``free'' in Karvenian.", "He was 45."]
