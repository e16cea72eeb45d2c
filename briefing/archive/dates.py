"""An article's publication day when its metadata gives none: from its file name or its text.

In order: the date a source gives (front matter, feed, page metadata: already in
Source.published); else a date in the file name, as newswire collections and blogs name
files (`APW19981016.0240`, `NYT19981016.0123`, `AP880911-0016`, `2023-10-26-storm.md`);
else a full date (with its year) in the dateline or first lines of the text ("Monday,
October 16, 1998", "16 October 2023", "2023-10-26"). When none is found the archive files
the article under the week it was ingested, and says so (NO_DATE) naming the file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from briefing.text.facts import dates

# Where a dateline is: the first this many characters of the text.
DATELINE_CHARS = 400
_NAME_8 = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)")  # APW19981016, 2023-10-26
_NAME_6 = re.compile(r"^[A-Za-z]{2,4}(\d\d)(\d\d)(\d\d)[-.]\d+")  # AP880911-0016 (TIPSTER style)
NO_DATE = "undated: no date in its metadata, file name or text, so it is filed under the week it was ingested"


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def from_file_name(path: str | None) -> str | None:
    """YYYY-MM-DD from a file name such as APW19981016.0240, AP880911-0016, 2023-10-26-x.md."""
    if not path:
        return None
    name = PurePath(path).name
    m = _NAME_6.match(name)
    if m:
        yy = int(m[1])
        found = _day(1900 + yy if yy >= 50 else 2000 + yy, int(m[2]), int(m[3]))
        if found:
            return found
    for m in _NAME_8.finditer(name):
        found = _day(int(m[1]), int(m[2]), int(m[3]))
        if found:
            return found
    return None


def from_text(text: str) -> str | None:
    """YYYY-MM-DD of the first full date (day, month and year) in the article's opening."""
    for mention in dates(text[:DATELINE_CHARS]):
        if mention.year and mention.first_day == mention.last_day and not mention.end_month:
            found = _day(mention.year, mention.month, mention.first_day)
            if found:
                return found
    return None


def publication_day(published: str | None, path: str | None, text: str) -> tuple[str | None, str]:
    """(the date to file the article under or None, where it came from: "metadata",
    "file name", "text" or "" when none was found)."""
    if published:
        return published, "metadata"
    found = from_file_name(path)
    if found:
        return found, "file name"
    found = from_text(text)
    if found:
        return found, "text"
    return None, ""
