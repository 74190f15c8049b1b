"""`gga show`: one case in detail."""

from __future__ import annotations

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, LangOpt, TodayOpt, handles_errors, one_case


@handles_errors
def show(case: CaseOpt = None, today_: TodayOpt = None, lang: LangOpt = None) -> int:
    """One case in detail: family, measure, phases, children, deadlines, scores, timeline, goals, findings.

    Without --case, the case is the folder holding case.yaml at or above the current one.
    A case unchanged since it was last shown is shown from the cache in <caseload>/.gga/.

    Example: gga show --case 2026-0042 --today 2026-11-29
    """
    from gga_cli.casecache import Served

    found, folder = one_case(case, today_, lang)

    def view() -> Served:
        from gga_cli.views.show import case_view

        return Served(console.rendered(case_view(found.case(folder), found.today, found.lang, found.alarm_score)))

    console.write(found.served(folder, f"show {console.screen_key()}", view).stdout or "")
    return 0


def register(app: typer.Typer) -> None:
    app.command("show")(show)
