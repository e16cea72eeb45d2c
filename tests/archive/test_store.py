"""The archive file: each article stored once, reprints joined to their origin, weeks listed."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from briefing.archive.database import ArchiveError
from briefing.archive.store import Archive
from briefing.models import Article, Heading, Source

STORY = ("The harbour authority of Velmora closed the eastern pier on Tuesday after a crane "
         "collapsed onto two fishing boats during a storm. Nobody was hurt, the authority said, "
         "but repairs to the pier are expected to take at least three weeks. Fishermen who use "
         "the pier will be moved to the western quay until the work is finished, and the ferry "
         "timetable will not change.")
# The same wire story, retitled by another outlet with its last sentence cut.
REPRINT = STORY.rsplit(" Fishermen", 1)[0] + " Officials gave no further details."
OTHER = ("A new library opened in the mountain town of Ostrel on Saturday, with four thousand "
         "books donated by residents and a reading room built by volunteers over two summers.")
NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.timezone.utc)  # a Wednesday of 2026-W10


def article(text: str, title: str = "Pier closed", published: str | None = "2026-03-03") -> Article:
    return Article(Source(id="0", title=title, published=published), text, (Heading(0, "Harbour"),))


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "news.db") as db:
        yield db


def test_a_stored_article_reads_back_as_given(archive):
    added = archive.add(article(STORY), "raw " + STORY, input="pier.txt", urls=["https://a.example/pier"], now=NOW)
    stored = archive.get(added.article_id)
    assert added.status == "added"
    assert (stored.article.text, stored.article.source.title, stored.raw_text) == (STORY, "Pier closed", "raw " + STORY)
    assert stored.article.headings == (Heading(0, "Harbour"),)
    assert (stored.input, stored.week, stored.origin_id) == ("pier.txt", "2026-W10", added.article_id)
    assert archive.urls(added.article_id) == ["https://a.example/pier"]
    assert archive.get(added.article_id + 1) is None


@pytest.mark.parametrize("again, note", [
    (STORY, "same text"),
    (STORY.upper().replace(".", " ."), "same text"),  # only case and punctuation differ
])
def test_the_same_text_twice_is_present(archive, again, note):
    first = archive.add(article(STORY), STORY, input="a.txt", now=NOW)
    second = archive.add(article(again, title="Another title"), again, input="b.txt", now=NOW)
    assert (second.status, second.article_id) == ("present", first.article_id)
    assert note in second.note
    assert archive.count() == 1


def test_the_same_url_twice_is_present(archive):
    first = archive.add(article(STORY), STORY, input="a", urls=["https://a.example/1"], now=NOW)
    second = archive.add(article(OTHER), OTHER, input="b", urls=["https://a.example/1"], now=NOW)
    assert (second.status, second.article_id, second.note) == ("present", first.article_id, "same URL")


def test_a_reprint_joins_the_first_articles_origin(archive):
    first = archive.add(article(STORY), STORY, input="a.txt", now=NOW)
    reprint = archive.add(article(REPRINT, title="Crane falls on boats"), REPRINT, input="b.txt", now=NOW)
    other = archive.add(article(OTHER, title="Library"), OTHER, input="c.txt", now=NOW)
    assert reprint.status == "added" and f"near-duplicate of article {first.article_id}" in reprint.note
    assert archive.get(reprint.article_id).origin_id == first.article_id
    assert archive.get(other.article_id).origin_id == other.article_id
    assert other.note == ""


@pytest.mark.parametrize("published, week", [
    ("2026-03-03", "2026-W10"),
    ("Mon, 29 Dec 2025 08:00:00 GMT", "2026-W01"),  # a feed's date; ISO week-year, not calendar year
    (None, "2026-W10"),  # no date given: the week it was stored
    ("soon", "2026-W10"),
])
def test_articles_are_listed_by_the_iso_week_of_their_date(archive, published, week):
    added = archive.add(article(STORY, published=published), STORY, input="a.txt", now=NOW)
    archive.add(article(OTHER, published="2026-01-20"), OTHER, input="b.txt", now=NOW)
    assert [s.id for s in archive.week(week)] == [added.article_id]
    assert [row[0] for row in archive.listing(week)] == [added.article_id]
    assert len(archive.listing()) == 2


def test_a_week_lists_its_articles_oldest_first(archive):
    late = archive.add(article(STORY, published="2026-03-06"), STORY, input="late", now=NOW)
    early = archive.add(article(OTHER, published="2026-03-02"), OTHER, input="early", now=NOW)
    assert [s.id for s in archive.week("2026-W10")] == [early.article_id, late.article_id]


def test_removing_the_first_article_hands_its_group_to_the_reprint(archive):
    first = archive.add(article(STORY), STORY, input="a.txt", now=NOW)
    reprint = archive.add(article(REPRINT), REPRINT, input="b.txt", now=NOW)
    assert archive.remove(first.article_id) is True
    assert archive.get(first.article_id) is None
    assert archive.get(reprint.article_id).origin_id == reprint.article_id
    assert archive.remove(first.article_id) is False
    again = archive.add(article(STORY), STORY, input="a.txt", now=NOW)  # its text may come back
    assert again.status == "added"


@pytest.mark.parametrize("week, expected", [
    ("2026-W09", [{"text": "nine"}]),
    ("2026-W08", [{"text": "eight"}]),
    ("2026-W10", None),  # no brief of that week: "what's new" says first brief (issue 14)
])
def test_the_brief_of_a_week_is_its_latest_build(archive, week, expected):
    archive.save_brief("2026-W08", [{"text": "eight"}])
    archive.save_brief("2026-W09", [{"text": "old nine"}])
    archive.save_brief("2026-W09", [{"text": "nine"}])  # a rebuilt week replaces its brief
    assert archive.brief_of(week) == expected


def test_reopening_keeps_what_was_stored(tmp_path):
    with Archive(tmp_path / "news.db") as db:
        added = db.add(article(STORY), STORY, input="a.txt", now=NOW)
    with Archive(tmp_path / "news.db", create=False) as db:
        assert db.get(added.article_id).article.text == STORY


def test_a_database_that_is_not_an_archive_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE people (name TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match=r"other\.db is not a briefing archive.*--db"):
        Archive(path, create=False)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content, create, message", [
    (b"just some notes\n" * 200, True, r"notes\.db is not a briefing archive, and is left untouched.*--db"),
    (None, False, r"no archive at .*notes\.db.*briefing ingest"),
])
def test_a_file_that_is_not_an_archive_gets_a_clear_error(tmp_path, content, create, message):
    path = tmp_path / "notes.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArchiveError, match=message):
        Archive(path, create=create)
    if content is not None:
        assert path.read_bytes() == content
