"""Hostile and broken input: nothing crashes, nothing leaks, nothing is lost.

The committed corpus is tests/hostile/ with what each file must get in its manifest.toml;
the huge inputs are made here, at test time, in a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from briefing.options import make_options
from briefing import pipeline
from briefing.sources import files as ingest
from briefing.sources.decode import decode
from briefing.render import write as output
from briefing.render import pdf
from briefing.render import views as render
from briefing.render import json as brief_json
from briefing.errors import InputError, NoArticlesError
from tests.helpers import run_cli
from tests.conftest import EXAMPLE, ROOT, SEEDS
from tests.hostile_checks import (CountingServer, html_problems, markdown_problems, norm, pdf_payload,
                                  verbatim_problems)

CORPUS = ROOT / "tests" / "hostile"
MANIFEST = tomllib.loads((CORPUS / "manifest.toml").read_text("utf-8"))["file"]
GOOD = ("Officials in the harbour town of Lenvik said the new ferry line will open on Monday. "
        "The ferry will carry up to 300 passengers a day between the islands. "
        "Local shop owners welcomed the plan, saying it would bring more visitors. "
        "The council expects the line to cut travel times by half.\n")
SECRET = "TOP-SECRET-7f3c9e1d-do-not-leak"


# run_cli: tests/helpers.py


def hostile_copy(folder: Path, secret: Path, port: int) -> Path:
    """The corpus with @SECRET@ and @PORT@ filled in (text files only; binary ones copied)."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in MANIFEST:
        data = (CORPUS / entry["name"]).read_bytes()
        if b"@SECRET@" in data or b"@PORT@" in data:
            data = data.replace(b"@SECRET@", str(secret).encode()).replace(b"@PORT@", str(port).encode())
        (folder / entry["name"]).write_bytes(data)
    return folder


def check_brief(result: pipeline.BuildResult) -> dict:
    """The rules for every brief: render it and hold it to them; return its JSON."""
    brief = result.brief
    html = render.to_html(brief)
    md = render.to_markdown(brief)
    data = json.loads(brief_json.to_json(brief))
    assert html_problems(html) == []
    assert markdown_problems(md, len(brief.sources), len(brief.source_summaries)) == []
    texts = {s.source_id: s.document.article.text for s in result.summaries}
    assert verbatim_problems(data, texts) == []
    return data


# --- the corpus, file by file -------------------------------------------------------------

def test_the_corpus_has_at_least_30_files_each_with_its_expected_behaviour():
    files = {p.name for p in CORPUS.iterdir()} - {"manifest.toml", "make_corpus.py"}
    named = [e["name"] for e in MANIFEST]
    assert len(named) == len(set(named)) >= 30
    assert files == set(named), "every corpus file needs a manifest entry, and every entry a file"
    for entry in MANIFEST:
        assert entry["expect"] in ("read", "skipped", "warned") and entry["threat"]


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["name"] for e in MANIFEST])
def test_each_hostile_file_gets_its_expected_behaviour_and_the_rest_still_build(tmp_path, entry):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    folder = hostile_copy(tmp_path / "in", secret, port=9)
    target = folder / entry["name"]
    for other in folder.iterdir():
        if other != target:
            other.unlink()
    (folder / "good.txt").write_text(GOOD)

    # every article in one brief, the appendix printed: each hostile file is read and rendered
    result = pipeline.build([str(folder)], pipeline.Options(stories="all", appendix=True))

    named = [p for p in result.problems if p.path == str(target)]
    warned = [w for w in result.warnings if w.path == str(target)]
    read = [s for s in result.brief.sources if s.path == str(target)]
    assert any(s.path.endswith("good.txt") for s in result.brief.sources), "the good article must still build"
    if entry["expect"] == "skipped":
        assert len(named) == 1 and not read, result.problems
        assert entry["reason"] in named[0].reason
        assert "\n" not in str(named[0])
    elif entry["expect"] == "warned":
        assert read and not named
        assert len(warned) == 1 and entry["reason"] in warned[0].reason and "\n" not in str(warned[0])
    else:
        assert read and not named and not warned, (result.problems, result.warnings)
    data = check_brief(result)
    if read:
        source = read[0]
        article_text = next(s.document.article.text for s in result.summaries if s.source_id == source.id)
        everything = article_text + "\n" + (source.title or "")
        for literal in entry.get("text_has", []):
            assert literal.replace("@SECRET@", str(secret)).replace("@PORT@", "9") in everything
        for absent in entry.get("text_lacks", []):
            assert absent.replace("@SECRET@", str(secret)) not in everything
        if "title_has" in entry:
            assert source.title == entry["title_has"]
        for key in ("url", "published"):
            if key in entry:
                assert (getattr(source, key) or "") == entry[key]
    assert SECRET not in json.dumps(data)


