"""Writing a report where the user asked (`-o PATH`): never onto the case, never wider than private.

A report holds names of children and what happened to them. So a path given with `-o`
may name a new file or an old report, and nothing else: never a case file (a file in a
case folder, other than a PDF or SVG gga wrote there; no YAML there, not even a new
one; `gga.toml` anywhere), a folder, a device, a pipe or a symbolic link. The
file is written atomically and created 0600 (narrowed further by the umask), whatever
mode an old file at the path had: a report never inherits a looser mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from gga_cli.errors import Refused, UsageError

REPORT_MODE = 0o600
SETTINGS = "gga.toml"
CASE_FILE = "case.yaml"
CASE_SUFFIXES = (".yaml", ".yml", ".toml", ".json")
REPORT_SUFFIXES = (".pdf", ".svg")


class BadTarget(UsageError):
    """The path may not receive a report (a case file, a folder, a device): wrong use, nothing written."""


class WriteFailed(Refused):
    """The report could not be written (a read-only folder, a full disk): nothing was changed."""


def _case_folder_of(folder: Path) -> Path | None:
    """The case folder holding `folder` (itself or one above it), if any."""
    for at in (folder, *folder.parents):
        if (at / CASE_FILE).is_file():
            return at
    return None


def check_target(path: Path) -> None:
    """BadTarget where `path` may not receive a report; nothing is written."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise BadTarget(f"{path}: {err.strerror or err}") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise BadTarget(f"{path} is a symbolic link: name the file itself (a report never writes through a link)")
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise BadTarget(f"{path} is a folder: give the name of a file in it")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise BadTarget(f"{path} is no regular file (a device, pipe or socket): a report is written to a file only")
    if not path.parent.is_dir():
        raise BadTarget(f"{path.parent} is no folder")
    if path.name == SETTINGS:
        raise BadTarget(f"{path} is the caseload's settings: a report never replaces {SETTINGS}")
    case = _case_folder_of(path.parent.resolve())
    if case is None:
        return
    suffix = path.suffix.lower()
    # in a case folder only a new file, or a drawing or PDF gga made there before
    if suffix in CASE_SUFFIXES or path.name.startswith(".") or (info is not None and suffix not in REPORT_SUFFIXES):
        raise BadTarget(f"{path} is in case folder {case.name}: a report never takes the place of a case file; write it elsewhere")


def _report_mode() -> int:
    mask = os.umask(0o077)  # read the mask; the value set here is restored at once
    os.umask(mask)
    return REPORT_MODE & ~mask


def write_report(path: Path, data: bytes) -> None:
    """Write one report file at `path`: checked first, then atomically, mode 0600 or narrower."""
    from gga_cli.atomic import _fsync_dir

    check_target(path)
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise WriteFailed(f"cannot write {path}: {err.strerror or err}; nothing written") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # POSIX; on Windows the file keeps mkstemp's owner-only access
                os.fchmod(handle.fileno(), _report_mode())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        check_target(path)  # once more, just before the rename: the path may have changed meanwhile
        os.replace(tmp, path)
    except BadTarget:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailed(f"cannot write {path}: {err.strerror or err}; nothing written") from None
    _fsync_dir(folder)


def write_reports(files: dict[Path, bytes]) -> list[Path]:
    """Several files of one report (Markdown and its drawings): every target checked before any is written."""
    for path in files:
        check_target(path)
    written: list[Path] = []
    for path, data in files.items():
        write_report(path, data)
        written.append(path)
    return written
