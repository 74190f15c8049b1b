"""`gga init`: make a caseload, or the demo caseload with `--demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import LangOpt, Refused, TodayOpt, handles_errors, language, settings_language, today
from gga_cli.i18n import pick


@handles_errors
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to make the caseload in (made if missing).")] = Path("."),
    demo: Annotated[bool, typer.Option("--demo", help="Write the demo caseload, its dates moved to today.")] = False,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Make a caseload: gga.toml, cases/, git settings, schemas, editor settings, pre-commit and CI.

    Runs `git init` where the folder is in no repository yet. With --demo, the caseload holds
    five families from the booklet, alive on today's date.

    Example: gga init --demo gga-demo
    """
    from gga_cli.scaffold import Exists, init_caseload, write_demo

    said = settings_language(language(lang), cwd=folder)
    try:
        written = write_demo(folder, today(today_)) if demo else init_caseload(folder)
    except Exists as err:
        raise Refused(pick(said, f"{err.settings} bestaat al: {err.root} is al een caseload; niets aangemaakt",
                           f"{err.settings} exists already: {err.root} is a caseload")) from None
    for path in written:
        console.line(str(path))
    console.note(pick(said, f"caseload klaar in {folder}: gga check {folder}", f"caseload ready in {folder}: gga check {folder}"))
    return 0


def register(app: typer.Typer) -> None:
    app.command("init")(init)
