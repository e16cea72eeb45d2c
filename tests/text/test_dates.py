"""Dates, read in one place (text/dates): the day an article was published as its front matter,
its file name or its dateline gives it, the dates a sentence mentions, and ISO weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.archive.store import Archive
from briefing.errors import UsageError
from briefing.models import Article, Source
from briefing.sources import files, wire_names
from briefing.text import dates
from tests.helpers import run_cli

STORY = ("The Kessel Bridge in the northern city of Varnholm collapsed into the Arn river on Thursday "
         "evening, officials said.\n\nRescue divers searched the cold water through the night.\n")


def read_with_front_matter(tmp_path, published: str):
    path = tmp_path / "bridge.md"
    path.write_text(f"---\ntitle: Bridge falls\npublished: {published}\n---\n\n{STORY}", encoding="utf-8")
    return files.read(path, "1").source.published


# --- the day an article was published, as its front matter gives it --------------------------

@pytest.mark.parametrize("published, day", [
    ("2023-10-26", "2023-10-26"),
    ("2023-10-26T08:15:00Z", "2023-10-26"),  # a timestamp: its day
    ('"October 26, 2023"', "2023-10-26"),
    ('"26 Oct 2023"', "2023-10-26"),
    ('"Thu, 26 Oct 2023 08:00:00 GMT"', "2023-10-26"),  # as a feed writes it
    ("2023/10/26", "2023-10-26"),
])
def test_front_matter_dates_are_read_as_the_day_they_name(tmp_path, published, day):
    assert read_with_front_matter(tmp_path, published) == day


@pytest.mark.parametrize("published", ["2023-02-30", "2023-13-01", "soon", '"next Tuesday"', "2023"])
def test_a_front_matter_date_that_is_no_real_day_is_left_out_not_guessed(tmp_path, published):
    assert read_with_front_matter(tmp_path, published) is None


# --- the day a file name gives ----------------------------------------------------------------

@pytest.mark.parametrize("name, day", [
    ("APW19981016.0240", "1998-10-16"),
    ("NYT_ENG_19981017.0123", "1998-10-17"),
    ("AP880911-0016", "1988-09-11"),  # two-digit years, as TIPSTER names its stories
    ("AP020911-0016", "2002-09-11"),  # below 50: this century
    ("2023-10-26-storm.md", "2023-10-26"),
    ("notes/2023_10_26_storm.txt", "2023-10-26"),
    ("APW19981332.0240", None),  # month 13: no date
    ("storm.md", None),
    ("report-42.txt", None),
])
def test_file_names_give_the_day_newswire_and_blogs_name_them_by(name, day):
    assert dates.from_file_name(name) == day


@pytest.mark.parametrize("name, outlet, day", [
    ("APW19981016.0240", "AP Worldstream", "1998-10-16"),
    ("XIE19980304.0061", "Xinhua", "1998-03-04"),
    ("AP880911-0016", "Associated Press", "1988-09-11"),
    ("APW19980230.0001", "AP Worldstream", None),  # 30 February: the outlet, but no date
    ("2023-10-26-storm.md", None, None),  # not a wire story: its source line names no outlet
])
def test_a_wire_story_is_listed_by_the_outlet_and_day_its_file_name_gives(name, outlet, day):
    article = Article(source=Source(id="1", path=f"wire/{name}"), text=STORY)
    source = wire_names.named(article).source
    assert (source.publisher, source.published) == (outlet, day)


def test_metadata_wins_over_the_file_name():
    article = Article(source=Source(id="1", path="APW19981016.0240", published="1998-10-15"), text=STORY)
    assert wire_names.named(article).source.published == "1998-10-15"


# --- the day a dateline gives -----------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("MOSCOW, Friday, October 16, 1998 -- Kremlin doctors examined Boris Yeltsin again.", "1998-10-16"),
    ("BEIJING, 16 October 1998 (Xinhua) -- China said on Friday it would open talks.", "1998-10-16"),
    ("MOSCOW, Oct. 16 (AP) _ Kremlin doctors examined Boris Yeltsin again.", None),  # no year
    ("MOSCOW (AP) _ Kremlin doctors examined Boris Yeltsin in October 1998.", None),  # no day
    ("x" * dates.DATELINE_CHARS + " On October 16, 1998 doctors met.", None),  # past the opening
])
def test_a_full_date_in_the_dateline_dates_the_article(text, day):
    assert dates.from_dateline(text) == day


def test_the_publication_day_comes_from_metadata_then_file_name_then_text():
    text = "MOSCOW, Friday, October 16, 1998 -- Kremlin doctors examined Boris Yeltsin again."
    assert dates.publication_day("1998-10-14", "APW19981015.0240", text) == ("1998-10-14", "metadata")
    assert dates.publication_day(None, "APW19981015.0240", text) == ("1998-10-15", "file name")
    assert dates.publication_day("soon", "story.txt", text) == ("1998-10-16", "text")
    assert dates.publication_day(None, "story.txt", "Doctors met again.") == (None, "")


# --- dates mentioned in a sentence ------------------------------------------------------------

def spans(text: str) -> list[tuple[str, int | None, int, int, int]]:
    return [(d.text, d.year, d.month, d.first_day, d.last_day) for d in dates.dates(text)]


@pytest.mark.parametrize("text,expected", [
    ("The bridge fell on October 26, 2023, at dusk.", [("October 26, 2023", 2023, 10, 26, 26)]),
    ("The bridge fell on Oct. 26 at dusk.", [("Oct. 26", None, 10, 26, 26)]),
    ("The bridge fell on 26 October 2023 at dusk.", [("26 October 2023", 2023, 10, 26, 26)]),
    ("The bridge fell in mid-October.", [("mid-October", None, 10, 11, 20)]),
    ("The bridge fell on 2023-10-26.", [("2023-10-26", 2023, 10, 26, 26)]),
    ("The vote is set for Sept. 5.", [("Sept. 5", None, 9, 5, 5)]),
    ("Repairs began in late October 2023.", [("late October 2023", 2023, 10, 21, 31)]),
    ("Repairs began in February 2024.", [("February 2024", 2024, 2, 1, 29)]),  # a leap year
    ("Repairs began in May 2023.", [("May 2023", 2023, 5, 1, 31)]),
    ("The inquiry reports on May 5.", [("May 5", None, 5, 5, 5)]),
])
def test_dates_are_read_as_the_days_they_can_mean(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Officials may resign over the collapse.",
    "Residents may march on the town hall.",
    "Protesters march on the town hall every week.",
    "The council met 26 times.",
    "The code 2023-13-45 is not a date.",
])
def test_words_that_are_not_dates(text):
    assert dates.dates(text) == []


def test_first_name_jan_is_not_a_date():
    assert dates.dates("Engineer Jan Kowalski warned the council about the corroded supports.") == []


def test_day_of_month_written_out():
    assert spans("The bridge fell on the 26th of October, officials said.") == [("26th of October", None, 10, 26, 26)]


def test_two_dates_in_one_sentence():
    found = spans("Lavrov visited on October 18, 2023, a week before the October 25 statement.")
    assert [f[0] for f in found] == ["October 18, 2023", "October 25"]


# --- ISO weeks --------------------------------------------------------------------------------

@pytest.mark.parametrize("day, week", [
    (dt.date(2023, 10, 26), "2023-W43"),
    (dt.date(2021, 1, 1), "2020-W53"),  # a Friday: the last week of 2020
    (dt.date(2024, 12, 30), "2025-W01"),  # a Monday: the first week of 2025
    (dt.date(2026, 1, 4), "2026-W01"),
])
def test_a_day_falls_in_its_iso_week_across_year_ends(day, week):
    assert dates.iso_week(day) == week


def test_stepping_back_a_week_crosses_the_year_end():
    assert dates.previous_week("2021-W01") == "2020-W53"
    assert dates.previous_week("2025-W01") == "2024-W52"
    assert dates.week_days("2020-W53") == (dt.date(2020, 12, 28), dt.date(2021, 1, 3))
    assert dates.last_complete_week(dt.date(2021, 1, 6)) == "2020-W53"


def test_an_article_of_the_last_days_of_december_is_filed_under_the_next_years_first_week(tmp_path):
    with Archive(tmp_path / "news.db") as archive:
        added = archive.add(Article(source=Source(id="0", published="2024-12-30"), text=STORY), STORY, input="a.md")
        assert [s.id for s in archive.week("2025-W01")] == [added.article_id]
        assert archive.week("2024-W52") == []


@pytest.mark.parametrize("week", ["2023-W43", " 2020-W53 "])
def test_a_week_written_as_iso_is_accepted(week):
    assert dates.parse_week(week) == week.strip()


@pytest.mark.parametrize("week", ["2023-43", "2023-W54", "2021-W53", "2023-W00", "W43", "last week"])
def test_a_week_that_is_not_an_iso_week_is_refused_with_how_to_write_it(week):
    with pytest.raises(UsageError, match="write it as 2023-W43"):
        dates.parse_week(week)


def test_archive_list_refuses_a_bad_week_before_opening_the_archive(tmp_path):
    result = run_cli("archive", "list", "--week", "2021-W53", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "'2021-W53' is not an ISO week; write it as 2023-W43" in result.stderr
    assert not (tmp_path / "none.db").exists()
