"""`gga retention`: closed cases with their retention dates, due now or within N days."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Format, FormatOpt, LangOpt, PathArg, TodayOpt, handles_errors, today


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
    from gga_cli.caseload import resolve
    from gga_cli.retaining import retention as gather

    day = today(today_)
    found, language = gather(resolve([path] if path else []), day, days, lang.value if lang else None)
    if format is Format.json:
        console.emit_json({"today": day.isoformat(), "days": days, "cases": [k.to_json() for k in found]})
    elif not found:
        console.note("geen afgesloten zaken in deze periode" if language == "nl" else "no closed cases in this period")
    else:
        from gga_cli.retainings import retention_table

        console.show(retention_table(found, language))
    return 0


def register(app: typer.Typer) -> None:
    app.command("retention")(retention)
