"""Finding caseloads and cases on disk: the caseload a path belongs to, its case folders,
and the one case a command works on (`--case ID_OR_PATH`, or the folder you are in)."""

from __future__ import annotations

import os
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from gga_cli.errors import NotFound

SETTINGS = "gga.toml"
CASE_FILE = "case.yaml"
_SKIP_DIRS = {".git", ".gga", "node_modules", "__pycache__", ".venv"}
_CASE_ID = re.compile(r"\d{4}-\d{4}")


def find_upwards(start: Path, name: str) -> Path | None:
    """The nearest folder at or above `start` that holds `name`."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / name).is_file():
            return folder
    return None


class Listing(NamedTuple):
    """A case folder as the walk found it: where it really is, its names, and those of
    them that are regular files (no links; each entry knows that from the listing itself).
    Loading the case then needs neither resolve its path (a system call for each part of
    it), list it again, nor look at a regular file before it opens it
    (`loader.load_case`): about 15 system calls a case. Plain values only: a caseload is
    sent to worker processes whole where they are spawned rather than forked."""

    real: Path
    names: AbstractSet[str]
    regular: frozenset[str]


def find_cases(root: Path) -> list[Path]:
    """Every case folder (a folder holding case.yaml) at or below `root`, in name order.

    A link to a folder is followed where it leads to a folder inside the caseload (each
    folder is visited once, so a link to a folder above it is no loop). A link that leads
    outside is listed as it is where a case.yaml is behind it: the loader reports it (F007)
    and reads nothing through it, so the case never silently drops off the board.
    """
    return [folder for folder, _, _ in _walk(root)]


def _walk(root: Path) -> list[tuple[Path, Path, Listing | None]]:
    """`find_cases`, each folder with where it really is (links resolved) and, for a folder
    inside the caseload, its listing.

    Only the root and the links are resolved: a folder that is no link really is its real
    parent's real path and its name. (Resolving every folder, which asks the file system
    about each part of its path, ran 3,000 times for 1,000 cases: a fifth of the warm board
    under cProfile.)
    """
    boundary = (find_upwards(root, SETTINGS) or root).resolve()
    found: list[tuple[Path, Path, Listing | None]] = []
    visited: set[Path] = set()
    try:
        stack = [(root, root.resolve())]
    except (OSError, RuntimeError):
        return []
    while stack:
        folder, real = stack.pop()
        if real in visited:
            continue
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        visited.add(real)
        names = {e.name for e in entries}
        if CASE_FILE in names:
            regular = frozenset(e.name for e in entries if e.is_file(follow_symlinks=False))
            found.append((Path(folder), real, Listing(real, names, regular)))
        for entry in entries:
            if entry.name in _SKIP_DIRS or entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), real / entry.name))
            elif entry.is_symlink() and _leads_to_folder(entry):
                target = _linked(Path(entry.path), boundary)
                if target is not None:
                    stack.append((target, target))
                elif (Path(entry.path) / CASE_FILE).exists():
                    # leads outside: reported, never walked
                    found.append((Path(entry.path), _real(Path(entry.path)), None))
    return sorted(found, key=lambda p: p[0].as_posix())


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _leads_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link that loops: not a folder, and the loader reports it where it is a case file
        return False


def _linked(link: Path, boundary: Path) -> Path | None:
    """The folder a link leads to, where that is inside the caseload."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return target if target.is_relative_to(boundary) else None


def outside(folder: Path, root: Path) -> Path | None:
    """Where a case folder really is, if that is outside the caseload at `root` (a link)."""
    real = folder.resolve()
    return None if real.is_relative_to(root.resolve()) else real


