"""Dates and numbers stated in a sentence, so that sources stating one claim can be compared.

A date is kept as the span of days it can mean: "October 26, 2023" is one day, "mid-October"
the 11th to the 20th, "October" the whole month. A year left out matches any year. Two
sources disagree on a date only when none of their dates can mean the same day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .models import Discrepancy, Evidence
from .terms import stem

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_ABBREVIATIONS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_ABBREVIATIONS["sept"] = 9
# Month names are matched capitalised ("May 5", not "may resign"); an abbreviation only
# with a day or year after it ("Oct. 26"), so a first name like "Jan" is not January.
_FULL = "|".join(sorted((n.capitalize() for n in _MONTHS), key=len, reverse=True))
_ANY = "|".join(sorted([n.capitalize() for n in _MONTHS] + [a.capitalize() for a in _ABBREVIATIONS],
                       key=len, reverse=True))
_MONTH_ANY = rf"(?P<month>(?:{_ANY}))\.?"
_MONTH_FULL = rf"(?P<month>(?:{_FULL}))"
_PART = r"(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[- ])?"
_DATE_PATTERNS = [
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
# A number and what it counts: "12 people", "3.5 million euros", "40 percent". The noun is
# read only when no unit follows, so "40 percent after" stays "40 percent".
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>million|billion|trillion|thousand))?"
    r"(?:\s*(?P<unit>%|per\s*cent\b|percent\b)|\s+(?:of\s+)?(?P<noun>[A-Za-z][a-z-]+))?")


@dataclass(frozen=True)
class DateMention:
    text: str  # as written
    year: int | None
    month: int
    first_day: int
    last_day: int

    def can_match(self, other: DateMention) -> bool:
        if self.year is not None and other.year is not None and self.year != other.year:
            return False
        if self.month != other.month:
            return False
        return self.first_day <= other.last_day and other.first_day <= self.last_day


def dates(text: str) -> list[DateMention]:
    """The calendar dates mentioned in `text`, most specific reading first."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
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
    month = int(g["mnum"]) if g.get("mnum") else _MONTHS.get(name) or _ABBREVIATIONS.get(name)
    if not month or not 1 <= month <= 12:
        return None
    year = int(g["year"]) if g.get("year") else None
    last = calendar.monthrange(year or 2001, month)[1]
    if g.get("day"):
        day = int(g["day"])
        if not 1 <= day <= last:
            return None
        first_day = last_day = day
    elif g.get("part"):
        first_day, last_day = _PART_DAYS[g["part"].lower()]
        last_day = min(last_day, last)
    else:
        first_day, last_day = 1, last
    return DateMention(m.group(0).strip(), year, month, first_day, last_day)


def resolve_year(mentions: list[DateMention], published: str | None) -> list[DateMention]:
    """Give year-less dates the year of publication when it is known (latest not after it)."""
    if not published:
        return mentions
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return mentions
    out = []
    for d in mentions:
        if d.year is None:
            year = pub.year if (d.month, d.first_day) <= (pub.month, pub.day) else pub.year - 1
            d = DateMention(d.text, year, d.month, d.first_day, d.last_day)
        out.append(d)
    return out


def numbers(text: str) -> dict[str, tuple[float, str]]:
    """Counted nouns (stemmed) and the number given for each: {"peopl": (12.0, "12 people")}."""
    date_spans = [(m.start(), m.end()) for p in _DATE_PATTERNS for m in p.finditer(text)]
    out: dict[str, tuple[float, str]] = {}
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        value = float(m.group("value").replace(",", ""))
        if m.group("scale"):
            value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[m.group("scale").lower()]
        noun = "%" if m.group("unit") else m.group("noun")
        if not noun or (1900 <= value <= 2100 and not m.group("scale") and not m.group("unit")):
            continue  # a bare number or a year says nothing comparable
        out.setdefault(stem(noun) if noun != "%" else "%", (value, m.group(0).strip()))
    return out


def discrepancies(evidence: list[Evidence], published: dict[str, str | None]) -> list[Discrepancy]:
    """Where the sources of one claim differ on a date or on a counted quantity."""
    said: dict[str, str] = {}
    for e in evidence:  # a source that states the claim twice: read both as one
        said[e.source] = (said[e.source] + " " + e.sentence) if e.source in said else e.sentence
    if len(said) < 2:
        return []
    found: list[Discrepancy] = []
    by_source = {s: resolve_year(dates(text), published.get(s)) for s, text in said.items()}
    dated = {s: ds for s, ds in by_source.items() if ds}
    if len(dated) >= 2 and not _dates_agree(list(dated.values())):
        found.append(Discrepancy("date", {s: ds[0].text for s, ds in dated.items()}))
    counts = {s: numbers(text) for s, text in said.items()}
    nouns = sorted({n for c in counts.values() for n in c})
    for noun in nouns:
        stated = {s: c[noun] for s, c in counts.items() if noun in c}
        if len(stated) >= 2 and len({v for v, _ in stated.values()}) > 1:
            found.append(Discrepancy("number", {s: text for s, (_, text) in stated.items()}))
    return found


def _dates_agree(per_source: list[list[DateMention]]) -> bool:
    """True when some date of each source can mean the same day as some date of every other."""
    for i, a in enumerate(per_source):
        for b in per_source[i + 1:]:
            if not any(x.can_match(y) for x in a for y in b):
                return False
    return True
