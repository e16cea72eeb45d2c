"""What the reader sees in each format: content, citations, escaping, the PDF's text."""

from __future__ import annotations

import io
import json

import pytest

from briefing import pipeline
from briefing.render import pdf
from briefing.render import views as render
from tests.conftest import EXAMPLE, norm

SECTION_TITLES = ("Key points", "Statement", "Reactions", "Military context", "Outlook", "Sources")

TRICKY = ("The mayor of Lenvik said the <script>alert(1)</script> tag was found on the city website on Monday. "
          "Engineers wrote [click here](http://evil.example) and **bold** text {{ 7*7 }} {% if x %} into the page. "
          "AT&T and the council agreed that the website would be repaired within 5 days. "
          "The council expects the repair to cost about 20,000 euros in total.\n")


@pytest.fixture(scope="module")
def tricky_brief(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tricky")
    (folder / "web.txt").write_text(TRICKY, encoding="utf-8")
    # the appendix printed: every condensed sentence is rendered, not only those that make claims
    return pipeline.build([str(folder)], pipeline.Options(appendix=True)).brief


def test_markdown_has_title_sections_citations_sources_and_appendix_when_asked(example_build):
    md = render.to_markdown(example_build.brief)
    assert "Appendix" not in md  # off unless asked for (a five-minute read)
    md = render.to_markdown(pipeline.build([str(EXAMPLE)], pipeline.Options(appendix=True)).brief)
    assert md.startswith("# Tripartite Outrage")
    for title in SECTION_TITLES:
        assert f"## {title}" in md
    assert "## Appendix: source summaries" in md
    assert "[1][2]" in md
    assert "1. **Tripartite Outrage" in md and "Ezba Walayat" in md
    assert "*Sources differ on the date:* October 26, 2023 [1]; October 25 [2]" in md


def test_html_links_every_citation_to_the_source_list(example_build):
    html = render.to_html(example_build.brief)
    cited = set(__import__("re").findall(r'href="#source-(\d+)"', html))
    assert cited == {"1", "2", "3"}
    for n in cited:
        assert f'id="source-{n}"' in html


def test_html_escapes_article_text_and_markdown_keeps_it_literal(tricky_brief):
    html = render.to_html(tricky_brief)
    md = render.to_markdown(tricky_brief)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "AT&amp;T" in html
    assert "AT&T" in md and "&amp;" not in md
    # Markdown syntax in an article does not become a link or emphasis in the brief
    assert "[click here](http" not in md and r"\[click here\]" in md
    assert r"\*\*bold\*\*" in md


def test_jinja_syntax_in_an_article_is_never_evaluated(tricky_brief):
    md = render.to_markdown(tricky_brief)
    html = render.to_html(tricky_brief)
    assert "{{ 7\\*7 }}" in md or "{{ 7*7 }}" in md
    # the source list prints the file's path, which holds pytest's run number ("pytest-49"):
    # paths are no rendered article text
    text = __import__("re").sub(r"(?:file://)?/[^\s\"'<>]*", "", html)
    assert "{{ 7*7 }}" in html and "49" not in text.replace("2049", "")


def test_json_follows_the_contract(example_json):
    brief = example_json
    assert set(brief) >= {"title", "sources", "key_points", "sections", "source_summaries"}
    for s in brief["sources"]:
        assert set(s) >= {"id", "title", "author", "publisher", "published", "url", "path"}
    assert [s["id"] for s in brief["sources"]] == ["1", "2", "3"]
    assert [s["key"] for s in brief["sections"]] == ["statement", "reactions", "military_context", "outlook"]
    for section in brief["sections"]:
        for claim in section["claims"]:
            assert set(claim) >= {"text", "evidence", "discrepancies"}
            assert norm(claim["text"]) in [norm(e["sentence"]) for e in claim["evidence"]]
            for e in claim["evidence"]:
                assert isinstance(e["start"], int) and e["end"] > e["start"]
    assert {s["source"] for s in brief["source_summaries"]} == {"1", "2", "3"}


def test_pdf_is_valid_and_its_text_has_the_sections_and_the_source_list(example_build):
    from pypdf import PdfReader

    data = pdf.to_pdf(render.to_html(example_build.brief), example_build.brief.title)
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert 2 <= len(reader.pages) <= 8
    text = "\n".join(page.extract_text() for page in reader.pages)
    for title in SECTION_TITLES:
        assert title in text
    assert "DPRK-Russia Arms Transfers Condemned" in text
    assert "North Korea’s" in text  # curly apostrophe rendered as text, not a missing glyph
    assert f"Page 1 of {len(reader.pages)}" in text
    assert reader.metadata.title.startswith("Tripartite Outrage")


def test_source_urls_link_only_when_they_are_plain_web_addresses(write, tmp_path):
    body = ("The council of Lenvik said on Monday that the harbour ferry will run every hour from June. "
            "Shop owners in the old town welcomed the decision and expect more visitors.\n")
    write("a/one.md", "---\ntitle: Ferry plan\nurl: https://news.example/ferry?id=1\n---\n" + body)
    write("a/two.md", "---\ntitle: Ferry plan again\nurl: javascript:alert(1)\n---\n" + body.replace("Monday", "Tuesday"))
    brief = pipeline.build([str(tmp_path / "a")]).brief
    html = render.to_html(brief)
    md = render.to_markdown(brief)
    assert '<a class="source-link" href="https://news.example/ferry?id=1">' in html
    assert 'href="javascript' not in html and "javascript:alert(1)" in html
    assert "<https://news.example/ferry?id=1>" in md and "<javascript" not in md


def test_three_or_more_consecutive_sources_are_cited_as_a_range(example_build):
    from dataclasses import replace

    brief = example_build.brief
    claim = brief.sections[0].claims[0]
    many = [replace(e, source=str(n)) for n, e in zip((1, 2, 3, 4, 6, 8, 9), claim.evidence * 7)]
    wide = replace(brief, sections=[replace(brief.sections[0], claims=[replace(claim, evidence=many)])])
    md = render.to_markdown(wide)
    assert "[1–4][6][8][9]" in md
    html = render.to_html(wide)
    assert ('[<a class="cite" href="#source-1">1</a>–<a class="cite" href="#source-4">4</a>]'
            '</span><a class="cite" href="#source-6">[6]</a>') in html
