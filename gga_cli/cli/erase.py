"""`gga erase`: erasure of a case on request, from the working tree and, with --history, from git."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import LangOpt, TodayOpt, handles_errors, one_case
from gga_cli.i18n import pick


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
    from gga_cli.erasure import erase as run

    found, folder = one_case(case, today_, lang)
    done = run(found.root, folder, reason, found.today, history, found.lang)
    where = pick(found.lang, " uit de werkmap en de hele geschiedenis" if done.history else " uit de werkmap",
                 " from the working tree and all history" if done.history else " from the working tree")
    console.line(pick(found.lang, f"{done.case} gewist{where}", f"{done.case} erased{where}"))
    console.line(pick(found.lang, "nog te doen:", "still to do:"))
    for step in done.todo:
        console.line(f"- {step}")
    return 0


def register(app: typer.Typer) -> None:
    app.command("erase")(erase)
