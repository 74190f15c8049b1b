"""`gga stats`: the method's figures over a caseload and a period."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from gga_cli import console
from gga_cli.cli.common import LangOpt, Language, PathArg, Refused, TodayOpt, UsageError, day, handles_errors, today
from gga_cli.i18n import Lang


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
    from gga_cli.caseload import resolve
    from gga_cli.rules.timeline import add_years
    from gga_cli.stats.figures import Period
    from gga_cli.stats.figures import stats as figures
    from gga_cli.stats.source import facts

    now = today(today_)
    end = day(to, now)
    start = day(from_, add_years(end, -1))
    if start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    language: Lang | None = "en" if lang is Language.en else "nl" if lang is Language.nl else None
    target = resolve([path] if path else [])
    with console.progress("zaken laden" if language != "en" else "loading cases") as begin:
        found, settings, ctx = facts(target, now, language, begin)
    group = by.value if by else None
    if format in (StatsFormat.html, StatsFormat.pdf):
        return _document(found, ctx, Period(start, end), group, settings, format is StatsFormat.pdf, output)
    report = figures(found, ctx, Period(start, end), group, settings.stats.min_group)
    if format is StatsFormat.json:
        import json

        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    elif format is StatsFormat.csv:
        from gga_cli.stats.text import csv_text

        text = csv_text(report)
    else:
        from gga_cli.stats.text import text as as_text

        text = as_text(report, by.value if by else None, settings.deadlines, ctx.lang)
    _out(text, output)
    return 0


def _document(found: Any, ctx: Any, period: Any, by: str | None, settings: Any, pdf: bool, output: Path | None) -> int:
    from gga_cli.handover.pdf import RenderError
    from gga_cli.stats.charts import ChartsUnavailable
    from gga_cli.stats.page import document

    if pdf and output is None:
        raise UsageError("--format pdf writes a file: name it with -o")
    try:
        made = document(found, ctx, period, by, settings.stats.min_group, settings.deadlines, pdf)
    except ChartsUnavailable as err:
        raise Refused(f"{err}; nothing written") from None
    except RenderError as err:
        raise Refused(str(err)) from None
    if isinstance(made, bytes):
        assert output is not None
        from gga_cli.atomic import write_bytes

        try:
            write_bytes(output, made)
        except OSError as err:
            raise UsageError(f"cannot write {output}: {err.strerror}") from None
    else:
        _out(made, output)
    return 0


def _out(text: str, output: Path | None) -> None:
    if output is None:
        console.line(text.removesuffix("\n"))
        return
    from gga_cli.atomic import write_text

    try:
        write_text(output, text)
    except OSError as err:
        raise UsageError(f"cannot write {output}: {err.strerror}") from None


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
