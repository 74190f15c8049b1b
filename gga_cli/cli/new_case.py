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
    end: Annotated[str | None, typer.Option(
        "--end", metavar="YYYY-MM-DD",
        help="End of the measure. An OTS without it ends 12 months after its start; a JR needs it (the court sets its term).")] = None,
    team: Annotated[str | None, typer.Option("--team", help="The worker's team.")] = None,
    local_team: Annotated[str | None, typer.Option("--local-team", help="The wijk-/jeugdteam that stays involved (G115).")] = None,
    previous: Annotated[
        list[str] | None,
        typer.Option("--previous", metavar="YYYY-NNNN", help="An earlier case of this family (repeat for more): the family came back."),
    ] = None,
    root: Annotated[Path | None, typer.Option("--root", help="The caseload (default: the one you are in).")] = None,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """Scaffold the next case id (YYYY-NNNN, year of registration) and print its folder.

    Asks for missing values on a terminal. An OTS without --end ends 12 months after its
    start (an OTS runs at most a year a term), and says so; a JR asks for its end on a
    terminal and is refused without one elsewhere (the court sets its term). The files are
    validated before they are written. --previous names an earlier case of the family
    (`previous_cases` in case.yaml), so that `gga stats` counts its return.

    Example: gga new-case --family "Familie Brood" --registered 2026-02-03 --worker "Peter Brood" --measure ots
    """
    from gga_cli.i18n import pick
    from gga_cli.locate import SETTINGS, find_upwards
    from gga_cli.scaffold import NewCase, default_end, needs_end, planned
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
    start_on = day(start, registered_on)
    end_on = day(end, on) if end else default_end(kind.value, start_on)
    if end is None and end_on is not None:
        console.note(pick(said, f"OTS zonder --end: einde op {end_on.isoformat()}, 12 maanden na de start (een OTS loopt "
                                "hoogstens een jaar per termijn); geef --end voor een andere datum",
                          f"OTS without --end: it ends on {end_on.isoformat()}, 12 months after its start (an OTS runs "
                          "at most a year a term); give --end for another day"))
    if needs_end(kind.value) and end_on is None:
        if not sys.stdin.isatty():
            raise UsageError(pick(said, "een JR heeft een einddatum nodig: de rechter bepaalt de termijn; geef --end YYYY-MM-DD",
                                  "a JR needs its end date: the court sets its term; give --end YYYY-MM-DD"))
        end_on = day(_ask(None, "--end", pick(said, "Einde van de maatregel, door de rechter bepaald (JJJJ-MM-DD)",
                                              "End of the measure as set by the court (YYYY-MM-DD)"), said), on)
    spec = planned(NewCase(family, registered_on, worker, kind.value, start_on, end_on, team, local_team, tuple(previous or ())), on)
    console.line(str(scaffold(caseload, spec, on, said)))
    return 0


def register(app: typer.Typer) -> None:
    app.command("new-case")(new_case)
