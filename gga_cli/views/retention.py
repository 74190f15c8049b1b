"""Pure builder of the retention list's table: cases in, a rich table out (printed by `console`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gga_cli.i18n import Lang, pick, short_date

if TYPE_CHECKING:
    from rich.table import Table

    from gga_cli.retaining import Kept


def retention_table(items: list[Kept], lang: Lang) -> Table:
    """One line a closed case, soonest review first; a review that has come in red."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold")
    table.add_column(pick(lang, "zaak", "case"), no_wrap=True)
    table.add_column(pick(lang, "afgesloten", "closed"), no_wrap=True)
    table.add_column(pick(lang, "beoordelen", "review"), no_wrap=True)
    table.add_column("", no_wrap=True, justify="right")
    table.add_column(pick(lang, "uiterlijk bewaren tot", "keep at most until"), no_wrap=True)
    for item in items:
        when = f"{item.days:+d}d" if item.days else "0d"
        latest = short_date(item.latest, lang) if item.latest else "-"
        table.add_row(item.case, short_date(item.closed, lang), short_date(item.review, lang),
                      Text(when, style="red" if item.due else ""), latest)
    return table
