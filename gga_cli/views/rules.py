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
    table.add_column(pick(lang, "getallen", "numbers"))
    table.add_column(pick(lang, "boekje", "booklet"), style="italic")
    for r in rules:
        style = "red" if r.severity.value == "error" else "yellow"
        # user-facing text goes in as Text, so brackets in it are never read as markup
        table.add_row(r.code, Text(value(r.severity.value, lang), style=style), Text(pick(lang, r.summary_nl, r.summary)),
                      Text(numbers_text(r, lang)), Text(r.booklet))
    return table


def numbers_text(r: Rule, lang: Lang) -> str:
    """Each day count of a rule with its default and whose number it is: the booklet's, or a
    default of gga the organisation sets ('home_visit 7 (boekje)', 'child_alone 42 (standaard gga)')."""
    from gga_cli.models.settings import BOOKLET_NUMBERS, Deadlines

    fields = Deadlines.model_fields
    return "; ".join(
        f"{n} {fields[n].default} ({pick(lang, 'boekje', 'booklet') if n in BOOKLET_NUMBERS else pick(lang, 'standaard gga', 'gga default')})"
        for n in r.settings
    )
