"""Every date the tool reads, parsed in one place: the day a source was published (as its
metadata, a feed or a page gives it), the calendar dates a sentence mentions, the day a file
name or a dateline gives, and ISO weeks (the weekly brief's unit of time).

A date mentioned in a sentence is kept as the span of days it can mean: "October 26, 2023" is
one day, "mid-October" the 11th to the 20th, "October" the whole month; a year left out
matches any year. Relative dates ("on Tuesday") are resolved against the publication day in
text/facts. A date that cannot be a real day (February 30, month 13) is no date: None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from briefing.errors import UsageError

# -- a date as a source's metadata gives it ------------------------------------------------

# Dates written out in metadata ("October 26, 2023", "20231026"); ISO dates are read before
# these, RFC 2822 feed dates ("Thu, 26 Oct 2023 08:00:00 GMT") after them.
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d")


def from_iso(text: str | None) -> dt.date | None:
    """The day of an ISO date or timestamp ("2023-10-26", "2023-10-26T08:00:00Z"), as a
    source's `published` holds it once read; None for anything else."""
    if not text or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def day(value) -> dt.date | None:
    """The day a metadata value names (a date, an ISO date or timestamp, a date written out,
    or an RFC 2822 feed date), or None when it names no real day."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value or "").strip()
    found = from_iso(text)
    if found or not text:
        return found
    for fmt in _WRITTEN:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def iso_day(value) -> str | None:
    """`day(value)` as YYYY-MM-DD, or None."""
    found = day(value)
    return found.isoformat() if found else None


def _real(year: int, month: int, date: int) -> dt.date | None:
    try:
        return dt.date(year, month, date)
    except ValueError:
        return None


# -- dates mentioned in a sentence -----------------------------------------------------------

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_ABBREVIATIONS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_ABBREVIATIONS["sept"] = 9
# Month names are matched capitalised ("May 5", not "may resign"); an abbreviation only
# with a day or year after it ("Oct. 26"), so a first name like "Jan" is not January.
_FULL = "|".join(sorted((n.capitalize() for n in MONTHS), key=len, reverse=True))
_ANY = "|".join(sorted([n.capitalize() for n in MONTHS] + [a.capitalize() for a in _ABBREVIATIONS],
                       key=len, reverse=True))
_MONTH_ANY = rf"(?P<month>(?:{_ANY}))\.?"
_MONTH_FULL = rf"(?P<month>(?:{_FULL}))"
_PART = r"(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[- ])?"
DATE_PATTERNS = [
    # 2023-10-26
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    # October 26, 2023 / Oct. 26 / October 26th
    re.compile(_PART + r"\b" + _MONTH_ANY + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4})\b)?"),
    # 26 October 2023 / the 26th of October
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_ANY + r"\b(?:,?\s+(?P<year>\d{4})\b)?"),
    # Oct. 2023
    re.compile(_PART + r"\b" + _MONTH_ANY + r",?\s+(?P<year>\d{4})\b"),
    # mid-October / October
    re.compile(_PART + r"\b" + _MONTH_FULL + r"\b"),
]
_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True)
class DateMention:
    text: str  # as written
    year: int | None
    month: int
    first_day: int
    last_day: int
    end_month: int = 0  # a span over several months ("this summer"); 0: within `month`

    @property
    def span(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """First and last (month, day) the mention can mean."""
        return (self.month, self.first_day), (self.end_month or self.month, self.last_day)

    def can_match(self, other: DateMention) -> bool:
        if self.year is not None and other.year is not None and self.year != other.year:
            return False
        (a0, a1), (b0, b1) = self.span, other.span
        return a0 <= b1 and b0 <= a1

    def iso(self) -> str:
        """YYYY-MM-DD for a day, YYYY-MM for a whole month, else the text as written."""
        if self.year is None or self.end_month:
            return self.text
        if self.first_day == self.last_day:
            return f"{self.year:04d}-{self.month:02d}-{self.first_day:02d}"
        if self.first_day == 1 and self.last_day == calendar.monthrange(self.year, self.month)[1]:
            return f"{self.year:04d}-{self.month:02d}"
        return self.text

    def sort_key(self, default_year: int = 0) -> tuple[int, int, int, int, int]:
        """Chronological order: year (or `default_year` when unknown), start, then narrower first."""
        (m0, d0), (m1, d1) = self.span
        return (self.year if self.year is not None else default_year, m0, d0, m1, d1)


def dates(text: str) -> list[DateMention]:
    """The calendar dates mentioned in `text`, most specific reading first."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _to_mention(m)
            if mention:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return found


