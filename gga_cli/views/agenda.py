"""Pure builders of the agenda's table: items in, a table out (printed by `console`): rich's on a
terminal, where the day's distance is coloured and the last column wraps; plain cells on a pipe,
every cell whole and a deadline a line, for grep and awk."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gga_cli.i18n import Lang, pick, short_date

if TYPE_CHECKING:
    from rich.table import Table

    from gga_cli.agenda import AgendaItem
    from gga_cli.views.grid import Grid


def _when(item: AgendaItem) -> str:
    """How far off: `+3d`, `0d` today, `-9d` overdue (the board writes it the same way)."""
    return f"{item.days:+d}d" if item.days else "0d"


def _headers(lang: Lang) -> list[str]:
    return [pick(lang, "datum", "date"), "", pick(lang, "zaak", "case"), pick(lang, "jeugdbeschermer", "worker"),
            pick(lang, "regel", "rule"), pick(lang, "wat", "what is due")]


def agenda_grid(items: list[AgendaItem], today: dt.date, lang: Lang) -> Grid:
    """The same table as plain cells, for a pipe: nothing cut, one deadline a line."""
    from gga_cli.views.grid import Grid

    grid = Grid()
    for n, header in enumerate(_headers(lang)):
        grid.add_column(header, justify="right" if n == 1 else "left")
    for item in items:
        grid.add_row(short_date(item.due, lang), _when(item), item.case, item.worker, item.code, item.what)
    return grid


def agenda_table(items: list[AgendaItem], today: dt.date, lang: Lang) -> Table:
    """One line a deadline, in the order given (soonest first); overdue ones in red."""
    from rich.table import Table
    from rich.text import Text

    date, when, case, worker, rule, what = _headers(lang)
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold")
    table.add_column(date, no_wrap=True)
    table.add_column(when, no_wrap=True, justify="right")
    table.add_column(case, no_wrap=True)
    table.add_column(worker, no_wrap=True, overflow="ellipsis", max_width=16)
    table.add_column(rule, no_wrap=True)
    table.add_column(what)
    for item in items:
        style = "red" if item.overdue else ("yellow" if item.due == today else "")
        # user text goes in as Text, so brackets in it are never read as markup
        table.add_row(short_date(item.due, lang), Text(_when(item), style=style), item.case,
                      Text(item.worker), item.code, Text(item.what))
    return table
