"""The weekly brief over two weeks of small articles written for the test: stories, and the
new / updated / continuing / dropped marks of the second week against the first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import count_pools, run_cli
from tests.conftest import ROOT, norm

WEEK_1 = {  # 2023-W42: 16 to 22 October
    "ferry-1.md": ("2023-10-16", "Island Post", "Lenvik to open ferry line",
                   "Officials in the harbour town of Lenvik said the new ferry line to the outer islands will open next month. "
                   "The ferry will carry up to 300 passengers a day between Lenvik and the islands. "
                   "Local shop owners in Lenvik welcomed the ferry plan, saying it would bring more visitors."),
    "ferry-2.md": ("2023-10-17", "Coast News", "Council approves Lenvik ferry",
                   "The Lenvik council approved a ferry line linking the harbour with the outer islands. "
                   "According to the council, the ferry will carry up to 300 passengers a day between Lenvik and the islands. "
                   "Fishermen on the islands worry that the ferry timetable ignores their early catches."),
    "storm-1.md": ("2023-10-18", "Valley Times", "Storm hits Halden",
                   "A severe storm swept through the valley town of Halden overnight, tearing roofs from houses. "
                   "The storm injured 12 people in Halden, the regional hospital said. "
                   "Engineers closed the old Halden bridge after the river rose above its warning mark."),
    "storm-2.md": ("2023-10-19", "Daily Courier", "Halden clears up after storm",
                   "Rescue crews in Halden spent the day clearing fallen trees after the overnight storm. "
                   "Hospital staff said the storm injured 12 people in Halden, two of them seriously. "
                   "The Halden bridge stays closed while engineers inspect its damaged pillars."),
    "library.md": ("2023-10-20", "Norby Gazette", "Norby library reopens",
                   "The city library of Norby reopened its restored reading hall after two years of renovation works. "
                   "Architects kept the original painted ceiling of the Norby reading hall intact. "
                   "Visitors queued outside the Norby library before the doors opened at nine."),
}
WEEK_2 = {  # 2023-W43: 23 to 29 October
    "ferry-3.md": ("2023-10-24", "Island Post", "Lenvik ferry fares published",
                   "The ferry will carry up to 300 passengers a day between Lenvik and the islands. "
                   "Ticket prices for the Lenvik ferry were published on Monday, with island residents paying half fare. "
                   "The first Lenvik ferry crossing to the islands is planned for early December."),
    "storm-3.md": ("2023-10-25", "Valley Times", "Halden storm toll rises",
                   "The storm injured 30 people in Halden, the regional hospital said in a revised count. "
                   "Insurance assessors began visiting storm-damaged houses in Halden this week. "
                   "The Halden bridge reopened to cars after engineers repaired its damaged pillars."),
    "storm-4.md": ("2023-10-26", "Daily Courier", "Halden counts the cost",
                   "Hospital figures released on Wednesday show the storm injured 30 people in Halden. "
                   "Volunteers collected blankets and food for families in Halden whose roofs the storm tore away. "
                   "The mayor of Halden promised grants to rebuild the storm-damaged houses."),
    "mine.md": ("2023-10-27", "Brekke Herald", "Brekke miners strike",
                "Workers at the copper mine in Brekke went on strike over unpaid overtime on Thursday. "
                "The union said about 400 miners in Brekke joined the strike on its first day. "
                "Managers of the Brekke mine said talks with the union would resume next week."),
}


def run(*args: str, env_db: Path | None = None):
    return run_cli(*args, env={"BRIEFING_DB": str(env_db)} if env_db else None)


def write_week(folder: Path, articles: dict) -> Path:
    folder.mkdir(parents=True)
    for name, (day, publisher, title, text) in articles.items():
        (folder / name).write_text(f"---\ntitle: {title}\npublisher: {publisher}\npublished: {day}\n---\n\n{text}\n",
                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def two_weeks(tmp_path_factory):
    root = tmp_path_factory.mktemp("weekly")
    db = root / "news.db"
    for folder, articles in (("w42", WEEK_1), ("w43", WEEK_2)):
        result = run("ingest", str(write_week(root / folder, articles)), env_db=db)
        assert result.returncode == 0, result.stdout + result.stderr
    out = root / "out"
    for week in ("2023-W42", "2023-W43"):
        result = run("weekly", "--week", week, "-o", str(out), "--formats", "md,json,html", env_db=db)
        assert result.returncode == 0, result.stderr
    md = {w: (out / w / "brief.md").read_text("utf-8") for w in ("2023-W42", "2023-W43")}
    js = {w: json.loads((out / w / "brief.json").read_text("utf-8")) for w in ("2023-W42", "2023-W43")}
    return root, db, md, js


def story_of(brief: dict, title: str) -> dict:
    by_source = {s["id"]: s["title"] for s in brief["sources"]}
    for story in brief["stories"]:
        if title in {by_source[i] for i in story["sources"]}:
            return story
    raise AssertionError(f"no story holds {title!r}")


def claims(story: dict) -> list[dict]:
    """The story's claims, each once: its sections list them all (key points marked)."""
    return [c for s in story["sections"] for c in s["claims"]]


