"""Issue 13: a brief that reads well on any news — sources named, a title without headlines,
separate stories said, key points that lead with the news and are printed once, the appendix
only when asked for, sections by what a sentence does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.models import Article, Claim, Source
from briefing.render import views
from briefing.render import json as brief_json
from briefing.stages import classify, key_points, segment
from briefing.text import roles
from tests.conftest import ROOT

NEWSWIRE = ROOT / "tests" / "data" / "newswire"


def wire_folder(tmp_path: Path, story: str, names: list[str]) -> Path:
    """The story's first articles under newswire collection names (no headline, no metadata)."""
    folder = tmp_path / story
    folder.mkdir()
    for name, doc in zip(names, sorted((NEWSWIRE / story / "docs").glob("*.txt"))):
        shutil.copy(doc, folder / name)
    return folder


def test_wire_files_are_listed_by_outlet_and_date_and_the_title_comes_from_the_central_claim(tmp_path):
    folder = wire_folder(tmp_path, "b-crash", ["APW19981016.0240", "NYT19981017.0123", "plain.txt"])
    brief = pipeline.build([str(folder)]).brief
    md = views.to_markdown(brief)
    sources = md.split("\n## Sources\n", 1)[1]
    assert "AP Worldstream, 1998-10-16" in sources and "New York Times, 1998-10-17" in sources
    assert "Associated Press" in sources  # plain.txt: its dateline says "(AP) _"
    assert "Untitled" not in sources
    title = brief.title.rstrip("…")
    assert not title.startswith("Brief from") and 3 <= len(title.split()) <= 16
    texts = " ".join(" ".join(d.read_text().split()) for d in folder.iterdir())
    assert title in texts  # built from the sources' own words


def test_a_wire_story_s_first_line_is_its_title_without_the_dateline(tmp_path):
    body = ("Rescue divers searched the Arn river on Friday after the Kessel Bridge collapsed in Varnholm, "
            "killing at least twelve people, the city's mayor said at a news conference.\n\n"
            "Engineers had warned about corrosion in the bridge's steel cables for years, the mayor said.\n")
    (tmp_path / "a.txt").write_text("VARNHOLM, Norland (AP) — The Latest on the Kessel Bridge collapse (all times local):\n\n"
                                    + body, encoding="utf-8")
    assert pipeline.build([str(tmp_path / "a.txt")]).brief.title == "The Latest on the Kessel Bridge collapse (all times local)"


