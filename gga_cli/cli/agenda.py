"""`gga agenda`: the deadlines overdue now and due in the next days, over a caseload."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, Format, FormatOpt, LangOpt, Language, PathArg, TodayOpt, caseload, handles_errors, one_case
from gga_cli.errors import UsageError
from gga_cli.i18n import pick

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
    Rules switched off in gga.toml, or waived by the case, have no deadlines. With --case,
    one case's deadlines: a case unchanged since its agenda was last asked for is answered
    from the cache in <caseload>/.gga/.

    Example: gga agenda examples --days 7 --today 2026-11-29
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
            console.note(pick(found.lang, "niets te doen in deze periode", "nothing due in this period"))
            return
        if console.screen().terminal:
            from gga_cli.views.agenda import agenda_table

            console.show(agenda_table(items, found.today, found.lang))
        else:
            from gga_cli.views.agenda import agenda_grid

            console.table(agenda_grid(items, found.today, found.lang))

    console.present(format, lambda: envelopes.agenda(items, found.today, days), text)
    return 0


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
            return Served(None, notes=[pick(found.lang, "niets te doen in deze periode", "nothing due in this period")])
        if console.screen().terminal:
            from gga_cli.views.agenda import agenda_table

            return Served(console.rendered(agenda_table(items, found.today, found.lang)))
        from gga_cli.views.agenda import agenda_grid

        return Served(console.table_text(agenda_grid(items, found.today, found.lang)))

    made = found.served(folder, f"agenda {days} {format.value} {console.screen_key()}", view)
    console.write(made.stdout or "")
    for line in made.notes:
        console.note(line)
    return 0


def register(app: typer.Typer) -> None:
    app.command("agenda")(agenda)
