"""`briefing ingest` of web pages and feeds, served from 127.0.0.1 by a server in a thread."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.conftest import ROOT
from tests.webserver import Routes, huge, page, serve, slow

DAM = [
    "Engineers at the Korsvik dam opened two spillway gates on Tuesday after days of heavy rain in the upper valley.",
    "The regional water authority said the reservoir had reached 96 percent of its capacity by Monday night.",
    "Farmers downstream of Korsvik were told to move livestock away from the river meadows before the weekend.",
    "The authority expects the water level to fall slowly once the rain eases on Thursday.",
    "A spokeswoman said the dam itself was in good condition and that inspections would continue daily.",
]
WIRE = [
    "Customs officers at the port of Tessaly seized 40 crates of counterfeit medicine on Wednesday, police said.",
    "The crates arrived on a cargo ship from overseas and were labelled as spare parts for farm machinery.",
    "Investigators believe the medicine was meant for pharmacies in three northern provinces.",
    "Two employees of a shipping agency were detained for questioning, according to a police statement.",
    "Health officials urged residents to buy medicine only from licensed pharmacies while the inquiry continues.",
]
# The same wire story as another outlet ran it: new headline, an extra closing line, a word changed.
WIRE_EDITED = WIRE[:2] + [WIRE[2].replace("believe", "suspect")] + WIRE[3:] + [
    "The port authority declined to comment on the seizure."]
SCHOOL = [
    "The new primary school in Almvik opened its doors to 220 pupils on Monday morning.",
    "Parents had campaigned for six years for a school within walking distance of the village.",
    "The building heats itself with a ground-source pump and a roof covered in solar panels.",
    "Teachers said the smaller classes would let them spend more time with every pupil.",
]


def rss(base: str) -> str:
    items = [
        # an entry whose page is served: fetched and extracted
        f"<item><title>Almvik school opens</title><link>{base}/news/school.html</link>"
        "<pubDate>Mon, 23 Oct 2023 08:00:00 GMT</pubDate></item>",
        # an entry whose page is gone: the feed's own text is used
        f"<item><title>Library hours extended</title><link>{base}/news/gone.html</link>"
        "<pubDate>Tue, 24 Oct 2023 08:00:00 GMT</pubDate><description><![CDATA["
        "<p>The public library in Almvik will stay open until nine in the evening from next month.</p>"
        "<p>The council said the longer hours answer requests from students preparing for exams.</p>"
        "<p>Volunteers will staff the reading room on the two late evenings each week.</p>]]></description></item>",
        # a broken entry: no link and no text
        "<item><title>Broken entry</title><pubDate>not a date</pubDate></item>",
        # an entry pointing at a page that is already stored
        f"<item><title>Dam gates opened</title><link>{base}/news/dam.html</link></item>",
    ]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Almvik News</title>'
            f"<link>{base}/</link><description>Local news</description>{''.join(items)}</channel></rss>")


run = run_cli


def lines(result, status: str) -> list[str]:
    return [l for l in result.stdout.splitlines() if l.startswith(status)]


@pytest.fixture(scope="module")
def site():
    routes = Routes()
    with serve(routes) as (base, server):
        routes.update({
            "/news/dam.html": (200, "text/html; charset=utf-8", page("Korsvik dam opens spillway gates", DAM)),
            "/mirror/dam-story.html": (200, "text/html", page("Korsvik dam opens spillway gates", DAM)),
            "/wire/seizure.html": (200, "text/html", page("Counterfeit medicine seized at Tessaly", WIRE)),
            "/other/medicine.html": (200, "text/html", page("Fake pills found in port crates", WIRE_EDITED)),
            "/news/school.html": (200, "text/html", page("Almvik school opens", SCHOOL, "2023-10-23")),
            "/feed.xml": (200, "application/rss+xml", rss(base)),
            "/feed-as-html": (200, "text/html", rss(base)),  # a server that mislabels its feed
            "/slow.html": slow(3),
            "/huge.html": huge(2),
        })
        yield base, server


def test_pages_duplicates_and_failures_are_reported_per_input(site, tmp_path):
    base, server = site
    db = tmp_path / "news.db"
    result = run("ingest", f"{base}/news/dam.html", f"{base}/mirror/dam-story.html", f"{base}/news/dam.html",
                 f"{base}/missing.html", f"{base}/slow.html", f"{base}/huge.html",
                 "--db", str(db), "--timeout", "0.5", "--max-size", "512")
    assert result.returncode == 1, result.stderr  # some inputs failed; the rest are stored
    assert "Traceback" not in result.stderr
    out = result.stdout.splitlines()
    assert out[0].startswith("added") and f"{base}/news/dam.html" in out[0] and "Korsvik dam" in out[0]
    # the same article under a second URL, and the first URL again: stored once
    assert out[1].startswith("present") and "same text as article 1" in out[1]
    assert out[2].startswith("present") and "same URL" in out[2]
    failed = {l.split()[1].rstrip(":"): l for l in lines(result, "failed")}
    assert "HTTP 404" in failed[f"{base}/missing.html"]
    assert "did not answer within 0.5 s" in failed[f"{base}/slow.html"]
    assert "too large" in failed[f"{base}/huge.html"] and "512 KiB" in failed[f"{base}/huge.html"]
    assert "1 added, 2 already present, 3 failed" in result.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
        text, url, day = con.execute("SELECT text, url, published_day FROM articles").fetchone()
        urls = {r[0] for r in con.execute("SELECT url FROM urls")}
    assert DAM[0] in text and "Copyright" not in text and "Sport" not in text  # extracted like an .html file
    assert day == "2023-10-24" and url
    assert {f"{base}/news/dam.html", f"{base}/mirror/dam-story.html"} <= urls


def test_a_known_url_is_not_fetched_again(site, tmp_path):
    base, server = site
    db = str(tmp_path / "news.db")
    run("ingest", f"{base}/news/dam.html", "--db", db)
    before = list(server.requests)
    result = run("ingest", f"{base}/news/dam.html", "--db", db)
    assert result.returncode == 0 and lines(result, "present")
    assert server.requests == before


def test_near_duplicate_wire_copies_are_stored_and_linked_as_one_origin(site, tmp_path):
    base, _ = site
    db = tmp_path / "news.db"
    result = run("ingest", f"{base}/wire/seizure.html", f"{base}/other/medicine.html", f"{base}/news/dam.html",
                 "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines(result, "added")) == 3
    assert "near-duplicate of article 1" in result.stdout.splitlines()[1]
    with sqlite3.connect(db) as con:
        origins = dict(con.execute("SELECT id, origin_id FROM articles"))
    assert origins == {1: 1, 2: 1, 3: 3}
    listing = run("archive", "list", "--db", str(db)).stdout
    assert "(same origin as 1)" in listing.splitlines()[1]
    # in the weekly brief the two copies are one story with one independent origin
    built = run("weekly", "--week", "2023-W43", "--db", str(db), "-o", str(tmp_path / "out"), "--formats", "json")
    assert built.returncode == 0, built.stderr
    brief = json.loads((tmp_path / "out" / "2023-W43" / "brief.json").read_text("utf-8"))
    wire = next(s for s in brief["stories"] if len(s["sources"]) == 2)
    assert wire["origins"] == 1 and len(brief["stories"]) == 2
    seized = next(c for x in wire["sections"] for c in x["claims"] if "seized 40 crates" in c["text"])
    assert len(seized["evidence"]) == 2 and seized["origins"] == 1


@pytest.mark.parametrize("path", ["/feed.xml", "/feed-as-html"])
def test_feed_entries_are_fetched_fall_back_to_feed_text_and_broken_ones_fail_alone(site, tmp_path, path):
    base, _ = site
    db = tmp_path / "news.db"
    run("ingest", f"{base}/news/dam.html", "--db", str(db))
    result = run("ingest", f"{base}{path}", "--db", str(db), "--timeout", "2")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # the broken entry failed
    by_entry = {l.split(" -> ")[1].split()[0]: l for l in result.stdout.splitlines()}
    assert by_entry[f"{base}/news/school.html"].startswith("added")
    gone = by_entry[f"{base}/news/gone.html"]
    assert gone.startswith("added") and "HTTP 404" in gone and "used the feed's own text" in gone
    assert by_entry["entry"].startswith("failed") and "neither a link nor any text" in by_entry["entry"]
    assert by_entry[f"{base}/news/dam.html"].startswith("present")
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT title, text FROM articles"))
        days = dict(con.execute("SELECT title, published_day FROM articles"))
        via = {r[0] for r in con.execute("SELECT via FROM articles WHERE via IS NOT NULL")}
    assert SCHOOL[0] in rows["Almvik school opens"]
    assert "stay open until nine" in rows["Library hours extended"]
    assert days["Library hours extended"] == "2023-10-24"  # the feed's date, as the page gave none
    assert via == {f"{base}{path}"}


def test_feed_file_and_not_a_feed(tmp_path, site):
    base, _ = site
    feed = tmp_path / "saved.rss"
    feed.write_text(rss(base), encoding="utf-8")
    bogus = tmp_path / "notes.xml"
    bogus.write_text("<notes><note>buy milk</note></notes>", encoding="utf-8")
    result = run("ingest", str(feed), str(bogus), "--db", str(tmp_path / "news.db"))
    assert len(lines(result, "added")) == 3  # school, library (from the feed's text), dam
    assert any(str(bogus) in l and "not a readable RSS or Atom feed" in l for l in lines(result, "failed"))
