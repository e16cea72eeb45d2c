"""Stage 1: finding input files, decoding them and reading their layout and metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.sources import clean
from briefing.sources import files as ingest
from briefing.sources.collect import collect
from briefing.sources.decode import decode
from briefing.errors import InputError

from tests.conftest import SEEDS

BODY = ("The Kessel Bridge in the northern city of Varnholm collapsed into the Arn river on "
        "Thursday evening, officials said.\n\n"
        "Rescue divers from the fire brigade searched the cold water through the night for survivors.\n")


# --- collect(): which files are read, in which order --------------------------------------

@pytest.fixture
def tree(write):
    """A folder of articles with subfolders, hidden entries and non-article files."""
    paths = {
        "b": write("news/b.txt", BODY),
        "a": write("news/a.md", BODY),
        "c": write("news/sub/c.html", "<html><body><p>x</p></body></html>"),
        "d": write("news/sub/deeper/d.htm", "<html><body><p>x</p></body></html>"),
        "upper": write("news/E.TXT", BODY),
        "hidden_file": write("news/.draft.txt", BODY),
        "hidden_dir": write("news/.cache/f.txt", BODY),
        "hidden_sub": write("news/sub/.old/g.md", BODY),
        "image": write("news/photo.png", b"\x89PNG\r\n\x1a\n"),
        "notes": write("news/notes.pdf", b"%PDF-1.4"),
        "brief": write("news/output/brief.md", BODY),
    }
    return paths


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.resolve().relative_to(root.resolve()).as_posix() for p in paths]


def test_collect_folder_is_recursive_sorted_and_skips_hidden(tree, tmp_path):
    found, problems = collect([str(tmp_path / "news")])
    # a file that is not read is named with the reason (issue 15), never skipped unsaid
    assert [(Path(p.path).name, p.reason.split(";")[0]) for p in problems] == [
        ("photo.png", "cannot read '.png' files")]
    names = _names(found, tmp_path / "news")
    assert names == sorted(names)
    assert set(names) == {"E.TXT", "a.md", "b.txt", "notes.pdf", "output/brief.md", "sub/c.html",
                          "sub/deeper/d.htm"}


def test_collect_excludes_the_output_folder(tree, tmp_path):
    found, problems = collect([str(tmp_path / "news")], exclude=tmp_path / "news" / "output")
    assert [Path(p.path).name for p in problems] == ["photo.png"]
    assert "output/brief.md" not in _names(found, tmp_path / "news")
    assert "b.txt" in _names(found, tmp_path / "news")


def test_collect_reads_a_file_given_twice_once(tree, tmp_path):
    news = tmp_path / "news"
    inputs = [str(news), str(tree["b"]), str(news / "sub" / ".." / "b.txt"), str(tree["b"])]
    found, problems = collect(inputs)
    assert [Path(p.path).name for p in problems] == ["photo.png"]
    resolved = [p.resolve() for p in found]
    assert len(resolved) == len(set(resolved))
    assert resolved.count(tree["b"].resolve()) == 1


def test_collect_orders_files_from_several_inputs_together(write, tmp_path):
    z = write("z.txt", BODY)
    write("folder/a.txt", BODY)
    m = write("m.md", BODY)
    found, _ = collect([str(z), str(tmp_path / "folder"), str(m)])
    assert [p.name for p in found] == ["a.txt", "m.md", "z.txt"]


def test_collect_reports_unsupported_extension(write):
    pdf = write("report.xlsx", b"PK\x03\x04 ...")
    good = write("good.txt", BODY)
    found, problems = collect([str(pdf), str(good)])
    assert found == [good]
    assert [p.path for p in problems] == [str(pdf)]
    assert ".xlsx" in problems[0].reason
    assert ".txt" in problems[0].reason  # says what would be accepted


def test_collect_reports_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    found, problems = collect([str(missing)])
    assert found == []
    assert [p.path for p in problems] == [str(missing)]
    assert "no such file" in problems[0].reason


@pytest.mark.parametrize("contents", [{}, {".hidden.txt": BODY, "image.png": "x"}], ids=["empty", "no-articles"])
def test_collect_reports_folder_without_articles(tmp_path, contents):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text)
    found, problems = collect([str(folder)])
    assert found == []
    assert [p.path for p in problems] == [str(folder / n) for n in contents if not n.startswith(".")] + [str(folder)]
    assert "no articles" in problems[-1].reason


def test_collect_reads_the_output_folder_when_it_is_the_input(write, tmp_path):
    """Reading from the output folder itself: its files are collected (earlier briefs among
    them are refused by read(), below)."""
    brief = write("out/brief.md", BODY)
    found, problems = collect([str(tmp_path / "out")], exclude=tmp_path / "out")
    assert found == [brief]
    assert problems == []


def test_read_refuses_a_brief_made_by_briefing(write, tmp_path):
    brief = write("out/brief.md", "# Brief\n\n" + BODY + "\n*Every sentence above is quoted verbatim "
                  "from the numbered source(s). Made with briefing 0.1.0.*\n")
    with pytest.raises(InputError, match="brief made by briefing"):
        ingest.read(brief, "1")


# --- read(): plain text, Markdown, HTML --------------------------------------------------

def test_read_plain_text_paragraphs(write):
    raw = ingest.read(write("a.txt", "Headline Here\n\n" + BODY), "7")
    assert raw.source.id == "7"
    assert raw.source.path.endswith("a.txt")
    assert raw.title_from_first_line
    assert [b.text for b in raw.blocks][0] == "Headline Here"
    assert len(raw.blocks) == 3
    assert all(b.kind == "text" for b in raw.blocks)


FRONT_MATTER = """---
title: Bridge Falls in Varnholm
author: Jane Roe
publisher: The Harbour Gazette
url: https://gazette.example/news/varnholm-bridge
published: 2023-10-26
---

