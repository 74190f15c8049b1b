"""`gga stats`: the method's figures over a caseload and a period."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import LangOpt, PathArg, TodayOpt, UsageError, caseload, day, handles_errors
from gga_cli.i18n import pick


class StatsFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"
    pdf = "pdf"


class By(StrEnum):
    team = "team"
    worker = "worker"
    measure = "measure"
    phase = "phase"


@handles_errors
def stats(
    path: PathArg = None,
    from_: Annotated[str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="First day of the period (default: a year before --to).")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day of the period (default: today).")] = None,
    by: Annotated[By | None, typer.Option("--by", help="One group of figures a team, worker, measure kind or phase.")] = None,
    format: Annotated[StatsFormat, typer.Option("--format", help="Output format.")] = StatsFormat.text,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of the screen.")] = None,
    today_: TodayOpt = None,
    lang: LangOpt = None,
) -> int:
    """The method's figures over a period: volume, timeliness (G101-G103, G107-G109,
    G117), course, safety, closure quality and families that came back.

    Every figure says how many cases it rests on. A group, or a figure, resting on fewer
    cases than [stats] min_group of gga.toml (default 5) shows no figures: "te weinig
    zaken", so that no figure points at one family. Facts of unchanged cases come from
    the cache in <caseload>/.gga/.

    html: one self-contained page with charts (timeliness per month, days in each
    phase, score change, returns) and their tables; pdf: the same through typst (needs
    -o). Both need matplotlib: pip install 'gga[stats]'.

    Example: gga stats examples --by worker --from 2026-01-01 --to 2026-11-29 --today 2026-11-29
    """
    from gga_cli.stats.figures import Period, one_year_before
    from gga_cli.stats.source import facts

    if format is StatsFormat.pdf and output is None:
        raise UsageError("--format pdf writes a file: name it with -o")
    found = caseload([path] if path else [], today_, lang)
    end = day(to, found.today)
    start = day(from_, one_year_before(end))
    if start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    with console.progress(pick(found.lang, "zaken laden", "loading cases")) as begin:
        cases = facts(found, begin)
    period, group, min_group = Period(start, end), by.value if by else None, found.settings.stats.min_group
    if format in (StatsFormat.html, StatsFormat.pdf):
        from gga_cli.stats.page import document

        made = document(cases, found.ctx, period, group, min_group, found.settings.deadlines, format is StatsFormat.pdf)
    else:
        from gga_cli.stats import text

        made = text.render(format.value, cases, found.ctx, period, group, min_group, found.settings.deadlines)
    if output is None:
        console.line(str(made).removesuffix("\n"))
        return 0
    from gga_cli.atomic import write_bytes

    try:
        write_bytes(output, made if isinstance(made, bytes) else made.encode("utf-8"))
    except OSError as err:
        raise UsageError(f"cannot write {output}: {err.strerror}") from None
    return 0


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
