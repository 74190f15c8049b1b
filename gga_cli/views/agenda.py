"""Pure builder of the agenda's table: items in, a rich table out (printed by `console`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gga_cli.i18n import Lang, pick, short_date

if TYPE_CHECKING:
    from rich.table import Table

    from gga_cli.agenda import AgendaItem


def _when(item: AgendaItem) -> str:
    """How far off: `+3d`, `0d` today, `-9d` overdue (the board writes it the same way)."""
    return f"{item.days:+d}d" if item.days else "0d"


def agenda_table(items: list[AgendaItem], today: dt.date, lang: Lang) -> Table:
    """One line a deadline, in the order given (soonest first); overdue ones in red."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold")
    table.add_column(pick(lang, "datum", "date"), no_wrap=True)
    table.add_column("", no_wrap=True, justify="right")
    table.add_column(pick(lang, "zaak", "case"), no_wrap=True)
    table.add_column(pick(lang, "jeugdbeschermer", "worker"), no_wrap=True, overflow="ellipsis", max_width=16)
    table.add_column(pick(lang, "regel", "rule"), no_wrap=True)
    table.add_column(pick(lang, "wat", "what is due"))
    for item in items:
        style = "red" if item.overdue else ("yellow" if item.due == today else "")
        # user text goes in as Text, so brackets in it are never read as markup
        table.add_row(short_date(item.due, lang), Text(_when(item), style=style), item.case,
                      Text(item.worker), item.code, Text(item.what))
    return table
