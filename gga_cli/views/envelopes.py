"""Every JSON document gga prints, in one place: the shapes of cli.md, and those gga adds."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gga_cli.agenda import AgendaItem
    from gga_cli.board import Row
    from gga_cli.caseload import Report
    from gga_cli.rules import Rule


def check(report: Report) -> dict[str, Any]:
    """`gga check --format json` (cli.md)."""
    return {
        "summary": {"cases": report.cases, "files": report.files, "errors": report.errors, "warnings": report.warnings},
        "diagnostics": [d.to_json() for d in report.diagnostics],
    }


def status(rows: list[Row]) -> dict[str, Any]:
    """`gga status --format json` (cli.md), each row with `overdue` and `alarm` besides."""
    return {"cases": [r.to_json() for r in rows]}


def agenda(items: list[AgendaItem], today: dt.date, days: int) -> dict[str, Any]:
    """`gga agenda --format json`: the day judged on, the window, and each deadline."""
    return {"today": today.isoformat(), "days": days, "deadlines": [i.to_json() for i in items]}


def rules(found: list[Rule]) -> list[dict[str, Any]]:
    """`gga rules --format json`: every rule with its default severity and settings."""
    return [
        {
            "code": r.code,
            "severity": r.severity.value,
            "summary": r.summary,
            "summary_nl": r.summary_nl,
            "booklet": r.booklet,
            "settings": list(r.settings),
        }
        for r in found
    ]
