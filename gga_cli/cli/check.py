"""`gga check`: validate files and rules over a caseload, case folders or files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import EXIT_FOUND, CheckFormat, LangOpt, TodayOpt, caseload, handles_errors


@handles_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Caseload roots, case folders or files (default: the caseload you are in).", show_default=False),
    ] = None,
    format: Annotated[CheckFormat, typer.Option("--format", help="text, json, or github (workflow commands).")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", min=1, help="Worker processes for many cases (default: one a processor, at most 8; 1: none).", show_default=False),
    ] = None,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Validate the case files and check the method's rules.

    Exit 0: no errors. Exit 1: errors found (or warnings, with --strict). Exit 2: wrong use.

    Example: gga check cases/2026-0042 --format json --today 2026-11-29
    """
    from gga_cli.views import envelopes

    found = caseload(paths or [], today_, lang)
    report = found.check(jobs)
    if format is CheckFormat.json:
        console.emit_json(envelopes.check(report))
    elif format is CheckFormat.github:
        for d in report.diagnostics:
            console.line(console.diagnostic_github(d))
    else:
        from gga_cli.views.check import summary

        for d in report.diagnostics:
            console.line(d.text())
        console.note(summary(report, found.lang))
    failed = report.errors > 0 or (strict and report.warnings > 0)
    return EXIT_FOUND if failed else 0


def register(app: typer.Typer) -> None:
    app.command("check")(check)
