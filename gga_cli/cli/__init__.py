"""The `gga` command line: one module a command, each only parsing, calling and printing."""

from __future__ import annotations

import sys

import typer

from gga_cli import __version__
from gga_cli.cli import agenda, check, close, contact, genogram, handover, init, new_case, phase, rules, schema, score, show, status

app = typer.Typer(
    name="gga",
    help="Case files of the Gezinsgerichte Aanpak: check, record, see and hand over.\n\n"
    "Example: gga check examples --today 2026-11-29",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

for module in (agenda, check, close, contact, genogram, handover, init, new_case, phase, rules, schema, score, show, status):
    module.register(app)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"gga {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Case files of the Gezinsgerichte Aanpak: check, record, see and hand over.

    Example: gga check examples --today 2026-11-29
    """


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("gga: interrupted\n")
        raise SystemExit(130) from None
