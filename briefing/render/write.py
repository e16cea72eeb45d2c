"""Write the rendered brief into the output folder, never anywhere else.

All of a brief's files are written into a temporary folder first and switched in together
(brief_files.py), so a failed or interrupted run leaves the previous brief as it was, never
a truncated file or a mix of two runs.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing.errors import OutputError, UsageError
from briefing.models import Brief

FORMATS = ("md", "html", "pdf", "json", "docx")
DEFAULT_FORMATS = ("md", "html", "pdf", "json")  # a Word file only when asked for
_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def parse_formats(value: str) -> tuple[str, ...]:
    """'md,pdf' -> ('md', 'pdf'); reject unknown names, naming the known ones."""
    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {','.join(FORMATS)}")
    return tuple(dict.fromkeys(chosen))


def check_stem(name: str) -> str:
    if not _STEM.match(name) or ".." in name:
        raise UsageError(f"--name {name!r} is not a plain file name; use letters, digits, '.', '_' or '-'")
    return name


def write_brief(brief: Brief, out_dir: Path, formats: tuple[str, ...], name: str,
                protected: set[Path] = frozenset(), templates: Path | None = None, extra_css: str = "",
                pdf_variant: str | None = None, printer=None) -> list[Path]:
    """Render and write the chosen formats; return the paths written. `templates` is a folder
    of the user's templates (tried before the built-in ones), `extra_css` the user's styles."""
    from briefing.render import docx as docx_brief
    from briefing.render import views as render
    from briefing.render.json import to_json

    return write_rendered(out_dir, formats, name, brief.title,
                          markdown=lambda: render.to_markdown(brief, templates),
                          html=lambda: render.to_html(brief, templates, extra_css),
                          json=lambda: to_json(brief), protected=protected, pdf_variant=pdf_variant,
                          printer=printer, docx=lambda: docx_brief.brief_docx(brief))


def write_rendered(out_dir: Path, formats: tuple[str, ...], name: str, title: str,
                   markdown: Callable[[], str], html: Callable[[], str], json: Callable[[], str],
                   protected: set[Path] = frozenset(), pdf_variant: str | None = None,
                   printer=None, docx: Callable[[], bytes] | None = None, own_folder: bool = False,
                   print_html: Callable[[], str] | None = None) -> list[Path]:
    """Write the chosen formats of a document rendered on demand (the PDF prints the HTML, or
    `print_html` when given: the page without what print hides, with `printer`, a
    pdf.Printer, if given, else in this process), all of them or none (brief_files.py);
    `own_folder`: `out_dir` holds this brief alone (a weekly brief's week)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out_dir} ({exc.strerror}); choose another with -o") from None
    targets = {fmt: out_dir / f"{name}.{fmt}" for fmt in formats}
    for target in targets.values():
        if target.resolve() in protected:
            raise OutputError(f"{target} is one of the input articles; choose another output folder with -o")
    page = html() if {"html", "pdf"} & set(formats) else None
    if "pdf" in formats:  # printed first: a helper process prints while the rest is written
        from briefing.render.pdf import Printer

        printer = printer or Printer(pdf_variant)
        printer.send(print_html() if print_html else page, title)
    # Everything is rendered before anything is written, so a failure while printing leaves
    # the previous brief's files as they were, not a mix of new and old.
    data = {}
    for fmt in formats:
        if fmt == "md":
            data[fmt] = markdown().encode("utf-8")
        elif fmt == "json":
            data[fmt] = json().encode("utf-8")
        elif fmt == "html":
            data[fmt] = page.encode("utf-8")
        elif fmt == "docx":
            data[fmt] = docx()
    if "pdf" in formats:
        data["pdf"] = printer.receive()
    from briefing.render import brief_files

    files = {target.name: data[fmt] for fmt, target in targets.items()}
    return (brief_files.commit_folder if own_folder else brief_files.commit_files)(out_dir, files)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(target: Path, data: bytes) -> None:
    """Replace `target` with `data` all at once (temporary file, then rename).

    Until the rename, the previous file is untouched; if anything stops the write — a full
    disk, an error, Ctrl-C — the temporary file is removed and the previous brief stays.
    The rename replaces a symbolic link at `target` itself, never the file it points to.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the name points at it
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a brief is an ordinary file
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {target} ({exc.strerror}); check the output folder's permissions") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
