"""The shelf: index.html and index.md in the weekly output folder, listing every week's brief
there, newest first, each linking the formats written for it.

The list is read from the folder itself (each YYYY-Www/ subfolder and the brief files in
it), so it is right after any run, whichever weeks were built and in whatever order.
Everything shown is escaped; links are relative paths inside the folder.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from briefing.render.filters import md_escape
from briefing.render.write import atomic_write

_WEEK_DIR = re.compile(r"^\d{4}-W\d{2}$")
FORMATS = ("pdf", "html", "md", "json")


def briefs(out_dir: Path) -> list[tuple[str, list[Path]]]:
    """(week, [brief files]) for every week folder, newest first."""
    out = []
    for folder in sorted((p for p in out_dir.iterdir() if p.is_dir() and _WEEK_DIR.match(p.name)), reverse=True):
        files = sorted((f for f in folder.iterdir() if f.is_file() and f.suffix[1:] in FORMATS),
                       key=lambda f: (FORMATS.index(f.suffix[1:]), f.name))
        if files:
            out.append((folder.name, files))
    return out


def update(out_dir: Path) -> list[Path]:
    """Write out_dir/index.html and index.md; return their paths."""
    shelf = briefs(out_dir)
    md = ["# Weekly briefs", ""]
    rows = []
    for week, files in shelf:
        links_md = " · ".join(f"[{md_escape(f.name)}](<{quote(week)}/{quote(f.name)}>)" for f in files)
        md.append(f"- **{week}**: {links_md}")
        links = " · ".join(f'<a href="{html.escape(quote(week))}/{html.escape(quote(f.name))}">'
                           f"{html.escape(f.name)}</a>" for f in files)
        rows.append(f"<li><strong>{html.escape(week)}</strong>: {links}</li>")
    if not shelf:
        md.append("*No briefs yet.*")
    page = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Weekly briefs</title>\n"
            "</head>\n<body>\n<h1>Weekly briefs</h1>\n<ul>\n" + "\n".join(rows) + "\n</ul>\n</body>\n</html>\n")
    targets = [out_dir / "index.html", out_dir / "index.md"]
    atomic_write(targets[0], page.encode("utf-8"))
    atomic_write(targets[1], ("\n".join(md) + "\n").encode("utf-8"))
    return targets
