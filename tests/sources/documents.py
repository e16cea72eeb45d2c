"""Make PDF and Word articles for the tests, at test time: PDFs printed from HTML with
WeasyPrint (running headers, page numbers, CSS columns, automatic hyphenation), a scanned
page as an image-only PDF, and .docx files with python-docx."""

from __future__ import annotations

import base64
import datetime as dt
import io
from pathlib import Path

TOPICS = ("the grain corridor", "the port of Odesa", "the fertiliser exports", "the shipping insurers",
          "the customs inspections", "the convoy escorts", "the harbour pilots", "the export quotas")


def paragraphs(subject: str, n: int = 6, start: int = 0) -> list[str]:
    """`n` distinct news paragraphs about `subject`, two sentences each, numbered from `start`
    so that reading order can be checked ("Statement 7 ...")."""
    out = []
    for i in range(start, start + n):
        topic = TOPICS[i % len(TOPICS)]
        out.append(f"Statement {i} from the ministry said that {subject} depended on {topic}, according to "
                   f"officials who briefed reporters in the capital on Tuesday. "
                   f"Negotiators representing the international consortium described the internationalisation "
                   f"of {topic} as an extraordinarily complicated undertaking for {subject}.")
    return out


def pdf(path: Path, title: str, body: list[str], *, author: str = "Jane Analyst", date: str = "2024-03-05",
        columns: int = 1, header: str = "Institute for Maritime Studies · Policy Paper",
        heading: str | None = "Background", size: str = "A5", hyphens: str = "auto",
        meta_title: str | None = None) -> Path:
    """A text-layer PDF: the title as a large heading, a subheading, the paragraphs; a running
    header on every page and "Page N of M" at the foot; `columns` CSS columns."""
    from weasyprint import HTML

    from briefing.render.filters import css_string

    paras = "".join(f"<p>{p}</p>" for p in body)
    sub = f"<h2>{heading}</h2>" if heading else ""
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{meta_title or title}</title>
<meta name="author" content="{author}"><meta name="dcterms.created" content="{date}">
<style>
@page {{ size: {size}; margin: 2cm 1.8cm; @top-center {{ content: {css_string(header)}; font-size: 8pt; }}
        @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }} }}
body {{ font: 10pt/1.35 "DejaVu Serif", serif; }}
h1 {{ font-size: 17pt; }} h2 {{ font-size: 13pt; }}
.body {{ column-count: {columns}; column-gap: 1.6em; }}
p {{ text-align: justify; hyphens: {hyphens}; margin: 0 0 .6em; }}
</style></head><body><h1>{title}</h1><div class="body">{sub}{paras}</div></body></html>"""
    HTML(string=html).write_pdf(path)
    return path


def scanned_pdf(path: Path, words: str = "A page that was scanned: its text is only an image.") -> Path:
    """A PDF whose one page is a picture of text, as a scanner makes it: no text layer."""
    from PIL import Image, ImageDraw
    from weasyprint import HTML

    image = Image.new("L", (800, 300), 255)
    ImageDraw.Draw(image).text((20, 130), words, fill=0)
    png = io.BytesIO()
    image.save(png, "PNG")
    data = base64.b64encode(png.getvalue()).decode()
    HTML(string=f'<html><body style="margin:0"><img src="data:image/png;base64,{data}" '
                f'style="width:100%"></body></html>').write_pdf(path)
    return path


def docx(path: Path, title: str, sections: list[tuple[str | None, list[str]]], *, author: str = "Ivan Petrov",
         date: dt.datetime = dt.datetime(2024, 3, 6, 9, 30), title_style: bool = False) -> Path:
    """A Word file: core properties (title, author, created), then for each (heading,
    paragraphs) a Heading 1 and its Normal paragraphs. With `title_style` the title is the
    first paragraph (Title style) instead of a core property."""
    import docx as python_docx

    document = python_docx.Document()
    props = document.core_properties
    props.title = "" if title_style else title
    props.author = author
    props.created = date
    if title_style:
        document.add_heading(title, level=0)
    for heading, paras in sections:
        if heading:
            document.add_heading(heading, level=1)
        for text in paras:
            document.add_paragraph(text)
    document.save(path)
    return path
