"""What every command shares: option aliases, the day rules are judged on, and the one
place where expected errors become messages and exit codes."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from gga_cli import console

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_FOUND = 1  # errors found in the data, or the command refused and changed nothing
EXIT_USAGE = 2  # wrong use: unknown flag, bad value, path or case not found
EXIT_NOT_COMMITTED = 3  # --commit: the files were changed, the git commit failed


class UsageError(Exception):
    """The user asked for something that cannot be: exit 2, with the message."""


class Refused(Exception):
    """The command will not do it (the rules for the step fail): exit 1, nothing changed."""


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is no date YYYY-MM-DD") from None


class Format(StrEnum):
    text = "text"
    json = "json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class Language(StrEnum):
    nl = "nl"
    en = "en"


TodayOpt = Annotated[
    str | None,
    typer.Option("--today", metavar="YYYY-MM-DD", help="Judge the rules as on this day (default: the system date)."),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="The day it happened (default: today)."),
]
CaseOpt = Annotated[
    str | None,
    typer.Option("--case", metavar="ID_OR_PATH", help="The case: its id or folder (default: the case folder you are in)."),
]
LangOpt = Annotated[
    Language | None,
    typer.Option("--lang", help="Language of messages and reports (default: gga.toml, else nl)."),
]
FormatOpt = Annotated[Format, typer.Option("--format", help="Output format.")]
PathArg = Annotated[
    Path | None,
    typer.Argument(help="A caseload root or case folder (default: the caseload you are in).", show_default=False),
]


def today(value: str | None) -> dt.date:
    """The day rules are judged on: --today where given, else the system date."""
    return _date(value) or dt.date.today()


def day(value: str | None, default: dt.date) -> dt.date:
    return _date(value) or default


def handles_errors(command: F) -> F:
    """Turn the errors a user can cause into a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from gga_cli.caseload import NotFound
        from gga_cli.reportfile import BadTarget, WriteFailed

        try:
            code = command(*args, **kwargs)
        except typer.BadParameter:
            raise
        except (UsageError, NotFound, BadTarget) as err:
            console.error(str(err))
            raise typer.Exit(EXIT_USAGE) from None
        except (Refused, WriteFailed) as err:
            console.error(str(err))
            raise typer.Exit(EXIT_FOUND) from None
        except BrokenPipeError:
            raise typer.Exit(EXIT_OK) from None
        raise typer.Exit(code or EXIT_OK)

    return wrapper  # type: ignore[return-value]
