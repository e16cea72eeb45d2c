"""Stage 2: cleaning keeps the article's prose and turns headlines, subheadings and bylines
into metadata, on the seed articles and on small articles written to show the rules are
general (shapes of lines), not tuned to the seed strings."""

from __future__ import annotations

import re

import pytest

from briefing.sources import clean
from briefing.sources import files as ingest
from briefing.stages import segment
from briefing.errors import InputError

from tests.conftest import SEEDS, norm


def cleaned(path, source_id="1"):
    return clean.clean(ingest.read(path, source_id))


@pytest.fixture(scope="module")
def seeds():
    return {k: cleaned(p, k) for k, p in SEEDS.items()}


# Lines of the seed pages that are debris, bylines or in-text headings (shared/gold/seeds.yaml,
# never_in_brief): none of them may be left in the cleaned text.
DEBRIS = [
    "Accessibility links", "Breaking News", "please wait", "No media source currently available",
    "0:00 0:03:48 0:00", "Check author posts", "Ezba Walayat", "Research Associate, Pakistan House",
    "(FILE) North Korean and Russian flags outside the city of Tsiolkovsky in Russia.",
    "The Reaction of North Korea and Russia", "The Reported Deal:", "Japan’s Concerns:",
    "International Implications:", "The Way Forward:",
]
SIZE_PICKER = ["XS", "SM", "MD", "LG"]


@pytest.mark.parametrize("line", DEBRIS)
def test_seed_debris_is_not_in_cleaned_text(seeds, line):
    for key, article in seeds.items():
        assert line not in article.text, f"{line!r} left in article {key}"


def test_seed_size_picker_lines_are_gone(seeds):
    for article in seeds.values():
        lines = [ln.strip() for ln in article.text.split("\n")]
        assert not set(SIZE_PICKER) & set(lines)
        assert not re.search(r"\b(XS|SM|MD|LG)\b", article.text)


def test_seed_headlines_are_titles_not_text(seeds):
    assert seeds["A"].source.title == ("Tripartite Outrage: South Korea, U.S. and Japan Condemn North Korea’s "
                                       "Alleged Arms Transfer to Russia")
    assert seeds["B"].source.title == "DPRK-Russia Arms Transfers Condemned"
    assert seeds["C"].source.title == "Potential North Korea-Russia Arms Deal Could Violate UN Resolutions, Japan Warns"
    for article in seeds.values():
        assert article.source.title not in article.text  # B repeats its headline; both copies go


def test_seed_a_byline_in_trailer_becomes_author(seeds):
    assert seeds["A"].source.author == "Ezba Walayat"
    assert seeds["B"].source.author is None
    assert seeds["C"].source.author is None


def test_seed_prose_paragraphs_are_all_kept(seeds):
    """Every line of a seed file that is prose (ends a sentence, several words) and not debris
    survives cleaning unchanged."""
    checked = 0
    for key, path in SEEDS.items():
        for line in path.read_text("utf-8").split("\n"):
            line = line.strip()
            if line in DEBRIS or not re.search(r"[.!?][”\"]?$", line) or len(line.split()) < 6:
                continue
            assert line in seeds[key].text, f"prose lost from {key}: {line[:60]!r}"
            checked += 1
    assert checked >= 20  # A has 4 prose paragraphs, B 9, C 9


def test_seed_c_subheadings_become_headings(seeds):
    article = seeds["C"]
    assert [h.text for h in article.headings] == [
        "The Reported Deal:", "Japan’s Concerns:", "International Implications:", "The Way Forward:"]
    assert article.text[article.headings[0].offset:].startswith("Reports about the potential arms deal")
    assert article.text[article.headings[-1].offset:].startswith("Efforts to address the potential arms deal")


def test_seed_c_sentences_carry_their_heading(seeds):
    by_start = {norm(s.text)[:40]: s.heading for s in segment.segment(seeds["C"]).sentences}

    def heading_of(prefix):
        return next(h for text, h in by_start.items() if text.startswith(norm(prefix)[:40]))

    assert heading_of("In recent developments that have raised international concerns") is None
    assert heading_of("Reports about the potential arms deal between North Korea") == "The Reported Deal:"
    assert heading_of("These resolutions explicitly prohibit") == "The Reported Deal:"
    assert heading_of("Japan’s Prime Minister has publicly voiced") == "Japan’s Concerns:"
    assert heading_of("It raises questions about the effectiveness") == "International Implications:"
    assert heading_of("As this situation develops, it is crucial") == "The Way Forward:"


def test_seed_a_heading_is_recorded(seeds):
    assert [h.text for h in seeds["A"].headings] == ["The Reaction of North Korea and Russia"]


