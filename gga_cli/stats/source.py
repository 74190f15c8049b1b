"""Where the figures get their cases: the one adapter from the caseload (`gga_cli.caseload`)
to the cases' facts, with a cache in `<caseload>/.gga/stats.json`.

The cache follows the board's discipline (`gga_cli.cache`, `gga_cli.cachedir`): a case's
facts are used only while its folder's signature (every file's name, size, mtime, ctime and
inode, and the bytes of a file changed in the last seconds), the day judged, gga.toml and
gga's own code are unchanged; it is read and written only in a `.gga` that is a plain folder
of the caseload. JSON only. The facts hold dates, counts and the worker's and team's names, never
notes; the cache lives beside the board's, which `gga init` keeps out of git.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gga_cli import cachedir
from gga_cli.cache import _relative, context_key
from gga_cli.stats.facts import CaseFacts, case_facts

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload

FILE = "stats.json"

Start = Callable[[int], Callable[[], None]]


def facts(caseload: Caseload, start: Start | None = None) -> list[CaseFacts]:
    """The facts of every case of the caseload, from the cache where its folder is unchanged,
    loaded and judged otherwise. `start(n)` is told how many cases must be loaded."""
    root, cached_here = caseload.root, caseload.target.has_settings
    key = context_key(root, caseload.today.isoformat(), "stats")
    entries: dict[str, Any] = _read(root, key) if cached_here else {}
    now = time.time_ns()
    found: dict[Path, CaseFacts] = {}
    missed: list[Path] = []
    signatures: dict[Path, Any] = {}
    for folder in caseload.folders:
        entry = entries.get(_relative(folder, root))
        verify = cachedir.hashed(entry.get("signature")) if isinstance(entry, dict) else frozenset()
        sig = cachedir.signature(folder, now, verify) if cached_here else None
        signatures[folder] = sig
        cached = None
        if sig is not None and isinstance(entry, dict) and entry.get("signature") == sig:
            try:
                cached = CaseFacts.from_json(entry["facts"])
            except (KeyError, TypeError, ValueError, AttributeError):
                cached = None
        if cached is not None:
            found[folder] = cached
        else:
            missed.append(folder)
    changed = False
    if missed:
        advance = start(len(missed)) if start is not None else None
        for folder, judged in zip(missed, caseload.subset(missed).cases()):
            found[folder] = case_facts(judged, caseload.ctx)
            rel = _relative(folder, root)
            if signatures[folder] is not None:
                entries[rel] = {"signature": signatures[folder], "facts": found[folder].to_json()}
            else:
                entries.pop(rel, None)
            changed = True
            if advance is not None:
                advance()
    keep = {_relative(f, root) for f in caseload.folders}
    if set(entries) - keep:
        entries = {k: v for k, v in entries.items() if k in keep}
        changed = True
    if changed and cached_here:
        cachedir.write(root, FILE, {"key": key, "cases": entries})  # a read-only caseload still gets its figures
    return [found[f] for f in caseload.folders]


def _read(root: Path, key: str) -> dict[str, Any]:
    data = cachedir.read(root, FILE)
    if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("cases"), dict):
        cases: dict[str, Any] = data["cases"]
        return cases
    return {}
