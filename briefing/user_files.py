"""The files a user hands the tool besides articles (--profile, --stylesheet, --templates):
read only when they are regular files (not /dev/zero, a FIFO or a folder) and not larger
than a profile, a stylesheet or a template ever is, with one-line errors.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing.errors import UsageError

# A house stylesheet or a template is a few KB; a profile less. 1 MB is far above any of
# them, and far below what would hold up a build.
MAX_USER_FILE_BYTES = 1024 * 1024


def read_user_text(path: Path, what: str, kind: str, max_bytes: int = MAX_USER_FILE_BYTES) -> str:
    """The UTF-8 text of a file given with an option (`what`, e.g. '--stylesheet'), checked:
    a regular file, at most `max_bytes`, valid UTF-8. `kind` names what it should be."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the open
    except FileNotFoundError:
        raise UsageError(f"{what} {path} does not exist; give the path of a {kind}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path} ({exc.strerror or exc}); give a readable {kind}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{what} {path} is not a regular file; give a {kind}")
        if info.st_size > max_bytes:
            raise UsageError(f"{what} {path} is {info.st_size / 1024 / 1024:,.1f} MB, more than a {kind} "
                             f"can be ({max_bytes // 1024 // 1024} MB); give the right file")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UsageError(f"{what} {path} is more than {max_bytes // 1024 // 1024} MB; give the right file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{what} {path} is not UTF-8 text; give a {kind} saved as UTF-8") from None


def _capped_loader_class():
    import jinja2
    from jinja2.loaders import split_template_path

    class CappedLoader(jinja2.FileSystemLoader):
        """jinja2's FileSystemLoader that reads only regular files of at most 1 MB."""

        def get_source(self, environment, template):
            for folder in self.searchpath:
                candidate = Path(folder, *split_template_path(template))
                if candidate.exists() or candidate.is_symlink():
                    text = read_user_text(candidate, "--templates", "Jinja template")
                    mtime = os.path.getmtime(candidate)
                    return text, str(candidate), lambda: os.path.getmtime(candidate) == mtime
            raise jinja2.TemplateNotFound(template)

    return CappedLoader


def __getattr__(name: str):
    if name == "CappedLoader":  # built on first use: jinja2 stays off the path of --help
        return _capped_loader_class()
    raise AttributeError(name)
