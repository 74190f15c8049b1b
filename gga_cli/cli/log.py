"""`gga log`: who changed what in a case and when, from git history, in words."""

from __future__ import annotations

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, Language, LangOpt, Refused, handles_errors
from gga_cli.i18n import Lang


@handles_errors
def log(case: CaseOpt = None, lang: LangOpt = None) -> int:
    """Every commit that changed a case, oldest first: date, who, the case, and what changed
    in words ("score toegevoegd", "fase 2"). Without --case, every case of the caseload you
    are in (or the case folder you are in). An encrypted caseload needs the key to read it.

    Example: gga log --case 2026-0042
    """
    from pathlib import Path

    from gga_cli.caseload import SETTINGS, find_upwards
    from gga_cli.casefind import caseload_root, find_case
    from gga_cli.history import HistoryProblem, history

    language: Lang = "en" if lang is Language.en else "nl"
    if case is not None or find_upwards(Path.cwd(), SETTINGS) is None:
        folder = find_case(case)
        root, only = caseload_root(folder), folder.name
    else:
        root, only = find_upwards(Path.cwd(), SETTINGS) or Path.cwd(), None
    try:
        changes = history(root, only, language)
    except HistoryProblem as err:
        raise Refused(str(err)) from None
    for change in changes:
        console.line(f"{change.date}  {change.commit}  {change.case}  {change.author}: {', '.join(change.what)}")
    if not changes:
        console.note("geen wijzigingen in de geschiedenis" if language == "nl" else "no changes in the history")
    return 0


def register(app: typer.Typer) -> None:
    app.command("log")(log)
