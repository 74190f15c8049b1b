"""The board's cache in `<caseload>/.gga/`: a case is loaded and judged again only when
one of its files changed.

Each case's row is stored with the signature of its folder: the name, size and mtime (ns)
of every file in it. A row is used only while that signature, the day judged on, the
language, gga.toml and gga's own code are all unchanged, so the board is never stale. A
file written in the last seconds before the signature was taken may be changed again
within the clock's resolution without its mtime moving ("racily clean", as git calls it):
such a case is not cached at all, and is judged again on the next run.

The cache holds only what the board shows (family, worker, dates, scores, counts), never
notes. It is still personal data: it lives inside the caseload, in `.gga/`, which `gga init`
ignores in git (and which holds its own `.gitignore` besides), and is written atomically,
readable by its owner only. A cache that cannot be read, or does not look right, is
ignored and rebuilt; one that cannot be written is skipped without a word.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gga_cli.board import Row

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from gga_cli.caseload import Target
    from gga_cli.i18n import Lang
    from gga_cli.models.settings import Settings

FOLDER = ".gga"
FILE = "board.json"
FORMAT = 1
RACY_NS = 2_000_000_000  # mtimes this close to the signature's time are not trusted

Signature = list[list[Any]]  # [[name, size, mtime_ns], ...] in name order


def signature(folder: Path, now_ns: int) -> Signature | None:
    """The folder's files as (name, size, mtime_ns); None where one is too recent to trust."""
    found: Signature = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.is_file(follow_symlinks=True):
                    continue
                stat = entry.stat(follow_symlinks=True)
                if stat.st_mtime_ns > now_ns - RACY_NS:
                    return None
                found.append([entry.name, stat.st_size, stat.st_mtime_ns])
    except OSError:
        return None
    found.sort()
    return found


def _code_version() -> str:
    """gga's version and the state of its modules, so a changed rule never serves old rows."""
    from gga_cli import __version__

    package = Path(__file__).parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=12)
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def context_key(root: Path, today: str, lang: str) -> str:
    """What every row depends on besides its own folder: day, language, settings, code."""
    try:
        settings = (root / "gga.toml").read_bytes()
    except OSError:
        settings = b""
    digest = hashlib.blake2b(digest_size=12)
    for part in (str(FORMAT), today, lang, _code_version()):
        digest.update(part.encode() + b"\0")
    digest.update(settings)
    return digest.hexdigest()


@dataclass
class BoardCache:
    """Rows by case folder (relative to the caseload root), with their signatures."""

    root: Path
    key: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False

    @property
    def path(self) -> Path:
        return self.root / FOLDER / FILE

    @classmethod
    def load(cls, root: Path, key: str) -> BoardCache:
        """The cache of the caseload, or an empty one where it is missing, stale as a whole or corrupt."""
        cache = cls(root, key)
        try:
            data = json.loads(cache.path.read_bytes())
        except (OSError, ValueError):
            return cache
        if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("cases"), dict):
            cache.entries = data["cases"]
        return cache

    def get(self, folder: str, sig: Signature | None) -> Row | None:
        entry = self.entries.get(folder)
        if sig is None or not isinstance(entry, dict) or entry.get("signature") != sig:
            return None
        try:
            return Row.from_cache(entry["row"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def put(self, folder: str, sig: Signature | None, row: Row) -> None:
        if sig is None:
            if self.entries.pop(folder, None) is not None:
                self.changed = True
            return
        self.entries[folder] = {"signature": sig, "row": row.to_cache()}
        self.changed = True

    def keep_only(self, folders: set[str]) -> None:
        """Forget the rows of case folders that are gone."""
        gone = set(self.entries) - folders
        for folder in gone:
            del self.entries[folder]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        if not self.changed:
            return
        from gga_cli.atomic import write_text

        folder = self.root / FOLDER
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                write_text(ignore, "# gga's cache: personal data, never committed\n*\n")
            write_text(self.path, json.dumps({"key": self.key, "cases": self.entries}, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            return  # a read-only caseload still gets its board, only slower next time
        self.changed = False


Start = Callable[[int], Callable[[], None]]  # told how many cases to load; returns "one more done"


def rows(target: Target, today: dt.date, lang: Lang | None, start: Start | None = None) -> tuple[list[Row], Lang]:
    """Every case of the target as a board row, and the report language: a row comes from the
    cache where its folder is unchanged, and is loaded and judged otherwise. `start(n)` is
    told how many cases must be loaded and returns the function to call after each one."""
    from gga_cli.orgsettings import settings as load_settings

    settings = load_settings(target.root, lang)
    language: Lang = lang or settings.organisation.language
    use_cache = target.has_settings
    cache = BoardCache.load(target.root, context_key(target.root, today.isoformat(), language)) if use_cache else None
    now = time.time_ns()
    found: dict[Path, Row] = {}
    missed: list[Path] = []
    signatures: dict[Path, Signature | None] = {}
    for folder in target.cases:
        key = _relative(folder, target.root)
        sig = signature(folder, now) if cache is not None else None
        signatures[folder] = sig
        cached = cache.get(key, sig) if cache is not None else None
        if cached is not None:
            found[folder] = cached
        else:
            missed.append(folder)
    if missed:
        advance = start(len(missed)) if start is not None else None
        for folder, fresh in zip(missed, _judge(target, missed, settings, today, language)):
            found[folder] = fresh
            if cache is not None:
                cache.put(_relative(folder, target.root), signatures[folder], fresh)
            if advance is not None:
                advance()
    if cache is not None:
        cache.keep_only({_relative(f, target.root) for f in target.cases})
        cache.save()
    return [found[f] for f in target.cases], language


def _relative(folder: Path, root: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(folder), root)).as_posix()


def _judge(target: Target, folders: list[Path], settings: Settings, today: dt.date, lang: Lang) -> Iterator[Row]:
    """Load and judge the cases not in the cache, one at a time, yielding their rows."""
    import dataclasses

    from gga_cli.agenda import deadlines
    from gga_cli.board import row
    from gga_cli.checking import cases, context

    ctx = context(settings, today, lang)
    subset = dataclasses.replace(target, cases=folders, only_files={})
    for case, diagnostics in cases(subset, ctx):
        yield row(case, diagnostics, deadlines(case, ctx), today, settings.deadlines.alarm_score)
