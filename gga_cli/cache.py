"""The board's cache in `<caseload>/.gga/`: a case is loaded and judged again only when
one of its files changed.

Each case's row is stored with the signature of its folder (`cachedir.signature`: name,
size, mtime, ctime and inode of every file, and a hash of the bytes of a file changed in
the last seconds). A row is used only while that signature, the day judged on, the
language, gga.toml and gga's own code are all unchanged, so the board is never stale, not
even after `cp -p` or `touch -r` kept a file's size and mtime.

The cache holds only what the board shows (family, worker, dates, scores, counts), never
notes. It is still personal data: it lives inside the caseload, in `.gga/`, which `gga init`
ignores in git (and which holds its own `.gitignore` besides), and is written atomically,
readable by its owner only; a `.gga` that is not a plain directory of the caseload is never
used (`cachedir.folder`). A cache that cannot be read, or does not look right, is ignored
and rebuilt; one that cannot be written is skipped without a word.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gga_cli import cachedir
from gga_cli.board import Row
from gga_cli.cachedir import Signature, hashed, settled, signature

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload, Start

FILE = "board.json"
FORMAT = 2


_code_version = cachedir.code_version


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
    lang: str | None = None  # the language gga.toml gave when these rows were judged
    changed: bool = False

    @classmethod
    def load(cls, root: Path, key: str) -> BoardCache:
        """The cache of the caseload, or an empty one where it is missing, stale as a whole or unreadable."""
        cache = cls(root, key)
        data = cachedir.read(root, FILE)
        if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("cases"), dict):
            cache.entries = data["cases"]
            cache.lang = data.get("lang") if data.get("lang") in ("nl", "en") else None
        return cache

    def hashed(self, folder: str) -> frozenset[str]:
        """The files of a case whose bytes were hashed when its row was stored."""
        entry = self.entries.get(folder)
        return hashed(entry.get("signature")) if isinstance(entry, dict) else frozenset()

    def get(self, folder: str, sig: Signature | None) -> Row | None:
        entry = self.entries.get(folder)
        if sig is None or not isinstance(entry, dict) or entry.get("signature") != sig:
            return None
        try:
            return Row.from_cache(entry["row"])
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
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
        # a read-only caseload, or a .gga that is not gga's own folder, still gets its board
        if self.changed and cachedir.write(self.root, FILE, {"key": self.key, "lang": self.lang, "cases": self.entries}):
            self.changed = False


def rows(caseload: Caseload, start: Start | None = None) -> list[Row]:
    """Every case of the caseload as a board row: a row comes from the cache where its
    folder is unchanged, and is loaded and judged otherwise. `start(n)` is told how many
    cases must be loaded and returns the function to call after each one."""
    root = caseload.root
    use_cache = caseload.target.has_settings
    # keyed on the language asked for and gga.toml's bytes, which decide the language in
    # force: that is kept with the rows, so a board from the cache reads no settings model
    cache = BoardCache.load(root, context_key(root, caseload.today.isoformat(), caseload.asked_lang or "")) if use_cache else None
    if cache is not None and cache.lang is not None:
        caseload.known_lang = cache.lang  # type: ignore[assignment]
    now = time.time_ns()
    found: dict[Path, Row] = {}
    missed: list[Path] = []
    signatures: dict[Path, Signature | None] = {}
    keys = {folder: _relative(folder, root) for folder in caseload.folders}
    for folder, key in keys.items():
        sig = signature(folder, now, cache.hashed(key)) if cache is not None else None
        signatures[folder] = sig
        cached = cache.get(key, sig) if cache is not None else None
        if cached is not None:
            found[folder] = cached
            if cache is not None and sig is not None and settled(sig, now) != sig:
                cache.put(key, settled(sig, now), cached)
        else:
            missed.append(folder)
    if missed:
        from gga_cli.board import row

        advance = start(len(missed)) if start is not None else None
        for folder, judged in zip(missed, caseload.subset(missed).cases()):
            fresh = row(judged.case, judged.diagnostics, judged.deadlines, caseload.today, caseload.alarm_score)
            found[folder] = fresh
            if cache is not None:
                cache.put(keys[folder], signatures[folder], fresh)
            if advance is not None:
                advance()
    if cache is not None:
        cache.keep_only(set(keys.values()))
        if caseload.target.whole:
            # a case folder gone since (moved to another caseload, renamed) leaves no view of
            # its family behind in .gga/; nor do the parsed texts of block files an earlier
            # gga kept there ("parsed-"), which no gga reads now
            kept = {cachedir.case_file("case", key) for key in keys.values()}
            cachedir.sweep(root, ("case-", "parsed-"), kept)
        if cache.lang != caseload.lang:
            cache.lang, cache.changed = caseload.lang, True
        cache.save()
        from gga_cli.orgsettings import remember

        remember(caseload)
    return [found[f] for f in caseload.folders]


_relative = cachedir.folder_key
