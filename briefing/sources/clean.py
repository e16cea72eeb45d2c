"""Stage 2: keep the article's prose; turn headlines, subheadings and bylines into
metadata and structure; drop page debris.

The rules go by the *shape* of a line, as a reader would: prose ends its sentences and
has enough words; a menu item, a player's "please wait", a size picker or a timestamp has
neither. A line repeated on the page is a caption or a teaser echo. Non-prose lines before
the first paragraph hold the headline; those after the last one hold the byline. A
Title-Cased or colon-ended line between paragraphs is a subheading. Prose-shaped debris
(captions, boilerplate) is caught by the patterns in `data/debris.toml`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from briefing.errors import InputError
from briefing.models import Article, Heading, RawArticle
from briefing.sources import wire
from briefing.text import sanitize
from briefing.text.debris import DebrisRules, debris_rules, is_debris

# A line of prose ends a sentence: . ! ? or an ellipsis, possibly inside closing quotes
# or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A shorter line that ends a sentence is still prose when it has this many words:
# "Officials declined to comment." is prose; "Home." or "Read more." is not.
MIN_PROSE_WORDS = 4
# A line this long reads as prose even without a sentence ending (a paragraph whose final
# full stop the scraper lost), unless it is Title Cased like a headline.
LONG_PROSE_WORDS = 15
# Photo captions are a sentence or two; a repeated paragraph longer than this is the
# article's own text shown twice (a teaser echoing the lead), and is kept once.
MAX_CAPTION_WORDS = 30
# Headlines and subheadings are short; longer non-prose lines are debris.
MAX_HEADING_WORDS = 20
# A hard-wrapped paragraph's lines are long; a line shorter than this that ends without
# punctuation stands alone (a heading or a menu item), it does not wrap into the next.
MIN_WRAPPED_LINE = 50
# ... unless it reads as running text of at least this many words and the next line starts
# with a small letter (see _continues); a menu or a short label has fewer words.
MIN_RUNNING_WORDS = 6
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is",
                "of", "on", "or", "over", "the", "to", "vs", "with", "after", "amid", "its"}
# A part of a person's name: Jane, O’Neil, McDonald, Jean-Luc, or an initial.
_NAME_PART = re.compile(r"^(?:(?:O['’]|Mc|Mac|D['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)$")
_BY = re.compile(r"^\s*by\s+(.+)$", re.I)


@dataclass
class _Unit:
    """A line, or the lines of one hard-wrapped paragraph, with its layout position."""

    text: str
    block: int
    kind: str = "text"  # text | heading (from markup)
    role: str = ""  # prose | title | heading | author | debris


def clean(raw: RawArticle) -> Article:
    """Return the article's prose and headings; raise InputError if no prose is left."""
    rules = debris_rules()
    raw = sanitize.safe_raw(raw)  # no control character in any text or metadata, however it came
    units = _units(raw)
    for u in units:
        u.role = "prose" if u.kind == "text" and _is_prose(u.text, rules) else ""
    repeated = _repeated(units)
    prose_at = [i for i, u in enumerate(units) if u.role == "prose"]
    if not prose_at:
        raise InputError("has no sentences left after removing page debris; "
                         "check that the file holds the article's text")
    first, last = prose_at[0], prose_at[-1]
    source = raw.source
    for i, u in enumerate(units):
        if u.role:
            continue
        if i < first and source.title is None and raw.title_from_first_line and _is_headline(u.text):
            u.role = "title"
            source = replace(source, title=u.text.strip())
        elif u.text in repeated:
            u.role = "debris"
        elif first < i < last and (u.kind == "heading" or _is_subheading(u.text)):
            u.role = "heading"
        elif source.author is None and (author := _byline(u.text, trailer=i > last)) and (i < first or i > last):
            u.role = "author"
            source = replace(source, author=author)
        else:
            u.role = "debris"
    return _assemble(source, units, raw.notes)


def _units(raw: RawArticle) -> list[_Unit]:
    units = []
    for b, block in enumerate(raw.blocks):
        if block.kind == "heading":
            units.append(_Unit(block.text.strip(), b, "heading"))
            continue
        current: list[str] = []
        for line in wire.scrub(block.text).split("\n"):  # no editing marks or entity codes
            if not line.strip():
                continue
            if current and not _wraps(current[-1]) and not _continues(current[-1], line):
                units.append(_Unit("\n".join(current), b))
                current = []
            current.append(line)
        if current:
            units.append(_Unit("\n".join(current), b))
    return units


