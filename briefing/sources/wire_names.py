"""Name a wire story's source when its file has no headline or metadata.

Newswire collections (DUC, TAC, TDT, the LDC's Gigaword) name each story by its service and
date: APW19981016.0240 is AP Worldstream of 16 October 1998, NYT19981016.0123 the New York
Times, XIE19981016.0012 Xinhua (English), AP880911-0016 Associated Press of 11 September
1988. A story's dateline names the agency too: "MOSCOW (AP) _". Such a source is then listed
by its outlet and date instead of "Untitled". What the file's own metadata says always wins.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from briefing.models import Article
from briefing.text.dates import from_file_name as dated_by_name

# The services' codes in the collections' file names.
SERVICES = {"APW": "AP Worldstream", "AP": "Associated Press", "NYT": "New York Times",
            "XIE": "Xinhua", "XIN": "Xinhua", "AFP": "Agence France-Presse", "AFE": "Agence France-Presse",
            "CNA": "Central News Agency", "LTW": "Los Angeles Times/Washington Post", "WPB": "Washington Post",
            "FT": "Financial Times", "LA": "Los Angeles Times", "SJMN": "San Jose Mercury News",
            "WSJ": "Wall Street Journal", "FBIS": "FBIS", "CNN": "CNN", "ABC": "ABC", "NBC": "NBC",
            "PRI": "Public Radio International", "VOA": "Voice of America", "UMD": "UMD", "CHINADAILY": "China Daily"}
# The agencies a dateline names in brackets: "MOSCOW (AP) _", "BEIJING, Oct. 16 (Xinhua) --".
AGENCIES = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "Agence France-Presse",
            "Xinhua": "Xinhua", "UPI": "United Press International", "CNN": "CNN", "BBC": "BBC"}
# A wire story's file name: the service's code, then the date (read by text/dates) and a number.
_FILE = re.compile(r"^(?P<service>[A-Z]{2,10}?)(?:_ENG_)?(?:(?:19|20)\d{6}|\d{6})[.\-_]\d+")
_DATELINE = re.compile(r"^[\s\W]*[A-Z][A-Za-z .,'-]{1,60}?\((?P<agency>[A-Za-z]{2,8})\)\s*(?:_|--|—|–|-)")


def from_file_name(path: str | None) -> tuple[str | None, str | None]:
    """(outlet, YYYY-MM-DD) from a newswire file name, each None when it does not say."""
    if not path:
        return None, None
    m = _FILE.match(Path(path).name)
    if not m or m.group("service") not in SERVICES:
        return None, None
    return SERVICES[m.group("service")], dated_by_name(path)


def from_dateline(text: str) -> str | None:
    """The agency a story's dateline names ("MOSCOW (AP) _" -> Associated Press)."""
    m = _DATELINE.match(text[:200])
    return AGENCIES.get(m.group("agency")) if m else None


def named(article: Article) -> Article:
    """The article with its outlet and date filled in from its file name or dateline, where its
    metadata left them empty."""
    source = article.source
    outlet, date = from_file_name(source.path)
    outlet = outlet or from_dateline(article.text)
    filled = {k: v for k, v in (("publisher", outlet), ("published", date)) if v and not getattr(source, k)}
    return replace(article, source=replace(source, **filled)) if filled else article
