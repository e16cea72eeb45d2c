"""The README's Python API example runs as written (with its output folder made temporary)."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT


def readme_api_example() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_api_example_builds_writes_and_summarizes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    scope = {"OUTPUT_DIR": tmp_path / "out"}
    exec(compile(readme_api_example(), "README.md", "exec"), scope)
    printed = capsys.readouterr().out
    assert printed.startswith("DPRK-Russia arms transfers 3 []")
    assert sorted(p.name for p in scope["paths"]) == ["brief.json", "brief.md"]
    brief = json.loads((tmp_path / "out" / "brief.json").read_text("utf-8"))
    assert brief["title"] == "DPRK-Russia arms transfers"
    assert "UNCLASSIFIED" in (tmp_path / "out" / "brief.md").read_text("utf-8")
    assert scope["lines"] and sum(len(line.split()) for line in scope["lines"]) <= 60
    assert scope["skipped"] == []
