"""RSS and Atom feeds: tell a feed from a page, and read its entries with feedparser.

feedparser copes with the dialects (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) and with the broken
markup real feeds carry, so an entry with a bad date or no link costs only itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from briefing.errors import InputError

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


def parse(data: bytes) -> tuple[str | None, list[Entry]]:
    """The feed's title and entries; raise InputError when `data` is no feed at all."""
    import feedparser

    parsed = feedparser.parse(data)
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
        entries.append(Entry(position=n, link=(e.get("link") or "").strip() or None,
                             title=(e.get("title") or "").strip() or None, author=e.get("author") or None,
                             published=time.strftime("%Y-%m-%d", stamp) if stamp else None, content=content))
    return parsed.feed.get("title"), entries
