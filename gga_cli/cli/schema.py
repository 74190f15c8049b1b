"""`gga schema`: write the JSON Schemas of every file kind, or check they are current."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import EXIT_FOUND, LangOpt, Refused, UsageError, handles_errors, language, settings_language
from gga_cli.i18n import pick


@handles_errors
def schema(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write to.")] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help="Write nothing; fail if a schema is missing or stale.")] = False,
    lang: LangOpt = None,
) -> int:
    """Write draft-07 JSON Schemas of every case file and gga.toml, for editors and CI.

    Example: gga schema --check
    """
    from gga_cli.atomic import write_text
    from gga_cli.jsonschema import render, schemas

    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file: give the folder the schemas go in")
    said = settings_language(language(lang))
    stale = []
    for name, value in schemas().items():
        path = out / name
        text = render(value)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            try:
                out.mkdir(parents=True, exist_ok=True)
                write_text(path, text)
            except OSError as err:
                raise Refused(f"cannot write {path}: {err.strerror or err}") from None
            console.line(pick(said, f"geschreven: {path}", f"wrote {path}"))
    if check and stale:
        for path in stale:
            console.error(pick(said, f"{path} ontbreekt of is verouderd: draai `gga schema`", f"{path} is missing or stale: run `gga schema`"))
        return EXIT_FOUND
    return 0


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
