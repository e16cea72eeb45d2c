"""PDF and Word articles (issue 15): text-layer PDFs with running headers and page numbers,
a two-column PDF, a scanned PDF, a .docx with headings; and a folder of every kind."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from briefing import pipeline
from briefing.sources import clean
from briefing.sources import files as ingest
from briefing.errors import InputError

from tests.sources import documents
from tests.conftest import ROOT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _article(path):
    return clean.clean(ingest.read(path, "1"))


def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_a_text_layer_pdf_reads_every_word_in_order_without_headers_page_numbers_or_broken_words(tmp_path):
    body = documents.paragraphs("the grain deal", 14)  # three A5 pages
    path = documents.pdf(tmp_path / "paper.pdf", "Grain deal talks resume", body)
    raw = ingest.read(path, "1")
    text = "\n".join(b.text for b in raw.blocks)
    # the text reads exactly as written: same words, same order, none broken at a line end
    # (justified and hyphenated: "internation-/alisation" is one word again)
    assert _words(text) == _words("Background " + " ".join(body))
    assert "Institute" not in text and "Page" not in text
    assert raw.source.title == "Grain deal talks resume"
    assert raw.source.author == "Jane Analyst"
    assert raw.source.published == "2024-03-05"
    # the subheading stays a heading of the article
    assert [b.text for b in raw.blocks if b.kind == "heading"] == ["Background"]


def test_a_pdf_titled_by_its_program_takes_its_title_from_its_first_heading(tmp_path):
    path = documents.pdf(tmp_path / "memo.pdf", "Grain deal talks resume", documents.paragraphs("the deal", 3),
                         meta_title="Microsoft Word - memo_final_v2.docx")
    raw = ingest.read(path, "1")
    assert raw.source.title == "Grain deal talks resume"
    # one page: its running header is told by its place and its smaller type, not by recurring
    assert raw.blocks[0] == ingest.Block("heading", "Background")
    assert not any("Institute" in b.text or "Page 1" in b.text for b in raw.blocks)


def test_a_word_hyphenated_in_the_document_keeps_its_hyphen_across_a_line_break(tmp_path):
    body = [f"Paragraph {i}: the well-documented and long-running negotiations over the cross-border "
            f"pipeline continued as delegations met in the well-documented conference halls." for i in range(30)]
    path = documents.pdf(tmp_path / "hyphens.pdf", "Pipeline talks", body, size="A6", hyphens="manual")
    from pdfminer.high_level import extract_text

    assert re.search(r"\w-\n\w", extract_text(path))  # some line does end at a compound's hyphen
    text = " ".join(b.text for b in ingest.read(path, "1").blocks)
    assert text.count("well-documented") == 60
    assert text.count("cross-border") == 30 and text.count("long-running") == 30


def test_a_two_column_pdf_is_read_column_by_column(tmp_path):
    body = documents.paragraphs("the grain deal", 16)
    path = documents.pdf(tmp_path / "columns.pdf", "Two columns on the grain deal", body, columns=2)
    raw = ingest.read(path, "1")
    text = " ".join(b.text for b in raw.blocks)
    # every statement once, in order: left column down, then the right column, page by page
    assert [int(n) for n in re.findall(r"Statement (\d+)", text)] == list(range(16))
    # a paragraph that a column break cuts is one paragraph again
    assert _words(text) == _words("Background " + " ".join(body))
    paragraphs = [b.text for b in raw.blocks if b.kind == "text"]
    assert all(p.startswith("Statement") for p in paragraphs), paragraphs
    assert "Institute" not in text and "Page" not in text


def test_a_scanned_pdf_is_refused_in_one_line_naming_the_file(tmp_path):
    good = documents.docx(tmp_path / "good.docx", "Port reopens", [(None, documents.paragraphs("the port", 4))])
    scan = documents.scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="scanned PDF with no text layer"):
        ingest.read(scan, "1")
    result = run("build", str(good), str(scan), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert skipped == [f"briefing: skipped {scan}: is a scanned PDF with no text layer (its pages are images); "
                       "run OCR on it (for example with ocrmypdf) or give its text as .txt"]


def test_a_damaged_pdf_or_docx_is_named_with_its_reason(tmp_path):
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (tmp_path / "cut.docx").write_bytes(b"PK\x03\x04 not really a zip")
    for name, reason in (("cut.pdf", "is not a readable PDF"), ("cut.docx", "is not a readable Word document")):
        with pytest.raises(InputError, match=reason):
            ingest.read(tmp_path / name, "1")


def test_a_docx_keeps_its_headings_and_metadata(tmp_path):
    path = documents.docx(tmp_path / "memo.docx", "Ports reopen after talks",
                          [(None, documents.paragraphs("the ports", 2)),
                           ("Shipping", documents.paragraphs("the shipping lanes", 3, start=2)),
                           ("Reactions", documents.paragraphs("the reactions", 3, start=5))])
    article = _article(path)
    assert article.source.title == "Ports reopen after talks"
    assert article.source.author == "Ivan Petrov"
    assert article.source.published == "2024-03-06"
    assert [h.text for h in article.headings] == ["Shipping", "Reactions"]
    shipping = next(h for h in article.headings if h.text == "Shipping")
    assert article.text[shipping.offset:].startswith("Statement 2 ")


def test_a_docx_title_in_the_title_style_is_its_title(tmp_path):
    path = documents.docx(tmp_path / "memo.docx", "Convoy talks", [("Latest", documents.paragraphs("convoys", 3))],
                          title_style=True)
    raw = ingest.read(path, "1")
    assert raw.source.title == "Convoy talks"
    assert raw.blocks[0] == ingest.Block("heading", "Latest")


def test_briefs_made_as_pdf_or_docx_are_not_read_back_as_articles(tmp_path):
    folder = tmp_path / "in"
    documents.docx(folder.mkdir() or folder / "a.docx", "Ports reopen", [(None, documents.paragraphs("ports", 5))])
    first = run("build", str(folder), "-o", str(folder), "--formats", "pdf,docx")
    assert first.returncode == 0, first.stderr
    again = run("build", str(folder), "-o", str(folder), "--formats", "pdf,docx,json")
    assert again.returncode == 0, again.stderr
    assert "brief.pdf: is a brief made by briefing" in again.stderr
    assert "brief.docx: is a brief made by briefing" in again.stderr
    sources = json.loads((folder / "brief.json").read_text())["sources"]
    assert [s["path"] for s in sources] == [str(folder / "a.docx")]


def test_a_folder_of_every_kind_cites_each_readable_file_and_names_the_rest(tmp_path):
    folder = tmp_path / "analyst"
    folder.mkdir()
    (folder / "wire.txt").write_text("Wire: ports reopen\n\n" + "\n\n".join(documents.paragraphs("the wire", 4)))
    (folder / "notes.md").write_text("---\ntitle: Notes on shipping\n---\n\n"
                                     + "\n\n".join(documents.paragraphs("the notes", 4, start=4)))
    (folder / "page.html").write_text("<html><head><title>Harbour page</title></head><body><article><h1>Harbour "
                                      "page</h1>" + "".join(f"<p>{p}</p>" for p in documents.paragraphs(
                                          "the harbour page", 4, start=8)) + "</article></body></html>")
    documents.pdf(folder / "paper.pdf", "Policy paper on exports", documents.paragraphs("the paper", 5, start=12))
    documents.docx(folder / "memo.docx", "Memo on convoys",
                   [("Convoys", documents.paragraphs("the memo", 4, start=17))])
    (folder / "broken.docx").write_bytes(b"not a word file at all")
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "json,md")
    assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "out" / "brief.json").read_text())
    names = sorted(s["path"].rsplit("/", 1)[1] for s in brief["sources"])
    assert names == ["memo.docx", "notes.md", "page.html", "paper.pdf", "wire.txt"]
    cited = {e["source"] for s in brief["sections"] for c in s["claims"] for e in c["evidence"]}
    assert cited == {s["id"] for s in brief["sources"]}  # every readable file is cited
    titles = {s["title"] for s in brief["sources"]}
    assert {"Policy paper on exports", "Memo on convoys"} <= titles
    skipped = sorted(line for line in result.stderr.splitlines() if "skipped" in line)
    assert len(skipped) == 2
    assert f"skipped {folder / 'broken.docx'}: is not a readable Word document" in skipped[0]
    assert f"skipped {folder / 'chart.png'}: cannot read '.png' files" in skipped[1]
