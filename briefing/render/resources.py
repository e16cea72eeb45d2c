"""Where the built-in templates and styles are: inside the installed package, or at the top
of a source checkout (the user keeps them in templates/ and styles/ beside briefing/)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # briefing/, beside templates/ in a checkout


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"briefing's {name}/ folder is missing; reinstall briefing")


def templates_dir() -> Path:
    return _find("templates")


def styles_dir() -> Path:
    return _find("styles")
