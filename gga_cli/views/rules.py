"""Pure builders of tables: data in, rich renderables out (printed by `console`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gga_cli.i18n import Lang, pick
from gga_cli.words import value

if TYPE_CHECKING:
    from rich.table import Table

    from gga_cli.rules.registry import Rule


def rules_table(rules: list[Rule], lang: Lang) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_lines=False, header_style="bold")
    table.add_column(pick(lang, "code", "code"), no_wrap=True)
    table.add_column(pick(lang, "ernst", "severity"), no_wrap=True)
    table.add_column(pick(lang, "wat de regel toetst", "what it checks"))
    table.add_column(pick(lang, "boekje", "booklet"), style="italic")
    for r in rules:
        style = "red" if r.severity.value == "error" else "yellow"
        # user-facing text goes in as Text, so brackets in it are never read as markup
        table.add_row(r.code, Text(value(r.severity.value, lang), style=style), Text(pick(lang, r.summary_nl, r.summary)), Text(r.booklet))
    return table
