"""What every command shares: option aliases, the day rules are judged on, the caseload a
command works on, and the one place where gga's errors become messages and exit codes."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from gga_cli import console
from gga_cli.errors import EXIT_FOUND, EXIT_OK, EXIT_USAGE, GgaError, Refused, UsageError
from gga_cli.i18n import Lang

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload

__all__ = ["EXIT_FOUND", "EXIT_OK", "EXIT_USAGE", "Refused", "UsageError"]

F = TypeVar("F", bound=Callable[..., Any])


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from gga_cli.dates import EARLIEST, LATEST, in_span

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is no date YYYY-MM-DD") from None
    if not in_span(day):
        raise typer.BadParameter(f"'{value}' is outside {EARLIEST.year}..{LATEST.year}")
    return day


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


def language(lang: Language | None) -> Lang | None:
    """--lang as the library takes it: None leaves the choice to gga.toml."""
    return None if lang is None else ("en" if lang is Language.en else "nl")


def caseload(paths: list[Path], today_: str | None, lang: Language | None, settings_may_break: bool = False) -> Caseload:
    """The caseload of a command's path arguments (none: the one you are in). Its gga.toml
    must hold, unless `settings_may_break` (`gga check`, which reports what is wrong in it)."""
    from gga_cli.caseload import Caseload
    from gga_cli.orgsettings import settings_hold

    found = Caseload.open(paths, today=today(today_), lang=language(lang))
    return found if settings_may_break else settings_hold(found)


def one_case(case: str | None, today_: str | None, lang: Language | None, cached: bool = True) -> tuple[Caseload, Path]:
    """The caseload of `--case` (or the case folder you are in), and the case's folder.
    `cached` False: the command is never served from a cache (`orgsettings.settings_hold`)."""
    from gga_cli.caseload import Caseload
    from gga_cli.orgsettings import settings_hold

    found, folder = Caseload.of_case(case, today=today(today_), lang=language(lang), cwd=Path.cwd())
    return settings_hold(found, cached), folder


def handles_errors(command: F) -> F:
    """Turn the errors a user can cause into a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            code = command(*args, **kwargs)
        except typer.BadParameter:
            raise
        except GgaError as err:
            console.error(err.said(f"--{err.about.replace('_', '-')}" if err.about else None))
            raise typer.Exit(err.exit_code) from None
        except BrokenPipeError:
            raise typer.Exit(EXIT_OK) from None
        raise typer.Exit(code or EXIT_OK)

    return wrapper  # type: ignore[return-value]


def settings_language(lang: Lang | None, cwd: Path | None = None) -> Lang:
    """The language of a command that reads no case: --lang, else that of the caseload you
    are in (its gga.toml), else Dutch."""
    if lang is not None:
        return lang
    from gga_cli.config import load_settings
    from gga_cli.locate import SETTINGS, find_upwards

    root = find_upwards(cwd or Path.cwd(), SETTINGS)
    return load_settings(root)[0].organisation.language if root is not None else "nl"
