"""Profiles, user templates and user stylesheets, as a user meets them on the command line."""

from __future__ import annotations

import json

import pytest

from briefing.options import Options
from briefing import pipeline, profile
from briefing.render import views as render
from tests.conftest import EXAMPLE
from tests.cli.test_cli import GOOD, run

PROFILE = """\
title = "Weekly brief: Lenvik"
banner = "OFFICIAL // INTERNAL"
summarizer = "textrank"

[lengths]
key_points = 1

[[sections]]
key = "news"
title = "What happened"
default = true
cues = { "ferry" = 2 }

[[sections]]
key = "voices"
title = "What people say"
cues = { "welcomed" = 3, "saying" = 1 }
"""


def test_a_profile_sets_title_banner_sections_and_lengths(tmp_path, write):
    write("in/ferry.txt", GOOD)
    prof = write("weekly.toml", PROFILE)
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "md,json",
                 "--profile", str(prof))
    assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "out" / "brief.json").read_text())
    assert brief["title"] == "Weekly brief: Lenvik" and brief["banner"] == "OFFICIAL // INTERNAL"
    assert [s["key"] for s in brief["sections"]] == ["news", "voices"]
    assert len(brief["key_points"]) == 1
    voices = next(s for s in brief["sections"] if s["key"] == "voices")
    assert any("welcomed the plan" in c["text"] for c in voices["claims"])
    md = (tmp_path / "out" / "brief.md").read_text()
    assert md.startswith("**OFFICIAL // INTERNAL**") and "## What people say" in md


def test_the_command_line_wins_over_the_profile(tmp_path, write):
    write("in/ferry.txt", GOOD)
    prof = write("weekly.toml", PROFILE)
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json",
                 "--profile", str(prof), "--title", "Mine", "--banner", "SECRET")
    assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "out" / "brief.json").read_text())
    assert (brief["title"], brief["banner"]) == ("Mine", "SECRET")


def test_every_problem_of_a_profile_is_reported_naming_key_and_allowed_values(tmp_path, write):
    write("in/ferry.txt", GOOD)
    bad = write("bad.toml", """\
titel = "Typo"
summarizer = "gpt"
[lengths]
key_points = 0
pages = 3
[[sections]]
key = "What"
cues = { "x" = -1 }
default = "yes"
""")
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--profile", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    expected = [
        "unknown key 'titel'; allowed keys: title, banner, summarizer, lengths, sections",
        "'summarizer' is 'gpt'; allowed values: lexrank, textrank, lsa, luhn, sumbasic, kl",
        "'lengths.key_points' is 0; allowed values: a whole number from 1 to 20",
        "unknown key 'lengths.pages'; allowed keys: key_points, timeline, actors",
        "'sections[1].key' is 'What'; allowed values: lower-case letters",
        "'sections[1].title' is missing; allowed values: a non-empty string",
        "'sections[1].cues.x' is -1; allowed values: a number above 0, at most 10",
        "'sections[1].default' is 'yes'; allowed values: true, false",
    ]
    assert len(lines) == len(expected)
    for line, want in zip(lines, expected):
        assert line.startswith(f"briefing: error: {bad}: {want}"), line
    assert not (tmp_path / "out").exists()  # checked before anything was built


def test_a_profile_that_is_not_toml_gets_one_line(tmp_path, write):
    bad = write("bad.toml", "title = \n")
    with pytest.raises(profile.UsageError, match=r"is not valid TOML .*fix the syntax"):
        profile.load(bad)
    with pytest.raises(profile.UsageError, match="does not exist"):
        profile.load(tmp_path / "missing.toml")


def test_a_user_template_replaces_the_built_in_one(tmp_path, write, example_build):
    write("tpl/brief.md.j2", "# {{ title | md }}\n{% for s in sections %}{{ s.title }}: {{ s.claims | length }}\n"
                             "{% endfor %}")
    md = render.to_markdown(example_build.brief, tmp_path / "tpl")
    assert md.startswith("# Tripartite Outrage")
    assert "Statement: " in md and "## Key points" not in md
    # the HTML template, not overridden, is still the built-in one
    assert "<h2>Key points</h2>" in render.to_html(example_build.brief, tmp_path / "tpl")


def test_a_user_template_can_extend_the_built_in_one(tmp_path, write, example_build):
    write("tpl/brief.html.j2", '{% extends "builtin/brief.html.j2" %}\n'
                               '{% block appendix %}<p class="house-note">Prepared by the Lenvik desk.</p>{% endblock %}')
    html = render.to_html(example_build.brief, tmp_path / "tpl")
    assert '<p class="house-note">Prepared by the Lenvik desk.</p>' in html
    assert "Appendix: source summaries</h2>" not in html  # the block was replaced ...
    assert "<h2>Key points</h2>" in html and 'id="source-3"' in html  # ... and the rest inherited


def test_template_errors_name_the_file_and_exit_cleanly(tmp_path, write):
    write("in/ferry.txt", GOOD)
    write("tpl/brief.md.j2", "{% if %}")
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "md",
                 "--templates", str(tmp_path / "tpl"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "brief.md.j2:1: template error" in result.stderr
    missing = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--templates", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "is not a folder" in missing.stderr


def test_a_user_stylesheet_comes_after_the_built_in_styles(tmp_path, write):
    write("in/ferry.txt", GOOD)
    css = write("house.css", "h1 { color: rebeccapurple; }\n")
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "html",
                 "--stylesheet", str(css))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "brief.html").read_text()
    assert html.index(".title-block") < html.index("h1 { color: rebeccapurple; }")


def test_a_banner_cannot_break_out_of_the_page_styles(example_build):
    brief = pipeline.build([str(EXAMPLE)], Options(banner='A "B" </style><script>x</script>')).brief
    html = render.to_html(brief)
    assert "<script>x" not in html and "</style><script>" not in html
    assert '@top-center { content: "A \\"B\\" \\3C /style\\3E \\3C script\\3E x\\3C /script\\3E "; }' in html
