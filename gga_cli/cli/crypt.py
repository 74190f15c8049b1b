"""`gga crypt setup`: make a fresh clone of an encrypted caseload work with this worker's key."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Refused, handles_errors

crypt_app = typer.Typer(help="An encrypted caseload in this clone.\n\nExample: gga crypt setup", no_args_is_help=True)


@handles_errors
def setup(
    folder: Annotated[Path, typer.Argument(help="The caseload (the repository's root).")] = Path("."),
) -> int:
    """Configure this clone: git's filter, merge driver and diff for gga, then check the case
    files out as plaintext. The key comes from GGA_AGE_KEY_FILE (else SOPS_AGE_KEY_FILE,
    else ~/.config/sops/age/keys.txt). Without a key that opens the case files it refuses
    and writes nothing.

    Example: GGA_AGE_KEY_FILE=~/.age/gga.txt gga crypt setup
    """
    from gga_cli.crypt.caseload import setup as configure
    from gga_cli.crypt.gitsetup import GitProblem
    from gga_cli.crypt.keys import KeyProblem

    try:
        done = configure(folder)
    except (KeyProblem, GitProblem) as err:
        raise Refused(str(err)) from None
    from gga_cli.crypt.keys import RECIPIENTS

    if (folder / RECIPIENTS).exists():
        console.note(f"versleutelde caseload ingesteld in {folder}: {done.checked_out} bestanden ontsleuteld uitgecheckt")
    else:  # a clone made with --no-checkout
        console.note(f"versleutelde caseload ingesteld in {folder}: nog niets uitgecheckt; git checkout ontsleutelt wat het uitcheckt")
    return 0


def register(app: typer.Typer) -> None:
    crypt_app.command("setup")(setup)
    app.add_typer(crypt_app, name="crypt")
