"""The `gga` command line: one module a command, each only parsing, calling and printing."""

from __future__ import annotations

import functools
import gc
import importlib
import sys
from typing import Any

# A run of gga is one short process that makes many objects and few cycles: the classes,
# schemas and validators of typer, pydantic and gga's models. The collector's default of a
# pass every 700 new objects scanned them again and again (some 80 passes, about 30 ms of
# `gga score`, measured with gc.callbacks); a young generation of 100,000 still collects
# the few cycles. Set before typer is imported, as its import makes the first of them.
gc.set_threshold(100_000, 50, 100)

import typer  # noqa: E402 - after the collector's threshold

from gga_cli import __version__

# the command modules, in the order `gga --help` lists their commands; each has `register(app)`
_MODULES = ("agenda", "check", "close", "contact", "crypt", "erase", "export", "genogram", "handover", "init", "keys",
            "log", "new_case", "phase", "retention", "rules", "schema", "score", "show", "stats", "status")

_SETTINGS: dict[str, Any] = {
    "name": "gga",
    "help": "Case files of the Gezinsgerichte Aanpak: check, record, see and hand over.\n\n"
    "Example: gga check examples --today 2026-11-29",
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"gga {__version__}\n")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Case files of the Gezinsgerichte Aanpak: check, record, see and hand over.

    Example: gga check examples --today 2026-11-29
    """


def _app(modules: tuple[str, ...]) -> typer.Typer:
    """The app with the commands of these command modules (imported here, not before)."""
    made = typer.Typer(**_SETTINGS)
    made.callback()(_root)
    for name in modules:
        importlib.import_module(f"gga_cli.cli.{name}").register(made)
    return made


@functools.cache
def _whole() -> typer.Typer:
    return _app(_MODULES)


def __getattr__(name: str) -> typer.Typer:
    """`app`, every command registered: made on first use, as a run of one command needs
    its own module only."""
    if name == "app":
        return _whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _only_asked(args: list[str]) -> typer.Typer:
    """The app with only the command named first in `args`, where it names one.

    Typer builds the parameters of every registered command before it parses a word
    (about 10 ms for fourteen commands), and importing every command module costs as
    much again; one command needs its own only. Help, a root option, a group of commands
    or an unknown name get the whole app, so what they print is unchanged.
    """
    module = args[0].replace("-", "_") if args else ""
    if module in _MODULES:
        one = _app((module,))
        if any(command.name == args[0] for command in one.registered_commands):
            return one
    return _whole()


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no file descriptor behind stdout
        pass


def main() -> None:
    try:
        try:
            _only_asked(sys.argv[1:])()
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not after exit
    except KeyboardInterrupt:
        sys.stderr.write("gga: interrupted\n")
        raise SystemExit(130) from None
    except BrokenPipeError:
        _silence_stdout()  # the reader stopped reading (`gga status | head`): not an error
        raise SystemExit(0) from None
    except OSError as err:
        _silence_stdout()
        where = f"{err.filename}" if err.filename else "cannot write the output"
        sys.stderr.write(f"gga: {where}: {err.strerror or err}\n")
        raise SystemExit(1) from None
