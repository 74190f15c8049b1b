"""Writing files so that none is ever half-written, and one writer at a time per folder.

A write goes to a temporary file in the same folder, is flushed to disk, and replaces the
original in one step (`os.replace`); the folder is flushed too, so the rename survives a
power cut. Readers see the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK_TIMEOUT = 10.0


class LockTimeout(Exception):
    """Another gga process held the case folder's lock for too long."""


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically; on any failure the original stays, and no temp file."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        # a new file keeps mkstemp's private mode (0600): case data is for its owner
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def remove_leftovers(path: Path) -> None:
    """Remove the temp files of writes to `path` that were killed before they finished.

    Call it only while holding the folder's lock: then no other writer's temp file is live.
    """
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def write_text(path: Path, text: str) -> None:
    """UTF-8, LF line ends, no byte-order mark."""
    write_bytes(path, text.encode("utf-8"))


LOCK_FILE = ".gga.lock"  # Windows only: a folder cannot be locked there, a file in it can


def _open_lock(folder: Path) -> tuple[int, Callable[[], bool], Callable[[], None]]:
    """A handle on the folder's lock, a non-blocking try to take it, and its release."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT)

        def take_nt() -> bool:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            return True

        def release_nt() -> None:
            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

        return fd, take_nt, release_nt
    import fcntl

    fd = os.open(folder, os.O_RDONLY)

    def take() -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            return False
        return True

    return fd, take, lambda: None  # closing the handle releases a flock


@contextlib.contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the folder's exclusive lock: read, validate and write under it, nothing else in between."""
    fd, take, release = _open_lock(folder)
    try:
        deadline = time.monotonic() + timeout
        while not take():
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{folder} is locked by another gga process for over {timeout:.0f} s")
            time.sleep(0.02)
        try:
            yield
        finally:
            release()
    finally:
        os.close(fd)
