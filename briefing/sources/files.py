"""Stage 1: find the input articles, decode them and read their layout and metadata.

Plain text, Markdown (with optional YAML front matter) and HTML pages (main content and
metadata extracted with trafilatura) all become a `RawArticle`: a `Source` record and a
sequence of heading / text blocks. Nothing here decides what is debris; `clean` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path

from briefing.errors import InputError
from briefing.options import Limits, describe
from briefing.models import Block, Problem, RawArticle, Source, printable

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
SUPPORTED_LIST = ", ".join(sorted(SUPPORTED)) + ", or plain text with no or a numeric extension"


def is_article_name(path: Path) -> bool:
    """Whether a file's name says it holds an article: a supported extension, or plain text
    named as newswire collections (DUC, TAC, TDT) name their stories, with no extension or a
    numeric one ("AP880911-0016", "APW19981016.0240", "d30001t")."""
    suffix = path.suffix.lower()
    return suffix in SUPPORTED or suffix == "" or suffix[1:].isdigit()

# Every brief carries this in its colophon (templates/); a file with it is our own output.
GENERATOR_MARK = "Made with briefing "


def is_briefing_output(path: Path) -> bool:
    """Whether `path` is a brief this tool wrote (its colophon carries GENERATOR_MARK)."""
    if path.suffix.lower() in PDF_SUFFIXES | DOCX_SUFFIXES:  # compressed: ask its properties
        from briefing.sources import docx_text, pdf_text

        try:
            data = read_bounded(path, Limits())  # the default cap: a brief of ours is far below it
        except InputError:
            return False
        made_by = pdf_text.made_by if path.suffix.lower() in PDF_SUFFIXES else docx_text.made_by
        return re.fullmatch(r"(?:Made with )?briefing \d+(?:\.\d+)+\S*", made_by(data) or "") is not None
    try:
        with path.open("rb") as fh:
            return GENERATOR_MARK.encode() in fh.read(4 * 1024 * 1024)
    except OSError:
        return False
FRONT_MATTER_KEYS = ("title", "author", "publisher", "url", "published", "descriptor")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")


def collect(inputs: list[str], exclude: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into the sorted list of article files to read.

    Files below `exclude` (the output folder) are not read: a brief is not an article.
    """
    found: dict[Path, Path] = {}
    problems: list[Problem] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            files, link_problems = _articles_in(path)
            # Skip the output folder below an input folder, so a brief is not read back as
            # an article; when the user reads from the output folder itself, read it all
            # (earlier briefs there are recognised by their generator mark in read()).
            skip = exclude if exclude is not None and not _below(path, exclude) else None
            files = [f for f in files if not _below(f, skip)]
            problems.extend(p for p in link_problems if not _below(Path(p.path).parent, skip))
            if not files:
                problems.append(Problem(given, f"folder holds no articles ({SUPPORTED_LIST}); "
                                               "add some or name the files directly"))
            for f in files:
                found.setdefault(f.resolve(), f)
        elif path.is_file():
            if not is_article_name(path):
                problems.append(_unsupported(given))
                continue
            found.setdefault(path.resolve(), path)
        elif path.is_symlink():
            problems.append(Problem(given, "is a symbolic link that is broken or loops; "
                                           "point it at an article file"))
        elif path.exists():
            problems.append(Problem(given, "not a regular file or folder; give article files or folders"))
        else:
            problems.append(Problem(given, "no such file or folder; check the path"))
    return sorted(found.values(), key=lambda p: str(p)), problems


# Word-processor formats that are not read, and the way out for each.
_SAVE_AS = {".doc": "save it as .docx", ".odt": "save it as .docx", ".rtf": "save it as .docx",
            ".pages": "export it as .docx or .pdf"}


def _unsupported(path: str) -> Problem:
    suffix = Path(path).suffix.lower()
    way_out = _SAVE_AS.get(suffix, f"give articles as {SUPPORTED_LIST}")
    return Problem(path, f"cannot read '{Path(path).suffix or 'no extension'}' files; {way_out}")


def _below(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder.resolve())


