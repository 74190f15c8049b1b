"""`gga init`: make a caseload, or the demo caseload with `--demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Refused, TodayOpt, UsageError, handles_errors, today


@handles_errors
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to make the caseload in (made if missing).")] = Path("."),
    demo: Annotated[bool, typer.Option("--demo", help="Write the demo caseload, its dates moved to today.")] = False,
    today_: TodayOpt = None,
) -> int:
    """Make a caseload: gga.toml, cases/, git settings, schemas, editor settings, pre-commit and CI.

    Runs `git init` where the folder is in no repository yet. With --demo, the caseload holds
    five families from the booklet, alive on today's date.

    Example: gga init --demo gga-demo
    """
    from gga_cli.scaffold import Exists, init_caseload, write_demo

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file: gga init makes a caseload in a folder")
    try:
        written = write_demo(folder, today(today_)) if demo else init_caseload(folder)
    except Exists as err:
        raise Refused(str(err)) from None
    except OSError as err:
        raise Refused(f"cannot make a caseload in {folder}: {err.strerror or err}") from None
    for path in written:
        console.line(str(path))
    console.note(f"caseload ready in {folder}: gga check {folder}")
    return 0


def register(app: typer.Typer) -> None:
    app.command("init")(init)