def find(story: dict, text: str) -> dict:
    matches = [c for c in claims(story) if text in norm(c["text"])]
    assert len(matches) == 1, [c["text"] for c in claims(story)]
    return matches[0]


def test_articles_are_clustered_into_stories(two_weeks):
    _, _, _, js = two_weeks
    w42 = js["2023-W42"]
    titles = {s["id"]: s["title"] for s in w42["sources"]}
    grouped = sorted(sorted(titles[i] for i in s["sources"]) for s in w42["stories"])
    assert grouped == [["Council approves Lenvik ferry", "Lenvik to open ferry line"],
                       ["Halden clears up after storm", "Storm hits Halden"],
                       ["Norby library reopens"]]
    # two-source stories come before the single-source one, which is marked as such
    assert [s["single_source"] for s in w42["stories"]] == [False, False, True]
    # a claim two sources state is one claim citing both
    ferry = story_of(w42, "Lenvik to open ferry line")
    shared = find(ferry, "carry up to 300 passengers a day")
    assert len({e["source"] for e in shared["evidence"]}) == 2
    # the front page is each story's bottom line
    assert [c["text"] for c in w42["key_points"]] == [s["key_points"][0]["text"] for s in w42["stories"]]
    # the first brief has nothing to be compared with
    assert w42["compared_with"] is None and all(c["status"] is None for c in claims(ferry))


def test_second_week_marks_new_updated_continuing_and_dropped(two_weeks):
    _, _, md, js = two_weeks
    w43 = js["2023-W43"]
    assert w43["compared_with"] == "2023-W42"
    ferry = story_of(w43, "Lenvik ferry fares published")
    storm = story_of(w43, "Halden storm toll rises")
    mine = story_of(w43, "Brekke miners strike")
    assert storm["sources"] == sorted(storm["sources"]) and len(storm["sources"]) == 2
    assert mine["single_source"] and not storm["single_source"]

    continuing = find(ferry, "carry up to 300 passengers a day")
    assert continuing["status"] == "continuing" and continuing["changes"] == []
    assert find(ferry, "Ticket prices for the Lenvik ferry")["status"] == "new"

    updated = find(storm, "injured 30 people in Halden")
    assert updated["status"] == "updated"
    assert updated["changes"] == [{"was": "12 people", "now": "30 people"}]
    assert "injured 12 people" in updated["previous"]
    assert all(c["status"] == "new" for c in claims(mine))

    dropped = [d["text"] for d in w43["dropped"]]
    assert any("Norby reopened its restored reading hall" in t for t in dropped)
    assert not any("300 passengers" in t or "injured 12 people" in t for t in dropped)

    text = md["2023-W43"]
    assert "*Continuing:* The ferry will carry up to 300 passengers a day" in text
    assert "**Updated:** The storm injured 30 people in Halden" in text
    assert "*Changed since 2023-W42:* 12 people → 30 people" in text
    assert "**New:** Workers at the copper mine in Brekke" in text
    assert "*2 sources from 2 outlets, 2 independent origins*" in text
    assert "## No longer reported" in text
    dropped_part = text.split("## No longer reported")[1].split("## Sources")[0]
    assert "The city library of Norby reopened its restored reading hall" in dropped_part
    assert "Norby library reopens" in dropped_part  # says where last week's claim came from
    assert "*(single source)*" in text.split("## 1.")[0]  # the front page marks the single-source story
    html = (two_weeks[0] / "out" / "2023-W43" / "brief.html").read_text("utf-8")
    assert '<span class="mark mark-updated">Updated</span>' in html
    assert "Changed since 2023-W42:</span> 12 people → 30 people" in html


