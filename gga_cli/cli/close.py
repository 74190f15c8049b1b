"""`gga close`: close a case, while its handover is complete."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli.cli.common import CaseOpt, DateOpt, LangOpt, TodayOpt, day, handles_errors, one_case
from gga_cli.cli.recording import CommitOpt, ForceOpt, ForceReasonOpt, check_git, finish, force_reason, gated, text


@handles_errors
def close(
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why the case is closed.", show_default=False)],
    date: DateOpt = None,
    to: Annotated[str | None, typer.Option("--to", metavar="RECIPIENT", help="Who the case is handed over to.")] = None,
    case: CaseOpt = None,
    force: ForceOpt = False,
    force_reason_: ForceReasonOpt = None,
    today_: TodayOpt = None,
    commit: CommitOpt = False,
    lang: LangOpt = None,
) -> int:
    """Close the case: the `closed:` block added to case.yaml.

    Refuses (exit 1, nothing changed) while G113, G130 or G131 fail on the closing date,
    naming each; --force --force-reason TEXT goes ahead and records a waiver for each.
    (--reason is why the case closes; --force-reason is why the failing rules do not apply.)

    Example: gga close --reason "blijvend veilig" --to "Jeugdteam Escamp" --case 2026-0042
    """
    from gga_cli.recordings import record_close

    why = force_reason(force, force_reason_)
    reason_text, to = text(reason, "--reason"), text(to, "--to")
    found, folder = one_case(case, today_, lang, cached=False)
    check_git(commit, folder)
    with gated():
        outcome = record_close(found, folder, reason_text or "", day(date, found.today), to=to, force_reason=why)
    return finish(outcome, commit, "case closed")


def register(app: typer.Typer) -> None:
    app.command("close")(close)
