"""Find the article files among the inputs: which files of a folder are articles, which are
left out (and why, so that no file is left out unsaid), and which are briefs of ours."""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefing.errors import InputError
from briefing.models import Problem
from briefing.options import Limits
from briefing.sources.files import DOCX_SUFFIXES, GENERATOR_MARK, PDF_SUFFIXES, SUPPORTED, read_bounded

SUPPORTED_LIST = ", ".join(sorted(SUPPORTED)) + ", or wire stories (APW19981016.0240, AP880911-0016)"


def is_article_name(path: Path) -> bool:
    """Whether a file's name says it holds an article: a supported extension, or plain text
    named as newswire collections (DUC, TAC, TDT) name their stories, with no extension or a
    numeric one ("AP880911-0016", "APW19981016.0240", "d30001t")."""
    suffix = path.suffix.lower()
    return suffix in SUPPORTED or suffix == "" or suffix[1:].isdigit()

# How newswire collections (DUC, TAC, TDT, Gigaword) name a story: agency letters, a date, a
# serial number. In a folder, a file without a text extension is read only when its name is
# one of these or it is an SGML <DOC> story: never a private file that merely lacks an
# extension (id_ed25519, auth.log.1, notes). Any such file named on the command line is read.
_WIRE_NAME = re.compile(r"^[A-Z]{2,4}(?:_[A-Z]{3})?_?\d{6,8}[.\-_]\d{3,5}$")
_SGML_STORY = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<DOC>", re.I)


def is_wire_story(path: Path) -> bool:
    """A file in a folder that is a newswire story although it has no text extension."""
    if _WIRE_NAME.match(path.name):
        return True
    try:
        with path.open("rb") as fh:
            return bool(_SGML_STORY.match(fh.read(64)))
    except OSError:
        return False


def read_in_folder(path: Path) -> bool:
    """Whether a file found in a folder is read: .txt, .md, .html (and their variants), or a
    wire story (is_wire_story)."""
    return path.suffix.lower() in SUPPORTED or (is_article_name(path) and path.is_file() and is_wire_story(path))


def is_briefing_output(path: Path) -> bool:
    """Whether `path` is a brief this tool wrote (its colophon carries GENERATOR_MARK)."""
    if path.suffix.lower() in PDF_SUFFIXES | DOCX_SUFFIXES:  # compressed: ask its properties
        from briefing.sources import docx_text, pdf_text

        try:
            data = read_bounded(path, Limits())  # the default cap: a brief of ours is far below it
        except InputError:
            return False
        made_by = pdf_text.made_by if path.suffix.lower() in PDF_SUFFIXES else docx_text.made_by
        return re.fullmatch(r"(?:Made with )?briefing \d+(?:\.\d+)+\S*", made_by(data) or "") is not None
    try:
        with path.open("rb") as fh:
            return GENERATOR_MARK.encode() in fh.read(4 * 1024 * 1024)
    except OSError:
        return False


def collect(inputs: list[str], exclude: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into the sorted list of article files to read.

    Files below `exclude` (the output folder) are not read: a brief is not an article.
    """
    found: dict[Path, Path] = {}
    problems: list[Problem] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            files, link_problems = _articles_in(path)
            # Skip the output folder below an input folder, so a brief is not read back as
            # an article; when the user reads from the output folder itself, read it all
            # (earlier briefs there are recognised by their generator mark in read()).
            skip = exclude if exclude is not None and not _below(path, exclude) else None
            files = [f for f in files if not _below(f, skip)]
            problems.extend(p for p in link_problems if not _below(Path(p.path).parent, skip))
            if not files:
                problems.append(Problem(given, f"folder holds no articles ({SUPPORTED_LIST}); "
                                               "add some or name the files directly"))
            for f in files:
                found.setdefault(f.resolve(), f)
        elif path.is_file():
            if not is_article_name(path):
                problems.append(_unsupported(given))
                continue
            found.setdefault(path.resolve(), path)
        elif path.is_symlink():
            problems.append(Problem(given, "is a symbolic link that is broken or loops; "
                                           "point it at an article file"))
        elif path.exists():
            problems.append(Problem(given, "not a regular file or folder; give article files or folders"))
        else:
            problems.append(Problem(given, "no such file or folder; check the path"))
    return sorted(found.values(), key=lambda p: str(p)), problems


# Word-processor formats that are not read, and the way out for each.
_SAVE_AS = {".doc": "save it as .docx", ".odt": "save it as .docx", ".rtf": "save it as .docx",
            ".pages": "export it as .docx or .pdf"}


def _unsupported(path: str) -> Problem:
    suffix = Path(path).suffix.lower()
    way_out = _SAVE_AS.get(suffix, f"give articles as {SUPPORTED_LIST}")
    return Problem(path, f"cannot read '{Path(path).suffix or 'no extension'}' files; {way_out}")


def _below(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder.resolve())


def _articles_in(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every supported file below `folder`, skipping hidden files and folders.

    Symbolic links are not followed out of the folder: a link inside a scraped archive
    could otherwise turn a private file (a key, a password store) into a "source" of a
    brief that is handed on. Links to folders are not followed at all, so a link that
    loops back cannot make the walk endless. Each link left out is reported.
    """
    root = folder.resolve()
    out: list[Path] = []
    problems: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in dirnames:
            if (here / name).is_symlink():
                problems.append(Problem(str(here / name), "is a symbolic link to a folder, which is not "
                                                          "followed; name the folder itself to read it"))
        for name in sorted(filenames):
            p = here / name
            if name.startswith("."):
                continue
            if not read_in_folder(p):
                problems.append(_unsupported(str(p)))  # named, so that no file is left out unsaid
                continue
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append(Problem(str(p), "is a symbolic link that is broken or loops; "
                                                    "point it at an article file"))
                    continue
                if not target.is_relative_to(root):
                    problems.append(Problem(str(p), "is a symbolic link to a file outside the folder, "
                                                    "which is not followed; name the file itself to read it"))
                    continue
            if p.is_file():
                out.append(p)
            elif p.exists():
                problems.append(Problem(str(p), "not a regular file; give article files"))
    return out, problems

