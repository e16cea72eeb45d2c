"""The archive's SQLite file: its schema, how it is opened, and its write transactions.

Why the rules below hold even when a run is killed or two runs overlap:
- WAL journal and one `BEGIN IMMEDIATE` transaction per article (store.Archive.add): an
  article is either wholly stored (row, URLs, near-duplicate keys) or not at all, and a commit
  survives `kill -9`.
- UNIQUE constraints on the text fingerprint and on every URL, checked inside the write
  transaction: a second process that arrives with the same article finds it there.
- A busy timeout makes a concurrent writer wait for the lock rather than fail.
- Another application's database is refused before anything is written to it (guard.py).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from briefing.errors import BriefingError

DB_ENV = "BRIEFING_DB"
DEFAULT_DB = "briefing.db"
SCHEMA_VERSION = 1
# Stamped in the SQLite header of every archive ("BrIf"), so that another application's
# database is told from ours before anything is written to it.
APPLICATION_ID = 0x42724966

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint   TEXT NOT NULL UNIQUE,      -- sha256 of the cleaned text's words
    origin_id     INTEGER NOT NULL,          -- first article of its near-duplicate group
    input         TEXT NOT NULL,             -- the file, page URL or feed it came from
    via           TEXT,                      -- the feed, when it came through one
    url           TEXT,
    path          TEXT,
    title         TEXT,
    author        TEXT,
    publisher     TEXT,
    published     TEXT,                      -- as given by the source
    published_day TEXT,                      -- YYYY-MM-DD, when the source gave a date
    ingested      TEXT NOT NULL,             -- UTC, ISO 8601
    week          TEXT NOT NULL,             -- ISO week of published_day, else of ingested
    raw_text      TEXT NOT NULL,             -- the article's blocks as read, before cleaning
    text          TEXT NOT NULL,             -- cleaned text (sentence offsets point into it)
    headings      TEXT NOT NULL              -- JSON [[offset, heading], ...]
);
CREATE INDEX IF NOT EXISTS articles_week ON articles(week);
CREATE INDEX IF NOT EXISTS articles_origin ON articles(origin_id);
CREATE TABLE IF NOT EXISTS urls (
    url        TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS urls_article ON urls(article_id);
CREATE TABLE IF NOT EXISTS lsh (
    band       INTEGER NOT NULL,
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS lsh_key ON lsh(band, key);
CREATE INDEX IF NOT EXISTS lsh_article ON lsh(article_id);
CREATE TABLE IF NOT EXISTS briefs (
    week   TEXT PRIMARY KEY,
    claims TEXT NOT NULL                     -- JSON: the claims of that week's brief
);
"""


class ArchiveError(BriefingError):
    """The archive file cannot be opened or used."""


def default_path() -> Path:
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def open_database(path: Path, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the archive at `path`; with `create`, an absent or empty file becomes one.
    A file that is not a briefing archive is refused before anything is written to it;
    `readonly` opens it for reading only (a read-only file or folder is fine then)."""
    if not create and not path.is_file():
        raise ArchiveError(f"no archive at {path}; store articles first with 'briefing ingest "
                           f"--db {path} ...', or give the archive with --db or ${DB_ENV}")
    try:
        if path.parent and not path.parent.exists():
            raise ArchiveError(f"cannot open archive {path}: its folder does not exist; "
                               "create it or choose another with --db")
        from briefing.archive.guard import check_is_archive, connect_readonly

        check_is_archive(path, SCHEMA_VERSION, APPLICATION_ID, allow_empty=create)  # before any write
        if readonly:
            return connect_readonly(path)
        db = sqlite3.connect(str(path), timeout=60, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 60000")
        _switch_to_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a commit survives kill -9
        db.execute("PRAGMA foreign_keys = ON")
        with Transaction(db):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return db
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open archive {path} ({exc}); is it a briefing "
                           "archive? choose another with --db") from None


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Turn on write-ahead logging. Two processes opening a new archive at once can get
    SQLITE_BUSY here without SQLite's busy handler being asked, so wait and retry."""
    for attempt in range(100):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)


class Transaction:
    """One write transaction: the write lock is taken at the start, so check-then-insert is
    atomic; committed when the block ends, rolled back when it raises."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        return False
