"""One case in detail, as `gga show` needs it: the case loaded and judged, and its open deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gga_cli.i18n import Lang

if TYPE_CHECKING:
    from gga_cli.diagnostics import Diagnostic
    from gga_cli.models import CaseFolder
    from gga_cli.rules import Deadline


@dataclass
class Detail:
    case: CaseFolder
    today: dt.date
    lang: Lang
    alarm_score: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)


def detail(folder: Path, today: dt.date, lang: Lang | None) -> Detail:
    """Load and judge the case in `folder`, with the settings of the caseload it belongs to."""
    from gga_cli.agenda import deadlines
    from gga_cli.casefind import caseload_root
    from gga_cli.caseload import SETTINGS, Target
    from gga_cli.checking import cases, context
    from gga_cli.orgsettings import settings as load_settings

    root = caseload_root(folder)
    settings = load_settings(root, lang)
    ctx = context(settings, today, lang)
    target = Target(root=root.resolve(), has_settings=(root / SETTINGS).is_file(), cases=[folder])
    case, diagnostics = next(cases(target, ctx))
    return Detail(case, today, ctx.lang, settings.deadlines.alarm_score, diagnostics, deadlines(case, ctx))
