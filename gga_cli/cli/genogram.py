"""`gga genogram`: the family's genogram and sociogram as SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, LangOpt, Refused, TodayOpt, handles_errors, one_case
from gga_cli.i18n import pick


@handles_errors
def genogram(
    out: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write the SVG here (default: stdout).")] = None,
    case: CaseOpt = None,
    lang: LangOpt = None,
    today_: TodayOpt = None,
) -> int:
    """The genogram (McGoldrick notation) with the network as a sociogram beside it, as SVG.

    Ages are computed for --today. Without -o the SVG goes to stdout.

    Example: gga genogram -o genogram.svg --case 2026-0042 --today 2026-11-29
    """
    from gga_cli.casecache import Served

    found, folder = one_case(case, today_, lang)
    if out is not None:  # a target refused before anything (the case cache included) is written
        from gga_cli.reportfile import check_target

        check_target(out)

    def draw() -> Served:
        from gga_cli.diagnostics import Severity, listing
        from gga_cli.genogram import drawing

        loaded, diagnostics = found.load(folder)
        problems = [d for d in found.settings_problems + diagnostics if d.severity is Severity.ERROR]
        if loaded.genogram is None:
            raise Refused("\n".join([pick(found.lang, "de zaak heeft geen leesbaar genogram.yaml:", "the case has no readable genogram.yaml:"),
                                     *listing(problems)]))
        notes = [d.text("line") for d in problems]
        return Served(drawing(loaded.genogram, found.today, found.lang, f"Genogram {loaded.id}"), notes=notes)

    made = found.served(folder, "genogram", draw)
    for note in made.notes:
        console.note(note)
    svg = made.stdout or ""
    if out is None:
        console.line(svg.rstrip("\n"))
        return 0
    from gga_cli.reportfile import write_report

    write_report(out, svg.encode("utf-8"))
    console.note(pick(found.lang, f"geschreven: {out}", f"wrote {out}"))
    return 0


def register(app: typer.Typer) -> None:
    app.command("genogram")(genogram)
