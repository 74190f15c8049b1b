"""`gga genogram`: the family's genogram and sociogram as SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, LangOpt, Refused, TodayOpt, handles_errors, today


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
    from gga_cli.casefind import find_case
    from gga_cli.genogram import drawing
    from gga_cli.handover import load

    loaded = load(find_case(case, Path.cwd()), today(today_), lang.value if lang else None)
    if loaded.case.genogram is None:
        raise Refused("\n".join(["the case has no readable genogram.yaml:"] + [f"  {d.file}:{d.line or ''} {d.code} {d.message}" for d in loaded.problems]))
    for d in loaded.problems:
        console.note(f"{d.file}:{d.line or ''}: {d.code} {d.message}")
    svg = drawing(loaded.case.genogram, loaded.ctx.today, loaded.ctx.lang, f"Genogram {loaded.case.id}")
    if out is None:
        console.line(svg.rstrip("\n"))
        return 0
    from gga_cli.reportfile import write_report

    write_report(out, svg.encode("utf-8"))
    console.note(f"wrote {out}")
    return 0


def register(app: typer.Typer) -> None:
    app.command("genogram")(genogram)
