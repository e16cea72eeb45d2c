"""Read an article out of a Word file (.docx, with python-docx, imported here only).

The body's paragraphs in order: those in a heading style (Heading 1-9) stay headings, the
Title style gives the title when the file's properties name none; tables, headers and
footers are left out, as a web page's are. Title, author and date come from the file's
core properties.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from briefing.errors import InputError
from briefing.models import Block, RawArticle, Source

_HEADING_STYLE = re.compile(r"^(?:heading \d|subtitle)$", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_docx(data: bytes, source: Source, limit: int) -> RawArticle:
    """The article in a .docx file's bytes (paragraphs up to about `limit` characters)."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        properties = document.core_properties
        template = properties.author == "python-docx"  # python-docx's own defaults, not the file's
        meta = {"title": properties.title, "author": None if template else properties.author,
                "published": None if template else _date(properties.created)}
        title_style, blocks, read = None, [], 0
        for paragraph in document.paragraphs:
            text = _SPACES.sub(" ", paragraph.text).strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if style.lower() == "title" and title_style is None and not blocks:
                title_style = text
                continue
            blocks.append(Block("heading" if _HEADING_STYLE.match(style) else "text", text))
            read += len(text)
            if read > limit:  # the rest would be cut anyway (ingest notes the cut)
                break
    except Exception as exc:  # noqa: BLE001 - a damaged or hostile file: zipfile/lxml raise anything
        raise InputError(f"is not a readable Word document ({exc.__class__.__name__}); open and re-save it "
                         "as .docx, or give its text as .txt") from None
    from briefing.sources.markup import safe_metadata

    source = replace(source, **safe_metadata(meta))
    if source.title is None and title_style:
        source = replace(source, title=title_style)
    if source.title is None and blocks and blocks[0].kind == "heading":
        source, blocks = replace(source, title=blocks[0].text), blocks[1:]
    return RawArticle(source=source, blocks=tuple(blocks), title_from_first_line=source.title is None)


def made_by(data: bytes) -> str | None:
    """What the file's properties say made it (their comments), read without the body."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            core = package.read("docProps/core.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    match = re.search(r"<dc:description>([^<]*)</dc:description>", core)
    return match[1] if match else None


def _date(value) -> str | None:
    return value.strftime("%Y-%m-%d") if value is not None else None
