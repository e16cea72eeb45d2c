"""An article's text formats read into blocks and metadata: plain text (paragraphs), YAML front
matter, Markdown, HTML fragments and whole web pages (main content and metadata extracted with
trafilatura). Metadata is made fit to print here, whatever format gave it."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from briefing.errors import InputError
from briefing.models import Block, RawArticle, Source
from briefing.text.dates import iso_day

FRONT_MATTER_KEYS = ("title", "author", "publisher", "url", "published", "descriptor")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def read_html_fragment(html: str, source: Source) -> RawArticle:
    """Read a bare HTML fragment (a feed entry's content), too small for page extraction."""
    return RawArticle(source=source, blocks=_html_blocks(html))


def plain_blocks(text: str) -> tuple[Block, ...]:
    """Paragraphs of a plain-text article, split on blank lines."""
    return tuple(Block("text", b.strip("\n")) for b in _BLANK_LINES.split(text) if b.strip())


def read_markdown(text: str, source: Source) -> RawArticle:
    meta, body = front_matter(text)
    source = replace(source, **meta)
    blocks = _html_blocks(_markdown_to_html(body))
    if source.title is None and blocks and blocks[0].kind == "heading":
        source = replace(source, title=blocks[0].text)
        blocks = blocks[1:]
    return RawArticle(source=source, blocks=blocks)


@lru_cache(maxsize=1)
def _loader():
    """YAML's safe loader, but with dates left as written: text/dates reads them, so that an
    impossible one ("2023-02-30") is left out like any unreadable date, not fatal to the file."""
    import yaml

    class DatesAsWritten(yaml.SafeLoader):
        pass

    DatesAsWritten.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return DatesAsWritten


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter (title, author, publisher, url, published) from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.load(match.group(1), Loader=_loader()) or {}
    except yaml.YAMLError:
        raise InputError("has front matter that is not valid YAML; fix it or remove the --- block") from None
    except RecursionError:  # 'author: {a: {a: ...' thousands deep
        raise InputError("has front matter nested too deeply to read; write it as 'key: value' lines") from None
    if not isinstance(data, dict):
        raise InputError("has front matter that is not a YAML mapping; write it as 'key: value' lines")
    meta = {}
    for key in FRONT_MATTER_KEYS:
        value = data.get(key)
        # Only plain values: str() of a list built from YAML aliases (a "billion laughs"
        # front matter) would grow exponentially.
        if value is None or not isinstance(value, (str, int, float)):
            continue
        if key == "published":
            value = iso_day(value)
            if value is None:
                continue
        meta[key] = str(value).strip()
    return safe_metadata(meta), text[match.end():]


def safe_metadata(meta: dict[str, str | None]) -> dict[str, str | None]:
    """Metadata fit to print: one line, no control characters, a real date, a sane length
    (a URL is shown as a link only when render.web_url finds it a plain http(s) address)."""
    from briefing.text.sanitize import MAX_METADATA_CHARS, MAX_URL_CHARS, one_line

    return {key: iso_day(value) if key == "published" and value is not None else
            one_line(value, MAX_URL_CHARS if key == "url" else MAX_METADATA_CHARS) for key, value in meta.items()}


def _markdown_to_html(text: str) -> str:
    from briefing.sources.markdown_safe import to_html  # Python-Markdown, kept from its quadratic cases

    return to_html(text)


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
        # a comment or processing instruction (its tag is not a string) holds no text
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol", "list"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def read_page(html: str, source: Source) -> RawArticle:
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
    source = replace(source, **safe_metadata(dict(title=title, author=doc.author, publisher=doc.sitename,
                                                   published=doc.date, url=doc.url)))
    return RawArticle(source=source, blocks=tuple(blocks))