# --- the whole corpus with the example articles, through the command line -----------------

@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    """`briefing build` over the hostile corpus (plus a symlink loop, a link out of the
    folder and a broken link) and the example articles, all four formats, while a local
    server counts requests and a secret file waits to be read."""
    tmp = tmp_path_factory.mktemp("corpus")
    secret = tmp / "secret.txt"
    secret.write_text(SECRET + "\n")
    with CountingServer() as server:
        folder = hostile_copy(tmp / "hostile", secret, server.port)
        (folder / "loop").mkdir()
        (folder / "loop" / "again").symlink_to("..", target_is_directory=True)
        (folder / "stolen.txt").symlink_to(secret)
        (folder / "dangling.md").symlink_to(tmp / "nowhere.md")
        (folder / "self.txt").symlink_to("self.txt")
        out = tmp / "out"
        result = run_cli("build", str(folder), str(EXAMPLE), "-o", str(out))
        requests = list(server.requests)
    return {"result": result, "out": out, "folder": folder, "requests": requests, "secret": secret}


def test_corpus_build_exits_0_and_names_each_skipped_file_with_a_reason(corpus_build):
    result, folder = corpus_build["result"], corpus_build["folder"]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for entry in MANIFEST:
        path = str(folder / entry["name"])
        mine = [l for l in lines if l.startswith(f"briefing: skipped {path}: ")
                or l.startswith(f"briefing: warning: {path}: ")]
        if entry["expect"] == "read":
            assert not mine, mine
        else:
            assert len(mine) == 1 and entry["reason"] in mine[0], (entry["name"], mine)
    links = {
        "loop/again": "symbolic link to a folder, which is not followed",
        "stolen.txt": "symbolic link to a file outside the folder",
        "dangling.md": "symbolic link that is broken or loops",
        "self.txt": "symbolic link that is broken or loops",
    }
    for name, reason in links.items():
        assert any(l.startswith(f"briefing: skipped {folder / name}: ") and reason in l for l in lines), name


def test_corpus_build_sends_no_request_and_the_secret_appears_nowhere(corpus_build):
    out = corpus_build["out"]
    assert corpus_build["requests"] == []
    for name in ("brief.md", "brief.html", "brief.json"):
        assert SECRET not in (out / name).read_text("utf-8")
    payload = pdf_payload((out / "brief.pdf").read_bytes())
    assert "SERVED-BY-THE-COUNTING-SERVER" not in payload
    assert SECRET not in payload
    assert "Tripartite Outrage" in payload  # the search does see the PDF's text


def test_corpus_build_claims_are_verbatim_from_the_articles_they_cite(corpus_build):
    out, folder = corpus_build["out"], corpus_build["folder"]
    brief = json.loads((out / "brief.json").read_text("utf-8"))
    html = (out / "brief.html").read_text("utf-8")
    assert html_problems(html) == []
    paths = {s["id"]: Path(s["path"]) for s in brief["sources"]}
    assert {p.name for p in paths.values()} >= {p.name for p in SEEDS.values()}
    seeds = {p.name: norm(p.read_text("utf-8")) for p in SEEDS.values()}
    claims = list(brief["key_points"]) + [c for s in brief["sections"] for c in s["claims"]]
    assert claims
    for claim in claims:
        assert norm(claim["text"]) in [norm(e["sentence"]) for e in claim["evidence"]]
        for e in claim["evidence"]:
            path = paths[e["source"]]
            if path.name in seeds:  # an example article: exactly as check_brief.py checks it
                assert norm(e["sentence"]) in seeds[path.name]
            else:  # a hostile file that the manifest says is an article
                assert path.parent == folder and path.name in {m["name"] for m in MANIFEST if m["expect"] != "skipped"}
                raw = ingest.read(path, "x")
                assert norm(e["sentence"]) in norm(" ".join(b.text for b in raw.blocks))
            assert SECRET not in e["sentence"]


# --- reads while rendering: the PDF fetcher itself ---------------------------------------

