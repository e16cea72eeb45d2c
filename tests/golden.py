"""Regenerate the golden example brief: `make golden` (or `python -m tests.golden`).

The golden files pin the whole Markdown and JSON of the example brief, so any change in
what a reader sees shows up as a diff in review. Never edit them by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE_INPUT = "examples/dprk-russia"  # as a user types it, relative to the project root


def render_example() -> dict[str, str]:
    """The example brief's Markdown and JSON, built from the project root."""
    from briefing import pipeline
    from briefing.render import views as render
    from briefing.render import json as brief_json

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        brief = pipeline.build([EXAMPLE_INPUT]).brief
    finally:
        os.chdir(cwd)
    return {"brief.md": render.to_markdown(brief), "brief.json": brief_json.to_json(brief)}


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, text in render_example().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN / name}")


if __name__ == "__main__":
    main()
