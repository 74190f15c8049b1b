"""Where the figures get their cases: the one adapter from the caseload (`gga_cli.caseload`)
to the cases' facts, with a cache in `<caseload>/.gga/stats.json`.

The cache follows the board's discipline (`gga_cli.cache`): a case's facts are used only
while its folder's signature (every file's name, size and mtime), the day judged, gga.toml
and gga's own code are unchanged; a folder written within the clock's resolution is not
cached. JSON only. The facts hold dates, counts and the worker's and team's names, never
notes; the cache lives beside the board's, which `gga init` keeps out of git.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gga_cli.cache import FOLDER, _relative, context_key, signature
from gga_cli.stats.facts import CaseFacts, case_facts

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload

FILE = "stats.json"

Start = Callable[[int], Callable[[], None]]


def facts(caseload: Caseload, start: Start | None = None) -> list[CaseFacts]:
    """The facts of every case of the caseload, from the cache where its folder is unchanged,
    loaded and judged otherwise. `start(n)` is told how many cases must be loaded."""
    root, cached_here = caseload.root, caseload.target.has_settings
    path = root / FOLDER / FILE
    key = context_key(root, caseload.today.isoformat(), "stats")
    entries: dict[str, Any] = _read(path, key) if cached_here else {}
    now = time.time_ns()
    found: dict[Path, CaseFacts] = {}
    missed: list[Path] = []
    signatures: dict[Path, Any] = {}
    for folder in caseload.folders:
        sig = signature(folder, now) if cached_here else None
        signatures[folder] = sig
        entry = entries.get(_relative(folder, root))
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
        _write(path, key, entries)
    return [found[f] for f in caseload.folders]


def _read(path: Path, key: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("cases"), dict):
        cases: dict[str, Any] = data["cases"]
        return cases
    return {}


def _write(path: Path, key: str, entries: dict[str, Any]) -> None:
    from gga_cli.atomic import write_text

    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            write_text(ignore, "# gga's cache: personal data, never committed\n*\n")
        write_text(path, json.dumps({"key": key, "cases": entries}, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        return  # a read-only caseload still gets its figures, only slower next time