def test_same_week_built_twice_is_the_same_brief(two_weeks):
    root, db, md, js = two_weeks
    out = root / "again"
    result = run("weekly", "--week", "2023-W43", "-o", str(out), "--formats", "md,json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert (out / "2023-W43" / "brief.md").read_text("utf-8") == md["2023-W43"]
    assert json.loads((out / "2023-W43" / "brief.json").read_text("utf-8")) == js["2023-W43"]


def test_stories_built_in_two_processes_give_the_same_brief(two_weeks, monkeypatch):
    from briefing.weekly import build as weekly
    from briefing.weekly import render as weekly_render
    from briefing.archive.store import Archive
    from briefing.options import Options

    _, db, _, js = two_weeks
    monkeypatch.setattr(weekly, "PARALLEL_FROM", 0)
    with Archive(db, create=False) as archive:
        one = weekly_render.to_json(weekly.build(archive, "2023-W43", Options(jobs=1)))
        two = weekly_render.to_json(weekly.build(archive, "2023-W43", Options(jobs=2)))
    assert one == two
    assert json.loads(one) == js["2023-W43"]


def test_weekly_with_jobs_1_and_jobs_2_writes_the_same_brief(two_weeks, monkeypatch):
    from briefing import parallel
    from briefing.weekly import build as weekly

    root, db, md, js = two_weeks
    monkeypatch.setattr(weekly, "PARALLEL_FROM", 0)  # a small week on worker processes too
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)  # the same on a one-core machine
    pools = count_pools(monkeypatch)
    written = {}
    for jobs in ("1", "2"):
        out = root / f"jobs-{jobs}"
        result = run("weekly", "--week", "2023-W43", "-o", str(out), "--formats", "md,json", "--jobs", jobs,
                     env_db=db)
        assert result.returncode == 0, result.stderr
        written[jobs] = [(out / "2023-W43" / name).read_text("utf-8") for name in ("brief.md", "brief.json")]
    assert pools == [2]  # --jobs 1 started no pool; --jobs 2 one of two workers
    assert written["1"] == written["2"]
    assert written["2"][0] == md["2023-W43"] and json.loads(written["2"][1]) == js["2023-W43"]


def test_a_week_without_articles_is_a_clear_message_and_no_files(two_weeks):
    root, db, _, _ = two_weeks
    out = root / "empty"
    result = run("weekly", "--week", "2023-W30", "-o", str(out), "--db", str(db))
    assert result.returncode == 1
    assert "no articles" in result.stderr and "2023-W30" in result.stderr and "2023-07-24 to 2023-07-30" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_weekly_without_an_archive_says_how_to_make_one(tmp_path):
    result = run("weekly", "--week", "2023-W43", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and "no archive at" in result.stderr and "briefing ingest" in result.stderr
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "out").exists()


def test_bad_week_is_a_usage_error(tmp_path):
    result = run("weekly", "--week", "2023-43", "--db", str(tmp_path / "x.db"), "-o", str(tmp_path))
    assert result.returncode == 2 and "write it as 2023-W43" in result.stderr


def test_weekly_writes_all_formats_into_the_week_folder(two_weeks):
    root, db, _, _ = two_weeks
    out = root / "all"
    result = run("weekly", "--week", "2023-W42", "-o", str(out), "--name", "friday", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (out / "2023-W42").iterdir()) == \
        ["friday.html", "friday.json", "friday.md", "friday.pdf"]
    assert (out / "2023-W42" / "friday.pdf").read_bytes().startswith(b"%PDF")
    html = (out / "2023-W42" / "friday.html").read_text("utf-8")
    assert "Front page" in html and "Norby library reopens" in html


def test_archive_list_show_remove(two_weeks, tmp_path):
    _, db, _, _ = two_weeks
    copy = tmp_path / "copy.db"
    import sqlite3

    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    listing = run("archive", "list", "--week", "2023-W43", "--db", str(copy))
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 4
    assert "Brekke miners strike" in listing.stdout
    mine_id = next(l.split()[0] for l in listing.stdout.splitlines() if "Brekke" in l)
    shown = run("archive", "show", mine_id, "--db", str(copy))
    assert "title: Brekke miners strike" in shown.stdout and "publisher: Brekke Herald" in shown.stdout
    assert "Workers at the copper mine in Brekke" in shown.stdout
    assert run("archive", "remove", mine_id, "--db", str(copy)).returncode == 0
    assert "Brekke" not in run("archive", "list", "--db", str(copy)).stdout
    missing = run("archive", "show", "9999", "--db", str(copy))
    assert missing.returncode == 1 and "no article 9999" in missing.stderr


