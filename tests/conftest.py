"""Shared fixtures: the bundled example articles and helpers to write small articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dprk-russia"
SEEDS = {
    "A": EXAMPLE / "000_408c700021c03216.txt",
    "B": EXAMPLE / "001_229ef21da01bba5f.txt",
    "C": EXAMPLE / "004_5ff1785c3c577652.txt",
}


def norm(text: str) -> str:
    """Collapse white space and straighten quotes, as the brief contract compares text."""
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def example_build():
    """The example brief built once for the whole session (pipeline only, no files)."""
    from briefing import pipeline

    return pipeline.build([str(EXAMPLE)])


@pytest.fixture(scope="session")
def example_json(example_build):
    from briefing.render import json as brief_json

    return json.loads(brief_json.to_json(example_build.brief))


@pytest.fixture
def write(tmp_path):
    """write("name.txt", "text") -> Path: a small article file in a temporary folder."""
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
