"""The command line as a user meets it: outputs, options, messages and exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.conftest import EXAMPLE, ROOT

GOOD = "Officials in the harbour town of Lenvik said the new ferry line will open on Monday. " \
       "The ferry will carry up to 300 passengers a day between the islands. " \
       "Local shop owners welcomed the plan, saying it would bring more visitors. " \
       "The council expects the line to cut travel times by half.\n"


run = run_cli  # in-process unless a test asks for a real process


def test_build_writes_all_four_formats_by_default(tmp_path):
    result = run("build", str(EXAMPLE), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for ext in ("md", "html", "pdf", "json"):
        assert (tmp_path / f"brief.{ext}").stat().st_size > 0
    assert "3 sources" in result.stderr


def test_formats_and_name_choose_what_is_written(tmp_path):
    result = run("build", str(EXAMPLE), "-o", str(tmp_path), "--formats", "md,json", "--name", "monday")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["monday.json", "monday.md"]


def test_title_option_sets_the_title(tmp_path):
    run("build", str(EXAMPLE), "-o", str(tmp_path), "--formats", "json", "--title", "Arms transfers")
    assert json.loads((tmp_path / "brief.json").read_text())["title"] == "Arms transfers"


@pytest.mark.parametrize("algorithm", ["textrank", "lsa", "luhn", "sumbasic", "kl"])
def test_every_summarizer_makes_a_brief(tmp_path, algorithm):
    result = run("build", str(EXAMPLE), "-o", str(tmp_path), "--formats", "json", "--summarizer", algorithm)
    assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "brief.json").read_text())
    assert sum(len(s["claims"]) for s in brief["sections"]) >= 5


def test_same_input_gives_byte_identical_markdown_and_json(tmp_path):
    run("build", str(EXAMPLE), "-o", str(tmp_path / "a"), "--formats", "md,json")
    run("build", str(EXAMPLE), "-o", str(tmp_path / "b"), "--formats", "md,json")
    for name in ("brief.md", "brief.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_inputs_are_never_modified(tmp_path):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLE.iterdir()}
    run("build", str(EXAMPLE), "-o", str(tmp_path))
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLE.iterdir()} == before


def test_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "ferry.txt").write_text(GOOD)
    for _ in range(2):
        result = run("build", str(tmp_path), "-o", str(tmp_path / "out"), "--formats", "md,json")
        assert result.returncode == 0, result.stderr
    assert "1 source," in result.stderr


def test_refuses_to_overwrite_an_input_file(tmp_path):
    article = tmp_path / "brief.md"
    article.write_text(GOOD)
    result = run("build", str(article), "-o", str(tmp_path), "--formats", "md")
    assert result.returncode == 1
    assert article.read_text() == GOOD
    assert "is one of the input articles" in result.stderr and "-o" in result.stderr


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", "", "is empty"),
    ("blank.txt", "   \n\n  \t\n", "is empty"),
    ("menu.txt", "Home\nWorld\nSport\nSign in\n", "no sentences left"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ("report.pdf", b"%PDF-1.4 whatever", "is not a readable PDF"),
    ("report.xlsx", b"PK\x03\x04", "cannot read '.xlsx' files"),
])
def test_a_bad_article_is_skipped_with_a_one_line_reason_and_the_rest_still_build(tmp_path, name, content, reason):
    (tmp_path / "good.txt").write_text(GOOD)
    bad = tmp_path / name
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run("build", str(tmp_path / "good.txt"), str(bad), "-o", str(tmp_path / "out"), "--formats", "md")
    assert result.returncode == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if l.startswith("briefing: skipped")]
    assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "brief.md").exists()


def test_cp1252_article_is_read(tmp_path):
    (tmp_path / "old.txt").write_bytes(GOOD.replace("Officials", "“Officials”").encode("cp1252"))
    result = run("build", str(tmp_path / "old.txt"), "-o", str(tmp_path / "out"), "--formats", "json")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "brief.json").read_text(encoding="utf-8")
    assert "“Officials”" in text


def test_missing_path_and_empty_folder_are_named(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("build", str(tmp_path / "nope"), str(tmp_path / "empty"), str(EXAMPLE), "-o", str(tmp_path / "out"),
                 "--formats", "md")
    assert result.returncode == 0
    assert f"skipped {tmp_path / 'nope'}: no such file or folder" in result.stderr
    assert f"skipped {tmp_path / 'empty'}: folder holds no articles" in result.stderr


def test_no_usable_article_exits_1_without_a_brief(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no brief was made" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "brief.md").exists()


@pytest.mark.parametrize("args,message", [
    (["--formats", "doc"], "unknown format doc; choose from md,html,pdf,json,docx"),
    (["--name", "../escape"], "is not a plain file name"),
])
def test_bad_options_get_one_line_errors(tmp_path, args, message):
    result = run("build", str(EXAMPLE), "-o", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_help_has_examples_and_does_not_import_heavy_modules():
    code = ("import sys, briefing.cli\n"
            "try:\n    briefing.cli.main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('weasyprint', 'sumy', 'nltk', 'trafilatura') if m in sys.modules]\n"
            "print('HEAVY', heavy)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "Example:" in result.stdout
    assert "HEAVY []" in result.stdout


def test_every_command_documents_an_example():
    from briefing.cli import _parser

    parser = _parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        assert "Example:" in (sub.epilog or ""), f"'briefing {name} --help' has no Example"


def test_a_folder_that_is_both_input_and_output_reads_its_articles_not_its_old_brief(tmp_path):
    (tmp_path / "ferry.txt").write_text(GOOD)
    first = run("build", str(tmp_path), "-o", str(tmp_path), "--formats", "md,html")
    assert first.returncode == 0, first.stderr
    second = run("build", str(tmp_path), "-o", str(tmp_path), "--formats", "md,html")
    assert second.returncode == 0, second.stderr
    assert "1 source," in second.stderr
    assert f"skipped {tmp_path / 'brief.md'}: is a brief made by briefing" in second.stderr


def test_an_input_skipped_as_a_copy_is_not_overwritten_by_the_brief(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "z.md").write_text(GOOD)  # a copy: read once, skipped with a note
    result = run("build", str(tmp_path), "-o", str(tmp_path), "--name", "z", "--formats", "md")
    assert result.returncode == 1
    assert (tmp_path / "z.md").read_text() == GOOD
    assert "is one of the input articles" in result.stderr


def test_summarize_with_too_small_a_budget_says_so():
    result = run("summarize", str(EXAMPLE), "--words", "3")
    assert result.returncode == 1 and result.stdout == ""
    assert "fits in 3 words; give a larger --words" in result.stderr


@pytest.mark.parametrize("command", ["build", "summarize", "weekly", "eval"])
def test_jobs_means_worker_processes_defaulting_to_the_cores_in_every_command(command):
    result = run(command, "--help")
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    assert "-j N, --jobs N worker processes (default: the machine's cores)" in help_text
    assert run(command, "--jobs", "0").returncode == 2  # a positive whole number, in each


@pytest.mark.parametrize("args,message", [
    (["weekly", "--jobs", "0"], "--jobs"),
    (["archive", "list", "--week", "bogus"], "2023-W43"),
])
def test_weekly_and_archive_options_are_checked(tmp_path, args, message):
    result = run(*args, "--db", str(tmp_path / "none.db"))
    assert result.returncode in (1, 2) and message in result.stderr and "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback():
    # `briefing summarize ... | head -1`: the pipe closes before the summary is written
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "briefing", "summarize", "tests/data/newswire/a-trial/docs",
                             "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 141
    assert "Traceback" not in err and "Exception ignored" not in err, err