def _articles_in(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every supported file below `folder`, skipping hidden files and folders.

    Symbolic links are not followed out of the folder: a link inside a scraped archive
    could otherwise turn a private file (a key, a password store) into a "source" of a
    brief that is handed on. Links to folders are not followed at all, so a link that
    loops back cannot make the walk endless. Each link left out is reported.
    """
    root = folder.resolve()
    out: list[Path] = []
    problems: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in dirnames:
            if (here / name).is_symlink():
                problems.append(Problem(str(here / name), "is a symbolic link to a folder, which is not "
                                                          "followed; name the folder itself to read it"))
        for name in sorted(filenames):
            p = here / name
            if name.startswith("."):
                continue
            if not is_article_name(p):
                problems.append(_unsupported(str(p)))  # named, so that no file is left out unsaid
                continue
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append(Problem(str(p), "is a symbolic link that is broken or loops; "
                                                    "point it at an article file"))
                    continue
                if not target.is_relative_to(root):
                    problems.append(Problem(str(p), "is a symbolic link to a file outside the folder, "
                                                    "which is not followed; name the file itself to read it"))
                    continue
            if p.is_file():
                out.append(p)
            elif p.exists():
                problems.append(Problem(str(p), "not a regular file; give article files"))
    return out, problems


def read(path: Path, source_id: str, seen: dict[str, str] | None = None, limits: Limits = Limits()) -> RawArticle:
    """Read one article file into blocks and metadata, or raise InputError.

    `seen` maps a digest of each text already read to its file: a second copy of an
    article is refused (a brief cites each article once).
    """
    data = read_bounded(path, limits)
    if path.suffix.lower() in PDF_SUFFIXES | DOCX_SUFFIXES:
        raw = _read_document(path, data, source_id, limits)
        _check_text("\n\n".join(b.text for b in raw.blocks), path, seen)
        return _noted_cut(*_bounded_blocks(raw, limits.max_article_chars), limits)
    text = decode(data)
    _check_text(text, path, seen)
    source = Source(id=source_id, path=str(path))
    suffix = path.suffix.lower()
    limit = limits.max_article_chars
    if suffix in HTML_SUFFIXES:
        raw, cut = _bounded_blocks(_read_html(text, source), limit)
    else:
        cut = len(text) > limit
        text = _within(text, limit)
        if suffix in MARKDOWN_SUFFIXES:
            raw = _read_markdown(text, source)
        else:
            meta, body = front_matter(text)
            raw = RawArticle(source=replace(source, **meta), blocks=plain_blocks(body),
                             title_from_first_line="title" not in meta)
    return _noted_cut(raw, cut, limits)


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


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing (before reading them) files over the size limit."""
    max_bytes = limits.max_file_bytes
    try:
        with open(path, "rb") as fh:
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


# File types that are often renamed or mis-saved as text, by their first bytes.
_MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
          (b"PK\x05\x06", "an empty ZIP archive"), (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"),
          (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
          (b"\x7fELF", "a program (ELF)"), (b"MZ", "a Windows program"), (b"RIFF", "a media file (RIFF)"),
          (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"SQLite format 3\x00", "an SQLite database"))
# A document read under its own extension, when it was saved under another one.
_RENAME = {b"%PDF-": "name it .pdf to read it as a PDF", b"PK\x03\x04": "if it is a Word document, name it .docx"}
# Characters that are not text: C0 controls other than tab, newline, carriage return and
# form feed, and DEL. They are dropped from a decoded article (a stray NUL or an escape
# sequence must not reach a terminal, the HTML or the PDF).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_html(data: bytes, source: Source, limits: Limits = Limits()) -> RawArticle:
    """Read a fetched web page (bytes) the way `read` reads an .html file."""
    text = decode(data)
    if not text.strip():
        raise InputError("is empty; remove it or add the article's text")
    return _noted_cut(*_bounded_blocks(_read_html(text, source), limits.max_article_chars), limits)


def read_html_fragment(html: str, source: Source) -> RawArticle:
    """Read a bare HTML fragment (a feed entry's content), too small for page extraction."""
    return RawArticle(source=source, blocks=_html_blocks(html))


def decode(data: bytes) -> str:
    """Decode an article's bytes: UTF-8 (or UTF-16 with or without a byte-order mark), then
    cp1252, then Latin-1; refuse binary data, naming its type when it is a known one."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            way_out = _RENAME.get(magic, "give the article's text as .txt, .md or .html")
            raise InputError(f"is not a text file (binary content: {kind}); {way_out}")
    text = _decode_utf16(data)
    if text is None:
        if b"\x00" in data or _looks_binary(data[:4096]):
            raise InputError("is not a text file (binary content); give articles as text, Markdown or HTML")
        text = _decode_8bit(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROL.sub("", text)


def _decode_utf16(data: bytes) -> str | None:
    """UTF-16 text, told by its byte-order mark or, without one, by the zero bytes that
    every ASCII character carries in it (the high byte of each code unit)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        head = data[:4096]
        pairs = len(head) // 2
        if pairs < 4 or len(data) % 2:
            return None
        even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
        if odd > 0.6 * pairs and even < 0.05 * pairs:
            encoding = "utf-16-le"
        elif even > 0.6 * pairs and odd < 0.05 * pairs:
            encoding = "utf-16-be"
        else:
            return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"looks like UTF-16 but does not decode as it; save it as UTF-8") from None


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A file cut off in the middle of a character (a truncated download) is UTF-8
        # all the same: keep everything before the broken last character.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[:exc.start].decode("utf-8-sig")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


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
        # Only plain values: str() of a list built from YAML aliases (a "billion laughs"
        # front matter) would grow exponentially.
        if value is None or not isinstance(value, (str, int, float, dt.date)):
            continue
        if key == "published":
            value = iso_date(value)
            if value is None:
                continue
        meta[key] = str(value).strip()
    return _safe_metadata(meta), text[match.end():]


# Metadata is shown in the brief's header and source list; a real headline or name is
# short, so anything longer is cut rather than let one file fill a page. (A URL is shown
# as a link only when render.web_url finds it a plain http(s) address, else as text.)
MAX_METADATA_CHARS = 300
MAX_URL_CHARS = 2000


def _safe_metadata(meta: dict[str, str | None]) -> dict[str, str | None]:
    """Metadata fit to print: one line, no control characters, a real date, a sane length."""
    out: dict[str, str | None] = {}
    for key, value in meta.items():
        if value is not None:
            value = " ".join(_CONTROL.sub("", str(value)).split())
            limit = MAX_URL_CHARS if key == "url" else MAX_METADATA_CHARS
            if key == "published":
                value = iso_date(value)
            elif len(value) > limit:
                value = value[:limit - 1].rstrip() + "…"
        out[key] = value or None
    return out


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
        # a comment or processing instruction (its tag is not a string) holds no text
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol", "list"):
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
    source = replace(source, **_safe_metadata(dict(title=title, author=doc.author, publisher=doc.sitename,
                                                   published=doc.date, url=doc.url)))
    return RawArticle(source=source, blocks=tuple(blocks))
