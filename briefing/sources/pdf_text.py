"""Read an article's text out of a PDF (pdfminer.six, imported here and nowhere else).

A PDF holds positioned glyphs, not paragraphs. pdfminer groups them into text boxes (a
paragraph or a column's run of one); this module puts the boxes in reading order and
turns them into the heading / text blocks that every other input becomes:

- pages in order; on each page the boxes are read by recursive cuts: a vertical gutter
  that no box crosses splits the page into columns (read left to right, each top to
  bottom), and a full-width box (a title, a wide table) splits it into bands read top down;
- running headers and footers are dropped: a box in the top or bottom band of the page
  whose text (digits aside) comes back on other pages, or that is a page number alone;
- a word hyphenated across a line end is joined ("negoti-/ations" -> "negotiations"),
  unless the document writes it with a hyphen elsewhere ("well-/documented");
- a paragraph cut by a column or page break is joined again;
- a box set larger than the body text, short and without a full stop is a heading.

Title, author and date come from the PDF's document information. A PDF whose pages hold
images but no text is a scan: it is refused with a message saying so.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import replace

from briefing.errors import InputError
from briefing.models import Block, RawArticle, Source
from briefing.sources.pdf_layout import Box, reading_order

# A box is a running header or footer only inside these shares of the page's height.
EDGE_BAND = 0.12
# A heading is set at least this much larger than the body text, in at most this many words.
HEADING_SCALE = 1.15
HEADING_MAX_WORDS = 20
# Fewer letters than this in the whole PDF: there is no text layer to read.
MIN_TEXT_CHARS = 20

_HYPHENS = "-\u2010\u00ad"  # hyphen-minus, the hyphen typesetters insert, the soft hyphen
_PAGE_NUMBER = re.compile(r"(?:page|p\.|seite|página|pagina)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,7})"
                          r"\s*[-–—)\]]?(?:\s*(?:of|/|von|de|di)\s*\d{1,4})?", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Titles that name the file or the program, not the article ("Microsoft Word - memo.docx").
_JUNK_TITLE = re.compile(r"^(?:microsoft (?:word|powerpoint) - |untitled\b|document\d*$)"
                         r"|\.(?:docx?|pdf|indd|odt|rtf|txt)$", re.I)


def read_pdf(data: bytes, source: Source, limit: int) -> RawArticle:
    """The article in a PDF's bytes; reads pages until `limit` characters are had."""
    pages, metadata = _layout(data, limit)
    every = [box for page in pages for box in page[1]]
    if sum(len(line.strip()) for box in every for line in box.lines) < MIN_TEXT_CHARS:
        if any(page[2] for page in pages):
            raise InputError("is a scanned PDF with no text layer (its pages are images); run OCR on it "
                             "(for example with ocrmypdf) or give its text as .txt")
        raise InputError("is a PDF with no text in it; give the article's text as .txt")
    running, body = _running_lines(pages), _body_size(every)
    boxes = [box for height, page_boxes, _ in pages for box in reading_order(
        [b for b in page_boxes if not _is_running(b, page_boxes, height, running, body)])]
    blocks = _blocks(boxes, body)
    from briefing.sources.markup import safe_metadata

    source = replace(source, **safe_metadata(metadata))
    if blocks and blocks[0].kind == "heading" and (source.title is None
                                                    or blocks[0].text.casefold() == source.title.casefold()):
        source, blocks = replace(source, title=source.title or blocks[0].text), blocks[1:]
    return RawArticle(source=source, blocks=tuple(blocks), title_from_first_line=source.title is None)


def _layout(data: bytes, limit: int) -> tuple[list[tuple[float, list[Box], bool]], dict]:
    """Per page: its height, its text boxes, whether it holds images; and the metadata."""
    import logging

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[tuple[float, list[Box], bool]] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        metadata = _metadata(document.info)
        read = 0
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes, images = [], False
            for element in page:
                if isinstance(element, (LTFigure, LTImage)):
                    images = True
                if not isinstance(element, LTTextBox):
                    continue
                lines, widths, sizes = [], [], []
                for line in element:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        lines.append(line.get_text().rstrip("\n"))
                        widths.append(line.width)
                        sizes.extend(c.size for c in line if isinstance(c, LTChar))
                if lines:
                    boxes.append(Box(*element.bbox, lines, widths, statistics.median(sizes) if sizes else 0.0))
                    read += sum(len(t) for t in lines)
            pages.append((page.height, boxes, images))
            if read > limit:  # the rest would be cut anyway (ingest notes the cut)
                break
    except PDFPasswordIncorrect:
        raise InputError("is a password-protected PDF; save a copy without the password, "
                         "or give its text as .txt") from None
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged or hostile file: pdfminer raises anything
        name = exc.__class__.__name__
        if "Encrypt" in name or "Password" in name:
            raise InputError("is a password-protected PDF; save a copy without the password, "
                             "or give its text as .txt") from None
        raise InputError(f"is not a readable PDF ({name}); open and re-save it, or give its text as .txt") from None
    return pages, metadata


