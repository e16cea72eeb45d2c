"""Text fit to show: no control characters in an article's text or metadata, metadata of a
sane length, file names and URLs printable on a terminal.

Control characters are the C0 set other than tab and newline, DEL, and the C1 set
(U+0080-U+009F: U+009B alone starts a terminal escape sequence). They reach an article not
only as raw bytes (ingest.decode drops those) but as character references that the HTML and
Markdown readers decode ('&#27;]0;pwned&#7;' in a feed title or a Markdown article), so every
article passes through `safe_raw` on its way to the cleaner, whatever it was read from.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from briefing.models import Block, RawArticle, Source, printable

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A real headline, byline or outlet name is short; anything longer is cut (with "…") rather
# than let one article fill a page or a terminal. A URL may be longer.
MAX_METADATA_CHARS = 300
MAX_URL_CHARS = 2000


def strip_controls(text: str) -> str:
    """`text` without control characters; carriage returns and form feeds become newlines."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))


def one_line(value: str | None, limit: int = MAX_METADATA_CHARS) -> str | None:
    """A metadata value as one printable line of at most `limit` characters, or None."""
    if value is None:
        return None
    text = " ".join(CONTROL.sub(" ", str(value)).split())
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text or None


def safe_source(source: Source) -> Source:
    """Every metadata field one line, capped; the file name with its unprintable characters
    (escape sequences, bytes that are not UTF-8) shown escaped."""
    changes = {}
    for f in fields(Source):
        value = getattr(source, f.name)
        if f.name == "id" or value is None:
            continue
        if f.name == "path":
            changes[f.name] = printable(value)
        else:
            changes[f.name] = one_line(value, MAX_URL_CHARS if f.name == "url" else MAX_METADATA_CHARS)
    return replace(source, **changes)


def safe_raw(raw: RawArticle) -> RawArticle:
    """The article with control characters gone from its text and its metadata made safe."""
    blocks = tuple(Block(b.kind, strip_controls(b.text)) for b in raw.blocks)
    return replace(raw, source=safe_source(raw.source), blocks=blocks)
