"""Stage 1: read one article file (or fetched page) into a `RawArticle`: a `Source` record and
a sequence of heading / text blocks, within the size, length and time limits.

Which files are articles is decided in `collect`; bytes become text in `decode`; each text
format becomes blocks in `markup`, PDF and Word files in `pdf_text` and `docx_text`. Nothing
here decides what is debris; `clean` does.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from briefing.errors import InputError
from briefing.models import Block, RawArticle, Source, printable
from briefing.options import Limits, describe
from briefing.sources.decode import decode
from briefing.sources.markup import front_matter, plain_blocks, read_markdown, read_page

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES

# Every brief carries this in its colophon (templates/); a file with it is our own output.
GENERATOR_MARK = "Made with briefing "

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")


def read(path: Path, source_id: str, seen: dict[str, str] | None = None, limits: Limits = Limits()) -> RawArticle:
    """Read one article file into blocks and metadata, within the time cap (time_cap.py)."""
    from briefing.sources.time_cap import capped

    with capped(limits):
        return _read_file(path, source_id, seen, limits)


def _read_file(path: Path, source_id: str, seen: dict[str, str] | None, limits: Limits) -> RawArticle:
    """Read one article file into blocks and metadata, or raise InputError.

    `seen` maps a digest of each text already read to its file: a second copy of an
    article is refused (a brief cites each article once).
    """
    data = read_bounded(path, limits)
    if path.suffix.lower() in PDF_SUFFIXES | DOCX_SUFFIXES:
        raw = _read_document(path, data, source_id, limits)
        _check_text("\n\n".join(b.text for b in raw.blocks), path, seen)
        return _noted_cut(*_bounded_blocks(raw, limits.max_article_chars), limits)
    decoding: list[str] = []
    text = decode(data, decoding)
    _check_text(text, path, seen)
    source = Source(id=source_id, path=str(path))
    suffix = path.suffix.lower()
    limit = limits.max_article_chars
    if suffix in HTML_SUFFIXES:
        raw, cut = _bounded_blocks(read_page(text, source), limit)
    else:
        cut = len(text) > limit
        text = _within(text, limit)
        if suffix in MARKDOWN_SUFFIXES:
            raw = read_markdown(text, source)
        else:
            meta, body = front_matter(text)
            raw = RawArticle(source=replace(source, **meta), blocks=plain_blocks(body),
                             title_from_first_line="title" not in meta)
    raw = _noted_cut(raw, cut, limits)
    return replace(raw, notes=tuple(decoding) + raw.notes)


def _check_text(text: str, path: Path, seen: dict[str, str] | None) -> None:
    """Refuse an empty article, a brief of ours, or a second copy of an article already read."""
    if not text.strip():
        raise InputError("is empty; remove it or add the article's text")
    if GENERATOR_MARK in text:
        raise InputError("is a brief made by briefing, not an article; leave it out of the inputs")
    if seen is not None:
        digest = hashlib.sha256(_SPACES.sub(" ", text).strip().encode("utf-8")).hexdigest()
        if digest in seen:
            raise InputError(f"has the same text as {printable(seen[digest])}; each article is read once")
        seen[digest] = str(path)


def _read_document(path: Path, data: bytes, source_id: str, limits: Limits) -> RawArticle:
    """A PDF or Word file's article (pdf_text, docx_text), with its metadata."""
    from briefing.sources import docx_text, pdf_text

    reader = pdf_text.read_pdf if path.suffix.lower() in PDF_SUFFIXES else docx_text.read_docx
    return reader(data, Source(id=source_id, path=str(path)), limits.max_article_chars)


def _noted_cut(raw: RawArticle, cut: bool, limits: Limits) -> RawArticle:
    """Say in the article's notes that only its first part was read."""
    if not cut:
        return raw
    read_chars = sum(len(b.text) for b in raw.blocks)
    return replace(raw, notes=raw.notes + (f"is longer than {describe('max_article_chars', limits)}; only its "
                                           f"first {read_chars:,} characters are read",))


def _open_nonblocking(path, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing (before reading them) files over the size limit."""
    max_bytes = limits.max_file_bytes
    try:
        # O_NONBLOCK: a FIFO swapped in after the folder was listed must not block the open
        with open(path, "rb", opener=_open_nonblocking) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError("not a regular file; give article files")
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"is {size / 1024 / 1024:,.1f} MB, over {describe('max_file_mb', limits)}; "
                                 "it was not read")
            data = fh.read(max_bytes + 1)  # a file that grows while read is still capped
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc}); check its permissions") from None
    if len(data) > max_bytes:
        raise InputError(f"is over {describe('max_file_mb', limits)}; it was not read")
    return data


def _within(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a paragraph or sentence end."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    paragraph = head.rfind("\n\n")
    if paragraph >= limit // 2:
        return head[:paragraph]
    ends = list(_SENTENCE_END.finditer(head))
    if ends:
        return head[:ends[-1].end()]
    return head[:max(head.rfind(" "), 0)]


def _bounded_blocks(raw: RawArticle, limit: int) -> tuple[RawArticle, bool]:
    """Keep the blocks that fit in `limit` characters; say whether any were cut."""
    total, kept = 0, []
    for block in raw.blocks:
        if total + len(block.text) > limit:
            rest = _within(block.text, limit - total)
            if rest.strip():
                kept.append(Block(block.kind, rest))
            return replace(raw, blocks=tuple(kept)), True
        kept.append(block)
        total += len(block.text)
    return raw, False


def read_html(data: bytes, source: Source, limits: Limits = Limits()) -> RawArticle:
    """Read a fetched web page (bytes) the way `read` reads an .html file, within the time cap."""
    from briefing.sources.time_cap import capped

    with capped(limits):
        return _read_fetched_page(data, source, limits)


def _read_fetched_page(data: bytes, source: Source, limits: Limits) -> RawArticle:
    text = decode(data)
    if not text.strip():
        raise InputError("is empty; remove it or add the article's text")
    return _noted_cut(*_bounded_blocks(read_page(text, source), limits.max_article_chars), limits)
