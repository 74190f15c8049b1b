"""The organisation's settings must hold before a command judges or records a case.

A command never runs on defaults in place of a broken gga.toml: the organisation's
deadlines, severities and recipient profiles would silently be others. `gga check`
reports the same problems as findings among the rest; every other command that works on
cases refuses (exit 1) with each problem on its own line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.errors import Refused
from gga_cli.i18n import pick

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload


class BrokenSettings(Refused):
    """gga.toml cannot be read or breaks its schema: exit 1, nothing done."""


def _where(d: Diagnostic) -> str:
    return ":".join(str(part) for part in (d.file or "gga.toml", d.line, d.column) if part is not None)


def settings_hold(caseload: Caseload) -> Caseload:
    """The caseload, where its gga.toml holds (or it has none); BrokenSettings otherwise."""
    errors = [d for d in caseload.settings_problems if d.severity is Severity.ERROR]
    if errors:
        path = caseload.root / "gga.toml"
        lines = [f"  {_where(d)}: {d.code} {d.message}" for d in errors]
        raise BrokenSettings("\n".join([pick(caseload.lang, f"{path} klopt niet; niets gedaan:",
                                             f"{path} is not right; nothing done:"), *lines]))
    return caseload