def test_removed_lines_are_reported(seeds):
    removed = set(seeds["B"].removed)
    assert {"Accessibility links", "please wait", "0:00 0:03:48 0:00", "XS"} <= removed


# --- small articles: the rules are about shapes of lines ----------------------------------

P1 = ("The Kessel Bridge in the northern city of Varnholm collapsed into the Arn river on "
      "Thursday morning, officials said.")
P2 = "Rescue divers from the fire brigade searched the cold water through the night for survivors."
P3 = "Engineers had warned the city council in 2021 that the steel supports were badly corroded."


def test_by_line_at_the_top_becomes_the_author(write):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\nBy Jane Roe\n\n{P1}\n\n{P2}\n"))
    assert article.source.author == "Jane Roe"
    assert article.source.title == "Bridge Collapses in Varnholm"
    assert "Jane Roe" not in article.text
    assert article.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("byline", ["By Jane Roe, Staff Reporter", "By Jane Roe | Harbour Gazette"])
def test_by_line_with_affiliation_gives_the_name(write, byline):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{byline}\n\n{P1}\n\n{P2}\n"))
    assert article.source.author == "Jane Roe"
    assert "Jane Roe" not in article.text


@pytest.mark.parametrize("name", ["Siobhan O’Neil", "Ewan McDonald"])
def test_by_line_with_irish_or_scottish_surname(write, name):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\nBy {name}\n\n{P1}\n\n{P2}\n"))
    assert article.source.author == name


def test_name_shaped_label_in_header_is_not_an_author(write):
    article = cleaned(write("a.txt", f"Breaking News\n\nBridge Collapses in Varnholm\n\n{P1}\n\n{P2}\n"))
    assert article.source.author is None
    assert "Breaking News" not in article.text


def test_repeated_caption_is_dropped(write):
    caption = "Rescuers search the river below the fallen Kessel Bridge in Varnholm on Thursday."
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{caption}\n\n{P1}\n\n{caption}\n\n{P2}\n"))
    assert caption not in article.text
    assert article.text == f"{P1}\n\n{P2}"


def test_caption_with_credit_is_dropped(write):
    caption = "Rescuers search the river below the fallen Kessel Bridge in Varnholm. (Reuters)"
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\n{caption}\n\n{P2}\n"))
    assert "Rescuers search" not in article.text


def test_a_video_caption_closed_by_its_makers_credit_is_dropped_whole(write):
    # the video's caption reads like news, but its credit (names, a slash, the outlet) says
    # what it is; a bracketed aside in prose is kept
    caption = ("The council confirmed engineer Mara Lind to lead the Kessel Bridge inquiry. Here is what "
               "you need to know about her. (Ivo Rask,Ana Berg/The Varnholm Herald)")
    aside = "The inquiry (set up in May) will report to the council by June, the mayor said on Friday."
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{caption}\n\n{P1}\n\n{aside}\n\n{P2}\n"))
    assert "Mara Lind" not in article.text
    assert aside in article.text
    # ... with the player's buttons after the credit
    video = ("Harbour camera footage gave police the missing minutes of the Kessel Bridge collapse. The owner "
             "let police copy the video. (Ivo Rask/Varnholm Herald video) SEE MORE VIDEOS")
    article = cleaned(write("v.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\n{video}\n\n{P2}\n"))
    assert "Harbour camera" not in article.text and P2 in article.text
    # a headline, a standfirst and a photo's caption run together: the credit closes it
    block = ("Bridge inquiry Lind says the council ignored warnings, report reveals 'We told them "
             "every year,' writes the engineer in a letter now made public. The engineer's letter to the "
             "council was sent in March and went unanswered, the report says, and she resigned a week "
             "later. Photograph: Ivo Rask/Varnholm Herald")
    article = cleaned(write("b.txt", f"Bridge Collapses in Varnholm\n\n{block}\n\n{P1}\n\n{P2}\n"))
    assert "We told them" not in article.text and P1 in article.text


WRAPPED = """Bridge Collapses in Varnholm

The Kessel Bridge in the city of Varnholm collapsed into the river early on
Thursday morning, killing at least twelve people and injuring dozens more. City
officials said the cause of the collapse was not yet known, but engineers had
warned about corrosion for years.

Rescue teams searched the wreckage through the night for survivors of the
collapse, and the mayor declared three days of mourning for the victims.
"""


