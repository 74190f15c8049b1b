"""`gga keys list|add|remove`: the age public keys an encrypted caseload is encrypted for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Refused, handles_errors

keys_app = typer.Typer(help="Who can read this encrypted caseload.\n\nExample: gga keys list", no_args_is_help=True)

FolderOpt = Annotated[Path, typer.Option("--caseload", help="The caseload (default: the current folder).")]
KeyArg = Annotated[str, typer.Argument(metavar="AGE_PUBLIC_KEY", help="An age public key (age1...).")]


@handles_errors
def list_(folder: FolderOpt = Path(".")) -> int:
    """Every recipient, one a line: its role (medewerker or escrow) and its public key.

    Example: gga keys list
    """
    from gga_cli.crypt.keys import ESCROW, KeyProblem, read_recipients

    try:
        recipients = read_recipients(folder)
    except KeyProblem as err:
        raise Refused(str(err)) from None
    for r in recipients:
        console.line(f"{'escrow' if r.role == ESCROW else 'medewerker':<10}  {r.key}")
    return 0


@handles_errors
def add(
    key: KeyArg,
    escrow: Annotated[bool, typer.Option("--escrow", help="The key is the organisation's escrow key.")] = False,
    folder: FolderOpt = Path("."),
) -> int:
    """Add a recipient and encrypt every staged case file again for all of them (commit after).

    Example: gga keys add age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
    """
    from gga_cli.crypt.caseload import add as add_key
    from gga_cli.crypt.gitsetup import GitProblem
    from gga_cli.crypt.keys import ESCROW, WORKER, KeyProblem

    try:
        count = add_key(folder, key, ESCROW if escrow else WORKER)
    except (KeyProblem, GitProblem) as err:
        raise Refused(str(err)) from None
    console.note(f"ontvanger toegevoegd; {count} bestanden opnieuw versleuteld en klaargezet: git commit -m 'nieuwe ontvanger'")
    return 0


@handles_errors
def remove(key: KeyArg, folder: FolderOpt = Path(".")) -> int:
    """Remove a recipient and encrypt every staged case file again for the rest (commit after).

    What that key has fetched already (every clone, every old commit) stays readable to it:
    only new commits are closed to it.

    Example: gga keys remove age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
    """
    from gga_cli.crypt.caseload import remove as remove_key
    from gga_cli.crypt.gitsetup import GitProblem
    from gga_cli.crypt.keys import KeyProblem

    try:
        count = remove_key(folder, key)
    except (KeyProblem, GitProblem) as err:
        raise Refused(str(err)) from None
    console.note(f"ontvanger verwijderd; {count} bestanden opnieuw versleuteld en klaargezet: git commit -m 'ontvanger verwijderd'")
    console.line("let op: de geschiedenis die deze sleutel al heeft opgehaald blijft voor die sleutel leesbaar; "
                 "alleen nieuwe commits zijn voor hem dicht.")
    return 0


def register(app: typer.Typer) -> None:
    keys_app.command("list")(list_)
    keys_app.command("add")(add)
    keys_app.command("remove")(remove)
    app.add_typer(keys_app, name="keys")
