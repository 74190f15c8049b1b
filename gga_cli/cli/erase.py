"""`gga erase`: erasure of a case on request, from the working tree and, with --history, from git."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Language, LangOpt, Refused, TodayOpt, handles_errors, today
from gga_cli.i18n import Lang


@handles_errors
def erase(
    case: Annotated[str, typer.Argument(metavar="ID", help="The case id (YYYY-NNNN) or its folder.")],
    reason: Annotated[str, typer.Option("--reason", help="Why, without personal data (e.g. 'verzoek ouder, AVG art. 17').")],
    history: Annotated[bool, typer.Option("--history", help="Also rewrite every commit (git-filter-repo).")] = False,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Erase a case on request: its folder leaves the working tree (and the commit), a record
    without personal data goes into erasures.yaml (case id, date, reason, who), and gga says
    what the organisation must still do. With --history, git-filter-repo removes the case
    from every commit; it refuses while other files have uncommitted changes.

    Example: gga erase 2026-0042 --reason "verzoek ouder, AVG art. 17" --history
    """
    from gga_cli.casefind import caseload_root, find_case
    from gga_cli.erasure import ErasureRefused
    from gga_cli.erasure import erase as run

    language: Lang = "en" if lang is Language.en else "nl"
    folder = find_case(case)
    try:
        done = run(caseload_root(folder), folder, reason, today(today_), history, language)
    except ErasureRefused as err:
        raise Refused(str(err)) from None
    console.line(f"{done.case} gewist{' uit de werkmap en de hele geschiedenis' if done.history else ' uit de werkmap'}"
                 if language == "nl" else f"{done.case} erased{' from the working tree and all history' if done.history else ' from the working tree'}")
    console.line("nog te doen:" if language == "nl" else "still to do:")
    for step in done.todo:
        console.line(f"- {step}")
    return 0


def register(app: typer.Typer) -> None:
    app.command("erase")(erase)
