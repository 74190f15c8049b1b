"""`gga show`: one case in detail."""

from __future__ import annotations

from pathlib import Path

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, Language, LangOpt, TodayOpt, handles_errors, today
from gga_cli.i18n import Lang


@handles_errors
def show(case: CaseOpt = None, today_: TodayOpt = None, lang: LangOpt = None) -> int:
    """One case in detail: family, measure, phases, children, deadlines, scores, timeline, goals, findings.

    Without --case, the case is the folder holding case.yaml at or above the current one.

    Example: gga show --case 2026-0042 --today 2026-11-29
    """
    from gga_cli.casefind import find_case
    from gga_cli.detail import detail
    from gga_cli.showcase import case_view

    language: Lang | None = "en" if lang is Language.en else "nl" if lang is Language.nl else None
    console.show(case_view(detail(find_case(case, Path.cwd()), today(today_), language)))
    return 0


def register(app: typer.Typer) -> None:
    app.command("show")(show)
