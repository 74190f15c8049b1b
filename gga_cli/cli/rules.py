"""`gga rules`: every rule, with its severity, what it checks and the booklet's words."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Format, LangOpt, Language, handles_errors
from gga_cli.i18n import Lang


@handles_errors
def rules(
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
    lang: LangOpt = None,
) -> int:
    """List every rule: code, default severity, what it checks, its day counts (each the
    booklet's or a default of gga), the booklet's words.

    Example: gga rules --format json
    """
    from gga_cli.models.settings import BOOKLET_NUMBERS, Deadlines
    from gga_cli.rules import REGISTRY
    from gga_cli.tables import rules_table

    language: Lang = "en" if lang is Language.en else "nl"
    if format is Format.json:
        console.emit_json(
            [
                {
                    "code": r.code,
                    "severity": r.severity.value,
                    "summary": r.summary,
                    "summary_nl": r.summary_nl,
                    "booklet": r.booklet,
                    "settings": list(r.settings),
                    "numbers": [
                        {"setting": n, "default": Deadlines.model_fields[n].default,
                         "source": "booklet" if n in BOOKLET_NUMBERS else "default",
                         "booklet": BOOKLET_NUMBERS.get(n, "")}
                        for n in r.settings
                    ],
                }
                for r in REGISTRY.values()
            ]
        )
    else:
        console.show(rules_table(list(REGISTRY.values()), language))
    return 0


def register(app: typer.Typer) -> None:
    app.command("rules")(rules)
