"""`gga phase`: move a case to a phase, while the rules for the step allow it."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli.cli.common import CaseOpt, DateOpt, LangOpt, TodayOpt, UsageError, day, handles_errors, one_case
from gga_cli.cli.recording import CommitOpt, ForceOpt, ForceReasonOpt, check_git, finish, force_reason, gated


@handles_errors
def phase(
    to: Annotated[str, typer.Argument(metavar="next|1|2|3", help="The phase to move to.", show_default=False)],
    date: DateOpt = None,
    case: CaseOpt = None,
    force: ForceOpt = False,
    reason: ForceReasonOpt = None,
    reason_alias: Annotated[str | None, typer.Option("--reason", metavar="TEXT", help="The same as --force-reason.")] = None,
    today_: TodayOpt = None,
    commit: CommitOpt = False,
    lang: LangOpt = None,
) -> int:
    """Move the case to a phase: `phase:` changed and one line added to `phases:` in case.yaml.

    Going forward refuses (exit 1, nothing changed) while G110, G111 or G112 fail on the
    case as it would be (for phase 3 also G123: a goal still planned or active), naming each; --force --force-reason TEXT goes ahead and records a
    waiver for each. A phase cannot be skipped going forward; stepping back is allowed.

    Example: gga phase next --date 2026-04-20 --case 2026-0042
    """
    from gga_cli.recordings import record_phase

    if reason is not None and reason_alias is not None:
        raise UsageError("give --force-reason or --reason, not both")
    why = force_reason(force, reason if reason is not None else reason_alias)
    found, folder = one_case(case, today_, lang, cached=False)
    check_git(commit, folder)
    with gated():
        outcome = record_phase(found, folder, to, day(date, found.today), force_reason=why)
    return finish(outcome, commit, "phase changed")


def register(app: typer.Typer) -> None:
    app.command("phase")(phase)