def test_articles_of_separate_stories_are_said_and_the_brief_is_of_the_largest(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for story, n in (("b-crash", 3), ("a-election", 2)):
        for doc in sorted((NEWSWIRE / story / "docs").glob("*.txt"))[:n]:
            shutil.copy(doc, folder / f"{story}-{doc.name}")
    result = pipeline.build([str(folder)])
    assert {Path(s.path).name[:7] for s in result.brief.sources} == {"b-crash"}
    left = sorted(Path(w.path).name for w in result.warnings if "another story" in w.reason)
    assert left == ["a-election-01.txt", "a-election-02.txt"]
    assert all("story 2 of 2" in w.reason and "--stories each" in w.reason for w in result.warnings)
    every = pipeline.build_stories([str(folder)])
    assert [len(r.brief.sources) for r in every] == [3, 2]
    assert [s.id for s in every[1].brief.sources] == ["1", "2"]
    together = pipeline.build([str(folder)], pipeline.Options(stories="all"))
    assert len(together.brief.sources) == 5 and not together.warnings


def test_one_story_told_by_several_articles_is_not_split(tmp_path):
    for story in ("a-election", "b-summit"):
        result = pipeline.build([str(NEWSWIRE / story / "docs")])
        assert not [w for w in result.warnings if "another story" in w.reason]


def test_the_appendix_is_printed_only_when_asked_for(tmp_path):
    folder = wire_folder(tmp_path, "a-storm", ["a.txt", "b.txt"])
    cmd = [sys.executable, "-m", "briefing", "build", str(folder), "--formats", "md", "-q"]
    subprocess.run(cmd + ["-o", str(tmp_path / "plain")], check=True, cwd=ROOT)
    subprocess.run(cmd + ["-o", str(tmp_path / "asked"), "--appendix"], check=True, cwd=ROOT)
    assert "Appendix" not in (tmp_path / "plain" / "brief.md").read_text()
    assert "## Appendix: source summaries" in (tmp_path / "asked" / "brief.md").read_text()


def test_key_points_are_printed_once_and_listed_in_their_section_in_the_json(example_build):
    brief = example_build.brief
    md = views.to_markdown(brief)
    for point in brief.key_points:
        assert md.count(" ".join(point.text.split())[:80]) == 1
    data = json.loads(brief_json.to_json(brief))
    marked = [c["id"] for s in data["sections"] for c in s["claims"] if c.get("key_point")]
    assert sorted(marked) == sorted(c.ref for c in brief.key_points)


def claim(text: str) -> Claim:
    return Claim(text=text, evidence=[], salience=1.0)


@pytest.mark.parametrize("text", [
    "Turkey has long accused Syria of sheltering Kurdish rebels fighting in the south-east.",
    "The rebels have been fighting for autonomy since 1984, at a cost of many thousands of lives.",
    "The two countries signed a border treaty in 1998 after months of talks in the capital.",
    '"We will not accept this under any circumstances whatever happens next," the statement read.',
    "He said the troops would stay on the border until the talks in Geneva produced a result.",
    "But the ministry gave no details of how many soldiers had been moved to the border area.",
])
def test_backstory_quotes_and_sentences_that_go_on_from_another_do_not_lead(text):
    assert not key_points.can_lead(claim(text), 2024)


def test_this_weeks_news_can_lead():
    assert key_points.can_lead(claim("Turkey massed troops on the Syrian border on Monday, officials in Ankara said."), 2024)


def _placed(*sentences: str) -> list[str]:
    doc = segment.segment(Article(Source("1"), "\n\n".join(sentences)))
    where = classify.sentence_sections(classify.load_scheme(), doc, roles.context([doc]))
    return [where[s.key] for s in doc.sentences]


def test_sections_by_what_a_sentence_does_on_an_unseen_kind_of_story():
    assert classify.load_scheme().model is not None  # the learned weights are shipped as data
    placed = _placed(
        "The health ministry of Lirao announced on Monday that the new vaccine would be free for all children.",
        "Opposition lawmakers condemned the plan and denied that the money had been set aside.",
        "Troops were deployed around the capital, and two soldiers were killed in an attack on an army post.",
        "The parliament is expected to vote on the plan next month, and talks with the unions may follow.")
    assert placed == ["statement", "reactions", "military_context", "outlook"]


_BRIDGE = [  # three reports of one closure, each telling what the council said before, in its lead
    "Lenvik council voted on Tuesday to close the old harbour bridge to all traffic after engineers found "
    "cracks in two of its piers.\n\nUntil last month, the council had said the bridge was safe for cars and "
    "buses, Mayor Ola Dahl told reporters.\n\nEngineers from the road agency will inspect the piers again on "
    "Friday, the council said.\n\nFerry operator Fjordline said it would add two sailings a day while the "
    "bridge is closed.",
    "The harbour bridge in Lenvik was closed to all traffic on Tuesday after the town council voted to shut it "
    "over cracks found in two piers.\n\nUntil last month, the council had said the bridge was safe for cars "
    "and buses, Mayor Ola Dahl said.\n\nFjordline, the ferry operator, said it would add two sailings a day "
    "during the closure.\n\nShop owners in the old town said the closure would cost them customers.",
    "Lenvik's council closed the old harbour bridge on Tuesday after engineers found cracks in two of its "
    "piers, Mayor Ola Dahl said.\n\nUntil last month, the council had said the bridge was safe for cars and "
    "buses, the mayor said.\n\nThe road agency will inspect the piers again on Friday, officials said.\n\n"
    "The bridge, built in 1931, carries about 9,000 vehicles a day.",
]


def test_what_was_so_until_last_month_is_shown_but_does_not_lead(tmp_path):
    for k, text in enumerate(_BRIDGE):
        (tmp_path / f"{k}.txt").write_text(text, encoding="utf-8")
    brief = pipeline.build([str(tmp_path)]).brief
    points = [c.text for c in brief.key_points]
    body = [c.text for s in brief.sections for c in s.claims]
    assert points and not [t for t in points if t.startswith("Until last month")]
    assert any(t.startswith("Lenvik council voted on Tuesday") or "closed" in t for t in points)
    assert [t for t in body if t.startswith("Until last month")]  # in the body, not lost


def test_a_key_point_is_told_as_news_or_the_brief_has_fewer(tmp_path):
    # one article: its first three sentences are told as news, the rest are its later paragraphs
    lead = ["Lenvik council voted on Tuesday to close the old harbour bridge after engineers found cracks in two piers.",
            "Mayor Ola Dahl said the bridge would stay closed to cars, buses and lorries until the repairs are done.",
            "The road agency said it would inspect the piers of the Lenvik bridge again on Friday morning."]
    later = ["Ferry operator Fjordline said it would add two sailings a day across the Lenvik fjord.",
             "Shop owners in the old town of Lenvik said the closure would cost them many customers.",
             "The Lenvik harbour bridge, built in 1931, carries about 9,000 vehicles on a working day.",
             "Fishermen in the Lenvik harbour said the repairs must not block the channel under the bridge.",
             "The county governor Kari Holm said the state would help pay for the repairs to the piers.",
             "Bus company Nordtrafikk said its buses would take the coast road through Sandvik instead.",
             "Parents at the Lenvik school said the children's buses now leave half an hour earlier.",
             "The opposition on the Lenvik council said warnings about the piers were ignored for years.",
             "Engineers said the cracks in the two piers were found during a routine check last week.",
             "Tourism officials in Lenvik said the summer season would suffer if the bridge stays shut.",
             "The fire service said its trucks would be stationed on both sides of the fjord in Lenvik.",
             "Road agency engineer Per Lunde said the piers had been repaired once before, in 1987."]
    (tmp_path / "a.txt").write_text("\n\n".join(lead + later), encoding="utf-8")
    brief = pipeline.build([str(tmp_path / "a.txt")]).brief
    points = [c.text for c in brief.key_points]
    assert points and all(t in lead for t in points), points
    assert [t for t in later if t in [c.text for s in brief.sections for c in s.claims]]  # shown, in the body
