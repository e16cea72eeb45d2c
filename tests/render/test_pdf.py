"""The PDF as a reader and a screen reader meet it: contents with page numbers, bookmarks, the
banner on every page, "page X of Y", links, metadata, and the tagged PDF/UA-1 variant."""

from __future__ import annotations

import io
import re

import pytest

from briefing.options import Options
from briefing import pipeline
from briefing.render import pdf
from briefing.render import views as render
from tests.conftest import EXAMPLE

BANNER = "UNCLASSIFIED // FOR PUBLIC RELEASE"
SECTIONS = ["Contents", "Key points", "Statement", "Reactions", "Military context", "Outlook", "Timeline",
            "Actors", "Sources", "Appendix: source summaries"]


@pytest.fixture(scope="module")
def brief():
    return pipeline.build([str(EXAMPLE)], Options(banner=BANNER, appendix=True)).brief


@pytest.fixture(scope="module")
def reader(brief):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf.to_pdf(render.to_html(brief), brief.title)))


@pytest.fixture(scope="module")
def ua_bytes(brief):
    return pdf.to_pdf(render.to_html(brief), brief.title, "pdf/ua-1")


def _outline(reader):
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title, reader.get_destination_page_number(item) + 1
    return list(walk(reader.outline))


def test_every_section_has_a_bookmark_and_the_contents_give_its_page(reader):
    outline = dict(_outline(reader))
    for title in SECTIONS:
        assert title in outline, f"no bookmark for {title}: {list(outline)}"
    first = reader.pages[0].extract_text() + reader.pages[1].extract_text()
    contents = first[first.index("Contents"):]
    for title in SECTIONS[1:]:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert match, f"{title} missing from the contents"
        assert int(match.group(1)) == outline[title], f"contents say {title} is on page {match.group(1)}"


def test_banner_on_every_page_top_and_bottom_and_page_x_of_y(reader):
    n = len(reader.pages)
    assert 3 <= n <= 10
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert text.count(BANNER) >= 2, f"page {number} lacks the banner at top and foot"
        assert f"Page {number} of {n}" in text


def test_metadata_names_title_author_subject_and_keywords(reader, brief):
    meta = reader.metadata
    assert meta.title == brief.title
    assert meta.author.startswith("briefing")
    assert meta.subject == "Brief drawn from 3 sources"
    assert "Sergey Lavrov" in meta["/Keywords"] and "North Korea" in meta["/Keywords"]


def test_citations_and_contents_are_links_inside_the_document(reader):
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])
             if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= 30  # every [n] citation and every contents line
    assert all("/URI" not in (link.get("/A") or {}) for link in links)  # the example cites files, not URLs


def test_pdf_ua_build_is_tagged_with_its_language_and_title(ua_bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(ua_bytes))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/StructTreeRoot"].get_object().get("/K")
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    xmp = root["/Metadata"].get_object().get_data()
    assert re.search(rb'pdfuaid:part(="1"|>1<)', xmp), "XMP does not declare PDF/UA-1"
    assert b"<dc:title>" in xmp


def test_the_same_brief_gives_the_same_pdf_bytes(brief, ua_bytes):
    assert pdf.to_pdf(render.to_html(brief), brief.title, "pdf/ua-1") == ua_bytes


def test_no_heading_alone_at_a_page_foot_and_no_claim_split_from_its_citations(reader, brief):
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for number, page in enumerate(reader.pages, 1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if BANNER not in line and not line.startswith("Page ")]
        assert body[-1] not in SECTIONS, f"page {number} ends with the heading {body[-1]!r}"
    for section in brief.sections:
        for claim in section.claims:
            text = " ".join(claim.text.split())
            cites = "".join(f"[{s}]" for s in claim.source_ids)
            assert any(text[:40] in page and (text[-25:] + " " + cites) in page for page in pages), \
                f"claim and its citations not on one page: {text[:60]}"


# The printer started ahead: a helper process loads WeasyPrint while the brief is built.

def test_a_printer_started_ahead_gives_the_same_pdf_as_printing_here(brief, ua_bytes):
    with pdf.Printer("pdf/ua-1", ahead=True) as printer:
        assert printer._process is not None  # fork exists on the platforms CI runs on
        assert printer.print(render.to_html(brief), brief.title) == ua_bytes


def test_when_the_helper_is_gone_the_pdf_is_printed_here(brief, ua_bytes):
    with pdf.Printer("pdf/ua-1", ahead=True) as printer:
        printer._process.kill()
        printer._process.join()
        assert printer.print(render.to_html(brief), brief.title) == ua_bytes


def test_an_error_while_printing_in_the_helper_reaches_the_caller(monkeypatch, tmp_path, brief):
    from briefing.render import write as output

    def broken(*args, **kwargs):
        raise MemoryError("printer ran out of memory")

    monkeypatch.setattr(pdf, "to_pdf", broken)  # before the fork: the helper inherits it
    (tmp_path / "brief.md").write_text("previous")
    with pdf.Printer(ahead=True) as printer, pytest.raises(MemoryError, match="out of memory"):
        output.write_brief(brief, tmp_path, ("md", "pdf"), "brief", printer=printer)
    # nothing was written, not even the Markdown rendered before the PDF failed
    assert (tmp_path / "brief.md").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def test_a_build_that_makes_no_brief_leaves_no_printer_behind(tmp_path, capsys):
    import multiprocessing

    import briefing.cli as cli

    (tmp_path / "empty.txt").write_text("")
    assert cli.main(["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "no usable article" in capsys.readouterr().err
    assert multiprocessing.active_children() == []