def _wraps(line: str) -> bool:
    """Whether the next line continues this one (a hard-wrapped paragraph)."""
    line = line.rstrip()
    return len(line) >= MIN_WRAPPED_LINE and not _SENTENCE_END.search(line) and not line.endswith(":")


def _continues(previous: str, line: str) -> bool:
    """Whether a line carries on a short one before it: running text (six words or more, not
    in Title Case) followed by a line that starts with a small letter, as a paragraph wrapped
    early does ("The Senate voted 62-38 on Tuesday to approve a" / "bill that would ...").
    A headline followed by page debris ("... Condemned" / "please wait") stays two lines."""
    stripped = line.lstrip()
    words = _WORD.findall(previous)
    return bool(stripped) and stripped[0].islower() and len(words) >= MIN_RUNNING_WORDS \
        and not _is_title_case(words)


def _is_prose(text: str, rules: DebrisRules) -> bool:
    if is_debris(text, rules):
        return False
    words = _WORD.findall(text)
    if _SENTENCE_END.search(text):
        return len(words) >= MIN_PROSE_WORDS
    return len(words) >= LONG_PROSE_WORDS and not _is_title_case(words)


def _repeated(units: list[_Unit]) -> set[str]:
    """Lines that stand twice on a page: captions, teasers, the headline's echo.

    Repeated prose is marked debris at once; the first copy of a repeated headline may
    still be taken as the title.
    """
    counts = Counter(" ".join(u.text.split()).lower() for u in units)
    repeated = {u.text for u in units if counts[" ".join(u.text.split()).lower()] > 1}
    kept: set[str] = set()
    for u in units:
        if u.role == "prose" and u.text in repeated:
            # A long paragraph shown twice is the lead echoed as a teaser: keep it once.
            if len(_WORD.findall(u.text)) > MAX_CAPTION_WORDS and u.text not in kept:
                kept.add(u.text)
                continue
            u.role = "debris"
    return repeated - kept


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def _is_headline(text: str) -> bool:
    words = _WORD.findall(text)
    return (3 <= len(words) <= MAX_HEADING_WORDS + 10 and text.strip()[0].isupper()
            and not text.rstrip().endswith("."))


def _is_subheading(text: str) -> bool:
    stripped = text.strip()
    words = _WORD.findall(stripped)
    if not words or len(words) > MAX_HEADING_WORDS or not stripped[0].isupper() or "\n" in stripped:
        return False
    return stripped.endswith(":") or _is_title_case(words)


def _byline(text: str, trailer: bool) -> str | None:
    """The author's name if this line is a byline: "By Jane Roe" anywhere outside the
    prose, or a bare name in the page's trailer (a signature). A bare name-shaped line in
    the header is more often a label ("Breaking News") than an author."""
    text = text.strip()
    by = _BY.match(text)
    if not by and not trailer:
        return None
    candidate = by.group(1).strip() if by else text
    candidate = re.split(r"\s*[,|•·–—]\s*", candidate)[0].strip()
    if candidate.isupper():
        candidate = candidate.title()  # "BY JANE ROE"
    names = re.split(r"\s+(?:and|&)\s+", candidate)  # "Jane Roe and John Doe"
    for name in names:
        parts = name.split()
        if not 2 <= len(parts) <= 4 or not all(_NAME_PART.match(p) for p in parts):
            return None
        if any(w in name.lower().split() for w in debris_rules().byline_words):
            return None
    return candidate


def _assemble(source, units: list[_Unit], notes: tuple[str, ...] = ()) -> Article:
    """Join the prose units into the cleaned text, recording where each heading applies."""
    parts: list[str] = []
    headings: list[Heading] = []
    removed: list[str] = []
    pending: str | None = None
    offset = 0
    prev_block = None
    for u in units:
        if u.role == "heading":
            pending = " ".join(u.text.split())
            continue
        if u.role != "prose":
            if u.role == "debris":
                removed.append(u.text)
            continue
        if parts:
            sep = "\n" if u.block == prev_block else "\n\n"
            parts.append(sep)
            offset += len(sep)
        if pending is not None:
            headings.append(Heading(offset, pending))
            pending = None
        parts.append(u.text)
        offset += len(u.text)
        prev_block = u.block
    return Article(source=source, text="".join(parts), headings=tuple(headings), removed=tuple(removed),
                   notes=notes)