FETCHER_PROBES = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"><link rel="attachment" href="file://{secret}">
<style>@import url("http://127.0.0.1:{port}/i.css"); body {{ background: url("file://{secret}"); }}
@font-face {{ font-family: x; src: url("http://127.0.0.1:{port}/f.woff"); }} p {{ font-family: x; }}</style>
</head><body><p>Probe <img src="file://{secret}"><img src="http://127.0.0.1:{port}/i.png">
<a rel="attachment" href="file://{secret}">a</a><a rel="attachment" href="http://127.0.0.1:{port}/a.txt">b</a>
<iframe src="http://127.0.0.1:{port}/f.html"></iframe><object data="file://{secret}"></object>
<svg width="10" height="10"><image href="http://127.0.0.1:{port}/svg.png" width="10" height="10"/></svg></p>
</body></html>"""


def test_pdf_rendering_fetches_nothing_even_from_raw_markup(tmp_path):
    """Defence in depth: were markup ever to reach the printer, it still reads nothing."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    with CountingServer() as server:
        data = pdf.to_pdf(FETCHER_PROBES.format(port=server.port, secret=secret), "probe")
        assert server.requests == []
    payload = pdf_payload(data)
    assert "Probe" in payload and SECRET not in payload


def test_pdf_rendering_opens_no_file_but_its_own(tmp_path):
    """Every file Python opens while printing is recorded by an audit hook: none is the
    secret, none lies outside the interpreter and the project's styles, and no socket is
    opened."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    code = f"""
import json, sys
events, armed = [], [False]
def hook(event, args):
    if armed[0] and event in ("open", "socket.connect", "urllib.Request", "socket.getaddrinfo"):
        events.append([event, str(args[0]) if event == "open" else repr(args)[:200]])
sys.addaudithook(hook)
from briefing.render import pdf
pdf.to_pdf("<p>warm up</p>", "warm")
armed[0] = True
pdf.to_pdf({FETCHER_PROBES.format(port=9, secret=secret)!r}, "probe")
armed[0] = False
print(json.dumps(events))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout.strip().splitlines()[-1])
    allowed = (sys.prefix, sys.base_prefix, str(ROOT / "styles"), "/usr/share/fonts", "/etc/fonts", "/dev/")
    for event, what in events:
        assert event == "open", (event, what)
        assert what != str(secret) and str(Path(what).resolve()).startswith(allowed), what


# --- resource exhaustion: huge inputs made at test time ---------------------------------

