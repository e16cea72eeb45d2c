"""The weekly brief as a reader meets it: a front page that leads with at most ten stories
(titles, leads that stand alone), short story bodies, the other stories one line each,
dates that hold, the comparison with the previous ISO week only, and the shelf of briefs.

The week here is written for the test (invented towns); the clustering's quality is
measured on real news in test_weekly_clusters.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.archive.ingest import Intake
from briefing.archive.store import Archive
from briefing.text.lead import leads_front_page as stands_alone
from briefing.weekly import build as weekly
from briefing.weekly import render as weekly_render
from briefing.weekly.layout import Layout
from tests.weekly.test_weekly import run

EVENTS = [  # town, what happened, a second fact, a third
    ("Lenvik", "The Lenvik council opened a ferry line to the outer islands on Monday",
     "The Lenvik ferry carries up to 300 passengers a day", "Island fishermen in Lenvik asked for an early crossing"),
    ("Halden", "A severe storm tore roofs from forty houses in Halden overnight",
     "The Halden hospital treated twelve people injured by the storm", "Engineers closed the old Halden bridge"),
    ("Norby", "The Norby city library reopened its restored reading hall after two years",
     "Architects kept the painted ceiling of the Norby reading hall", "Visitors queued outside the Norby library"),
    ("Brekke", "Copper miners in Brekke went on strike over unpaid overtime",
     "About 400 Brekke miners joined the strike on its first day", "Brekke mine managers promised talks"),
    ("Sorvik", "Firefighters in Sorvik contained a forest fire that burned for three days",
     "The Sorvik fire destroyed six cabins near the lake", "Sorvik residents returned to their homes"),
    ("Tromby", "Voters in Tromby elected Anna Berg as mayor with 61 percent",
     "Anna Berg promised new bus routes for Tromby", "Turnout in Tromby reached a record high"),
    ("Vennes", "A court in Vennes convicted two bankers of fraud on Thursday",
     "The Vennes bankers hid losses from pension savers", "Lawyers for the Vennes bankers said they would appeal"),
    ("Askby", "Doctors in Askby reported an outbreak of measles at two schools",
     "Askby health officials counted 48 measles cases", "Askby schools offered vaccinations to pupils"),
    ("Fjordal", "A landslide blocked the coastal road north of Fjordal after heavy rain",
     "Road crews in Fjordal cleared half the rubble by evening", "Fjordal buses took a mountain detour"),
    ("Kallen", "The Kallen power plant shut down after a turbine caught fire",
     "Kallen households lost electricity for nine hours", "Kallen grid operators brought in spare generators"),
    ("Molde", "Archaeologists near Molde unearthed a Viking ship burial",
     "The Molde ship burial holds swords and a bronze bowl", "The Molde museum will show the finds next year"),
    ("Rauma", "Rauma dock workers unloaded the largest container ship ever to visit the port",
     "The ship brought 9,000 containers to Rauma", "Rauma harbour officials called the visit historic"),
]


def write_event_week(folder: Path, titled: bool = True, day: str = "2023-10-24") -> Path:
    folder.mkdir(parents=True)
    for k, (town, lead, second, third) in enumerate(EVENTS):
        for outlet, text in (("Post", f"{lead}. {second}. {third}."), ("Herald", f"{lead}. {third}. {second}.")):
            title = f"title: {town} report from the {outlet}\n" if titled else ""
            (folder / f"{town.lower()}-{outlet.lower()}.md").write_text(
                f"---\n{title}publisher: {town} {outlet}\npublished: {day}\n---\n\n{text} Filed on {day}.\n",
                encoding="utf-8")
    return folder


def build_week(tmp_path: Path, titled: bool = True, layout: Layout = Layout()) -> tuple[weekly.WeeklyBrief, str]:
    with Archive(tmp_path / "news.db") as archive:
        Intake(archive, lambda r: None).run([str(write_event_week(tmp_path / "in", titled))])
        brief = weekly.build(archive, "2023-W43")
    return brief, weekly_render.to_markdown(brief, layout)


def front_page(md: str) -> str:
    return md.split("## Front page")[1].split("\n## 1.")[0]


@pytest.fixture(scope="module")
def untitled_week(tmp_path_factory):
    return build_week(tmp_path_factory.mktemp("untitled"), titled=False)


def test_each_event_is_one_story_and_no_article_is_lost(untitled_week):
    brief, _ = untitled_week
    assert len(brief.stories) == len(EVENTS)
    assert sorted(i for s in brief.stories for i in s.source_ids) == sorted(s.id for s in brief.sources)
    for story in brief.stories:
        towns = {Path(brief.sources[int(i) - 1].path).name.split("-")[0] for i in story.source_ids}
        assert len(towns) == 1, towns


def test_front_page_shows_ten_stories_with_leads_and_lists_the_rest_in_one_line(untitled_week):
    _, md = untitled_week
    front = front_page(md)
    top, others = front.split("### Other stories")
    numbered = [line for line in top.splitlines() if re.match(r"\d+\. \*\*", line)]
    assert len(numbered) == 10
    leads = [lead for _, lead, _, _ in EVENTS]
    for line in numbered:  # the whole lead, once (its first words bold, as the title), and its support
        text = line.replace("**", "")
        assert sum(text.count(lead) for lead in leads) == 1 and "sources from" in line, line
    listed = [line for line in others.splitlines() if line.startswith("- ")]
    assert len(listed) == 2 and all("(2 sources)" in line for line in listed)
    assert md.count("\n## ") == 10 + 2  # ten story bodies, then Sources... and nothing for the two others
    assert "## 11." not in md


def test_untitled_stories_are_titled_from_their_lead_never_brief_from_n_sources(untitled_week):
    brief, md = untitled_week
    assert "Brief from" not in md
    leads = {lead for _, lead, _, _ in EVENTS}
    for story in brief.stories:
        assert any(lead.startswith(story.title.rstrip(" …")) for lead in leads), story.title


def test_titled_stories_take_the_central_articles_headline(tmp_path):
    brief, md = build_week(tmp_path, titled=True)
    for story in brief.stories:
        headline = brief.sources[int(story.central) - 1].title
        assert story.title == headline and story.central in story.source_ids
    assert "**Lenvik report from the" in front_page(md)


def test_story_bodies_stay_short_and_the_full_briefs_are_an_appendix_on_request(tmp_path):
    brief, short = build_week(tmp_path, titled=False)
    full = weekly_render.to_markdown(brief, Layout(full_stories=True))
    assert "## Appendix: full story briefs" in full and "## Appendix" not in short
    for part in short.split("\n## ")[2:-1]:  # each top story's body
        claims = [line for line in part.splitlines() if line.startswith("- ")]
        assert claims and sum(len(line.split()) for line in claims) <= 170


@pytest.mark.parametrize("sentence", [
    "Neither claim could be confirmed independently.",
    "And we're asking them: What is your business?",
    "Where is the president?",
    "Next week, it will consider canceling the first-ever regular season games in league history.",
    "He said the talks would resume on Monday after the holiday weekend.",
    "The move angered opposition leaders who called for new elections this year.",
    "But this was not the first time the company had been fined by regulators.",
    "“We will not leave until the last family has a roof,” the mayor of the town said.",
])
def test_sentences_that_need_the_one_before_do_not_lead(sentence):
    assert not stands_alone(sentence)


@pytest.mark.parametrize("sentence", [
    "President-elect Donald Trump picked Rick Perry to head the Energy Department on Wednesday.",
    "Federal safety regulators opened a probe into a series of fires in Tesla electric cars.",
])
def test_sentences_that_say_what_happened_lead(sentence):
    assert stands_alone(sentence)


def test_the_first_brief_says_so_and_an_older_brief_is_not_last_week(tmp_path):
    with Archive(tmp_path / "news.db") as archive:
        archive.save_brief("2019-W47", [{"fingerprint": "x", "text": "Old claim from 2019.", "story": "Old",
                                         "sources": ["old"]}])
        Intake(archive, lambda r: None).run([str(write_event_week(tmp_path / "in", False))])
        brief = weekly.build(archive, "2023-W43")
    md = weekly_render.to_markdown(brief)
    assert brief.compared_with is None
    assert "first brief: no brief of 2023-W42 to compare with" in md
    assert "2019" not in md and "No longer reported" not in md


def test_the_library_build_records_the_brief_for_next_week(tmp_path):
    with Archive(tmp_path / "news.db") as archive:
        Intake(archive, lambda r: None).run([str(write_event_week(tmp_path / "w42", False, "2023-10-17"))])
        Intake(archive, lambda r: None).run([str(write_event_week(tmp_path / "w43", False, "2023-10-24"))])
        weekly.build(archive, "2023-W42")
        second = weekly.build(archive, "2023-W43")
    assert second.compared_with == "2023-W42"
    assert "marked against the brief of 2023-W42" in weekly_render.to_markdown(second)


def test_undated_articles_are_dated_from_file_name_or_text_else_a_warning_names_the_file(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "APW19981016.0240").write_text(
        "Doctors said President Boris Yeltsin was recovering from a bout of bronchitis at a Moscow clinic.\n",
        encoding="utf-8")
    (folder / "clinic.txt").write_text(
        "MOSCOW, Friday, October 16, 1998 -- Kremlin doctors examined President Boris Yeltsin again.\n",
        encoding="utf-8")
    (folder / "note.txt").write_text("Kremlin aides kept a close watch on the ailing Russian president's schedule.\n",
                                     encoding="utf-8")
    db = tmp_path / "news.db"
    result = run("ingest", str(folder), "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("APW19981016.0240" in line and "dated 1998-10-16 from its file name" in line for line in lines)
    assert any("clinic.txt" in line and "dated 1998-10-16 from its text" in line for line in lines)
    assert any("note.txt" in line and "undated" in line and "week it was ingested" in line for line in lines)
    listing = run("archive", "list", "--week", "1998-W42", "--db", str(db)).stdout
    assert "APW19981016.0240" in listing and "clinic.txt" in listing and "note.txt" not in listing


def test_the_shelf_lists_every_weeks_brief_newest_first(tmp_path):
    with Archive(tmp_path / "news.db") as archive:
        Intake(archive, lambda r: None).run([str(write_event_week(tmp_path / "w42", False, "2023-10-17"))])
        Intake(archive, lambda r: None).run([str(write_event_week(tmp_path / "w43", False, "2023-10-24"))])
        out = tmp_path / "out"
        weekly_render.write(weekly.build(archive, "2023-W43"), out, ("md", "html"), "brief")
        weekly_render.write(weekly.build(archive, "2023-W42"), out, ("md",), "brief")
    (out / "2023-W41<b>").mkdir()  # not a week folder: not listed
    index_md = (out / "index.md").read_text("utf-8")
    index_html = (out / "index.html").read_text("utf-8")
    assert index_md.index("2023-W43") < index_md.index("2023-W42")
    assert '<a href="2023-W43/brief.html">brief.html</a>' in index_html
    assert '<a href="2023-W42/brief.md">brief.md</a>' in index_html and "2023-W42/brief.html" not in index_html
    assert "<b>" not in index_html


@pytest.mark.parametrize("lead, title", [
    ("TASHGAR, Karvenia (AP) _ Voters in this former Soviet republic go to the polls Sunday in a presidential "
     "election.", "Voters in this former Soviet republic go to the polls …"),
    ("DONETSK/KIEV, Ukraine Pro-Russian protesters seized state buildings in three east Ukrainian cities on Sunday.",
     "Pro-Russian protesters seized state buildings in three east Ukrainian cities …"),
    ("(CNN) A fourth death in central Illinois has been connected to synthetic cannabinoid use, officials said.",
     "A fourth death in central Illinois has been connected …"),
])
def test_a_wire_storys_title_is_its_leads_opening_without_the_dateline(lead, title):
    from briefing.weekly.front import title_from

    assert title_from(lead) == title
