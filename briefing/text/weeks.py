"""ISO weeks: the weekly brief's unit of time. One home for parsing, naming and stepping
through them, used by the archive (which files articles by week), the weekly brief and the
command line (which checks --week before opening anything)."""

from __future__ import annotations

import datetime as dt
import re

from briefing.errors import UsageError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def iso_week(day: dt.date) -> str:
    """The ISO week a day falls in: '2023-W43'."""
    year, week, _ = day.isocalendar()
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
    year, number = int(week[:4]), int(week[6:])
    return dt.date.fromisocalendar(year, number, 1), dt.date.fromisocalendar(year, number, 7)


def previous_week(week: str) -> str:
    first, _ = week_days(week)
    return iso_week(first - dt.timedelta(days=7))
