"""`gga agenda`: the deadlines overdue now and due in the next days, over a caseload."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, Format, FormatOpt, LangOpt, Language, PathArg, TodayOpt, caseload, handles_errors, one_case
from gga_cli.errors import UsageError
from gga_cli.i18n import Lang, pick

if TYPE_CHECKING:
    from gga_cli.agenda import AgendaItem

DaysOpt = Annotated[int, typer.Option("--days", min=0, metavar="N", help="Deadlines due within N days (and every overdue one).")]


@handles_errors
def agenda(
    path: PathArg = None,
    days: DaysOpt = 14,
    format: FormatOpt = Format.text,
    case: CaseOpt = None,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Every deadline of the method overdue now or due within N days (default 14), soonest first.

    A line: the date, how far off, the case, its worker, the rule and what is due.
    Rules switched off in gga.toml, or waived by the case, have no deadlines.
    With --case, one case's deadlines, from the cache in <caseload>/.gga/ while the case is unchanged.

    Example: gga agenda examples --days 7 --today 2026-11-29

    Example: gga agenda --case 2026-0042 --today 2026-11-29
    """
    from gga_cli.views import envelopes

    if case is not None:
        if path is not None:
            raise UsageError("give a caseload PATH or --case, not both")
        return _one(case, days, format, today_, lang)
    found = caseload([path] if path else [], today_, lang)
    items = found.agenda(days)

    def text() -> None:
        if not items:
            console.note(pick(found.lang, *_NOTHING_DUE))
            return
        console.write(_table(items, found.today, found.lang))

    console.present(format, lambda: envelopes.agenda(items, found.today, days), text)
    return 0


_NOTHING_DUE = ("niets te doen in deze periode", "nothing due in this period")


def _table(items: list[AgendaItem], today: dt.date, lang: Lang) -> str:
    """The agenda as text: rich's table on a terminal (fitted, the distance in colour), plain
    cells on a pipe (every cell whole, a deadline a line)."""
    if console.screen().terminal:
        from gga_cli.views.agenda import agenda_table

        return console.rendered(agenda_table(items, today, lang))
    from gga_cli.views.agenda import agenda_grid

    return console.table_text(agenda_grid(items, today, lang))


def _one(case: str, days: int, format: Format, today_: str | None, lang: Language | None) -> int:
    """One case's agenda, served from the case's cache while the case is unchanged."""
    from gga_cli.casecache import Served

    found, folder = one_case(case, today_, lang)

    def view() -> Served:
        from gga_cli.views import envelopes

        items = found.agenda(days)
        if format == Format.json:
            return Served(console.json_text(envelopes.agenda(items, found.today, days)))
        if not items:
            return Served(None, notes=[pick(found.lang, *_NOTHING_DUE)])
        return Served(_table(items, found.today, found.lang))

    made = found.served(folder, f"agenda {days} {format.value} {console.screen_key()}", view)
    console.write(made.stdout or "")
    for line in made.notes:
        console.note(line)
    return 0


def register(app: typer.Typer) -> None:
    app.command("agenda")(agenda)
