"""The folder `<caseload>/.gga/` where gga keeps its caches, and how a cache file is read,
signed and written there.

Everything here fails closed. `.gga` is used only where it is a plain directory of the
caseload (no symbolic link, no file, nothing gga did not make): otherwise no cache is read
or written, so a `.gga` planted by a clone can never make gga write the names of every
family elsewhere. A cache file is read only where it is a regular file of a sane size;
whatever it holds that cannot be parsed (bad JSON, nesting past Python's recursion limit,
wrong types) is as good as no cache. Caches are JSON: data, never code.

A folder's signature is what its cache entries are keyed on: for every file its name,
size, mtime, ctime and inode. An edit that keeps the size and sets the old mtime back
(`cp -p`, `touch -r`) still moves the ctime, which no user can set. A file changed so
recently that a second change could fall in the same tick of the clock ("racily clean",
as git calls it) is signed by a hash of its bytes as well.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = ".gga"
RACY_NS = 2_000_000_000  # files changed this close to the signature's time are hashed too
MAX_BYTES = 256 * 1024 * 1024  # a cache larger than this is no cache of gga's

Signature = list[list[Any]]  # [[name, size, mtime_ns, ctime_ns, inode, hash or None], ...] in name order


def folder(root: Path, create: bool = False) -> Path | None:
    """`<root>/.gga` where it is a plain directory owned by this user (made, private, where
    `create` is set and it is missing); None where it is anything else."""
    path = root / FOLDER
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        if not create:
            return None
        try:
            os.mkdir(path, 0o700)
            info = os.lstat(path)
        except OSError:
            return None
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None  # a symbolic link, a file, a device: never followed
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    return path


def read(root: Path, name: str) -> Any:
    """The JSON in `<root>/.gga/<name>`, or None where there is none that can be read."""
    where = folder(root)
    if where is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(where / name, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return json.loads(raw)
    except (ValueError, RecursionError, MemoryError):
        return None


def write(root: Path, name: str, value: Any) -> bool:
    """Write `value` as JSON to `<root>/.gga/<name>`, atomically and readable by its owner
    only; False where it cannot be (a read-only caseload, a `.gga` that is not gga's)."""
    from gga_cli.atomic import write_text

    where = folder(root, create=True)
    if where is None:
        return False
    try:
        ignore = where / ".gitignore"
        if not os.path.lexists(ignore):
            write_text(ignore, "# gga's cache: personal data, never committed\n*\n")
        target = where / name
        if os.path.lexists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
            os.unlink(target)  # a link or a pipe planted in gga's own folder goes; nothing is written through it
        write_text(target, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    except (OSError, ValueError):
        return False
    return True


def case_file(kind: str, relative: str) -> str:
    """The name of a cache file of one case folder (`kind`: "case" for its views), from the
    folder's path from the root."""
    return f"{kind}-" + hashlib.blake2b(relative.encode("utf-8"), digest_size=12).hexdigest() + ".json"


def sweep(root: Path, prefixes: tuple[str, ...], kept: set[str]) -> None:
    """Remove the cache files in `<root>/.gga` named with one of `prefixes` that are not in
    `kept`: those of case folders that are gone (erased, moved, renamed). Where `.gga` is not
    gga's own folder, or a file cannot be removed, nothing is done about it."""
    where = folder(root)
    if where is None:
        return
    try:
        names = os.listdir(where)
    except OSError:
        return
    for name in names:
        if name.startswith(prefixes) and name.endswith(".json") and name not in kept:
            try:
                os.unlink(where / name)
            except OSError:
                pass


def folder_key(case_folder: Path, root: Path) -> str:
    """A case folder as gga's caches name it: its path from the caseload root, with `/`."""
    return Path(os.path.relpath(os.path.abspath(case_folder), root)).as_posix()


def signature(case_folder: Path, now_ns: int, verify: frozenset[str] = frozenset()) -> Signature | None:
    """The folder's files, each as (name, size, mtime, ctime, inode, hash), the hash taken of
    a racily clean file and of those named in `verify` (hashed when they were stored);
    None where the folder cannot be read."""
    found: Signature = []
    try:
        with os.scandir(case_folder) as entries:
            for entry in entries:
                if not entry.is_file(follow_symlinks=True):
                    continue
                info = entry.stat(follow_symlinks=True)
                digest = None
                if entry.name in verify or _racy(info.st_mtime_ns, info.st_ctime_ns, now_ns):
                    digest = _hash(entry.path)
                    if digest is None:
                        return None
                found.append([entry.name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, digest])
    except OSError:
        return None
    found.sort()
    return found


def hashed(sig: Any) -> frozenset[str]:
    """The names of a stored signature's files that were signed by their bytes."""
    try:
        return frozenset(e[0] for e in sig if e[5] is not None)
    except (TypeError, IndexError, KeyError):
        return frozenset()


def settled(sig: Signature, now_ns: int) -> Signature:
    """The signature without the hashes of files no longer racily clean: once their bytes
    were found unchanged well after their last change, the stat alone tells any next one."""
    return [e[:5] + [None] if e[5] is not None and not _racy(e[2], e[3], now_ns) else e for e in sig]


def _racy(mtime_ns: int, ctime_ns: int, now_ns: int) -> bool:
    return max(mtime_ns, ctime_ns) > now_ns - RACY_NS


def _hash(path: str) -> str | None:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        digest = hashlib.blake2b(digest_size=16)
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def _sources(folder: str, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """Every `*.py` under `folder`, with its path below the package as parts: what
    `Path.rglob` finds (no directory entered through a symbolic link, one that may not be
    read left out), in a third of its time (a `Path` made for each file and each parent)."""
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except PermissionError:
        return
    for entry in entries:
        if entry.name.endswith(".py"):
            yield parts + (entry.name,), entry
        if entry.is_dir(follow_symlinks=False):
            yield from _sources(entry.path, parts + (entry.name,))


@cache
def code_version() -> str:
    """gga's version and the state of its modules, so a changed rule never serves old rows.
    Made once a process: the board's key and the verdict on gga.toml each ask for it, and
    it walks every module and template."""
    from gga_cli import __version__

    package = Path(__file__).parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=12)
    for parts, entry in sorted(_sources(str(package), ()), key=lambda found: found[0]):
        stat = entry.stat()
        digest.update(f"{os.sep.join(parts)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    try:  # the report templates: a one-case view may be a rendered report
        from gga_cli.resources import data_dir

        for path in sorted(data_dir("templates").iterdir()):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns};".encode())
    except OSError:
        pass
    return digest.hexdigest()
