"""`gga rules`: every rule, with its severity, what it checks and the booklet's words."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import Format, LangOpt, handles_errors, language, settings_language


@handles_errors
def rules(
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
    lang: LangOpt = None,
) -> int:
    """List every rule: code, default severity, what it checks, the booklet's words.

    Example: gga rules --format json
    """
    from gga_cli.rules import REGISTRY
    from gga_cli.views import envelopes

    found = list(REGISTRY.values())

    def text() -> None:
        from gga_cli.views.rules import rules_table

        console.show(rules_table(found, settings_language(language(lang))))

    console.present(format, lambda: envelopes.rules(found), text)
    return 0


def register(app: typer.Typer) -> None:
    app.command("rules")(rules)
