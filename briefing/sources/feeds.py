"""RSS and Atom feeds: tell a feed from a page, and read its entries with feedparser.

feedparser copes with the dialects (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) and with the broken
markup real feeds carry, so an entry with a bad date or no link costs only itself.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from briefing.errors import InputError
from briefing.sources.markup import safe_metadata

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+json"}


@dataclass(frozen=True)
class Entry:
    """One feed item: where its page is, and what the feed itself says of it."""

    position: int  # 1-based, in feed order
    link: str | None
    title: str | None
    author: str | None
    published: str | None  # YYYY-MM-DD when the feed gives a readable date
    content: str | None  # the entry's own HTML (full content, else its summary)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """A feed by its media type or, since servers often say text/html or text/plain, by its
    first element."""
    if content_type in FEED_TYPES:
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
        while head.startswith((b"<!--", b"<?")):  # comments and stylesheet instructions
            end = head.find(b">")
            head = head[end + 1:].lstrip() if end >= 0 else b""
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


# Character references to code points no text may hold: UTF-16 surrogates (feedparser
# raises UnicodeEncodeError on '&#xD800;'), C0 and C1 controls other than tab and newline
# (an escape sequence in a title would reach the terminal), and numbers beyond Unicode.
_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]{1,12}|[0-9]{1,12});")


def _fit_reference(match: re.Match) -> bytes:
    digits = match.group(1)
    code = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    if code in (9, 10, 13) or (32 <= code < 127) or (160 <= code < 0x110000 and not 0xD800 <= code < 0xE000):
        return match.group(0)
    return b"" if code < 160 else "\ufffd".encode("utf-8")  # a control goes; a non-character shows


def parse(data: bytes) -> tuple[str | None, list[Entry]]:
    """The feed's title and entries; raise InputError when `data` is no feed at all."""
    import feedparser

    data = _REFERENCE.sub(_fit_reference, data)
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser's own failures are many and undocumented
        raise InputError(f"is not a readable RSS or Atom feed ({type(exc).__name__}); "
                         "give the feed's own address") from None
    if not parsed.entries and not parsed.feed.get("title"):
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(f"is not a readable RSS or Atom feed{problem}; give the feed's own address")
    entries = []
    for n, e in enumerate(parsed.entries, 1):
        content = None
        if e.get("content"):
            content = max((c.get("value") or "" for c in e.content), key=len) or None
        content = content or e.get("summary") or None
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        try:
            published = time.strftime("%Y-%m-%d", stamp) if stamp else None
        except (ValueError, TypeError, OverflowError):
            published = None
        meta = safe_metadata({"url": _text(e.get("link")), "title": _text(e.get("title")),
                               "author": _text(e.get("author"))})
        entries.append(Entry(position=n, link=meta["url"], title=meta["title"], author=meta["author"],
                             published=published, content=content if isinstance(content, str) else None))
    return _text(parsed.feed.get("title")), entries


def _text(value) -> str | None:
    return value if isinstance(value, str) else None
