"""`gga status`: the board over a caseload, most urgent case first."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from gga_cli import console
from gga_cli.cli.common import EXIT_FOUND, Format, FormatOpt, LangOpt, PathArg, TodayOpt, caseload, handles_errors
from gga_cli.i18n import pick

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload


@handles_errors
def status(
    path: PathArg = None,
    worker: Annotated[str | None, typer.Option("--worker", help="Only this worker's cases (any part of the name).")] = None,
    phase: Annotated[int | None, typer.Option("--phase", min=1, max=3, help="Only cases in this phase.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only cases with overdue deadlines.")] = False,
    by: Annotated[
        Per | None, typer.Option("--by", help="The team leader's board: one row a worker or team instead of a case.")
    ] = None,
    wide: Annotated[bool, typer.Option("--wide", help="Every cell whole, however wide the board (as on a pipe).")] = False,
    format: FormatOpt = Format.text,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """The board: one row a case, most urgent first, and a summary line.

    A row: phase and days in it, days since the last contact with the family, the last
    safety score with a sparkline of recent ones, the next deadline, and counts of overdue
    deadlines, errors and warnings. Urgent first: alarms (a score at or below the alarm
    score, or an unanswered alarm), then errors, then overdue deadlines, then the soonest
    deadline. Rows of unchanged cases come from the cache in <caseload>/.gga/.

    --by worker (or team): one row a worker with open cases, their overdue deadlines,
    open alarms and cases without family contact for longer than the rhythm allows, most
    urgent first.

    On a terminal the board fits its width (long names end in an ellipsis); piped, or with
    --wide, every cell is whole and every case one line, for grep and awk.

    Exit 0: no errors in the cases shown. Exit 1: errors found. Exit 2: wrong use.

    Example: gga status --worker "Peter Brood" --today 2026-11-29

    Example: gga status --by worker --today 2026-11-29
    """
    from gga_cli.board import Filter, summary
    from gga_cli.views import envelopes

    found = caseload([path] if path else [], today_, lang)
    if by is not None:
        return _workload(found, "worker" if by is Per.worker else "team", format)
    with console.progress(lambda: pick(found.lang, "zaken laden", "loading cases")) as start:
        shown = found.board(Filter(worker, phase, overdue), start)

    def text() -> None:
        from gga_cli.views.board import status_table, summary_text

        console.table(status_table(shown, found.today, found.lang), wide)
        console.spans(summary_text(summary(shown), found.lang), wide)

    console.present(format, lambda: envelopes.status(shown), text)
    return EXIT_FOUND if any(r.errors for r in shown) else 0


def _workload(found: Caseload, per: Literal["worker", "team"], format: Format) -> int:
    from gga_cli.stats.source import facts
    from gga_cli.stats.workload import workload, workload_json, workload_text

    with console.progress(pick(found.lang, "zaken laden", "loading cases")) as start:
        rows = workload(facts(found, start), per, found.today, found.settings.deadlines.home_visit)
    console.present(format, lambda: workload_json(rows, per), lambda: console.line(workload_text(rows, per, found.lang).removesuffix("\n")))
    return 0


class Per(StrEnum):
    worker = "worker"
    team = "team"


def register(app: typer.Typer) -> None:
    app.command("status")(status)
