"""`gga agenda`: the deadlines overdue now and due in the next days, over a caseload."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Format, FormatOpt, LangOpt, PathArg, TodayOpt, handles_errors, today

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
    from gga_cli.agenda import agenda as gather
    from gga_cli.caseload import resolve

    day = today(today_)
    found, language = gather(resolve([path] if path else []), day, days, lang.value if lang else None)
    if format is Format.json:
        console.emit_json({"today": day.isoformat(), "days": days, "deadlines": [i.to_json() for i in found]})
    elif not found:
        console.note("niets te doen in deze periode" if language == "nl" else "nothing due in this period")
    else:
        from gga_cli.agendas import agenda_table

        console.show(agenda_table(found, day, language))
    return 0


def register(app: typer.Typer) -> None:
    app.command("agenda")(agenda)
