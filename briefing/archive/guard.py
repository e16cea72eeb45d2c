"""Tell a briefing archive from any other file before writing to it, and open one read-only.

`ingest --db FILE` must never change another application's SQLite database (not a table, not
a pragma, not its journal mode), even when it then refuses: so the file is inspected through a
read-only connection first, and written only when it is absent, empty, or an archive.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

SQLITE_HEADER = b"SQLite format 3\x00"


def _uri(path: Path, **options: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in options.items())
    return f"file:{quote(str(path.absolute()))}?{query}"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: mode=ro, or, where even the WAL index cannot be made
    (a read-only folder), immutable=1."""
    from briefing.archive.database import ArchiveError

    for options in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
        try:
            db = sqlite3.connect(_uri(path, **options), uri=True, timeout=60, isolation_level=None)
            db.execute("PRAGMA busy_timeout = 60000")
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            problem = exc
    raise ArchiveError(f"cannot read archive {path} ({problem}); check its permissions")


def check_is_archive(path: Path, version: int, application_id: int, allow_empty: bool = True) -> None:
    """Raise ArchiveError unless `path` is a briefing archive (our application id, or the
    schema of one made before the id was stamped) or, with `allow_empty`, absent or empty
    (no bytes, or an SQLite file with no tables)."""
    from briefing.archive.database import DB_ENV, ArchiveError

    refuse = (f"{path} is not a briefing archive, and is left untouched; give the archive that "
              f"'briefing ingest' made, or a new file name, with --db or ${DB_ENV}")
    if not path.exists() and not path.is_symlink():
        return
    if not path.is_file():
        raise ArchiveError(f"{path} is not a regular file; give an archive file with --db or ${DB_ENV}")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ArchiveError(f"cannot read archive {path} ({exc.strerror or exc}); check its permissions") from None
    if not head and allow_empty:
        return  # an empty file becomes an archive
    if head != SQLITE_HEADER:
        raise ArchiveError(refuse)
    db = connect_readonly(path)
    try:
        app = db.execute("PRAGMA application_id").fetchone()[0]
        user_version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        raise ArchiveError(refuse) from None
    finally:
        db.close()
    if app == application_id and user_version == version:
        return
    if app == 0 and user_version == 0 and not tables and allow_empty:
        return  # an empty database
    if app == 0 and user_version == version and {"articles", "urls", "lsh", "briefs"} <= tables:
        return  # an archive made before the application id was stamped
    raise ArchiveError(refuse)
