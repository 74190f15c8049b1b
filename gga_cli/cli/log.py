"""`gga log`: who changed what in a case and when, from git history, in words."""

from __future__ import annotations

from pathlib import Path

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, LangOpt, Refused, caseload, handles_errors, one_case
from gga_cli.i18n import pick
from gga_cli.locate import SETTINGS, find_upwards


@handles_errors
def log(case: CaseOpt = None, lang: LangOpt = None) -> int:
    """Every commit that changed a case, oldest first: date, who, the case, and what changed
    in words ("score toegevoegd", "fase 2"). Without --case, every case of the caseload you
    are in (or the case folder you are in). An encrypted caseload needs the key to read it.

    Example: gga log --case 2026-0042
    """
    from gga_cli.history import HistoryProblem, history

    if case is not None or find_upwards(Path.cwd(), SETTINGS) is None:
        found, folder = one_case(case, None, lang)
        only: str | None = folder.name
    else:
        found, only = caseload([], None, lang), None
    try:
        changes = history(found.root, only, found.lang)
    except HistoryProblem as err:
        raise Refused(str(err)) from None
    for change in changes:
        console.line(f"{change.date}  {change.commit}  {change.case}  {change.author}: {', '.join(change.what)}")
    if not changes:
        console.note(pick(found.lang, "geen wijzigingen in de geschiedenis", "no changes in the history"))
    return 0


def register(app: typer.Typer) -> None:
    app.command("log")(log)
