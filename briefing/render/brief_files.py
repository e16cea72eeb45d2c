"""Put a brief's files (md, html, pdf, json) in place all together, or not at all.

Every file is first written in full, and flushed to disk, into a temporary folder on the same
filesystem as its destination; nothing the reader sees changes until all of them are there.
A full disk, an unwritable folder, a target that is a folder, an error or Ctrl-C at any point
before that leaves the previous brief exactly as it was, and the temporary folder is removed.
Then the switch:

- `commit_folder` (the weekly brief, whose week folder holds nothing but that brief): the
  temporary folder, holding the new files and a link to every other file of the old week
  folder, takes the week folder's place in one rename (Linux renameat2 RENAME_EXCHANGE,
  atomic), and the old folder is removed. Where the system has no such rename, the old folder
  is renamed aside and the new one into place; a run stopped between the two is finished by
  the next run.
- `commit_files` (the single brief, whose output folder may hold anything else): the files
  are renamed into place one by one, a few microseconds in all. Ctrl-C cannot stop that part
  half-way (the renames are finished first), and a record in the temporary folder says the
  switch had begun, so that after a `kill -9` or a power cut the next run into that folder
  finishes it before anything else: the folder never stays with files of two runs.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import OutputError

STAGE = ".briefing-stage-"  # a temporary folder: new files, not yet switched in
OLD = ".briefing-old-"  # a week folder renamed aside, where RENAME_EXCHANGE is not at hand
COMMIT = ".switching"  # in a stage: the list of its files, written when all of them are complete


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())  # the data is on disk before any name points at it
    os.chmod(path, 0o666 & ~_umask())  # a brief is an ordinary file


@contextmanager
def _discarded_on_failure(stage: Path, where: Path):
    """Remove the staging folder if the block fails; an OSError becomes one OutputError line."""
    try:
        yield
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise _failed(where, exc) from None
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _failed(where: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write the brief into {where} ({exc.strerror or exc}); the previous brief is "
                       "left as it was; check the folder's permissions and free space, or choose another with -o")


def _check_targets(folder: Path, names) -> None:
    for name in names:
        target = folder / name
        if target.is_dir() and not target.is_symlink():
            raise OutputError(f"{target} is a folder, so the brief cannot be written there; nothing was "
                              "written; move the folder away or choose another --name or -o")


def _stage(parent: Path, prefix: str, files: dict[str, bytes]) -> Path:
    """A new temporary folder in `parent` holding `files`, complete and on disk."""
    try:
        stage = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
    except OSError as exc:
        raise _failed(parent, exc) from None
    with _discarded_on_failure(stage, parent):
        for name, data in files.items():
            _write(stage / name, data)
    return stage


# -- the single brief: files among others -----------------------------------------------------

def commit_files(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write `files` (name -> bytes) into `folder` all together; return their paths."""
    recover(folder)
    _check_targets(folder, files)
    stage = _stage(folder, STAGE, files)
    with _discarded_on_failure(stage, folder):
        _write(stage / COMMIT, "\n".join(files).encode("utf-8"))  # from here on, the switch is due
        _fsync_dir(stage)
    _switch_in(stage, folder)
    return [folder / name for name in files]


def _switch_in(stage: Path, folder: Path) -> None:
    """Rename every file the stage's record lists into `folder`; finish even on Ctrl-C."""
    names = (stage / COMMIT).read_text("utf-8").split("\n")
    interrupted = None
    problem = None
    for name in names:
        while True:
            try:
                if (stage / name).exists():
                    os.replace(stage / name, folder / name)
                break
            except KeyboardInterrupt as exc:  # finish the switch first: a mix must not stay
                interrupted = exc
            except OSError as exc:
                problem = exc
                break
    _fsync_dir(folder)
    if problem is None:
        shutil.rmtree(stage, ignore_errors=True)
    if interrupted is not None:
        raise interrupted
    if problem is not None:
        raise _failed(folder, problem)


def recover(folder: Path) -> None:
    """Finish a switch that a killed run had begun in `folder`; drop stages never completed."""
    try:
        entries = [e for e in folder.iterdir() if e.name.startswith(STAGE)]
    except OSError:
        return
    for stage in entries:
        if not stage.is_dir() or stage.is_symlink():
            continue
        if (stage / COMMIT).is_file():
            try:
                _switch_in(stage, folder)
            except OutputError:
                pass  # left for the next run; the new brief is written after it all the same
        else:
            shutil.rmtree(stage, ignore_errors=True)


# -- the weekly brief: a folder of its own --------------------------------------------------

def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic rename (Linux renameat2 RENAME_EXCHANGE); False where
    the system or the filesystem cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    return False


def commit_folder(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Make `folder` hold `files` (and whatever else it held) in one rename; return the paths."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(parent, exc) from None
    _recover_folder(folder)
    _check_targets(folder, files)
    stage = _stage(parent, f".{folder.name}{STAGE}", files)
    with _discarded_on_failure(stage, folder):
        if folder.exists():
            for entry in folder.iterdir():  # what else the folder holds comes along unchanged
                if entry.name not in files:
                    _carry(entry, stage / entry.name)
        _fsync_dir(stage)
    old = None
    try:
        if not folder.exists():
            os.rename(stage, folder)
        elif _exchange(stage, folder):
            shutil.rmtree(stage, ignore_errors=True)  # it holds the previous brief now
        else:
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}{OLD}"))
            os.rmdir(old)
            os.rename(folder, old)
            os.rename(stage, folder)
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(stage, ignore_errors=True)
        if old is not None and old.exists() and not folder.exists():
            os.rename(old, folder)  # the previous brief back in its place
        if isinstance(exc, OSError):
            raise _failed(folder, exc) from None
        raise
    _fsync_dir(parent)
    return [folder / name for name in files]


def _carry(entry: Path, to: Path) -> None:
    """`entry` into the new folder: a hard link for a file (the same file, no copy), a copy
    of a link or a folder."""
    mode = entry.lstat().st_mode
    if stat.S_ISREG(mode):
        try:
            os.link(entry, to, follow_symlinks=False)
            return
        except OSError:
            shutil.copy2(entry, to, follow_symlinks=False)
    elif stat.S_ISLNK(mode):
        os.symlink(os.readlink(entry), to)
    elif stat.S_ISDIR(mode):
        shutil.copytree(entry, to, symlinks=True)


def _recover_folder(folder: Path) -> None:
    """After a run stopped between the two renames of the fallback switch, put the folder
    renamed aside back (if the new one never arrived) or remove it; drop unfinished stages."""
    parent = folder.parent
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(f".{folder.name}{OLD}"):
            if not folder.exists():
                os.rename(entry, folder)
            else:
                shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(f".{folder.name}{STAGE}"):
            shutil.rmtree(entry, ignore_errors=True)
