"""`gga check`: validate files and rules over a caseload, case folders or files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import EXIT_FOUND, CheckFormat, LangOpt, TodayOpt, handles_errors, today


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
    from gga_cli.caseload import resolve
    from gga_cli.checking import check as run

    report = run(resolve(paths or []), today(today_), lang.value if lang else None, jobs)
    if format is CheckFormat.json:
        console.emit_json(
            {
                "summary": {"cases": report.cases, "files": report.files, "errors": report.errors, "warnings": report.warnings},
                "diagnostics": [d.to_json() for d in report.diagnostics],
            }
        )
    elif format is CheckFormat.github:
        for d in report.diagnostics:
            console.line(console.diagnostic_github(d))
    else:
        for d in report.diagnostics:
            console.line(console.diagnostic_text(d))
        console.note(f"{report.cases} cases, {report.files} files: {report.errors} errors, {report.warnings} warnings")
    failed = report.errors > 0 or (strict and report.warnings > 0)
    return EXIT_FOUND if failed else 0


def register(app: typer.Typer) -> None:
    app.command("check")(check)
