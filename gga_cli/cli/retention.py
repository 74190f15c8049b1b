"""`gga retention`: closed cases with their retention dates, due now or within N days."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Format, FormatOpt, LangOpt, PathArg, TodayOpt, caseload, handles_errors
from gga_cli.i18n import pick


@handles_errors
def retention(
    path: PathArg = None,
    days: Annotated[int | None, typer.Option("--days", min=0, metavar="N", help="Only cases due now or within N days (default: every closed case).")] = None,
    format: FormatOpt = Format.text,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Every closed case with the day to review keeping it (20 years after closing, or
    gga.toml's retention_years) and, after an OTS or voogdij, the latest day it may be kept
    (the youngest child turns 48). gga deletes nothing by itself: see `gga erase`.

    Example: gga retention --days 90 --today 2046-06-01
    """
    from gga_cli.retaining import retention as gather
    from gga_cli.views import envelopes

    found = caseload([path] if path else [], today_, lang)
    items = gather(found, days)

    def text() -> None:
        if not items:
            console.note(pick(found.lang, "geen afgesloten zaken in deze periode", "no closed cases in this period"))
            return
        from gga_cli.views.retention import retention_table

        console.show(retention_table(items, found.lang))

    console.present(format, lambda: envelopes.retention(items, found.today, days), text)
    return 0


def register(app: typer.Typer) -> None:
    app.command("retention")(retention)
