"""The organisation's settings as a command that judges cases needs them: gga.toml as
written, or an error. A command never runs on defaults in place of a broken gga.toml:
the organisation's deadlines, severities and recipient profiles would silently be others.
(`gga check` reports the same problems as findings among the rest.)"""

from __future__ import annotations

from pathlib import Path

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models.settings import Settings


class BrokenSettings(Exception):
    """gga.toml cannot be read or breaks its schema: exit 1, each problem on its own line."""


def _where(d: Diagnostic) -> str:
    return ":".join(str(part) for part in (d.file or "gga.toml", d.line, d.column) if part is not None)


def settings(root: Path, lang: Lang | None = None) -> Settings:
    """The settings of the caseload at `root` (defaults where it has no gga.toml);
    BrokenSettings where its gga.toml has an error."""
    from gga_cli.caseload import load_settings

    found, diagnostics = load_settings(root, lang)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        language: Lang = lang or "nl"
        lines = [f"  {_where(d)}: {d.code} {d.message}" for d in errors]
        raise BrokenSettings("\n".join([pick(language, f"{root / 'gga.toml'} klopt niet; niets gedaan:",
                                             f"{root / 'gga.toml'} is not right; nothing done:"), *lines]))
    return found
