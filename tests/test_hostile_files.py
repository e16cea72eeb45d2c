"""Issue 11, files and the rest: private files in an input folder, markup and control
characters in metadata, decoding, inputs built to exhaust time or memory, the archive file,
writing a brief all or nothing, the PDF helper, and each input that used to stop a run with a
traceback. Each test is one reproduction from the issue.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
PASSWORD = "hunter2-Quokka-7731"
FERRY = ("The harbour board of Lenvik approved a new ferry line to the outer islands on Tuesday evening. "
         "The ferry will carry up to 300 passengers a day and run four crossings in the summer months. "
         "Shop owners on the islands said the line would bring more visitors during the long season.\n")
ROOF = ("The island school at Ytterby will get a new roof before the winter storms arrive this year. "
        "The council set aside money for the work after pupils were moved twice because of leaks. "
        "Builders from the mainland will start on the roof as soon as the summer holidays begin.\n")


def run(*args: str, env: dict | None = None, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, env=full_env,
                          capture_output=True, timeout=timeout)


def out_text(result) -> tuple[str, str]:
    return result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def one_line_error(result, *phrases: str) -> str:
    """The run failed with a one-line error holding `phrases`, and no traceback."""
    _, err = out_text(result)
    assert result.returncode in (1, 2), err
    assert "Traceback" not in err, err
    errors = [l for l in err.splitlines() if "error:" in l]
    assert len(errors) == 1, err
    for phrase in phrases:
        assert phrase in errors[0], err
    return errors[0]


def brief_files(out: Path) -> str:
    return "".join((out / f"brief.{ext}").read_text("utf-8") for ext in ("md", "html", "json")
                   if (out / f"brief.{ext}").exists())


# --- what a folder gives ----------------------------------------------------------------

def test_private_files_without_a_text_extension_are_not_read_from_a_folder(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLE, folder)
    (folder / "id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n" + (KEY_BODY + "\n") * 6
                                       + "-----END OPENSSH PRIVATE KEY-----\n")
    (folder / "auth.log.1").write_text(f"Oct 24 09:00:01 host sshd[311]: Accepted password {PASSWORD} for root "
                                       "from 10.0.0.8 port 52113 ssh2. The session was opened by the daemon.\n" * 5)
    (folder / "notes").write_text(f"The new admin password is {PASSWORD} and it changes on Monday.\n"
                                  "The router in the office was reset by the landlord last week.\n")
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "md,html,json")
    assert result.returncode == 0, result.stderr
    written = brief_files(tmp_path / "out")
    assert KEY_BODY not in written and PASSWORD not in written
    assert len(json.loads((tmp_path / "out" / "brief.json").read_text())["sources"]) == 3


def test_wire_stories_are_read_from_a_folder_by_their_agency_names_or_as_sgml_stories(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "APW19981016.0240").write_text(FERRY)
    (folder / "XIE19980304.0061").write_text("<DOC>\n<DOCNO> XIE19980304.0061 </DOCNO>\n<TEXT>\n" + ROOF
                                             + "</TEXT>\n</DOC>\n")
    (folder / "cluster-notes").write_text("<DOC>\n<TEXT>\nThe archive of the island council holds the minutes "
                                          "of every meeting since the school was first built there.\n</TEXT>\n</DOC>\n")
    (folder / "notes").write_text(f"The new admin password is {PASSWORD} and it changes on Monday.\n")
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "out" / "brief.json").read_text()
    paths = sorted(Path(s["path"]).name for s in json.loads(data)["sources"])
    assert paths == ["APW19981016.0240", "XIE19980304.0061", "cluster-notes"]
    assert PASSWORD not in data


def test_a_file_without_extension_named_on_the_command_line_is_read(tmp_path):
    notes = tmp_path / "notes"
    notes.write_text(FERRY)
    result = run("build", str(notes), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    assert "300 passengers" in (tmp_path / "out" / "brief.json").read_text()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_not_read_as_an_article(tmp_path, device):
    (tmp_path / "a.txt").write_text(FERRY)
    result = run("build", device, str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--formats", "json",
                 timeout=60)
    _, err = out_text(result)
    assert result.returncode == 0 and f"skipped {device}: not a regular file" in err


# --- markup, control characters and lengths in metadata -----------------------------------

def ingest_and_weekly(tmp_path: Path, folder: Path) -> str:
    db = tmp_path / "news.db"
    result = run("ingest", str(folder), "--db", str(db))
    assert result.returncode == 0, result.stderr
    result = run("weekly", "--week", "2023-W43", "--db", str(db), "-o", str(tmp_path / "out"), "--formats", "md")
    assert result.returncode == 0, result.stderr
    return (tmp_path / "out" / "2023-W43" / "brief.md").read_text("utf-8")


def test_the_weekly_markdown_links_only_http_urls_and_escapes_urls_and_file_names(tmp_path):
    import markdown

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(f'---\nurl: "http://x/> <img src=x onerror=alert(2)>"\npublished: 2023-10-24\n---\n{FERRY}')
    (folder / "b.md").write_text(f"---\nurl: javascript:alert(3)\npublished: 2023-10-24\n---\n{ROOF}")
    (folder / "<img src=x onerror=alert(1)>.md").write_text(
        "---\npublished: 2023-10-25\n---\nThe lighthouse on Skarv island will be painted red and white again "
        "this summer. Volunteers from the village offered to help the painters with the scaffolding work.\n")
    md = ingest_and_weekly(tmp_path, folder)
    rendered = markdown.markdown(md)  # what any Markdown viewer shows
    assert "<img" not in rendered  # no live tag: each one is shown as text
    assert rendered.count("&lt;img src=x onerror=") == 2  # the URL and the file name, escaped
    assert 'href="javascript:' not in rendered and "<javascript:" not in md
    assert "<http://x/>" not in md


def test_control_characters_never_reach_the_terminal_the_brief_or_the_archive(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "esc.md").write_text("---\ntitle: \"Ferry \\e]0;pwned\\a news\"\npublished: 2023-10-24\n---\n"
                                   "The harbour board &#27;]0;pwned&#7; of Lenvik approved a new ferry line \x1b[31mon "
                                   "Tuesday\x07 evening. The ferry will carry up to 300 passengers a day and run four "
                                   "crossings in the summer. Shop owners on the islands said the line would bring "
                                   "more visitors.\n")
    (folder / "bad\x1b]0;x\x07\nadded      9  forged.txt").write_text(ROOF)
    db = tmp_path / "news.db"
    results = [run("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "md,html,json"),
               run("ingest", str(folder), "--db", str(db)),
               run("archive", "list", "--db", str(db)),
               run("archive", "show", "1", "2", "--db", str(db)),
               run("summarize", str(folder), "--words", "60")]
    for result in results:
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream and b"\x9b" not in stream.replace(b"\xc2\x9b", b"")
    ingest_lines = results[1].stdout.decode().splitlines()
    assert len(ingest_lines) == 2 and not any(l.startswith("added      9  forged") for l in ingest_lines)
    for ext in ("md", "html", "json"):
        data = (tmp_path / "out" / f"brief.{ext}").read_bytes()
        assert b"\x1b" not in data and b"\x07" not in data and b"\\u001b" not in data
    with sqlite3.connect(db) as con:
        stored = json.dumps(con.execute("SELECT * FROM articles").fetchall())
    assert "\\u001b" not in stored and "\\u0007" not in stored


def test_metadata_fields_are_capped_in_the_brief_and_the_archive(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.md").write_text(f"---\nauthor: {'Longname ' * 600}\npublished: 2023-10-24\n---\n{FERRY}")
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    author = json.loads((tmp_path / "out" / "brief.json").read_text())["sources"][0]["author"]
    assert 100 < len(author) <= 300
    db = tmp_path / "news.db"
    assert run("ingest", str(tmp_path / "in"), "--db", str(db)).returncode == 0
    shown = run("archive", "show", "1", "--db", str(db)).stdout.decode()
    assert max(len(l) for l in shown.splitlines() if l.startswith("author:")) <= 310


def test_a_file_name_that_is_not_utf8_is_built_and_ingested(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "other.txt").write_text(ROOF)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as fh:
        fh.write(FERRY)
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "md,json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads((tmp_path / "out" / "brief.json").read_text())["sources"]) == 2
    result = run("ingest", str(folder), "--db", str(tmp_path / "news.db"))
    assert result.returncode == 0 and result.stdout.decode().count("added") == 2, result.stderr
    assert "caf\\udce9.txt" in result.stdout.decode()


# --- decoding ---------------------------------------------------------------------------

def test_utf8_with_a_stray_byte_stays_utf8_with_a_warning(tmp_path):
    text = ("The café in Lenvik harbour reopened on Tuesday after a long winter break. Its owner said the "
            "crème brûlée would be back on the menu.\xff The ferry passengers were the first guests of the day.\n")
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.replace("\xff", "@@").encode("utf-8").replace(b"@@", b"\xff"))
    result = run("build", str(path), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "out" / "brief.json").read_text("utf-8")
    assert "café" in data and "crème brûlée" in data and "cafÃ©" not in data
    _, err = out_text(result)
    assert "warning:" in err and "cafe.txt" in err and "1 byte that is not" in err


def test_utf16le_with_one_extra_byte_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(FERRY.encode("utf-16-le") + b"\x00")
    result = run("build", str(path), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    assert "300 passengers" in (tmp_path / "out" / "brief.json").read_text()


# --- time and size caps -------------------------------------------------------------------

def test_fifty_thousand_brackets_in_markdown_do_not_hang_the_build(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "brackets.md").write_text("[" * 50_000 + "\n\n" + "![" * 20_000 + "\n")
    (tmp_path / "in" / "ferry.txt").write_text(FERRY)
    start = time.monotonic()
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json", timeout=120)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 30
    assert "300 passengers" in (tmp_path / "out" / "brief.json").read_text()


def test_a_read_over_the_time_cap_is_stopped_with_the_limit_and_its_variable(tmp_path):
    (tmp_path / "in").mkdir()
    slow = "\n\n".join("x ![" * 140 for _ in range(300))  # each paragraph just under the bracket guard
    (tmp_path / "in" / "slow.md").write_text(slow)
    (tmp_path / "in" / "ferry.txt").write_text(FERRY)
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json",
                 env={"BRIEFING_MAX_READ_SECONDS": "0.5"}, timeout=120)
    _, err = out_text(result)
    assert result.returncode == 0, err
    assert "slow.md: took longer than the 0.5 s limit (raise it with BRIEFING_MAX_READ_SECONDS)" in err


@pytest.mark.parametrize("option", ["--profile", "--stylesheet"])
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_profile_and_stylesheet_must_be_regular_files(tmp_path, option, device):
    start = time.monotonic()
    result = run("build", str(EXAMPLE), "-o", str(tmp_path / "out"), option, device, timeout=60)
    one_line_error(result, option, device, "not a regular file")
    assert time.monotonic() - start < 30 and not (tmp_path / "out").exists()


def test_a_huge_stylesheet_and_a_template_linked_to_a_device_are_refused(tmp_path):
    big = tmp_path / "house.css"
    big.write_bytes(b"/* padding */\n" * 200_000)
    one_line_error(run("build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--stylesheet", str(big)),
                   "--stylesheet", "more than")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").symlink_to("/dev/zero")
    one_line_error(run("build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--templates", str(templates),
                       "--formats", "md", timeout=60), "not a regular file")


# --- one line, not a traceback ---------------------------------------------------------------

@pytest.mark.parametrize("depth", [20_000, 3_000])
def test_front_matter_nested_thousands_deep_costs_only_its_file(tmp_path, depth):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "deep.md").write_text("---\nauthor: " + "{a: " * depth + "1" + "}" * depth + "\n---\n" + FERRY)
    (tmp_path / "in" / "roof.txt").write_text(ROOF)
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json")
    _, err = out_text(result)
    assert result.returncode == 0 and "Traceback" not in err
    if depth == 3_000:  # 20,000 deep is cut at the article length limit before it is parsed
        assert "deep.md: has front matter nested too deeply" in err
    assert "new roof" in (tmp_path / "out" / "brief.json").read_text()


def test_a_template_that_raises_is_a_one_line_error(tmp_path):
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("# {{ title }} {{ 1 // 0 }}\n")
    one_line_error(run("build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--templates", str(templates),
                       "--formats", "md"), "brief.md.j2", "ZeroDivisionError")


@pytest.mark.parametrize("action", ["show", "remove"])
def test_archive_show_or_remove_of_a_huge_id_is_one_line_and_the_other_ids_are_done(tmp_path, action):
    db = tmp_path / "news.db"
    assert run("ingest", str(EXAMPLE), "--db", str(db)).returncode == 0
    result = run("archive", action, "1", "99999999999999999999", "--db", str(db))
    out, err = out_text(result)
    assert result.returncode == 1 and "Traceback" not in err
    assert [l for l in err.splitlines() if "error:" in l] == \
        [f"briefing: error: no article 99999999999999999999 in {db}; see 'briefing archive list'"]
    assert ("title:" in out) if action == "show" else ("removed article 1" in err)


def test_a_week_past_the_calendar_is_a_usage_error(tmp_path):
    one_line_error(run("weekly", "--week", "9999-W52", "--db", str(tmp_path / "none.db")), "9999-W52")


def many_articles() -> list:
    """Enough cleaned articles for the summaries to be made in worker processes."""
    from briefing import parallel
    from briefing.sources import clean
    from briefing.models import Block, RawArticle, Source

    return [clean.clean(RawArticle(Source(str(i)), (Block("text", FERRY.replace("300", str(300 + i))),)))
            for i in range(parallel.MIN_PARALLEL + 2)]


def test_jobs_are_capped_at_the_core_count(monkeypatch):
    from briefing import parallel
    from tests.helpers import count_pools

    pools = count_pools(monkeypatch)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    articles = many_articles()
    summaries = parallel.summarize_articles(articles, jobs=100_000)
    assert len(summaries) == len(articles) and pools == [2]


# --- the archive file ----------------------------------------------------------------------

def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ingest_never_writes_to_another_applications_database(tmp_path):
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        con.execute("INSERT INTO notes (body) VALUES ('mine')")
        con.execute("PRAGMA user_version = 42")
    con.close()
    before = digest(other)
    for command in (["ingest", str(EXAMPLE)], ["weekly", "--week", "2023-W43"], ["archive", "remove", "1"]):
        one_line_error(run(*command, "--db", str(other)), "not a briefing archive")
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]  # no -wal, no -shm either
    text = tmp_path / "notes.txt"
    text.write_text("my own notes, not a database\n")
    one_line_error(run("ingest", str(EXAMPLE), "--db", str(text)), "not a briefing archive")
    assert text.read_text() == "my own notes, not a database\n"


def test_an_empty_file_and_an_archive_made_before_the_application_id_are_used(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert run("ingest", str(EXAMPLE), "--db", str(empty)).returncode == 0
    with sqlite3.connect(empty) as con:
        con.execute("PRAGMA application_id = 0")  # as an archive of an earlier version has it
    con.close()
    result = run("archive", "list", "--db", str(empty))
    assert result.returncode == 0 and len(result.stdout.decode().splitlines()) == 3


def unprivileged(tmp_path: Path) -> tuple[list[str], Path]:
    """A command prefix that runs as a user without privileges (setpriv when root), and a
    world-readable work folder for it."""
    work = Path(tempfile.mkdtemp(prefix="briefing-ro-"))
    os.chmod(work, 0o755)
    if os.geteuid() != 0:
        return [], work
    if not shutil.which("setpriv"):
        shutil.rmtree(work)
        pytest.skip("running as root without setpriv: a read-only file cannot be made")
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run(prefix + [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                                                           "import briefing.cli"], capture_output=True)
    if probe.returncode != 0:
        shutil.rmtree(work)
        pytest.skip("the code is not readable by an unprivileged user here")
    return prefix, work


def run_as(prefix: list[str], *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": "/nonexistent"}
    return subprocess.run(prefix + [sys.executable, "-m", "briefing", *args], cwd="/", env=env,
                          capture_output=True, timeout=300)


def test_a_read_only_archive_can_be_listed_and_shown(tmp_path):
    prefix, work = unprivileged(tmp_path)
    try:
        db = work / "news.db"
        assert run("ingest", str(EXAMPLE), "--db", str(db)).returncode == 0
        os.chmod(db, 0o444)
        os.chmod(work, 0o555)
        before = digest(db)
        listed = run_as(prefix, "archive", "list", "--db", str(db))
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.decode().splitlines()) == 3
        shown = run_as(prefix, "archive", "show", "1", "--db", str(db))
        assert shown.returncode == 0 and b"title:" in shown.stdout, shown.stderr
        assert digest(db) == before
    finally:
        os.chmod(work, 0o755)
        shutil.rmtree(work)


def test_a_read_only_output_folder_is_a_one_line_error_and_the_previous_brief_stays(tmp_path):
    prefix, work = unprivileged(tmp_path)
    try:
        out = work / "out"
        out.mkdir()
        (out / "brief.md").write_text("previous")
        os.chmod(out, 0o555)
        result = run_as(prefix, "build", str(EXAMPLE), "-o", str(out), "--formats", "md,json")
        one_line_error(result, str(out), "Permission denied")
        assert sorted(p.name for p in out.iterdir()) == ["brief.md"] and (out / "brief.md").read_text() == "previous"
    finally:
        os.chmod(work / "out", 0o755)
        shutil.rmtree(work)


# --- all or nothing ---------------------------------------------------------------------

@pytest.fixture
def previous(tmp_path):
    """An output folder holding a previous brief (one word per file)."""
    out = tmp_path / "out"
    out.mkdir()
    for ext in ("md", "html", "pdf", "json"):
        (out / f"brief.{ext}").write_text(f"previous {ext}")
    return out


def unchanged(out: Path) -> bool:
    return all((out / f"brief.{ext}").read_text() == f"previous {ext}" for ext in ("md", "html", "pdf", "json")) \
        and sorted(p.name for p in out.iterdir()) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]


def test_brief_json_being_a_folder_leaves_every_file_of_the_previous_brief(tmp_path, previous):
    (previous / "brief.json").unlink()
    (previous / "brief.json").mkdir()
    result = run("build", str(EXAMPLE), "-o", str(previous), "--formats", "md,html,json")
    one_line_error(result, "brief.json is a folder")
    assert (previous / "brief.md").read_text() == "previous md" and (previous / "brief.html").read_text() == "previous html"
    assert sorted(p.name for p in previous.iterdir()) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]


def test_a_full_disk_while_writing_leaves_every_file_of_the_previous_brief(previous, monkeypatch, example_build):
    from briefing.render import brief_files
    from briefing.render import write as output

    real = brief_files._write
    calls = []

    def write(path, data):
        calls.append(path.name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(brief_files, "_write", write)
    with pytest.raises(Exception, match="No space left on device"):
        output.write_brief(example_build.brief, previous, ("md", "html", "pdf", "json"), "brief")
    assert unchanged(previous)


def test_ctrl_c_during_the_switch_still_switches_every_file(previous, monkeypatch, example_build):
    from briefing.render import brief_files
    from briefing.render import write as output

    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(brief_files.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        output.write_brief(example_build.brief, previous, ("md", "json"), "brief")
    assert (previous / "brief.md").read_text().startswith("# ") and (previous / "brief.json").read_text().startswith("{")
    assert sorted(p.name for p in previous.iterdir()) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]


def test_a_run_killed_during_the_switch_is_finished_by_the_next_one(previous, monkeypatch, example_build):
    from briefing.render import brief_files
    from briefing.render import write as output

    real = os.replace

    class Killed(BaseException):  # stands for kill -9: nothing after it runs
        pass

    def replace(src, dst):
        if Path(dst).name == "brief.json":
            raise Killed
        real(src, dst)

    monkeypatch.setattr(brief_files.os, "replace", replace)
    with pytest.raises(Killed):
        output.write_brief(example_build.brief, previous, ("md", "html", "json"), "brief")
    assert (previous / "brief.md").read_text().startswith("# ")  # half switched: md and html new, json old
    assert (previous / "brief.json").read_text() == "previous json"
    monkeypatch.setattr(brief_files.os, "replace", real)
    brief_files.recover(previous)  # what the next run does first
    assert json.loads((previous / "brief.json").read_text())["title"]
    assert sorted(p.name for p in previous.iterdir()) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]


def test_weekly_switches_its_week_folder_in_one_rename(tmp_path, monkeypatch, example_build):
    from briefing.render import brief_files
    from briefing.render import write as output

    week = tmp_path / "out" / "2023-W43"
    week.mkdir(parents=True)
    for ext in ("md", "json"):
        (week / f"brief.{ext}").write_text(f"previous {ext}")
    (week / "notes.txt").write_text("the user's own file")
    renames = []
    real = brief_files._exchange

    def exchange(a, b):
        renames.append((a, b))
        return real(a, b)

    monkeypatch.setattr(brief_files, "_exchange", exchange)
    output.write_rendered(week, ("md", "json"), "brief", "t", markdown=lambda: "# new\n", html=lambda: "",
                          json=lambda: "{}\n", own_folder=True)
    assert len(renames) == 1 and renames[0][1] == week
    assert (week / "brief.md").read_text() == "# new\n" and (week / "brief.json").read_text() == "{}\n"
    assert (week / "notes.txt").read_text() == "the user's own file"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2023-W43"]

    def interrupted(a, b):
        raise KeyboardInterrupt

    monkeypatch.setattr(brief_files, "_exchange", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_rendered(week, ("md", "json"), "brief", "t", markdown=lambda: "# newer\n", html=lambda: "",
                              json=lambda: "[]\n", own_folder=True)
    assert (week / "brief.md").read_text() == "# new\n" and (week / "brief.json").read_text() == "{}\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2023-W43"]


# --- the PDF helper ------------------------------------------------------------------------

def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the helper")
def test_killing_build_ends_the_pdf_helper_too(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(EXAMPLE), "-o", str(tmp_path / "out")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    helper = None
    deadline = time.monotonic() + 30
    while helper is None and time.monotonic() < deadline and proc.poll() is None:
        helper = next(iter(children(proc.pid)), None)
        time.sleep(0.02)
    if helper is None:
        proc.wait()
        pytest.skip("the build ended before its helper could be seen")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{helper}/stat").read_text().split(")")[-1].split()[0]
        except OSError:
            break  # gone
        if state == "Z":
            break  # ended; waiting for init to reap it
        time.sleep(0.1)
    else:
        os.kill(helper, signal.SIGKILL)
        pytest.fail("the PDF helper outlived the killed build")


def test_a_process_limit_reached_while_forking_makes_the_work_run_here(monkeypatch):
    import multiprocessing

    from briefing import parallel

    class Context:
        def Pool(self, n):  # noqa: N802 - multiprocessing's name
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: Context())
    articles = many_articles()
    summaries = parallel.summarize_articles(articles, jobs=2)
    assert [s.source_id for s in summaries] == [a.source.id for a in articles]


def test_a_reader_that_fails_on_one_file_costs_only_that_file(tmp_path, monkeypatch, capsys):
    import briefing.cli as cli
    from briefing.sources import files as ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.md").write_text(FERRY)
    (tmp_path / "in" / "good.txt").write_text(ROOF)

    def failing(text, source):  # stands for a parser's own bug on one hostile file
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ingest, "read_markdown", failing)
    assert cli.main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json", "-q"]) == 0
    assert cli.main(["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "news.db"), "-q"]) == 1
    out, err = capsys.readouterr()
    assert "bad.md: could not be read (RecursionError)" in err and "bad.md: could not be read (RecursionError)" in out
    assert "new roof" in (tmp_path / "out" / "brief.json").read_text()
