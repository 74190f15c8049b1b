"""Finding caseloads and cases on disk, and reading the organisation's settings (gga.toml)."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models.errors import describe
from gga_cli.models.settings import Settings

SETTINGS = "gga.toml"
CASE_FILE = "case.yaml"
_SKIP_DIRS = {".git", ".gga", "node_modules", "__pycache__", ".venv"}


class NotFound(Exception):
    """A path, case or caseload the user named does not exist: wrong use, exit 2."""


def find_upwards(start: Path, name: str) -> Path | None:
    """The nearest folder at or above `start` that holds `name`."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / name).is_file():
            return folder
    return None


def find_cases(root: Path) -> list[Path]:
    """Every case folder (a folder holding case.yaml) at or below `root`, in name order."""
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        names = {e.name for e in entries}
        if CASE_FILE in names:
            found.append(Path(folder))
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
                stack.append(Path(entry.path))
    return sorted(found, key=lambda p: p.as_posix())


@dataclass
class Target:
    """What a caseload command works on, resolved from its path arguments."""

    root: Path  # the caseload root: where gga.toml is, else the nearest sensible folder
    has_settings: bool
    cases: list[Path] = field(default_factory=list)
    only_files: dict[Path, set[str]] = field(default_factory=dict)  # case folder -> file names asked for
    singles: list[Path] = field(default_factory=list)  # YAML files outside any case folder


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
            for case in find_cases(path):
                if case.resolve() not in seen:
                    seen.add(case.resolve())
                    target.cases.append(case)
                    target.only_files.pop(case, None)
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


_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _setting_line(text: str, loc: tuple[Any, ...]) -> int | None:
    """The line of a setting in gga.toml: its key under its table's header."""
    if not loc:
        return None
    table, key = (loc[0], loc[1] if len(loc) > 1 else None)
    lines = text.splitlines()
    in_table = False
    header = re.compile(r"^\s*\[\s*" + re.escape(str(table)) + r"\s*\]")
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("["):
            in_table = bool(header.match(line))
            if in_table and key is None:
                return number
            continue
        if in_table and key is not None and re.match(r"^\s*\"?" + re.escape(str(key)) + r"\"?\s*=", line):
            return number
    return None


def load_settings(root: Path, lang: Lang | None = None) -> tuple[Settings, list[Diagnostic]]:
    """The caseload's settings; defaults where gga.toml is absent or broken (and why)."""
    path = root / SETTINGS
    if not path.is_file():
        return Settings(), []
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as err:
        message = "nested too deep" if isinstance(err, RecursionError) else str(err)
        place = _TOML_PLACE.search(message)
        line, column = (int(place.group(1)), int(place.group(2))) if place else (None, None)
        reason = _TOML_PLACE.sub("", message).strip()
        return Settings(), [Diagnostic("F001", Severity.ERROR, None, SETTINGS, line, column, pick(
            lang or "nl", f"gga.toml is geen geldige TOML: {reason}", f"gga.toml is no valid TOML: {reason}"))]
    organisation = data.get("organisation")
    configured = organisation.get("language") if isinstance(organisation, dict) else None
    language: Lang = lang or ("en" if configured == "en" else "nl")
    diagnostics: list[Diagnostic] = []
    from gga_cli.rules import REGISTRY

    rules = data.get("rules")
    if isinstance(rules, dict):
        for code in list(rules):
            if code not in REGISTRY:
                diagnostics.append(Diagnostic("F010", Severity.ERROR, None, SETTINGS, _setting_line(text, ("rules", code)), 1, pick(
                    language, f"rules.{code}: geen regel van gga", f"rules.{code}: no rule of gga")))
                del rules[code]
    try:
        return Settings.model_validate(data), diagnostics
    except ValidationError as err:
        for error in err.errors(include_url=False):
            loc = tuple(error["loc"])
            diagnostics.append(Diagnostic("F010", Severity.ERROR, None, SETTINGS, _setting_line(text, loc), 1 if _setting_line(text, loc) else None,
                                          describe(error, language)))
        return Settings(), diagnostics