def test_hard_wrapped_paragraph_is_kept_as_prose(write):
    article = cleaned(write("a.txt", WRAPPED))
    assert article.source.title == "Bridge Collapses in Varnholm"
    body = WRAPPED.split("\n\n", 1)[1].strip()
    assert norm(article.text) == norm(body)
    assert article.removed == ()
    sentences = [s.text for s in segment.segment(article).sentences]
    assert len(sentences) == 3
    # sentences run across the line breaks, they are not cut at them
    assert sentences[0].startswith("The Kessel Bridge") and "\nThursday morning" in sentences[0]
    assert sentences[0].endswith("injuring dozens more.")
    assert sentences[1] == ("City\nofficials said the cause of the collapse was not yet known, but engineers had\n"
                            "warned about corrosion for years.")
    assert sentences[2].endswith("for the victims.")


def test_title_case_subheading_between_paragraphs_is_a_heading(write):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\nWarnings Went Unheeded for Years\n\n"
                                     f"{P3}\n\n{P2}\n"))
    assert "Warnings Went Unheeded" not in article.text
    assert [h.text for h in article.headings] == ["Warnings Went Unheeded for Years"]
    doc = segment.segment(article)
    assert [s.heading for s in doc.sentences] == [None, "Warnings Went Unheeded for Years",
                                                   "Warnings Went Unheeded for Years"]


def test_colon_subheading_is_a_heading(write):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\nWhat the engineers knew:\n\n{P3}\n"))
    assert "engineers knew" not in article.text  # not Title Case, but short and colon-ended
    assert [h.text for h in article.headings] == ["What the engineers knew:"]
    assert article.text[article.headings[0].offset:] == P3


@pytest.mark.parametrize("boilerplate", [
    "Sign up for our daily newsletter to get the latest headlines delivered to your inbox every morning.",
    "Copyright © 2023 Harbour Gazette Media Group. All rights reserved.",
    "This article was originally published by the Varnholm Courier and is republished with permission.",
])
def test_boilerplate_sentence_is_dropped(write, boilerplate):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\n{boilerplate}\n\n{P2}\n"))
    assert boilerplate not in article.text
    assert article.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("paragraph", [
    "The city spent more on a tourism advertisement campaign last year than on bridge maintenance, "
    "council records show.",
    "A cookie factory on the riverbank was evacuated after the collapse, and its forty workers were sent home.",
])
def test_prose_mentioning_a_boilerplate_word_is_kept(write, paragraph):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\n{paragraph}\n\n{P2}\n"))
    assert paragraph in article.text


@pytest.mark.parametrize("menu", [
    "Home\nWorld\nBusiness\nSport\nWeather\nContact us\n",
    "Home\n\nWorld News\n\nSign in\n\nSubscribe\n\nShare this article\n",
])
def test_menu_only_page_is_an_input_error(write, menu):
    with pytest.raises(InputError, match="no sentences left"):
        cleaned(write("menu.txt", menu))


def test_short_sentence_lines_are_not_prose(write):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\nRead more.\n\nHome.\n\n{P2}\n"))
    assert "Read more" not in article.text and "Home." not in article.text


def test_long_line_without_final_stop_is_prose(write):
    line = ("Rescue divers from the fire brigade searched the cold water of the Arn river through the "
            "night for survivors of the collapse")
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\n{line}\n\n{P3}\n"))
    assert line in article.text


def test_prose_paragraph_repeated_is_not_kept_twice(write):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P2}\n"))
    assert article.text.count(P2) <= 1


@pytest.mark.parametrize("byline,author", [
    ("BY JANE ROE", "Jane Roe"),
    ("By Jane Roe and John Doe", "Jane Roe and John Doe"),
])
def test_upper_case_and_joint_bylines(write, byline, author):
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{byline}\n\n{P1}\n\n{P2}\n"))
    assert article.source.author == author
    assert byline not in article.text


def test_a_long_paragraph_shown_twice_is_kept_once(write):
    lead = ("The Kessel Bridge in the northern city of Varnholm collapsed into the Arn river on Thursday "
            "evening, during the rush hour, sending dozens of cars and a crowded tram into the water below "
            "as commuters were heading home.")
    article = cleaned(write("a.txt", f"Bridge Collapses in Varnholm\n\n{lead}\n\n{P1}\n\n{lead}\n\n{P2}\n"))
    assert article.text.count(lead) == 1


def test_a_lead_wrapped_early_is_not_taken_for_a_headline(write):
    # plain wire text with no headline: the first line breaks early, mid-sentence
    text = ("The Senate voted 62-38 on Tuesday to approve a\n"
            "bill that would raise the federal minimum wage to $7.25 an hour over\n"
            "two years, handing a victory to Democrats.\n")
    article = cleaned(write("wire.txt", text))
    assert article.source.title is None
    assert article.text.startswith("The Senate voted 62-38 on Tuesday to approve a\nbill that would raise")
