"""`gga export`: pseudonymised tables for the organisation's BI."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import PathArg, Refused, TodayOpt, UsageError, caseload, handles_errors

KEY_VARIABLE = "GGA_EXPORT_KEY"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


@handles_errors
def export(
    path: PathArg = None,
    format: Annotated[ExportFormat, typer.Option("--format", help="csv, or parquet (needs: pip install 'gga[export]').")] = ExportFormat.csv,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="The folder to write the tables to (created).")] = None,
    today_: TodayOpt = None,
) -> int:
    """Write pseudonymised tables of the caseload for the organisation's BI: cases, phases,
    contacts, scores, goals, assessments and findings, one file each.

    No name, note or free text leaves: case ids, workers and teams become keyed
    hashes (HMAC-SHA256); birth dates their years; dates, codes and counts stay. The key comes
    from the environment's GGA_EXPORT_KEY, else [stats] export_key in gga.toml; the same
    key gives a case the same pseudonym in every export. Without a key (of 16 characters
    or more) nothing is written.

    Example: gga export examples --format csv -o bi/ --today 2026-11-29   (with GGA_EXPORT_KEY set)
    """
    from gga_cli.stats.export import COLUMNS, MIN_KEY, csv_bytes, parquet_bytes, rows

    if output is None:
        raise UsageError("name the folder to write to: -o DIR")
    found = caseload([path] if path else [], today_, None)
    key = os.environ.get(KEY_VARIABLE) or found.settings.stats.export_key
    if not key:
        raise Refused(f"no key for the pseudonyms: set {KEY_VARIABLE} or [stats] export_key in gga.toml; nothing written")
    if len(key) < MIN_KEY:
        raise Refused(f"the export key is shorter than {MIN_KEY} characters; nothing written")
    if format is ExportFormat.parquet:
        try:
            import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
        except ImportError:
            raise Refused("--format parquet needs pyarrow: pip install 'gga[export]'; nothing written") from None
    tables = rows(found.cases(deadlines=False), key)
    from gga_cli.atomic import write_bytes

    try:
        output.mkdir(parents=True, exist_ok=True)
        for name in COLUMNS:
            data = csv_bytes(name, tables[name]) if format is ExportFormat.csv else parquet_bytes(name, tables[name])
            write_bytes(output / f"{name}.{format.value}", data)
    except OSError as err:
        raise UsageError(f"cannot write to {output}: {err.strerror}") from None
    console.note(f"{len(tables['cases'])} cases, {len(COLUMNS)} tables in {output}")
    return 0


def register(app: typer.Typer) -> None:
    app.command("export")(export)
