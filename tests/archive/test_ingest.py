"""`briefing ingest` as a library: every input gets one report, and one bad input stops nothing."""

from __future__ import annotations

import pytest

from briefing.archive.ingest import Intake, Report
from briefing.archive.store import Archive
from briefing.sources.web import FetchError, Page

PIER = ("Pier closed after crane collapse\n\nThe harbour authority of Velmora closed the eastern "
        "pier on Tuesday after a crane collapsed onto two fishing boats during a storm. Nobody was "
        "hurt, the authority said, but repairs are expected to take at least three weeks.\n")
LIBRARY = ("Library opens in Ostrel\n\nA new library opened in the mountain town of Ostrel on "
           "Saturday, with four thousand books donated by residents and a reading room built by "
           "volunteers over two summers.\n")
PAGE = (b"<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
        b"<p>The old stone bridge over the river Tamsa reopened to traffic on Monday after eight "
        b"months of repairs paid for by the regional council.</p></article></body></html>")
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Velmora News</title>
<item><title>Bridge reopens</title><link>https://news.example/bridge</link></item>
<item><title>Down page</title><link>https://news.example/missing</link></item>
<item><title>Market</title><description>&lt;p&gt;The Thursday market in Velmora moves to the
town square next month while the old hall is repaired, traders were told at a meeting.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"""


def fake_fetch(url: str, typed: bool = False) -> Page:
    """A web with one article page; any other address is unreachable."""
    if url == "https://news.example/bridge":
        return Page(url, url, "text/html", PAGE)
    raise FetchError("could not connect; check the address or try later")


def ingest(archive: Archive, inputs: list) -> list[Report]:
    reports: list[Report] = []
    Intake(archive, reports.append, fetcher=fake_fetch).run([str(i) for i in inputs])
    return reports


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "news.db") as db:
        yield db


def test_files_are_added_then_present(archive, write):
    pier, library = write("pier.txt", PIER), write("library.txt", LIBRARY)
    first = ingest(archive, [pier, library])
    assert [(r.input, r.status) for r in first] == [(str(library), "added"), (str(pier), "added")]
    assert {r.detail.split(";")[0] for r in first} == {"Pier closed after crane collapse", "Library opens in Ostrel"}
    # no date anywhere (issue 14): each report says it is filed under the week it was ingested
    assert all("undated: no date in its metadata, file name or text" in r.detail for r in first)
    copy = write("copy/pier.txt", PIER)
    again = ingest(archive, [pier, copy])
    assert [r.status for r in again] == ["present", "present"]
    assert {r.article_id for r in again} == {next(r.article_id for r in first if r.input == str(pier))}
    assert "same text" in again[0].detail
    assert archive.count() == 2


@pytest.mark.parametrize("name, content, why", [
    ("empty.txt", "", "empty"),
    ("notes.docx", b"not a zip file at all", "docx"),
    ("photo.png", b"\x89PNG\r\n", "png"),
])
def test_one_bad_file_fails_alone(archive, write, name, content, why):
    bad = write(name, content)
    reports = ingest(archive, [write("pier.txt", PIER), bad, write("library.txt", LIBRARY)])
    assert sorted(r.status for r in reports) == ["added", "added", "failed"]
    failed = next(r for r in reports if r.status == "failed")
    assert failed.input.endswith(name) and failed.detail
    assert str(failed).startswith(f"failed   {failed.input}: ")
    assert archive.count() == 2


def test_a_missing_file_is_reported_and_the_rest_stored(archive, write, tmp_path):
    reports = ingest(archive, [tmp_path / "gone.txt", write("pier.txt", PIER)])
    assert [(r.input.endswith("gone.txt"), r.status) for r in reports] == [(True, "failed"), (False, "added")]


def test_a_feed_file_reports_each_entry(archive, write):
    feed = write("velmora.rss", FEED)
    reports = {r.input.split(" -> ")[1]: r for r in ingest(archive, [feed])}
    assert all(label.startswith(str(feed)) for label in (r.input for r in reports.values()))
    assert reports["https://news.example/bridge"].status == "added"
    assert reports["https://news.example/bridge"].detail.split(";")[0] == "Bridge reopens"
    assert reports["https://news.example/missing"].status == "failed"
    assert "could not connect" in reports["https://news.example/missing"].detail
    assert reports["entry 3"].status == "added"  # no link: the feed's own text
    assert reports["entry 4"].status == "failed"
    assert "neither a link nor any text" in reports["entry 4"].detail
    stored = archive.get(reports["https://news.example/bridge"].article_id)
    assert "stone bridge over the river Tamsa" in stored.article.text
    assert archive.urls(stored.id) == ["https://news.example/bridge"]
    market = archive.get(reports["entry 3"].article_id)
    assert market.article.source.title == "Market" and "Thursday market" in market.article.text


def test_a_feed_read_twice_finds_its_articles_present(archive, write):
    feed = write("velmora.rss", FEED)
    ingest(archive, [feed])
    again = {r.input.split(" -> ")[1]: r for r in ingest(archive, [feed])}
    assert (again["https://news.example/bridge"].status, again["https://news.example/bridge"].detail) == \
        ("present", "same URL")
    assert again["entry 3"].status == "present"
    assert archive.count() == 2


@pytest.mark.parametrize("content", ["<rss><channel></channel></rss>", "<rss version='2.0'><channel>"
                                     "<title>Quiet</title></channel></rss>"])
def test_a_feed_without_entries_fails_and_files_after_it_are_stored(archive, write, content):
    reports = ingest(archive, [write("quiet.xml", content), write("pier.txt", PIER)])
    assert [r.status for r in reports] == ["failed", "added"]
    assert reports[0].input.endswith("quiet.xml")


def test_urls_are_fetched_once(archive):
    asked: list[str] = []
    reports: list[Report] = []

    def fetcher(url: str, typed: bool = False) -> Page:
        asked.append(url)
        return fake_fetch(url)

    Intake(archive, reports.append, fetcher=fetcher).run(
        ["https://news.example/bridge", "https://news.example/missing", "https://news.example/bridge"])
    assert [r.status for r in reports] == ["added", "failed", "present"]
    assert reports[2].detail == "same URL" and reports[2].article_id == reports[0].article_id
    assert asked == ["https://news.example/bridge", "https://news.example/missing"]  # a stored address is not fetched again