def _build_with(tmp_path: Path, bad: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    (tmp_path / "good.txt").write_text(GOOD)
    return run_cli("build", str(tmp_path / "good.txt"), str(bad), "-o", str(tmp_path / "out"),
                   "--formats", "md,json", env=env)


def test_a_200_mb_file_is_refused_unread_with_the_limit_and_its_variable(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: takes no disk, reads as 200 MB of zeros
        fh.truncate(200 * 1024 * 1024)
    result = _build_with(tmp_path, big)
    assert result.returncode == 0, result.stderr
    line = [l for l in result.stderr.splitlines() if str(big) in l]
    assert line == [f"briefing: skipped {big}: is 200.0 MB, over the 10 MB limit (raise it with "
                    "BRIEFING_MAX_FILE_MB); it was not read"]


def _one_line_article(chars: int) -> str:
    sentence = "The ferry council said the harbour plan would bring more visitors to the islands this year. "
    return (sentence * (chars // len(sentence) + 1)).strip()


def test_a_20_mb_single_line_is_refused_by_default_and_read_in_part_when_the_limit_is_raised(tmp_path):
    line = tmp_path / "line.txt"
    line.write_text(_one_line_article(20 * 1024 * 1024))
    assert line.stat().st_size >= 20 * 1024 * 1024 and "\n" not in line.read_text()
    refused = _build_with(tmp_path, line)
    assert refused.returncode == 0 and f"skipped {line}: is 20.0 MB, over the 10 MB limit" in refused.stderr

    raised = _build_with(tmp_path, line, env={"BRIEFING_MAX_FILE_MB": "32"})
    assert raised.returncode == 0, raised.stderr
    assert (f"warning: {line}: is longer than the 100,000 characters limit (raise it with "
            "BRIEFING_MAX_ARTICLE_CHARS); only its first") in raised.stderr
    brief = json.loads((tmp_path / "out" / "brief.json").read_text())
    assert len(brief["sources"]) == 2


def test_a_100000_word_sentence_is_left_out_with_a_warning(tmp_path):
    sentence = tmp_path / "runon.txt"
    sentence.write_text("Ferry plan\n\n" + " ".join(f"word{i % 97}" for i in range(100_000)) + ".\n")
    result = _build_with(tmp_path, sentence, env={"BRIEFING_MAX_ARTICLE_CHARS": "2000000"})
    assert result.returncode == 0, result.stderr
    assert (f"warning: {sentence}: has 1 \"sentence\" over the 2,000 characters limit (raise it with "
            "BRIEFING_MAX_SENTENCE_CHARS), left out; nothing of it is in the brief") in result.stderr
    assert "word1 word2" not in (tmp_path / "out" / "brief.md").read_text()


@pytest.mark.parametrize("name,text,reason", [
    ("deep.html", "<html><body>" + "<div>" * 100_000 + "<p>Deep text.</p>" + "</div>" * 100_000 + "</body></html>",
     "has no article text that could be extracted"),
    ("deep.md", "> " * 20_000 + "The mayor said the ferry line will open on Monday after years of delay.\n",
     "has no sentences left"),
    ("deep-list.md", "".join("    " * i + "- item\n" for i in range(600)), "has no sentences left"),
])
def test_deeply_nested_markup_is_skipped_with_a_reason_not_a_crash(tmp_path, name, text, reason):
    deep = tmp_path / name
    deep.write_text(text)
    result = _build_with(tmp_path, deep)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert f"skipped {deep}: {reason}" in result.stderr


def test_ten_thousand_copies_of_one_article_make_one_source(tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"copy-{i:05d}.txt").write_text(GOOD)
    result = run_cli("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    skipped = [l for l in result.stderr.splitlines() if l.startswith("briefing: skipped ")]
    assert len(skipped) == 9_999
    assert all(f"has the same text as {folder / 'copy-00000.txt'}; each article is read once" in l for l in skipped)
    assert len(json.loads((tmp_path / "out" / "brief.json").read_text())["sources"]) == 1


def test_articles_over_the_limit_are_not_read_and_each_is_named(tmp_path):
    for i, town in enumerate(["Lenvik", "Tromvik", "Brekke"]):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("Lenvik", town).replace("300", str(100 + i)))
    result = run_cli("build", str(tmp_path), "-o", str(tmp_path / "out"), "--formats", "json",
                     env={"BRIEFING_MAX_ARTICLES": "2"})
    assert result.returncode == 0, result.stderr
    assert (f"skipped {tmp_path / '2.txt'}: not read: the brief already has the 2 articles limit "
            "(raise it with BRIEFING_MAX_ARTICLES)") in result.stderr
    assert len(json.loads((tmp_path / "out" / "brief.json").read_text())["sources"]) == 2


def test_sentences_over_the_limit_are_not_read(tmp_path):
    (tmp_path / "long.txt").write_text(" ".join(f"The council met for the {n} time this year to discuss the ferry."
                                                for n in ["first", "second", "third", "fourth", "fifth",
                                                          "sixth", "seventh", "eighth"]))
    # the environment is read once, into the options (as the command line does), not by the stages
    result = pipeline.build([str(tmp_path)], make_options(env={"BRIEFING_MAX_SENTENCES": "5"}))
    assert len(result.summaries[0].document.sentences) == 5
    assert [w.reason for w in result.warnings] == [
        "has more sentences than the 5 sentences limit (raise it with BRIEFING_MAX_SENTENCES); only the first 5 are read"]
    assert "sixth" not in render.to_markdown(result.brief)


@pytest.mark.parametrize("value", ["lots", "-1", "0", "inf", "nan"])
def test_a_bad_limit_value_is_a_one_line_usage_error(tmp_path, value):
    result = run_cli("build", str(EXAMPLE), "-o", str(tmp_path), env={"BRIEFING_MAX_FILE_MB": value})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"briefing: error: BRIEFING_MAX_FILE_MB={value!r} is not a positive number; unset it to use the default (10)"]


# --- broken files that cannot be committed -----------------------------------------------

def test_an_unreadable_file_is_named_with_a_reason(tmp_path, monkeypatch):
    """Simulated (tests run as root, whom permissions do not stop): open() refuses the file."""
    (tmp_path / "good.txt").write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD.replace("Lenvik", "Tromvik"))
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", refusing_open, raising=False)
    result = pipeline.build([str(tmp_path)])
    assert [str(p) for p in result.problems] == [f"{locked}: cannot be read (Permission denied); check its permissions"]
    assert len(result.brief.sources) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_named_with_a_reason_for_real(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    result = _build_with(tmp_path, locked)
    assert f"skipped {locked}: cannot be read (Permission denied)" in result.stderr


def test_control_characters_in_a_file_name_are_shown_escaped(tmp_path):
    bad = tmp_path / "evil\x1b[2J\x07.txt"
    bad.write_text("")
    result = _build_with(tmp_path, bad)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b[2J\\x07.txt: is empty" in result.stderr


def test_decoding_reads_text_in_every_common_encoding_and_refuses_binary():
    text = "“Officials” said the café – on the quay – opens Monday."
    assert decode(text.encode("utf-16")) == text
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text
    assert decode(text.encode("cp1252")) == text
    assert decode(text.encode("utf-8")[:-1]) == text[:-1]  # the final "." is one byte: intact
    assert decode(("x" + text).encode("utf-8")[:-4]) == ("x" + text)[:-4]
    assert decode("a\r\nb\rc\fd".encode()) == "a\nb\nc\nd"
    with pytest.raises(InputError, match="binary content"):
        decode(b"text\x00with a NUL")


# --- paths ----------------------------------------------------------------------------

def test_titles_never_decide_where_files_go(tmp_path):
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    shutil.copy(CORPUS / "path-traversal-title.md", work / "in" / "a.md")
    result = run_cli("build", str(work / "in"), "-o", str(work / "out"), cwd=work)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (work / "out").iterdir()) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]
    everything = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert everything == ["work", "work/in", "work/in/a.md", "work/out", "work/out/brief.html",
                          "work/out/brief.json", "work/out/brief.md", "work/out/brief.pdf"]
    assert json.loads((work / "out" / "brief.json").read_text())["title"] == "../../../../tmp/briefing-pwned"


def test_a_symbolic_link_in_the_output_folder_is_replaced_not_followed(tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.md").symlink_to(outside)
    result = run_cli("build", str(EXAMPLE), "-o", str(out), "--formats", "md")
    assert result.returncode == 0, result.stderr
    assert outside.read_text() == "keep me"
    assert not (out / "brief.md").is_symlink() and (out / "brief.md").read_text().startswith("# ")


@pytest.mark.parametrize("where", ["write", "replace"])
def test_an_interrupted_write_keeps_the_previous_good_file_and_leaves_no_debris(tmp_path, monkeypatch, where):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"%PDF-previous good brief")

    class Interrupted(KeyboardInterrupt):
        pass

    if where == "write":
        real_fdopen = os.fdopen

        def fdopen(fd, *args, **kwargs):
            fh = real_fdopen(fd, *args, **kwargs)
            real_write = fh.write

            def write(data):
                real_write(data[:10])  # half written, then Ctrl-C
                raise Interrupted()

            fh.write = write
            return fh

        monkeypatch.setattr(output.os, "fdopen", fdopen)
    else:
        def replace(*args):
            raise Interrupted()

        monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(Interrupted):
        output.atomic_write(target, b"%PDF-new brief that is much longer than ten bytes")
    assert target.read_bytes() == b"%PDF-previous good brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_failure_while_printing_keeps_the_previous_pdf(tmp_path, monkeypatch, example_build):
    (tmp_path / "brief.pdf").write_bytes(b"%PDF-previous")

    def broken(*args, **kwargs):
        raise MemoryError("printer ran out of memory")

    monkeypatch.setattr(pdf, "to_pdf", broken)
    with pytest.raises(MemoryError):
        output.write_brief(example_build.brief, tmp_path, ("pdf",), "brief")
    assert (tmp_path / "brief.pdf").read_bytes() == b"%PDF-previous"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_no_usable_hostile_input_gives_no_brief_and_touches_no_previous_one(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.md").write_text("previous")
    result = run_cli("build", str(CORPUS / "renamed-pdf.txt"), str(CORPUS / "empty.txt"), "-o", str(out))
    assert result.returncode == 1
    assert (out / "brief.md").read_text() == "previous"
    with pytest.raises(NoArticlesError):
        pipeline.build([str(CORPUS / "renamed-pdf.txt")])