"""


def test_read_markdown_front_matter(write):
    raw = ingest.read(write("a.md", FRONT_MATTER + BODY), "1")
    s = raw.source
    assert (s.title, s.author, s.publisher, s.url) == (
        "Bridge Falls in Varnholm", "Jane Roe", "The Harbour Gazette",
        "https://gazette.example/news/varnholm-bridge")
    assert s.published == "2023-10-26"  # a YAML date value, written back as YYYY-MM-DD
    texts = [b.text for b in raw.blocks]
    assert not any("title:" in t or t.startswith("---") for t in texts)
    assert texts[0].startswith("The Kessel Bridge")


def test_read_markdown_front_matter_datetime_becomes_a_date(write):
    raw = ingest.read(write("a.md", "---\npublished: 2023-10-26T08:30:00Z\n---\n" + BODY), "1")
    assert raw.source.published == "2023-10-26"


def test_read_front_matter_published_is_always_iso_or_none(write):
    raw = ingest.read(write("a.md", '---\npublished: "October 26, 2023"\n---\n' + BODY), "1")
    assert raw.source.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.source.published)


def test_read_text_file_front_matter(write):
    raw = ingest.read(write("a.txt", FRONT_MATTER + BODY), "1")
    assert raw.source.title == "Bridge Falls in Varnholm"
    assert raw.source.author == "Jane Roe"
    assert raw.source.published == "2023-10-26"
    assert not any("title:" in b.text for b in raw.blocks)


@pytest.mark.parametrize("front", [
    "---\ntitle: [unclosed\n---\n",
    "---\ntitle: a: b: c\n---\n",
    "---\n- just\n- a list\n---\n",
], ids=["bad-yaml", "bad-mapping", "not-a-mapping"])
def test_read_invalid_front_matter_is_an_input_error(write, front):
    with pytest.raises(InputError, match="front matter"):
        ingest.read(write("a.md", front + BODY), "1")


def test_read_markdown_leading_heading_is_the_title(write):
    raw = ingest.read(write("a.md", "# Bridge Falls in Varnholm\n\n" + BODY + "\n## Warnings Ignored\n\n"
                            "Engineers had warned the council about corrosion years ago.\n"), "1")
    assert raw.source.title == "Bridge Falls in Varnholm"
    assert [b.kind for b in raw.blocks] == ["text", "text", "heading", "text"]
    assert raw.blocks[2].text == "Warnings Ignored"
    assert all(b.text != "Bridge Falls in Varnholm" for b in raw.blocks)


def test_read_markdown_front_matter_title_wins_over_heading(write):
    raw = ingest.read(write("a.md", "---\ntitle: From Front Matter\n---\n# From Heading\n\n" + BODY), "1")
    assert raw.source.title == "From Front Matter"
    article = clean.clean(raw)
    assert "From Heading" not in article.text


def test_read_markdown_inline_markup_is_plain_text(write):
    raw = ingest.read(write("a.md", "The **Kessel Bridge** in [Varnholm](https://x.example) "
                                    "collapsed into the river on Thursday, officials said.\n"), "1")
    assert raw.blocks[0].text == ("The Kessel Bridge in Varnholm collapsed into the river on Thursday, "
                                  "officials said.")


def test_read_markdown_nested_list_items_appear_once(write):
    raw = ingest.read(write("a.md", "Intro paragraph of the article, long enough to be prose.\n\n"
                                    "- The council approved the repair plan on Monday.\n"
                                    "    - The vote was seven to four, with two abstentions.\n"), "1")
    texts = "\n".join(b.text for b in raw.blocks)
    assert texts.count("The vote was seven to four") == 1
    article = clean.clean(raw)
    assert "The vote was seven to four" in article.text


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bridge collapse in Varnholm kills 12 | The Harbour Gazette</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="Bridge collapse in Varnholm kills 12">
<meta property="og:url" content="https://gazette.example/news/varnholm-bridge">
<meta property="article:published_time" content="2023-10-26T08:30:00Z">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news from our correspondents</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="logo">The Harbour Gazette</div></header>
<main>
<article>
<h1>Bridge collapse in Varnholm kills 12</h1>
<p class="byline">By Jane Roe</p>
<p>The old Kessel Bridge in the city of Varnholm collapsed into the river on Thursday morning,
killing at least twelve people and injuring dozens more, city officials said.</p>
<p>Rescue teams worked through the night to search the wreckage, and the mayor declared three
days of mourning for the victims of the disaster.</p>
<h2>Warnings ignored</h2>
<p>Engineers had warned the city council in 2021 that the steel supports of the bridge were badly
corroded and needed urgent repair.</p>
<p>The council postponed the repairs twice because of budget shortfalls, according to minutes of
its meetings seen by the Gazette.</p>
</article>
</main>
<footer><p>Copyright 2023 The Harbour Gazette. Subscribe to our newsletter for daily headlines.</p>
<a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_read_html_page(write, suffix):
    raw = ingest.read(write("page" + suffix, HTML_PAGE), "1")
    s = raw.source
    assert s.title == "Bridge collapse in Varnholm kills 12"
    assert s.author == "Jane Roe"
    assert s.publisher == "The Harbour Gazette"
    assert s.published == "2023-10-26"
    assert s.url == "https://gazette.example/news/varnholm-bridge"
    text = "\n".join(b.text for b in raw.blocks)
    for chrome in ("World news from our correspondents", "Privacy policy", "Subscribe to our newsletter"):
        assert chrome not in text
    assert "Bridge collapse in Varnholm kills 12" not in text  # the h1 became the title
    assert ("heading", "Warnings ignored") in [(b.kind, b.text) for b in raw.blocks]
    kinds = [b.kind for b in raw.blocks]
    assert kinds.count("text") == 4
    first = next(b.text for b in raw.blocks if b.kind == "text")
    assert re.sub(r"\s+", " ", first).startswith("The old Kessel Bridge in the city of Varnholm collapsed")


def test_read_html_then_clean_keeps_the_subheading(write):
    article = clean.clean(ingest.read(write("page.html", HTML_PAGE), "1"))
    assert [h.text for h in article.headings] == ["Warnings ignored"]
    assert article.text[article.headings[0].offset:].startswith("Engineers had warned")
    assert "Warnings ignored" not in article.text


def test_read_html_without_article_text_is_an_input_error(write):
    with pytest.raises(InputError):
        ingest.read(write("empty.html", "<html><head><title>x</title></head><body></body></html>"), "1")


@pytest.mark.parametrize("content", ["", "   \n\n\t\n"], ids=["empty", "blank"])
def test_read_empty_file_is_an_input_error(write, content):
    with pytest.raises(InputError, match="empty"):
        ingest.read(write("a.txt", content), "1")


def test_read_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        ingest.read(tmp_path / "gone.txt", "1")


def test_read_seed_has_its_paragraphs_as_blocks():
    raw = ingest.read(SEEDS["C"], "3")
    assert raw.blocks[0].text == "Potential North Korea-Russia Arms Deal Could Violate UN Resolutions, Japan Warns"
    assert ("text", "The Way Forward:") in [(b.kind, b.text) for b in raw.blocks]


# --- decode(): encodings, binary data, line ends -----------------------------------------

def test_decode_utf8():
    assert decode("café “quoted” North Korea’s".encode("utf-8")) == "café “quoted” North Korea’s"


def test_decode_utf8_with_bom():
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == "café"


def test_decode_cp1252():
    assert decode(b"\x93quoted\x94 caf\xe9 \x96 it\x92s") == "“quoted” café – it’s"


def test_decode_latin1_when_not_cp1252():
    # 0x81 is undefined in cp1252, so only Latin-1 can read this file
    assert decode(b"caf\xe9 \x81 na\xefve") == "café \x81 naïve"


@pytest.mark.parametrize("data", [
    b"Some text\x00with a NUL byte",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(1, 9)) * 50,
], ids=["nul", "png", "control-chars"])
def test_decode_binary_is_an_input_error(data):
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_read_binary_file_is_an_input_error(write):
    with pytest.raises(InputError, match="not a text file"):
        ingest.read(write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)), "1")


def test_decode_normalises_line_ends():
    assert decode(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_crlf_file_reads_like_lf_file(write):
    text = "Bridge Falls in Varnholm\n\n" + BODY
    lf = clean.clean(ingest.read(write("lf.txt", text), "1"))
    crlf_raw = ingest.read(write("crlf.txt", text.replace("\n", "\r\n").encode("utf-8")), "1")
    assert not any("\r" in b.text for b in crlf_raw.blocks)
    crlf = clean.clean(crlf_raw)
    assert crlf.text == lf.text
    assert crlf.source.title == lf.source.title == "Bridge Falls in Varnholm"


def test_cp1252_file_reads_its_quotes(write):
    data = ("Bridge Falls in Varnholm\r\n\r\nThe mayor said the city was \x93in mourning\x94 after the "
            "collapse of the Kessel Bridge on Thursday.\r\n").encode("latin-1")
    article = clean.clean(ingest.read(write("old.txt", data), "1"))
    assert "“in mourning”" in article.text


def test_collect_reads_wire_stories_named_without_a_text_extension(tmp_path):
    # newswire collections (DUC, TDT) name plain-text stories by agency and date
    folder = tmp_path / "docs"
    folder.mkdir()
    names = ["APW19981016.0240", "AP880911-0016", "d30001t", "notes.json", "photo.jpg", "story.txt"]
    for name in names:
        (folder / name).write_text(BODY)
    # a name no agency uses is read from a folder only as an SGML story, as DUC ships them
    # (a plain file without an extension may be a private one: tests/test_hostile_files.py)
    (folder / "d30001t").write_text(f"<DOC>\n<TEXT>\n{BODY}</TEXT>\n</DOC>\n")
    found, problems = collect([str(folder)])
    assert [p.name for p in found] == ["AP880911-0016", "APW19981016.0240", "d30001t", "story.txt"]
    assert [Path(p.path).name for p in problems] == ["notes.json", "photo.jpg"]  # named, with a reason
    found, problems = collect([str(folder / "APW19981016.0240"), str(folder / "notes.json")])
    assert [p.name for p in found] == ["APW19981016.0240"]
    assert [Path(p.path).name for p in problems] == ["notes.json"]


def test_a_wire_story_without_extension_is_read_as_plain_text(write):
    path = write("NYT19981016.0123", "   MOSCOW (AP) _ Boris Yeltsin was taken to a hospital on Monday, his office "
                                     "said.\n   The Kremlin said his condition was satisfactory.\n")
    article = clean.clean(ingest.read(path, "1"))
    assert "Boris Yeltsin was taken to a hospital on Monday" in article.text
    assert "The Kremlin said his condition was satisfactory." in article.text