def test_help_of_the_archive_commands_imports_nothing_heavy():
    code = ("import sys, briefing.cli\n"
            "for c in ('ingest', 'archive', 'weekly'):\n"
            "    try:\n        briefing.cli.main([c, '--help'])\n    except SystemExit:\n        pass\n"
            "print('HEAVY', [m for m in ('weasyprint', 'sumy', 'nltk', 'trafilatura', 'feedparser', 'numpy', 'sqlite3')"
            " if m in sys.modules])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.count("Example:") == 3
    assert "HEAVY []" in result.stdout


def test_a_claim_repeated_by_a_sentence_outside_this_weeks_claims_is_not_dropped():
    from briefing.weekly import novelty
    from briefing.models import Sentence

    said = "The Halden bridge stays closed while engineers inspect its damaged pillars."
    previous = [{"fingerprint": novelty.claim_key(said), "text": said, "story": "Storm", "sources": []}]
    repeated = Sentence("7", 4, 0, 80, "The Halden bridge stays closed while engineers inspect the damaged pillars.")
    other = Sentence("7", 5, 81, 140, "Schools in Norby reopened after the autumn holidays on Monday.")
    assert novelty.compare([], previous, [other])[1] == previous
    assert novelty.compare([], previous, [other, repeated])[1] == []


def test_weekly_refuses_a_database_that_is_not_an_archive_and_leaves_it_untouched(tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    before = other.read_bytes()
    result = run("weekly", "--week", "2023-W43", "--db", str(other), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "is not a briefing archive" in result.stderr and "Traceback" not in result.stderr
    assert other.read_bytes() == before
    assert not (tmp_path / "other.sqlite-wal").exists()


def test_weekly_json_keeps_the_single_brief_contract_for_every_story(two_weeks):
    _, _, _, js = two_weeks
    brief = js["2023-W43"]
    assert {"timeline", "actors"} <= set(brief)
    ids = []
    for story in brief["stories"]:
        assert {"title", "key_points", "sections", "timeline", "actors", "sources"} <= set(story)
        for claim in claims(story):
            assert {"id", "support", "denied_by", "evidence", "discrepancies"} <= set(claim)
            ids.append(claim["id"])
    assert len(ids) == len(set(ids)), "claim ids must be unique across the week's stories"


def test_the_pdf_prints_a_page_without_the_sources_print_hides(two_weeks):
    # a busy week's PDF cites a few of its sources: the page it prints leaves the others out
    # (the HTML lists every source), so that laying out 5,000 hidden items costs nothing
    import re

    from briefing.archive.store import Archive
    from briefing.weekly import build as weekly
    from briefing.weekly import render
    from briefing.weekly.layout import Layout

    _, db, _, _ = two_weeks
    with Archive(db) as archive:
        brief = weekly.build(archive, "2023-W43", record=False)
    layout = Layout(top=0)  # every story one line, citing its central article
    listed = lambda page: set(re.findall(r'<li id="source-(\w+)"', page))  # noqa: E731
    screen, printed = render.to_html(brief, layout), render.to_html(brief, layout, for_print=True)
    assert listed(screen) == {s.id for s in brief.sources}
    assert listed(printed) == {s.central for s in brief.stories} != listed(screen)
    assert 'class="not-printed"' not in printed and 'class="not-printed"' in screen


def test_a_story_longer_than_its_read_limit_counts_every_source_and_cites_the_ones_read(two_weeks, monkeypatch):
    from briefing.archive.store import Archive
    from briefing.weekly import build as weekly
    from briefing.weekly import render as weekly_render

    _, db, _, js = two_weeks
    monkeypatch.setattr(weekly, "STORY_READ", 1)  # each two-source story reads its central article only
    with Archive(db, create=False) as archive:
        brief = json.loads(weekly_render.to_json(weekly.build(archive, "2023-W42", record=False)))
    full = js["2023-W42"]
    ferry, ferry_full = story_of(brief, "Lenvik to open ferry line"), story_of(full, "Lenvik to open ferry line")
    # the story still lists and counts both sources ...
    assert ferry["sources"] == ferry_full["sources"] and len(ferry["sources"]) == 2
    assert (ferry["origins"], ferry["outlets"]) == (ferry_full["origins"], ferry_full["outlets"])
    # ... but its claims cite only the article it read: its central one
    cited = {e["source"] for c in claims(ferry) for e in c["evidence"]}
    assert cited == {ferry["central"]}
    # every source keeps its text (the offsets of a later, fuller brief point into it)
    assert all("text" in s for s in brief["sources"])


def test_a_long_story_reads_each_origin_before_a_second_copy(monkeypatch):
    from briefing.weekly import build as weekly
    from briefing.weekly.stories import Event

    monkeypatch.setattr(weekly, "STORY_READ", 3)
    # articles 0 and 1 are copies of one origin; 0 is the most central, 3 the least
    event = Event(members=[0, 1, 2, 3], centre=0, ranked=[0, 1, 2, 3])
    assert weekly._read(event, [7, 7, 8, 9]) == [0, 2, 3]
    assert weekly._read(event, [7, 8, 9, 10]) == [0, 1, 2]
    monkeypatch.setattr(weekly, "STORY_READ", 4)
    assert weekly._read(event, [7, 7, 8, 9]) == [0, 1, 2, 3]
