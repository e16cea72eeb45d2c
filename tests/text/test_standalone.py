"""Claims that stand alone: a sentence that points back is shown with the sentence it depends
on as one verbatim span, or not at all; quotations are never cut; questions, interview pieces,
captions and wire debris are never claims. Every sentence here is invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.models import Article, Source
from briefing.render import views as render
from briefing.render import json as brief_json
from briefing.sources.wire import scrub
from briefing.stages import segment
from briefing.text.standalone import MAX_SPAN_WORDS, of_document


def judge(*paragraphs: str, title: str = "") -> list[tuple[str, str, str]]:
    """(kind, shown text, reason) for every sentence of an article made of the paragraphs."""
    document = segment.segment(Article(Source("1", title=title or None), "\n\n".join(paragraphs)))
    out = []
    for i, _ in enumerate(document.sentences):
        st = of_document(document, i)
        text = document.article.text
        out.append((st.kind, text[document.sentences[st.first].start:document.sentences[st.last].end], st.reason))
    return out


LEAD = "Defence Minister Ana Ruiz ordered two brigades to the northern border on Monday."


@pytest.mark.parametrize("leaning", [
    "He said the troops would stay until the talks in Tallin resume.",
    "But this was the first deployment of its kind since 1999.",
    "Neither claim could be confirmed independently.",
    "That was the second time this year the border was reinforced.",
    "Some of this may sound minor, but the river is the only route for grain.",
    "The brigades are expected to arrive by Wednesday.",
    '"We told them that access to the border is essential," she said.',
    "The move follows weeks of shelling near the river crossings.",
])
def test_a_sentence_that_points_back_is_shown_with_the_sentence_before_it(leaning):
    lead = LEAD.replace("ordered", "moved") if leaning.startswith("The move") else LEAD
    (kind0, _, _), (kind, shown, reason) = judge(lead + " " + leaning)
    assert kind0 == "alone"
    assert kind == "joined" and shown == lead + " " + leaning and reason


@pytest.mark.parametrize("before, leaning", [
    ("Shelling resumed near the river crossings overnight.", "He said the troops would stay."),
    ("Shelling resumed near the river crossings overnight.", "The plane landed safely, officials said."),
    ("Shelling resumed near the river crossings overnight.", "We believe they are moving mortars closer."),
])
def test_it_is_not_shown_when_the_sentence_before_does_not_name_what_it_points_to(before, leaning):
    assert judge(before + " " + leaning)[1][0] == "unfit"


def test_a_sentence_that_opens_an_article_by_pointing_back_is_not_shown():
    assert judge("He said the troops would stay until the talks resume.")[0][0] == "unfit"


def test_a_sentence_that_names_what_it_speaks_of_stands_alone():
    kinds = [k for k, _, _ in judge(
        "The number of refugees crossing at Vessby rose to 4,000 on Monday.",
        "This week the city council voted to open two more shelters.",
        "It was unclear whether the camp at Nordhavn would reopen.",
        "The government of Norland said the border would stay open.",
        "The foreign ministers of Norland and Sudland met in Vessby on October 26, 2023.")]
    assert kinds == ["alone"] * 5


def test_a_quotation_is_never_cut():
    first = 'Ruiz told reporters: "The brigades will hold the line.'
    second = 'No one will cross this border without our consent."'
    rows = judge(first + " " + second, "Shelling resumed near the river crossings overnight.")
    assert rows[0][:2] == ("joined", first + " " + second)
    assert rows[1][:2] == ("joined", first + " " + second)
    assert rows[2][0] == "alone"
    # a quotation still open at the end of its paragraph cannot be shown whole
    rows = judge('Ruiz said: "The brigades will hold the line. No one will cross this border.', LEAD)
    assert [k for k, _, _ in rows[:2]] == ["unfit", "unfit"]


def test_a_quotation_with_no_speaker_needs_the_sentence_that_names_one():
    quote = '"We will not give up a metre of this land."'
    rows = judge(LEAD + " " + quote)
    assert rows[1][:2] == ("joined", LEAD + " " + quote)


@pytest.mark.parametrize("sentence, reason", [
    ("Do you see any problems with the new border posts?", "question"),
    ("Q. What will the brigades do at the border?", "question"),
    ("A. Let me say first that the border stays open to trade.", "interview marker"),
    ("RUIZ: We have moved two brigades and we will not move them back.", "interview marker"),
    ("Soldiers unload supplies at a depot near Vessby, Norland, Tuesday, March 5, 2024.", "caption"),
    ("Soldiers unload supplies at a depot near Vessby March 5, 2024.", "caption"),
    ("Soldiers unload supplies at a depot near Vessby (AP Photo/Jane Roe) on Tuesday.", "caption"),
    ("Troops arrived at the northern border after a long night of...", "cut off"),
    ("Norland Oil fell 74] while Sudland Gas jumped 7| on the exchange.", "wire debris"),
    ("View Slideshow Soldiers unload supplies at a depot near Vessby on Tuesday.", "wire debris"),
    ("The rules for flying drones near the border posts", "no sentence ending"),
    ("Defence Minister Ana Ruiz talks at the Vessby barracks about the deployment on Monday.", "caption"),
    ("Anchor Piet Berg anchors from Vessby on Monday and Tuesday at 6:30pm.", "caption"),
    ("-A deployment, however well run, is wasteful if it does not fit the region's needs.", "list item"),
    ("Updated 7:51 a.m. ET May 14 with the minister's announcement.", "label"),
    ("Afternoon: Ruiz is questioned by the defence committee in Tallin.", "label"),
])
def test_what_is_no_statement_is_never_a_claim(sentence, reason):
    assert judge(sentence)[0][0::2] == ("unfit", reason)


def test_a_span_longer_than_one_claim_is_not_shown():
    long_lead = "Defence Minister Ana Ruiz, " + "who " + " and ".join(["spoke in Vessby"] * 30) + ", ordered troops north."
    assert len(long_lead.split()) > MAX_SPAN_WORDS
    assert judge(long_lead + " He said they would stay.")[1][0] == "unfit"


# -- wire markup ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, cleaned", [
    ("Do you see any problems?(end italics) A. Let me say this.", "Do you see any problems? A. Let me say this."),
    ("(begin italics)The ministers met.(end italics)", "The ministers met."),
    ("&UR; Rebels took the town on Monday. &LR;", "Rebels took the town on Monday."),
    ("Shares of Smith &AMP; Sons rose; R&B; sales fell.", "Shares of Smith & Sons rose; R&B; sales fell."),
    ("MOSCOW (AP) _ Troops moved north _ and then stopped.", "MOSCOW (AP) — Troops moved north — and then stopped."),
    ("  An indented paragraph (END OPTIONAL TRIM)\n  and the next one.", "  An indented paragraph\n  and the next one."),
    ("a snake_case name and file_name stay", "a snake_case name and file_name stay"),
])
def test_wire_editing_marks_and_entity_codes_are_taken_out(raw, cleaned):
    assert scrub(raw) == cleaned


WIRE_STORY = """VESSBY, Norland (AP) _ Defence Minister Ana Ruiz ordered two brigades to the northern border on Monday, &LR; the ministry said.

