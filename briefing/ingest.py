"""Stage 1: find the input articles, decode them and read their layout and metadata.

Plain text, Markdown (with optional YAML front matter) and HTML pages (main content and
metadata extracted with trafilatura) all become a `RawArticle`: a `Source` record and a
sequence of heading / text blocks. Nothing here decides what is debris; `clean` does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .models import Block, Problem, RawArticle, Source

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
SUPPORTED_LIST = ", ".join(sorted(SUPPORTED))

# Every brief carries this in its colophon (templates/); a file with it is our own output.
GENERATOR_MARK = "Made with briefing "
FRONT_MATTER_KEYS = ("title", "author", "publisher", "url", "published", "descriptor")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def collect(inputs: list[str], exclude: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into the sorted list of article files to read.

    Files below `exclude` (the output folder) are not read: a brief is not an article.
    """
    found: dict[Path, Path] = {}
    problems: list[Problem] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            # Skip the output folder below an input folder, so a brief is not read back as
            # an article; when the user reads from the output folder itself, read it all
            # (earlier briefs there are recognised by their generator mark in read()).
            skip = exclude if exclude is not None and not _below(path, exclude) else None
            files = [f for f in _articles_in(path) if not _below(f, skip)]
            if not files:
                problems.append(Problem(given, f"folder holds no articles ({SUPPORTED_LIST}); "
                                               "add some or name the files directly"))
            for f in files:
                found.setdefault(f.resolve(), f)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                problems.append(Problem(given, f"cannot read '{path.suffix or 'no extension'}' files; "
                                               f"give articles as {SUPPORTED_LIST}"))
                continue
            found.setdefault(path.resolve(), path)
        elif path.exists():
            problems.append(Problem(given, "not a regular file or folder; give article files or folders"))
        else:
            problems.append(Problem(given, "no such file or folder; check the path"))
    return sorted(found.values(), key=lambda p: str(p)), problems


def _below(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder.resolve())


def _articles_in(folder: Path) -> list[Path]:
    """Every supported file below `folder`, skipping hidden files and folders."""
    out = []
    for p in folder.rglob("*"):
        parts = p.relative_to(folder).parts
        if any(part.startswith(".") for part in parts):
            continue
        if p.is_file() and p.suffix.lower() in SUPPORTED:
            out.append(p)
    return out


def read(path: Path, source_id: str) -> RawArticle:
    """Read one article file into blocks and metadata, or raise InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc}); check its permissions") from None
    text = decode(data)
    if not text.strip():
        raise InputError("is empty; remove it or add the article's text")
    if GENERATOR_MARK in text:
        raise InputError("is a brief made by briefing, not an article; leave it out of the inputs")
    source = Source(id=source_id, path=str(path))
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _read_html(text, source)
    if suffix in MARKDOWN_SUFFIXES:
        return _read_markdown(text, source)
    meta, body = front_matter(text)
    return RawArticle(source=replace(source, **meta), blocks=plain_blocks(body),
                      title_from_first_line="title" not in meta)


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, then cp1252, then Latin-1; refuse binary data."""
    if b"\x00" in data[:4096] or _looks_binary(data[:4096]):
        raise InputError("is not a text file (binary content); give articles as text, Markdown or HTML")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(head: bytes) -> bool:
    # Control characters other than tab/newline/form feed are rare in text of any encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def plain_blocks(text: str) -> tuple[Block, ...]:
    """Paragraphs of a plain-text article, split on blank lines."""
    return tuple(Block("text", b.strip("\n")) for b in _BLANK_LINES.split(text) if b.strip())


def _read_markdown(text: str, source: Source) -> RawArticle:
    meta, body = front_matter(text)
    source = replace(source, **meta)
    blocks = _html_blocks(_markdown_to_html(body))
    if source.title is None and blocks and blocks[0].kind == "heading":
        source = replace(source, title=blocks[0].text)
        blocks = blocks[1:]
    return RawArticle(source=source, blocks=blocks)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter (title, author, publisher, url, published) from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        raise InputError("has front matter that is not valid YAML; fix it or remove the --- block") from None
    if not isinstance(data, dict):
        raise InputError("has front matter that is not a YAML mapping; write it as 'key: value' lines")
    meta = {}
    for key in FRONT_MATTER_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if key == "published":
            value = iso_date(value)
            if value is None:
                continue
        meta[key] = str(value).strip()
    return meta, text[match.end():]


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


def iso_date(value) -> str | None:
    """A publication date as YYYY-MM-DD, or None when it cannot be read as one."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value or "").strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _markdown_to_html(text: str) -> str:
    import markdown

    return markdown.markdown(text)


def _html_blocks(html: str) -> tuple[Block, ...]:
    """Headings and paragraphs of an HTML fragment, in reading order."""
    from lxml import html as lxml_html

    if not html.strip():
        return ()
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    blocks = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li"):
        if el.tag == "p" and el.getparent() is not None and el.getparent().tag == "li":
            continue  # the list item already has this text
        text = _element_text(el)
        if text:
            blocks.append(Block("heading" if el.tag.startswith("h") else "text", text))
    return tuple(blocks)


def _element_text(el) -> str:
    """The element's text, leaving out nested lists (their items are blocks of their own)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag not in ("ul", "ol", "list"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def _read_html(html: str, source: Source) -> RawArticle:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_formatting=True,
                                      include_comments=False, include_tables=False)
    if doc is None or doc.body is None:
        raise InputError("has no article text that could be extracted; save the article page itself, "
                         "or its text as .txt")
    blocks = []
    for el in doc.body:
        if el.tag == "head":
            kind = "heading"
        elif el.tag in ("p", "quote"):
            kind = "text"
        elif el.tag == "list":
            blocks.extend(Block("text", t) for t in (_element_text(i) for i in el.iter("item")) if t)
            continue
        else:
            continue
        text = _element_text(el)
        if text:
            blocks.append(Block(kind, text))
    title = doc.title
    if blocks and blocks[0].kind == "heading" and (title is None or blocks[0].text == title):
        title = blocks[0].text
        blocks = blocks[1:]
    source = replace(source, title=title, author=doc.author, publisher=doc.sitename,
                     published=iso_date(doc.date) if doc.date else None, url=doc.url)
    return RawArticle(source=source, blocks=tuple(blocks))
