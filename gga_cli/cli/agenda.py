"""`gga agenda`: the deadlines overdue now and due in the next days, over a caseload."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Format, FormatOpt, LangOpt, PathArg, TodayOpt, caseload, handles_errors
from gga_cli.i18n import pick

DaysOpt = Annotated[int, typer.Option("--days", min=0, metavar="N", help="Deadlines due within N days (and every overdue one).")]


@handles_errors
def agenda(
    path: PathArg = None,
    days: DaysOpt = 14,
    format: FormatOpt = Format.text,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Every deadline of the method overdue now or due within N days (default 14), soonest first.

    A line: the date, how far off, the case, its worker, the rule and what is due.
    Rules switched off in gga.toml, or waived by the case, have no deadlines.

    Example: gga agenda examples --days 7 --today 2026-11-29
    """
    from gga_cli.views import envelopes

    found = caseload([path] if path else [], today_, lang)
    items = found.agenda(days)

    def text() -> None:
        if not items:
            console.note(pick(found.lang, "niets te doen in deze periode", "nothing due in this period"))
            return
        from gga_cli.views.agenda import agenda_table

        console.show(agenda_table(items, found.today, found.lang))

    console.present(format, lambda: envelopes.agenda(items, found.today, days), text)
    return 0


def register(app: typer.Typer) -> None:
    app.command("agenda")(agenda)