(begin italics) Ruiz said the deployment was the largest since 1999. (end italics) She said the troops would stay until talks resume.

Do you expect the talks to resume soon?

Soldiers unload supplies at a depot near Vessby, Norland, Tuesday, March 5, 2024. (Associated Press)

Read More

Shelling resumed near the river crossings overnight, local officials said, and two bridges were closed.
"""


def test_a_wire_story_brief_shows_no_debris_and_only_claims_that_stand_alone(write):
    path = write("wire/APW20240305.0001", WIRE_STORY)
    result = pipeline.build([str(path.parent)])
    brief = result.brief
    as_json = brief_json.to_dict(brief)
    texts = {s.source_id: s.document.article.text for s in result.summaries}
    shown = [c for s in as_json["sections"] for c in s["claims"]] + as_json["key_points"]
    assert shown
    md = render.to_markdown(brief)
    for debris in ("&LR;", "(begin italics)", "(end italics)", " _ ", "\\_", "Read More", "Associated Press",
                   "Do you expect"):
        assert debris not in md and all(debris not in c["text"] for c in shown), debris
    for claim in shown:
        assert not claim["text"].startswith("She said")
        assert claim["text"] in [e["sentence"] for e in claim["evidence"]]
        for e in claim["evidence"]:  # exact slices of the cleaned text, offsets to match
            assert texts[e["source"]][e["start"]:e["end"]] == e["sentence"]
    # "She said ..." is shown only after the sentence that names her (here that sentence is a
    # claim of its own, so it is not shown twice)
    for claim in shown:
        if "She said the troops" in claim["text"]:
            assert claim["text"].startswith("Ruiz said the deployment")


# -- on the real judged clusters (../shared, not in the repository) ------------------------------

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devsets" / "multinews"
JUDGED = ROOT / "tests" / "judged" / "multinews"
needs_devset = pytest.mark.skipif(not DEVSET.is_dir(), reason=f"{DEVSET} is absent: the judged clusters' "
                                  "articles live in ../shared beside the repository")
# How many shown claims cannot stand alone on the judged clusters is pinned with the other judged
# measures in tests/summary/test_judged_gate.py ([judged] in tests/quality_floors.toml).


@needs_devset
def test_no_sentence_of_the_judged_articles_ends_at_a_title_or_a_month_before_its_continuation():
    from briefing.text.sentences import split_spans

    cut = []
    for path in sorted(DEVSET.glob("*/docs/*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_spans(text)
        for (_, end), (start, _) in zip(spans, spans[1:]):
            tail, following = text[max(0, end - 6):end], text[start:start + 12]
            if re.search(r"\b(?:Gov|Lt|Gen|Sgt|Maj|Col|Capt|Sen|Rep|Rt|Hon)\.$", tail) and following[:1].isupper() \
                    and "\n\n" not in text[end:start]:
                cut.append(f"{path.parent.parent.name}/{path.name}:{end}")
            if re.search(r"\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$", tail, re.I) and following[:1].isdigit():
                cut.append(f"{path.parent.parent.name}/{path.name}:{end}")
    assert cut == []


@pytest.mark.parametrize("sentence", [
    "On the border, they’ve been waiting for months for the crossing to open.",  # a pronoun after a fronted phrase
    "Of the 10, four have trial dates already set in Vessby this year.",  # a set counted before
    "Ruiz signed the order the same day.",  # a day set by what came before
    "Norland responded in kind with its own tariffs.",  # a reply to what came before
    "The new pressure on Ruiz, the defence minister, comes a day after she ordered the brigades north.",
    '"Without your support, it will be hard to hold the line," he said, referring to the council that took power in Tallin.',
    "Which, as the minister noted, is not a refusal.",  # a relative pronoun opening the sentence
    "Among the other measures are a curfew and a ban on flights near the border.",
    "Notwithstanding there is a need to keep the river crossings open.",
    "The search for her body continues.",  # a pronoun with no one named or described before it
    "After dismissing him, Ruiz told KTV that the general had been planning a coup.",
    "Vessby, in Norland, was a 7 on that scale.",  # a demonstrative after a preposition
    "The Norlandian inventor has been charged with negligent manslaughter.",  # a nationality and a noun
])
def test_a_sentence_that_leans_on_what_came_before_does_not_stand_alone(sentence):
    from briefing.text.standalone import alone

    assert alone(sentence)


@pytest.mark.parametrize("sentence", [
    "The latest figures from the statistics office show unemployment fell to 5 percent in May.",
    '"We will rebuild the bridge," Mayor Ana Ruiz said.',
    '"We will rebuild the bridge," said Mayor Ana Ruiz.',
    '"We will rebuild the bridge," Ana Ruiz, the mayor of Vessby, said.',
    "The vote on the bridge was held on the same day as the election in Norland, officials said.",
    "Among the dead were three soldiers from Vessby, the defence ministry said.",
    "Talks at the border resumed on Monday after a week of shelling near Vessby.",
    "Defence Minister Ana Ruiz said her brigades would stay at the border.",
    "Police said the woman was found in her car near the border post.",
    "Officials said at this point the talks in Tallin would resume next week.",
    "The Norlandian government denied the report on Monday.",
])
def test_a_sentence_that_names_its_own_references_stands_alone(sentence):
    from briefing.text.standalone import alone

    assert not alone(sentence)


def test_a_photo_marker_and_its_caption_never_reach_the_brief(write):
    body = ["Defence Minister Ana Ruiz ordered two brigades to the northern border on Monday.",
            "Image The minister, Ana Ruiz, said on Monday that the brigades would stay. Credit Jane Roe/The Vessby Times",
            "The brigades are to stay at the border until the talks in Tallin resume next month."]
    path = write("a.md", "---\ntitle: Brigades sent north\npublished: 2024-05-03\n---\n\n" + "\n\n".join(body) + "\n")
    markdown = render.to_markdown(pipeline.build([str(path)]).brief)
    assert "Ruiz ordered two brigades" in markdown
    assert "Image The minister" not in markdown and "Credit Jane Roe" not in markdown
