"""`gga new-case`: scaffold the next case of a caseload."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import LangOpt, TodayOpt, UsageError, day, handles_errors, language, settings_language, today
from gga_cli.i18n import Lang, pick


class MeasureKind(StrEnum):
    ots = "ots"
    voogdij = "voogdij"
    jr = "jr"
    voluntary = "voluntary"


def _ask(value: str | None, option: str, question: str, lang: Lang) -> str:
    """A missing value: asked for on a terminal, else wrong use."""
    if value:
        return value
    if sys.stdin.isatty():
        answer: str = typer.prompt(question)
        return answer
    raise UsageError(pick(lang, f"{option} ontbreekt", f"missing {option}"))


@handles_errors
def new_case(
    family: Annotated[str | None, typer.Option("--family", help="How people refer to the family (a pseudonym is fine).")] = None,
    registered: Annotated[str | None, typer.Option("--registered", metavar="YYYY-MM-DD", help="Registration date (aanmelding).")] = None,
    worker: Annotated[str | None, typer.Option("--worker", help="The family's jeugdbeschermer.")] = None,
    measure: Annotated[MeasureKind | None, typer.Option("--measure", help="The measure.")] = None,
    start: Annotated[str | None, typer.Option("--start", metavar="YYYY-MM-DD", help="Start of the measure (default: registration).")] = None,
    end: Annotated[str | None, typer.Option("--end", metavar="YYYY-MM-DD", help="End of the measure; needed for ots and jr.")] = None,
    team: Annotated[str | None, typer.Option("--team", help="The worker's team.")] = None,
    root: Annotated[Path | None, typer.Option("--root", help="The caseload (default: the one you are in).")] = None,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Scaffold the next case id (YYYY-NNNN, year of registration) and print its folder.

    Asks for missing values on a terminal.

    Example: gga new-case --family "Familie Brood" --registered 2026-02-03 --worker "Peter Brood" --measure ots --end 2027-02-01
    """
    from gga_cli.locate import SETTINGS, find_upwards
    from gga_cli.scaffold import NewCase, needs_end, planned
    from gga_cli.scaffold import new_case as scaffold

    caseload = root or find_upwards(Path.cwd(), SETTINGS)
    said = settings_language(language(lang), caseload or Path.cwd())
    if caseload is None or not (caseload / SETTINGS).is_file():
        raise UsageError(pick(
            said, f"geen caseload ({SETTINGS}) in of boven {root or Path.cwd()}: maak er eerst een met `gga init`, of geef --root",
            f"no caseload ({SETTINGS}) at or above {root or Path.cwd()}: run `gga init` first or pass --root"))
    on = today(today_)
    family = _ask(family, "--family", pick(said, "Gezin", "Family"), said)
    worker = _ask(worker, "--worker", pick(said, "Jeugdbeschermer", "Worker"), said)
    registered_on = day(_ask(registered, "--registered", pick(said, "Aanmelding (JJJJ-MM-DD)", "Registered (YYYY-MM-DD)"), said), on)
    kind = measure or MeasureKind(_ask(None, "--measure", pick(
        said, "Maatregel (ots, voogdij, jr of voluntary voor vrijwillig kader)", "Measure (ots, voogdij, jr, voluntary)"), said))
    end_on = day(end, on) if end else None
    if needs_end(kind.value) and end_on is None:
        end_on = day(_ask(None, "--end", pick(said, "Einde van de maatregel (JJJJ-MM-DD)", "End of the measure (YYYY-MM-DD)"), said), on)
    spec = planned(NewCase(family, registered_on, worker, kind.value, day(start, registered_on), end_on, team), on)
    console.line(str(scaffold(caseload, spec)))
    return 0


def register(app: typer.Typer) -> None:
    app.command("new-case")(new_case)