def _to_mention(m: re.Match[str]) -> DateMention | None:
    g = m.groupdict()
    name = (g.get("month") or "").lower().rstrip(".")
    month = int(g["mnum"]) if g.get("mnum") else MONTHS.get(name) or _ABBREVIATIONS.get(name)
    if not month or not 1 <= month <= 12:
        return None
    year = int(g["year"]) if g.get("year") else None
    last = calendar.monthrange(year or 2001, month)[1]
    if g.get("day"):
        date = int(g["day"])
        if not 1 <= date <= last:
            return None
        first_day = last_day = date
    elif g.get("part"):
        first_day, last_day = _PART_DAYS[g["part"].lower()]
        last_day = min(last_day, last)
    else:
        first_day, last_day = 1, last
    return DateMention(m.group(0).strip(), year, month, first_day, last_day)


# -- the day a file name or a dateline gives -------------------------------------------------

# Where a dateline is: the first this many characters of the text.
DATELINE_CHARS = 400
# As newswire collections and blogs name files: APW19981016.0240, NYT_ENG_19981016.0123,
# 2023-10-26-storm.md; and TIPSTER's two-digit years, AP880911-0016.
_NAME_8 = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)")
_NAME_6 = re.compile(r"^[A-Za-z]{2,4}(\d\d)(\d\d)(\d\d)[-.]\d+")


def from_file_name(path: str | None) -> str | None:
    """YYYY-MM-DD from a file name such as APW19981016.0240, AP880911-0016, 2023-10-26-x.md
    (a two-digit year from 50 on is 19xx, below it 20xx), or None."""
    if not path:
        return None
    name = PurePath(path).name
    m = _NAME_6.match(name)
    if m:
        yy = int(m[1])
        found = _real(1900 + yy if yy >= 50 else 2000 + yy, int(m[2]), int(m[3]))
        if found:
            return found.isoformat()
    for m in _NAME_8.finditer(name):
        found = _real(int(m[1]), int(m[2]), int(m[3]))
        if found:
            return found.isoformat()
    return None


def from_dateline(text: str) -> str | None:
    """YYYY-MM-DD of the first full date (day, month and year) in the article's opening."""
    for mention in dates(text[:DATELINE_CHARS]):
        if mention.year and mention.first_day == mention.last_day and not mention.end_month:
            return mention.iso()
    return None


def publication_day(published: str | None, path: str | None, text: str) -> tuple[str | None, str]:
    """(the day an article was published, YYYY-MM-DD, or None; where it came from: "metadata",
    "file name", "text", or "" when none was found). Metadata wins, then the file name, then a
    full date in the dateline or first lines of the text."""
    found = iso_day(published)
    if found:
        return found, "metadata"
    found = from_file_name(path)
    if found:
        return found, "file name"
    found = from_dateline(text)
    if found:
        return found, "text"
    return None, ""


# -- ISO weeks -------------------------------------------------------------------------------

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def iso_week(date: dt.date) -> str:
    """The ISO week a day falls in: '2023-W43' (1 January 2021 is in '2020-W53')."""
    year, week, _ = date.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> str:
    """'2023-W43' -> '2023-W43', checked; a clear error otherwise."""
    m = _WEEK.match(text.strip())
    if m:
        try:
            dt.date.fromisocalendar(int(m[1]), int(m[2]), 7)  # the week's last day too (9999-W52 ends in 10000)
            dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return f"{m[1]}-W{m[2]}"
        except ValueError:
            pass
    raise UsageError(f"--week {text!r} is not an ISO week; write it as 2023-W43")


def last_complete_week(today: dt.date | None = None) -> str:
    today = today or dt.datetime.now(dt.timezone.utc).date()
    return iso_week(today - dt.timedelta(days=7))


def week_days(week: str) -> tuple[dt.date, dt.date]:
    """The Monday and Sunday of an ISO week."""
    year, number = int(week[:4]), int(week[6:])
    return dt.date.fromisocalendar(year, number, 1), dt.date.fromisocalendar(year, number, 7)


def previous_week(week: str) -> str:
    first, _ = week_days(week)
    return iso_week(first - dt.timedelta(days=7))
