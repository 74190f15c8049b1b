"""`gga handover`: the handover report of one case, in Markdown or PDF."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import CaseOpt, LangOpt, Refused, TodayOpt, handles_errors, one_case
from gga_cli.i18n import pick

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload
    from gga_cli.handover import Format, Product


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
    from gga_cli.casecache import Served
    from gga_cli.reportfile import check_target, write_reports

    found, folder = one_case(case, today_, lang)
    if out is not None:  # a target refused before anything (the case cache included) is written
        check_target(out)
    cwd = Path.cwd()

    def report() -> Served:
        product = _produce(found, folder, "md", to, out, draft, cwd)
        return Served(product.stdout, {str(path): data.decode("utf-8") for path, data in product.files.items()},
                      notes=list(product.warnings))

    warnings: list[str]
    if format is ReportFormat.md:  # text: kept while the case is unchanged (a PDF is made each time)
        made = found.served(folder, f"handover md {to!r} {draft} {out!s} {cwd!s}", report)
        files = {Path(path): text.encode("utf-8") for path, text in made.files.items()}
        stdout, warnings = made.stdout, list(made.notes)
    else:
        product = _produce(found, folder, "pdf", to, out, draft, cwd)
        files, stdout, warnings = product.files, product.stdout, list(product.warnings)
    for warning in warnings:
        console.note(f"{pick(found.lang, 'waarschuwing', 'warning')}: {warning}")
    for path in write_reports(files):
        console.note(pick(found.lang, f"geschreven: {path}", f"wrote {path}"))
    if stdout is not None:
        console.line(stdout.rstrip("\n"))
    return 0


def _produce(found: Caseload, folder: Path, fmt: Format, to: str | None, out: Path | None, draft: bool, cwd: Path) -> Product:
    from gga_cli.handover import Incomplete

    try:
        return found.handover(folder, fmt, to, out, draft, cwd)
    except Incomplete as err:
        raise Refused(str(err) + "\n" + pick(found.lang, "maak een concept met --draft", "make a draft with --draft")) from None


def register(app: typer.Typer) -> None:
    app.command("handover")(handover)