def made_by(data: bytes) -> str | None:
    """The program the PDF says made it (its Creator), read from its document information only."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    try:
        return _info_text(PDFDocument(PDFParser(io.BytesIO(data))).info, "Creator")
    except Exception:  # noqa: BLE001 - not a readable PDF: not one of ours either
        return None


def _info_text(info: list, key: str) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for entry in info:
        value = resolve1(entry.get(key)) if isinstance(entry, dict) else None
        if isinstance(value, bytes):
            value = value.decode("utf-16") if value.startswith((b"\xfe\xff", b"\xff\xfe")) else decode_text(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _metadata(info: list) -> dict[str, str | None]:
    title = _info_text(info, "Title")
    if title and _JUNK_TITLE.search(title):
        title = None
    date = _info_text(info, "CreationDate") or _info_text(info, "ModDate")
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", date or "")
    return {"title": title, "author": _info_text(info, "Author"),
            "published": f"{match[1]}-{match[2]}-{match[3]}" if match else None}


# -- running headers and footers ----------------------------------------------------------

def _edge(box: Box, height: float) -> bool:
    return box.y0 >= height * (1 - EDGE_BAND) or box.y1 <= height * EDGE_BAND


def _shape(box: Box) -> str:
    """The box's text with digits masked: "Page 3 of 9" and "Page 4 of 9" are one footer."""
    return re.sub(r"\d+", "#", _SPACES.sub(" ", " ".join(box.lines)).strip().lower())


def _running_lines(pages: list[tuple[float, list[Box], bool]]) -> set[str]:
    """Texts at a page's edge that come back on at least two pages and half of them."""
    counts: dict[str, int] = {}
    for height, boxes, _ in pages:
        for shape in {_shape(b) for b in boxes if _edge(b, height)}:
            counts[shape] = counts.get(shape, 0) + 1
    least = max(2, (len(pages) + 1) // 2)
    return {shape for shape, n in counts.items() if n >= least}


def _is_running(box: Box, page: list[Box], height: float, running: set[str], body: float) -> bool:
    """A running header or footer: at the page's edge, and recurring on other pages, or a page
    number, or (what a one-page PDF shows) a single line in smaller type above or below all else."""
    if not _edge(box, height):
        return False
    text = _SPACES.sub(" ", " ".join(box.lines)).strip()
    if _shape(box) in running or _PAGE_NUMBER.fullmatch(text):
        return True
    outermost = all(box.y0 >= other.y1 for other in page if other is not box) or \
        all(box.y1 <= other.y0 for other in page if other is not box)
    return len(box.lines) == 1 and box.size < body * 0.9 and outermost


# -- reading order ------------------------------------------------------------------------

def _body_size(boxes: list[Box]) -> float:
    """The size most of the text is set in (the median over lines)."""
    sizes = [b.size for b in boxes for _ in b.lines if b.size]
    return statistics.median(sizes) if sizes else 0.0


def _blocks(boxes: list[Box], body: float) -> list[Block]:
    hyphenated = _hyphenated_words(boxes)
    blocks: list[Block] = []
    open_paragraph = False  # the last text block ends mid-sentence: a break cut it
    for box in boxes:
        text = _SPACES.sub(" ", " ".join(box.lines)).strip()
        if body and box.size >= body * HEADING_SCALE and len(text.split()) <= HEADING_MAX_WORDS \
                and len(box.lines) <= 3 and not text.endswith("."):
            blocks.append(Block("heading", text))
            open_paragraph = False
            continue
        for paragraph in _paragraphs(box, hyphenated):
            if open_paragraph and paragraph[:1].islower():
                blocks[-1] = Block("text", _join(blocks[-1].text, paragraph, hyphenated))
            else:
                blocks.append(Block("text", paragraph))
            open_paragraph = not _SENTENCE_END.search(blocks[-1].text)
    return blocks


def _paragraphs(box: Box, hyphenated: set[str]) -> list[str]:
    """The box's lines joined into paragraphs; a short line ending a sentence ends one."""
    out: list[str] = []
    current = ""
    widest = max(box.widths)
    for line, width in zip(box.lines, box.widths):
        line = _SPACES.sub(" ", line).strip()
        current = _join(current, line, hyphenated) if current else line
        if _SENTENCE_END.search(line) and width < 0.85 * widest:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


_WORD_BEFORE_HYPHEN = re.compile(rf"(\w+)[{_HYPHENS}]$")


def _join(text: str, line: str, hyphenated: set[str]) -> str:
    """`text` continued by `line`: a word broken at a hyphen is mended."""
    match = _WORD_BEFORE_HYPHEN.search(text)
    if match and line[:1].isalpha() and line[:1].islower():
        first = re.match(r"\w+", line)[0]
        if text.endswith("\u00ad") or f"{match[1]}-{first}".lower() not in hyphenated:
            return text[:match.end(1)] + line
        return text[:match.end(1)] + "-" + line
    return f"{text} {line}"


def _hyphenated_words(boxes: list[Box]) -> set[str]:
    """Words the document writes with a hyphen inside a line ("well-documented")."""
    words: set[str] = set()
    for box in boxes:
        for line in box.lines:
            words.update(w.lower().replace("\u2010", "-") for w in re.findall(r"\w+[-\u2010]\w+", line))
    return words