@dataclass
class Target:
    """What a caseload command works on, resolved from its path arguments."""

    root: Path  # the caseload root: where gga.toml is, else the nearest sensible folder
    has_settings: bool
    cases: list[Path] = field(default_factory=list)
    only_files: dict[Path, set[str]] = field(default_factory=dict)  # case folder -> file names asked for
    singles: list[Path] = field(default_factory=list)  # YAML files outside any case folder
    whole: bool = False  # the caseload root itself was asked for: `cases` are all its cases
    listings: dict[str, Listing] = field(default_factory=dict)  # case folder (as text: a path hashes slowly) -> as the walk found it


def resolve(paths: list[Path], cwd: Path | None = None) -> Target:
    """Resolve path arguments (a caseload, case folders, files; none: the current caseload)."""
    cwd = cwd or Path.cwd()
    if not paths:
        root = find_upwards(cwd, SETTINGS)
        if root is None:
            case_root = find_upwards(cwd, CASE_FILE)
            if case_root is None:
                raise NotFound(f"no {SETTINGS} at or above {cwd}: name a caseload, case folder or file")
            paths = [case_root]
        else:
            paths = [root]
    for path in paths:
        if not path.exists():
            raise NotFound(f"{path} does not exist")
    first = paths[0] if paths[0].is_dir() else paths[0].parent
    settings_root = find_upwards(first, SETTINGS)
    root = settings_root or (first.parent if (first / CASE_FILE).is_file() else first)
    target = Target(root=root.resolve(), has_settings=settings_root is not None)
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            target.whole = target.whole or (target.has_settings and _real(path) == target.root)
            for case, real, listing in _walk(path):
                if real not in seen:
                    seen.add(real)
                    target.cases.append(case)
                    target.only_files.pop(case, None)
                    if listing is not None:
                        target.listings[str(case)] = listing
        else:
            folder = path.parent
            if (folder / CASE_FILE).is_file():
                if folder.resolve() not in seen:
                    seen.add(folder.resolve())
                    target.cases.append(folder)
                    target.only_files[folder] = set()
                if folder in target.only_files:
                    target.only_files[folder].add(path.name)
            elif path.name != SETTINGS:
                target.singles.append(path)
    return target



def find_case(case: str | None, cwd: Path | None = None) -> Path:
    """The case folder: `case` as a folder (or its case.yaml), else as an id in the caseload
    whose gga.toml is at or above `cwd`; without `case`, the folder holding case.yaml at or
    above `cwd`. NotFound (wrong use, exit 2) where there is none."""
    cwd = cwd or Path.cwd()
    if case is None:
        folder = find_upwards(cwd, CASE_FILE)
        if folder is None:
            raise NotFound(f"no {CASE_FILE} at or above {cwd}: go to a case folder, or name the case by its id or folder")
        return folder
    path = Path(case)
    path = path if path.is_absolute() else cwd / path
    if path.is_dir() and (path / CASE_FILE).is_file():
        return path.resolve()
    if path.name == CASE_FILE and path.is_file():
        return path.parent.resolve()
    if not _CASE_ID.fullmatch(case):
        raise NotFound(f"{case}: no case folder (a folder holding {CASE_FILE}) and no case id YYYY-NNNN", about="case")
    root = find_upwards(cwd, SETTINGS)
    if root is None:
        raise NotFound(f"{case}: no caseload ({SETTINGS}) at or above {cwd} to look the id up in", about="case")
    found = [folder for folder in find_cases(root) if folder.name == case]
    if not found:
        raise NotFound(f"{case}: no case with that id in the caseload at {root}", about="case")
    if len(found) > 1:
        places = ", ".join(str(folder.relative_to(root)) for folder in found)
        raise NotFound(f"{case}: more than one folder has that id ({places}); name the folder instead", about="case")
    elsewhere = outside(found[0], root)
    if elsewhere is not None:
        raise NotFound(f"{case}: the case folder is a link to {elsewhere}, outside the caseload at {root}; gga does not follow it", about="case")
    return found[0].resolve()


def caseload_root(folder: Path) -> Path:
    """The caseload a case belongs to: where gga.toml is, else the folder above the case."""
    return find_upwards(folder, SETTINGS) or folder.resolve().parent
