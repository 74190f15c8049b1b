"""`gga handover`: the handover report of one case, in Markdown or PDF."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, LangOpt, Refused, TodayOpt, handles_errors, one_case
from gga_cli.i18n import pick


class ReportFormat(StrEnum):
    md = "md"
    pdf = "pdf"


@handles_errors
def handover(
    format: Annotated[ReportFormat, typer.Option("--format", help="md (Markdown) or pdf (PDF/A-2b).")] = ReportFormat.md,
    to: Annotated[str | None, typer.Option("--to", metavar="PROFILE", help="A recipient profile of gga.toml: only its sections, the network by initials unless it allows names.")] = None,
    lang: LangOpt = None,
    out: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write here. Markdown: drawings go beside it as PATH-stem-NAME.svg; without -o it goes to stdout with the drawings inline. PDF: default ./<case-id>-overdracht.pdf.")] = None,
    case: CaseOpt = None,
    draft: Annotated[bool, typer.Option("--draft", help="Make the report although the handover is incomplete; every page is marked CONCEPT.")] = False,
    today_: TodayOpt = None,
) -> int:
    """The handover report (100% schone overdracht): the whole case file, or what a recipient may see.

    Refuses (exit 1, nothing written) while the handover lacks a part (G130) or a ground
    for sharing (G131), naming each; --draft makes it anyway, marked CONCEPT.
    Entries marked `private: true` never appear.

    Example: gga handover --format pdf --to jeugdteam --case 2026-0042 --today 2026-11-29
    """
    from gga_cli.handover import Incomplete
    from gga_cli.reportfile import write_reports

    found, folder = one_case(case, today_, lang)
    try:
        product = found.handover(folder, format.value, to, out, draft, Path.cwd())
    except Incomplete as err:
        raise Refused(str(err) + "\n" + pick(found.lang, "maak een concept met --draft", "make a draft with --draft")) from None
    for warning in product.warnings:
        console.note(f"{pick(found.lang, 'waarschuwing', 'warning')}: {warning}")
    for path in write_reports(product.files):
        console.note(pick(found.lang, f"geschreven: {path}", f"wrote {path}"))
    if product.stdout is not None:
        console.line(product.stdout.rstrip("\n"))
    return 0


def register(app: typer.Typer) -> None:
    app.command("handover")(handover)
