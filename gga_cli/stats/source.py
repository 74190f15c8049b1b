"""Where the figures get their cases: the one adapter from a caseload on disk to the
cases' facts, with a cache in `<caseload>/.gga/stats.json`.

The cache follows the board's discipline (`gga_cli.cache`): a case's facts are used only
while its folder's signature (every file's name, size and mtime), the day judged, gga.toml
and gga's own code are unchanged; a folder written within the clock's resolution is not
cached. JSON only. The facts hold dates, counts and the worker's and team's names, never
notes; the cache lives beside the board's, which `gga init` keeps out of git.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from gga_cli.cache import FOLDER, _relative, context_key, signature
from gga_cli.caseload import Target, load_settings
from gga_cli.i18n import Lang
from gga_cli.models.settings import Settings
from gga_cli.rules.registry import Context
from gga_cli.stats.facts import CaseFacts, case_facts

FILE = "stats.json"

Start = Callable[[int], Callable[[], None]]


def judged(target: Target, ctx: Context) -> Iterator[tuple[Any, list[Any]]]:
    """Each case of the target loaded and judged, one at a time: the one call into the
    caseload's loading and judging, to be handed to the caseload object once it is there."""
    from gga_cli.checking import cases

    yield from cases(target, ctx)


def settings_and_context(target: Target, today: dt.date, lang: Lang | None) -> tuple[Settings, Context]:
    from gga_cli.checking import context

    settings, _ = load_settings(target.root, lang)
    return settings, context(settings, today, lang)


def facts(target: Target, today: dt.date, lang: Lang | None, start: Start | None = None) -> tuple[list[CaseFacts], Settings, Context]:
    """The facts of every case of the target, from the cache where its folder is unchanged."""
    settings, ctx = settings_and_context(target, today, lang)
    path = target.root / FOLDER / FILE
    key = context_key(target.root, today.isoformat(), "stats")
    entries: dict[str, Any] = _read(path, key) if target.has_settings else {}
    now = time.time_ns()
    found: dict[Path, CaseFacts] = {}
    missed: list[Path] = []
    signatures: dict[Path, Any] = {}
    for folder in target.cases:
        sig = signature(folder, now) if target.has_settings else None
        signatures[folder] = sig
        entry = entries.get(_relative(folder, target.root))
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
        subset = dataclasses.replace(target, cases=missed, only_files={})
        for folder, (case, diagnostics) in zip(missed, judged(subset, ctx)):
            found[folder] = case_facts(case, diagnostics, ctx)
            rel = _relative(folder, target.root)
            if signatures[folder] is not None:
                entries[rel] = {"signature": signatures[folder], "facts": found[folder].to_json()}
            else:
                entries.pop(rel, None)
            changed = True
            if advance is not None:
                advance()
    keep = {_relative(f, target.root) for f in target.cases}
    if set(entries) - keep:
        entries = {k: v for k, v in entries.items() if k in keep}
        changed = True
    if changed and target.has_settings:
        _write(path, key, entries)
    return [found[f] for f in target.cases], settings, ctx


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
