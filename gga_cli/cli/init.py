"""`gga init`: make a caseload, or the demo caseload with `--demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import LangOpt, Refused, TodayOpt, UsageError, handles_errors, language, settings_language, today
from gga_cli.i18n import pick


@handles_errors
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to make the caseload in (made if missing).")] = Path("."),
    demo: Annotated[bool, typer.Option("--demo", help="Write the demo caseload, its dates moved to today.")] = False,
    today_: TodayOpt = None,
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Keep the case files encrypted in git (age); needs --recipient and --escrow.")] = False,
    recipient: Annotated[list[str] | None, typer.Option("--recipient", metavar="AGE_PUBLIC_KEY", help="A worker's age public key (repeat for each worker).")] = None,
    escrow: Annotated[list[str] | None, typer.Option("--escrow", metavar="AGE_PUBLIC_KEY", help="The organisation's escrow key (its records office).")] = None,
    lang: LangOpt = None,
) -> int:
    """Make a caseload: gga.toml, cases/, git settings, schemas, editor settings, pre-commit and CI.

    Runs `git init` where the folder is in no repository yet. With --demo, the caseload holds
    five families from the booklet, alive on today's date.

    With --encrypt, every file under cases/ is an age file in the repository and plain in
    the working tree: .gga-recipients lists the public keys (every worker and the
    organisation's escrow key, without which gga refuses), .gitattributes and the git
    config carry gga's filter, merge driver and diff. Each clone then runs `gga crypt setup`.

    Example: gga init --demo gga-demo

    Example: gga init team-west --encrypt --recipient age1... --escrow age1...
    """
    from gga_cli.scaffold import Exists, init_caseload, write_demo

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file: gga init makes a caseload in a folder")
    if (recipient or escrow) and not encrypt:
        raise UsageError("--recipient and --escrow belong with --encrypt")
    if encrypt:
        from gga_cli.crypt.caseload import check_new
        from gga_cli.crypt.keys import KeyProblem

        if not recipient or not escrow:
            raise UsageError("--encrypt needs at least one --recipient (a worker) and an --escrow key of the organisation")
        try:
            check_new(folder, recipient, escrow)
        except KeyProblem as err:
            raise UsageError(str(err)) from None
    said = settings_language(language(lang), cwd=folder)
    try:
        written = write_demo(folder, today(today_)) if demo else init_caseload(folder)
    except Exists as err:
        raise Refused(pick(said, f"{err.settings} bestaat al: {err.root} is al een caseload; niets aangemaakt",
                           f"{err.settings} exists already: {err.root} is a caseload")) from None
    except OSError as err:
        raise Refused(f"cannot make a caseload in {folder}: {err.strerror or err}") from None
    if encrypt:
        from gga_cli.crypt.caseload import encrypt_new

        assert recipient and escrow
        written += encrypt_new(folder, recipient, escrow)
    for path in written:
        console.line(str(path))
    console.note(pick(said, f"caseload klaar in {folder}: gga check {folder}", f"caseload ready in {folder}: gga check {folder}"))
    return 0


def register(app: typer.Typer) -> None:
    app.command("init")(init)
