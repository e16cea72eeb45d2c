"""`--formats docx` (issue 15): the brief as a Word file with the structure of the PDF,
checked by reading the file back with python-docx."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, ROOT, norm
from tests.weekly.test_weekly import WEEK_1, WEEK_2, write_week

BANNER = "UNCLASSIFIED // FOR PUBLIC RELEASE"


def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def _read(path):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    body = document.element.body
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    return document, anchors, bookmarks


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx")
    result = run("build", str(EXAMPLE), "-o", str(out), "--formats", "docx,json", "--banner", BANNER)
    assert result.returncode == 0, result.stderr
    assert "brief.docx" in result.stderr
    return out, json.loads((out / "brief.json").read_text("utf-8"))


def test_the_word_brief_has_the_title_headings_key_points_and_source_list_of_the_brief(built):
    out, brief = built
    document, _, _ = _read(out / "brief.docx")
    paragraphs = document.paragraphs
    assert [p.text for p in paragraphs if p.style.name == "Title"] == [brief["title"]]
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    expected = ["Key points"] + [s["title"] for s in brief["sections"] if s["claims"]]
    expected += ["Timeline"] * bool(brief["timeline"]) + ["Actors"] * bool(brief["actors"])
    assert headings == expected + ["Sources", "Appendix: source summaries"]
    texts = [norm(p.text) for p in paragraphs]
    # each key point, then each section claim, is a paragraph: its text, then its citations
    start = texts.index("Key points")
    bullets = [t for p, t in zip(paragraphs[start:], texts[start:]) if p.style.name == "List Bullet"]
    for n, claim in enumerate(brief["key_points"]):
        assert bullets[n].startswith(norm(claim["text"]))
        cites = "".join(f"[{e}]" for e in sorted({x["source"] for x in claim["evidence"]}, key=int))
        assert cites in bullets[n].replace(" ", "")
    for source in brief["sources"]:
        assert any(t.startswith(f"[{source['id']}] {norm(source['title'])}") for t in texts)
    assert "Made with briefing" in texts[-1]


def test_every_citation_in_the_word_brief_links_to_its_source_entry(built):
    out, brief = built
    _, anchors, bookmarks = _read(out / "brief.docx")
    assert anchors and set(anchors) <= bookmarks
    assert {f"source_{s['id']}" for s in brief["sources"]} <= bookmarks
    cited = {e["source"] for s in brief["sections"] for c in s["claims"] for e in c["evidence"]}
    assert {f"source_{sid}" for sid in cited} <= set(anchors)


def test_the_banner_is_in_the_header_and_footer_and_the_file_is_the_same_each_build(built, tmp_path):
    out, _ = built
    document, _, _ = _read(out / "brief.docx")
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == [BANNER]
    assert [p.text for p in section.footer.paragraphs] == [BANNER]
    again = run("build", str(EXAMPLE), "-o", str(tmp_path), "--formats", "docx", "--banner", BANNER)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "brief.docx").read_bytes() == (out / "brief.docx").read_bytes()


def test_docx_is_written_only_when_asked_for(tmp_path):
    result = run("build", str(EXAMPLE), "-o", str(tmp_path), "--formats", "md,json")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.json", "brief.md"]
    bad = run("build", str(EXAMPLE), "-o", str(tmp_path), "--formats", "doc")
    assert bad.returncode == 2 and "choose from md,html,pdf,json,docx" in bad.stderr


def test_weekly_writes_a_word_brief_of_its_stories(tmp_path):
    db = tmp_path / "news.db"
    for folder, articles in (("w42", WEEK_1), ("w43", WEEK_2)):
        assert run("ingest", str(write_week(tmp_path / folder, articles)), "--db", str(db)).returncode == 0
    for week in ("2023-W42", "2023-W43"):
        result = run("weekly", "--week", week, "--db", str(db), "-o", str(tmp_path / "out"), "--formats", "docx,json")
        assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "out" / "2023-W43" / "brief.json").read_text("utf-8"))
    document, anchors, bookmarks = _read(tmp_path / "out" / "2023-W43" / "brief.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Front page"] + [f"{n}. {s['title']}" for n, s in enumerate(brief["stories"], 1)] \
        + ["No longer reported", "Sources"]
    texts = [norm(p.text) for p in document.paragraphs]
    # the marks against last week's brief are there, as in the HTML
    first = brief["stories"][0]["key_points"][0]
    assert any(first["status"].upper() in t and norm(first["text"]) in t for t in texts)
    assert set(anchors) <= bookmarks and {f"source_{s['id']}" for s in brief["sources"]} <= bookmarks
