"""`gga score`: record a safety score (schaalvraag 1 tot 10) in scores.yaml."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli.cli.common import CaseOpt, DateOpt, LangOpt, TodayOpt, day, handles_errors, one_case
from gga_cli.cli.recording import CommitOpt, check_git, finish, text


@handles_errors
def score(
    value: Annotated[int, typer.Argument(metavar="N", help="The safety score, 1 (unsafe) to 10 (safe).", show_default=False)],
    note: Annotated[str | None, typer.Option("--note", help="What the score rests on.")] = None,
    date: DateOpt = None,
    by: Annotated[str | None, typer.Option("--by", metavar="ID", help="Who gave the score: a person or network id (default: the worker).")] = None,
    private: Annotated[bool, typer.Option("--private", help="The score never leaves the case in a report.")] = False,
    case: CaseOpt = None,
    today_: TodayOpt = None,
    commit: CommitOpt = False,
    lang: LangOpt = None,
) -> int:
    """Record a safety score: one line appended to scores.yaml, the case checked before it is written.

    Example: gga score 6 --note "Rustige week, oma haalt Sjors op." --case 2026-0042
    """
    from gga_cli.recordings import record_score

    note = text(note, "--note")
    found, folder = one_case(case, today_, lang, cached=False)
    check_git(commit, folder)
    outcome = record_score(found, folder, value, day(date, found.today), by=by, note=note, private=private)
    return finish(outcome, commit, "score recorded")


def register(app: typer.Typer) -> None:
    app.command("score")(score)
