"""The filters templates apply to article text: Markdown escaping, code spans, CSS strings,
links only to plain web addresses, and citation ranges. Article text is data: these keep it
literal text in every format."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# Python-Markdown reads "#Word" as a heading even without a space (CommonMark needs one),
# so a leading "#" is always escaped; list markers only make lists before a space.
_MD_LINE_START = re.compile(r"^(\s*)(#|[>+\-](?=\s)|\d+[.)](?=\s))")


def on_one_line(text: str) -> str:
    """`text` with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


_WEB_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


def web_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address safe to link, else None (shown as text)."""
    return url if url and _WEB_URL.match(url) else None


def md_code(text: str) -> str:
    """`text` as a Markdown code span, fenced with more backticks than it contains."""
    text = on_one_line(str(text))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def css_string(text: str):
    """`text` as a quoted CSS string, safe inside a <style> element (for the page margins)."""
    from markupsafe import Markup

    out = []
    for ch in str(text):
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch in "<>&\n\r\f" or ord(ch) < 32:
            out.append(f"\\{ord(ch):X} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, so article text stays literal text."""
    text = _MD_SPECIAL.sub(r"\\\1", on_one_line(str(text)))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


# Three or more sources with consecutive numbers are cited as a range ("[3–7]"), as numeric
# citation styles do; two stay "[3][4]". A claim that forty sources state stays one line.
RANGE_MIN = 3


def cite_runs(ids) -> list[tuple[str, str | None]]:
    """Citations as (first, last) runs; last is None for a source cited on its own."""
    runs: list[list[str]] = []
    for sid in ids:
        if runs and sid.isdigit() and runs[-1][-1].isdigit() and int(sid) == int(runs[-1][-1]) + 1:
            runs[-1].append(sid)
        else:
            runs.append([sid])
    out: list[tuple[str, str | None]] = []
    for run in runs:
        if len(run) >= RANGE_MIN:
            out.append((run[0], run[-1]))
        else:
            out.extend((sid, None) for sid in run)
    return out
