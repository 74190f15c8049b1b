"""Reading the organisation's settings (gga.toml): defaults where it is absent, and every
problem in it as a diagnostic at its line."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.locate import SETTINGS
from gga_cli.models.errors import describe
from gga_cli.models.settings import Settings

MAX_BYTES = 1024 * 1024  # as a case file (F005): an organisation's settings are a page
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
    from gga_cli.regularfile import Unreadable, read_regular

    path = root / SETTINGS
    if not os.path.lexists(path):
        return Settings(), []
    try:
        text = read_regular(path, MAX_BYTES, lang or "nl").decode("utf-8")
        data = tomllib.loads(text)
    except Unreadable as err:
        return Settings(), [Diagnostic(err.code, Severity.ERROR, None, SETTINGS, None, None, f"gga.toml {err.message}")]
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as err:
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
