"""The article archive: one SQLite file (database.py) that stores each article once, files it
under the ISO week of its publication day, and keeps each week's brief for the next week's
comparison. `add` returns only after its transaction commits, so whatever the caller reports
as added is stored; see database.py for why that holds when a run is killed or two overlap.

Near-duplicates (one wire story lightly edited by several outlets: text/dedup.py, the rule the
single brief uses too) are found with MinHash over word shingles and locality-sensitive hashing: each article writes 16 band keys, and only
articles that share a band key are compared, so finding them never scans the archive.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefing.archive.database import Transaction, open_database
from briefing.models import Article, Heading, Source
from briefing.text.dates import day, iso_week
from briefing.text.dedup import band_keys, same_origin, shingles, text_fingerprint

@dataclass(frozen=True)
class Added:
    status: str  # "added" | "present"
    article_id: int
    note: str = ""  # why it is already present, or which origin it joined


@dataclass(frozen=True)
class Stored:
    """An archived article with what the weekly build needs."""

    id: int
    origin_id: int
    input: str
    ingested: str
    week: str
    article: Article  # source.id is the archive id
    raw_text: str = ""


class Archive:
    def __init__(self, path: Path, create: bool = True, readonly: bool = False):
        """Open the archive at `path`; with `create`, an absent or empty file becomes one.
        A file that is not a briefing archive is refused before anything is written to it;
        `readonly` opens it for reading only (a read-only file or folder is fine then)."""
        self.path = Path(path)
        self.db = open_database(self.path, create, readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def transaction(self) -> Transaction:
        return Transaction(self.db)

    # -- writing ---------------------------------------------------------------------------

    def known_url(self, url: str) -> int | None:
        row = self.db.execute("SELECT article_id FROM urls WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def add(self, article: Article, raw_text: str, input: str, urls: list[str] = (),
            via: str | None = None, now: dt.datetime | None = None) -> Added:
        """Store the article unless its text or one of its URLs is already stored."""
        now = now or dt.datetime.now(dt.timezone.utc)
        digest = text_fingerprint(article.text)
        sh = shingles(article.text)
        keys = band_keys(sh)  # computed outside the lock: it is the slow part
        urls = list(dict.fromkeys(u for u in urls if u))
        with self.transaction() as db:
            for url in urls:
                row = db.execute("SELECT article_id FROM urls WHERE url = ?", (url,)).fetchone()
                if row:
                    return Added("present", row[0], "same URL")
            row = db.execute("SELECT id FROM articles WHERE fingerprint = ?", (digest,)).fetchone()
            if row:
                for url in urls:  # remember the new address, so it is not fetched again
                    db.execute("INSERT OR IGNORE INTO urls (url, article_id) VALUES (?, ?)", (url, row[0]))
                return Added("present", row[0], f"same text as article {row[0]}")
            origin = self._origin_of(db, sh, keys)
            source = article.source
            published = day(source.published)
            week = iso_week(published or now.date())
            cur = db.execute(
                "INSERT INTO articles (fingerprint, origin_id, input, via, url, path, title, author, "
                "publisher, published, published_day, ingested, week, raw_text, text, headings) "
                "VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, input, via, source.url, source.path, source.title, source.author, source.publisher,
                 source.published, published.isoformat() if published else None, now.strftime("%Y-%m-%dT%H:%M:%SZ"), week, raw_text, article.text,
                 json.dumps([[h.offset, h.text] for h in article.headings], ensure_ascii=False)))
            article_id = cur.lastrowid
            db.execute("UPDATE articles SET origin_id = ? WHERE id = ?", (origin or article_id, article_id))
            db.executemany("INSERT INTO urls (url, article_id) VALUES (?, ?)", [(u, article_id) for u in urls])
            db.executemany("INSERT INTO lsh (band, key, article_id) VALUES (?, ?, ?)",
                           [(band, key, article_id) for band, key in enumerate(keys)])
        return Added("added", article_id, f"near-duplicate of article {origin}" if origin else "")

    def _origin_of(self, db: sqlite3.Connection, sh: set[int], keys: list[int]) -> int | None:
        """The origin of the first stored near-duplicate, if any (checked exactly)."""
        candidates: set[int] = set()
        for band, key in enumerate(keys):
            candidates.update(r[0] for r in db.execute(
                "SELECT article_id FROM lsh WHERE band = ? AND key = ?", (band, key)))
        for cid in sorted(candidates):
            text, origin = db.execute("SELECT text, origin_id FROM articles WHERE id = ?", (cid,)).fetchone()
            if same_origin(sh, shingles(text)):
                return origin
        return None

    def remove(self, article_id: int) -> bool:
        if not 0 < article_id < 2 ** 63:  # no such id can be stored (and SQLite cannot take it)
            return False
        with self.transaction() as db:
            row = db.execute("SELECT origin_id FROM articles WHERE id = ?", (article_id,)).fetchone()
            if not row:
                return False
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            if row[0] == article_id:  # the group's first article goes: the next one leads it
                rest = [r[0] for r in db.execute("SELECT id FROM articles WHERE origin_id = ? ORDER BY id",
                                                 (article_id,))]
                if rest:
                    db.execute("UPDATE articles SET origin_id = ? WHERE origin_id = ?", (rest[0], article_id))
        return True

    # -- reading ---------------------------------------------------------------------------

    _COLUMNS = ("id, origin_id, input, ingested, week, url, path, title, author, publisher, "
                "published_day, published, text, headings")

    def _stored(self, row, with_raw: str = "") -> Stored:
        (aid, origin, input, ingested, week, url, path, title, author, publisher, day, published,
         text, headings) = row
        source = Source(id=str(aid), title=title, author=author, publisher=publisher,
                        published=day or published, url=url, path=path)
        article = Article(source=source, text=text,
                          headings=tuple(Heading(o, h) for o, h in json.loads(headings)))
        return Stored(aid, origin, input, ingested, week, article, with_raw)

    def week(self, week: str) -> list[Stored]:
        """The articles of an ISO week, oldest first (published day, then archive order)."""
        rows = self.db.execute(f"SELECT {self._COLUMNS} FROM articles WHERE week = ? "
                               "ORDER BY COALESCE(published_day, substr(ingested, 1, 10)), id", (week,))
        return [self._stored(r) for r in rows]

    def get(self, article_id: int) -> Stored | None:
        if not 0 < article_id < 2 ** 63:  # no such id can be stored (and SQLite cannot take it)
            return None
        row = self.db.execute(f"SELECT {self._COLUMNS}, raw_text FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        return self._stored(row[:-1], row[-1]) if row else None

    def urls(self, article_id: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT url FROM urls WHERE article_id = ? ORDER BY url",
                                              (article_id,))]

    def listing(self, week: str | None = None) -> list[tuple]:
        """(id, origin id, week, day, title, input) for every article, or one week's."""
        sql = ("SELECT id, origin_id, week, COALESCE(published_day, substr(ingested, 1, 10)), title, input "
               "FROM articles")
        args: tuple = ()
        if week:
            sql += " WHERE week = ?"
            args = (week,)
        return list(self.db.execute(sql + " ORDER BY id", args))

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- briefs ----------------------------------------------------------------------------

    def save_brief(self, week: str, claims: list[dict]) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO briefs (week, claims) VALUES (?, ?)",
                       (week, json.dumps(claims, ensure_ascii=False, sort_keys=True)))

    def brief_of(self, week: str) -> list[dict] | None:
        """The claims stored with the brief of exactly `week`, or None when there is none."""
        row = self.db.execute("SELECT claims FROM briefs WHERE week = ?", (week,)).fetchone()
        return json.loads(row[0]) if row else None
