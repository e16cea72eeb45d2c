"""Dates and numbers stated in a sentence, so that sources stating one claim can be compared.

A date is kept as the span of days it can mean (text/dates reads them). Two sources disagree
on a date only when none of their dates can mean the same day.

Relative dates ("on Tuesday", "yesterday", "this summer", "last month") mean something only
against the day the article was published: they are resolved when that day is known and
otherwise left out of comparisons (shown as written).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from itertools import combinations

from briefing.text.dates import DATE_PATTERNS, MONTHS, DateMention, dates, from_iso
from briefing.text.compare import changes, comparable_places, counted_before, number_discrepancies, places_differ
from briefing.text.people import name_discrepancies
from briefing.models import Discrepancy, Evidence
from briefing.text.terms import stem, stop_words

# A number and what it counts: "12 people", "3.5 million euros", "40 percent". The noun is
# read only when no unit follows, so "40 percent after" stays "40 percent".
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>million|billion|trillion|thousand))?"
    r"(?:\s*(?P<unit>%|per\s*cent\b|percent\b)|\s+(?:of\s+)?(?P<noun>[A-Za-z][a-z-]+))?")


_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_RELATIVE = re.compile(
    r"\b(?:(?P<weekday_on>on|last|this past)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
    r"|(?P<day_word>yesterday|today)"
    r"|(?P<which>earlier this|early this|late last|this|last)\s+(?P<unit>spring|summer|autumn|fall|month|week|year)"
    r")\b", re.I)


def relative_dates(text: str, published: str | None) -> list[DateMention]:
    """Relative dates in `text`, resolved against the publication day; none when it is unknown."""
    pub = from_iso(published)
    if pub is None:
        return []
    found = []
    for m in _RELATIVE.finditer(text):
        mention = _resolve_relative(m, pub)
        if mention:
            found.append(mention)
    return found


def _day(text: str, when: dt.date) -> DateMention:
    return DateMention(text, when.year, when.month, when.day, when.day)


def _resolve_relative(m: re.Match[str], pub: dt.date) -> DateMention | None:
    text = m.group(0)
    if m.group("weekday"):
        # News convention: "on Tuesday" in an article is the latest Tuesday up to the day it
        # was published (that day itself included); "last Tuesday" is one before that day.
        back = (pub.weekday() - _WEEKDAYS[m.group("weekday").lower()]) % 7
        if m.group("weekday_on").lower() != "on" and back == 0:
            back = 7
        return _day(text, pub - dt.timedelta(days=back))
    if m.group("day_word"):
        return _day(text, pub - dt.timedelta(days=1 if m.group("day_word").lower() == "yesterday" else 0))
    unit, which = m.group("unit").lower(), m.group("which").lower()
    past = which.startswith(("last", "late last"))
    if unit == "week":
        start = pub - dt.timedelta(days=pub.weekday() + (7 if past else 0))
        end = start + dt.timedelta(days=6)
        if start.year != end.year:
            start = dt.date(end.year, 1, 1)
        return DateMention(text, end.year, start.month, start.day, end.day, end.month if end.month != start.month else 0)
    if unit == "month":
        year, month = (pub.year, pub.month - 1) if past else (pub.year, pub.month)
        if month == 0:
            year, month = year - 1, 12
        last = pub.day if which == "earlier this" else calendar.monthrange(year, month)[1]
        return DateMention(text, year, month, 1, last)
    if unit == "year":
        return DateMention(text, pub.year - (1 if past else 0), 1, 1, 31, 12)
    first_month, last_month = _SEASONS[unit]
    year = pub.year - 1 if past else pub.year
    return DateMention(text, year, first_month, 1, calendar.monthrange(year, last_month)[1], last_month)


def dated(text: str, published: str | None) -> list[DateMention]:
    """Every date in `text`, calendar dates (years filled in) then relative ones, resolved."""
    return resolve_year(dates(text), published) + relative_dates(text, published)


def resolve_year(mentions: list[DateMention], published: str | None) -> list[DateMention]:
    """Give year-less dates the year of publication when it is known (latest not after it)."""
    pub = from_iso(published)
    if pub is None:
        return mentions
    out = []
    for d in mentions:
        if d.year is None:
            year = pub.year if (d.month, d.first_day) <= (pub.month, pub.day) else pub.year - 1
            d = DateMention(d.text, year, d.month, d.first_day, d.last_day, d.end_month)
        out.append(d)
    return out


def numbers(text: str) -> dict[str, tuple[float, str]]:
    """Counted nouns (stemmed) and the number given for each: {"peopl": (12.0, "12 people")}."""
    out: dict = {}
    for noun, value, written, _, _ in number_mentions(text):
        out.setdefault(noun, (value, written))
    return out


def number_mentions(text: str) -> list[tuple[str, float, str, int, int]]:
    """(noun stem, value, as written, start, end) of each counted number; none for a noun the
    sentence gives two values of, or one inside a before/after pair (text/compare)."""
    date_spans = [(m.start(), m.end()) for p in DATE_PATTERNS for m in p.finditer(text)]
    moves = changes(text)
    found = []
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        value = float(m.group("value").replace(",", ""))
        if m.group("scale"):
            value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[m.group("scale").lower()]
        noun, written = ("%" if m.group("unit") else m.group("noun")), m.group(0).strip()
        if not noun or noun.lower() in stop_words():  # "a delegation of 90", "a 120-member delegation"
            noun, written = counted_before(text, m.start(), m.end()), text[m.start():m.end("scale" if m.group("scale") else "value")]
        if not noun or (1900 <= value <= 2100 and m.group("value").isdigit()
                        and not m.group("scale") and not m.group("unit")):
            continue  # a bare number or a year ("2023", not "2,000") says nothing comparable
        key = stem(noun) if noun != "%" else "%"
        moved = any(s <= m.start() < e for s, e in moves)
        found.append((key, value, written, m.start(), m.end(), moved))
    twice = {k for k in {f[0] for f in found} if len({f[1] for f in found if f[0] == k}) > 1}
    return [f[:5] for f in found if f[0] not in twice and not f[5]]


def discrepancies(evidence: list[Evidence], published: dict[str, str | None]) -> list[Discrepancy]:
    """Where the sources of one claim differ on a date or on a counted quantity."""
    said: dict[str, str] = {}
    for e in evidence:  # a source that states the claim twice: read both as one
        said[e.source] = (said[e.source] + " " + e.sentence) if e.source in said else e.sentence
    if len(said) < 2:
        return []
    found: list[Discrepancy] = []
    # days against days only: a day and a month ("an Oct. 17 letter", "July elections") date two things
    by_source = {s: [d for d in dated(text, published.get(s)) if d.first_day == d.last_day] for s, text in said.items()}
    with_dates = {s: ds for s, ds in by_source.items() if ds}
    if len(with_dates) >= 2 and not _dates_agree(list(with_dates.values())):
        found.append(Discrepancy("date", {s: ds[0].text for s, ds in with_dates.items()}))
    found += number_discrepancies(said, {s: number_mentions(text) for s, text in said.items()}, published)
    for _, names in sorted(name_discrepancies(said).items()):
        found.append(Discrepancy("person", names))
    named = comparable_places({s: places(text) for s, text in said.items()})
    if len(named) >= 2 and all(places_differ(a, b) for a, b in combinations(named.values(), 2)) \
            and not _named_by_all(named, said):
        found.append(Discrepancy("place", {s: next(iter(ps)) for s, ps in named.items()}))
    return found


# A place is a capitalised name after "in", "at" or "near" that ends the phrase: "in Vessby,"
# or "in Vessby on Monday", but not "in Russia-Ukraine crisis" (there it qualifies a noun).
_PLACE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
                    r"(?=\s*(?:[.,;:!?)”\"]|$|\s(?:on|in|at|to|and|where|with|for|after|before|last|this|"
                    r"during|when|while|from|since|earlier|later|as)\b))")
_NOT_PLACES = set(MONTHS) | {d.lower() for d in calendar.day_name}


def _named_by_all(named: dict[str, dict[str, str]], said: dict[str, str]) -> bool:
    """Some place one source gives is written in every other source's sentence too (where
    the place pattern did not read it: "at next month's Harbour Games in the North" / "at
    the Harbour Games in May"): the sources name a common place."""
    return any(all(re.search(rf"\b{re.escape(name)}\b", said[o]) for o in named if o != s)
               for s, ps in named.items() for name in ps)


def places(text: str) -> dict[str, str]:
    """Places named in `text`: {as written: the same place's key}; a country's capital and its
    other names share one key ("Pyongyang" and "North Korea")."""
    from briefing.text.terms import entity_names

    out = {}
    for m in _PLACE.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in _NOT_PLACES:
            continue
        keys = entity_names(name)
        out[name] = keys[0] if keys else name.lower()
    return out


def _dates_agree(per_source: list[list[DateMention]]) -> bool:
    """True when some date of each source can mean the same day as some date of every other."""
    for i, a in enumerate(per_source):
        for b in per_source[i + 1:]:
            if not any(x.can_match(y) for x in a for y in b):
                return False
    return True
