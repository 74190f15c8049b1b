"""`gga status`: the board over a caseload, most urgent case first."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from gga_cli import console
from gga_cli.cli.common import EXIT_FOUND, Format, FormatOpt, Language, LangOpt, PathArg, TodayOpt, handles_errors, today
from gga_cli.i18n import Lang

if TYPE_CHECKING:
    from gga_cli.caseload import Target


@handles_errors
def status(
    path: PathArg = None,
    worker: Annotated[str | None, typer.Option("--worker", help="Only this worker's cases (any part of the name).")] = None,
    phase: Annotated[int | None, typer.Option("--phase", min=1, max=3, help="Only cases in this phase.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only cases with overdue deadlines.")] = False,
    by: Annotated[
        Per | None, typer.Option("--by", help="The team leader's board: one row a worker or team instead of a case.")
    ] = None,
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

    Exit 0: no errors in the cases shown. Exit 1: errors found. Exit 2: wrong use.

    Example: gga status --worker "Peter Brood" --today 2026-11-29

    Example: gga status --by worker --today 2026-11-29
    """
    from gga_cli.board import Filter, board, summary
    from gga_cli.cache import rows
    from gga_cli.caseload import resolve

    day = today(today_)
    language: Lang | None = "en" if lang is Language.en else "nl" if lang is Language.nl else None
    target = resolve([path] if path else [])
    if by is not None:
        return _workload(target, by, day, language, format)
    with console.progress("zaken laden" if language != "en" else "loading cases") as start:
        found, report_lang = rows(target, day, language, start)
    shown = board(found, day, Filter(worker, phase, overdue))
    if format is Format.json:
        console.emit_json({"cases": [r.to_json() for r in shown]})
    else:
        from gga_cli.boards import status_table, summary_text
        console.show(status_table(shown, day, report_lang))
        console.show(summary_text(summary(shown), report_lang))
    return EXIT_FOUND if any(r.errors for r in shown) else 0


def _workload(target: Target, by: Per, day: dt.date, language: Lang | None, format: Format) -> int:
    from gga_cli.stats.source import facts
    from gga_cli.stats.workload import workload, workload_text

    with console.progress("zaken laden" if language != "en" else "loading cases") as start:
        found, settings, ctx = facts(target, day, language, start)
    per: Literal["worker", "team"] = "worker" if by is Per.worker else "team"
    rows = workload(found, per, day, settings.deadlines.home_visit)
    if format is Format.json:
        console.emit_json({per + "s": [r.to_json(per) for r in rows]})
    else:
        console.line(workload_text(rows, per, ctx.lang).removesuffix("\n"))
    return 0


class Per(StrEnum):
    worker = "worker"
    team = "team"


def register(app: typer.Typer) -> None:
    app.command("status")(status)
