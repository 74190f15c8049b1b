"""Pure builders of the board: rows in, the table's cells (a `Grid`) and the summary line out."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gga_cli.i18n import Lang, pick

from gga_cli.views.grid import Grid, Spans

if TYPE_CHECKING:
    from gga_cli.board import Row, Summary

BARS = "▁▂▃▄▅▆▇█"
NONE = "–"


def sparkline(scores: tuple[int, ...] | list[int]) -> str:
    """Scores 1..10 as bars on a fixed scale, so a 3 looks low on every row."""
    return "".join(BARS[round((min(max(s, 1), 10) - 1) * (len(BARS) - 1) / 9)] for s in scores)


def _ago(days: int | None) -> str:
    return NONE if days is None else f"{days}d"


def _deadline(r: Row, today: dt.date, lang: Lang) -> str:
    """`G108 18-12 +19d contact met het gezin`: the rule, the day (the year is near), how far
    off (late is negative), and what is due, in words."""
    if r.next_deadline is None:
        return NONE
    code, due = r.next_deadline
    day = due.strftime("%d-%m") if lang == "nl" else due.strftime("%m-%d")
    return f"{code} {day} {(due - today).days:+d}d {r.next_what}".rstrip()


def _style(r: Row) -> str:
    if r.closed:
        return "dim"
    if r.alarm or r.errors:
        return "red"
    if r.overdue:
        return "yellow"
    return ""


def status_table(rows: list[Row], today: dt.date, lang: Lang) -> Grid:
    """One row a case, in the order given (most urgent first), coloured by urgency: the cells
    only; `views.grid` lays them out for a terminal or a pipe."""
    # one space between columns, so the board fits 100 columns; names give way first
    table = Grid(header_style="bold")
    table.add_column(pick(lang, "zaak", "case"), no_wrap=True, min_width=9)
    table.add_column(pick(lang, "gezin", "family"), no_wrap=True, overflow="ellipsis", max_width=18, min_width=6)
    table.add_column(pick(lang, "jeugdbeschermer", "worker"), no_wrap=True, overflow="ellipsis", max_width=16, min_width=6)
    table.add_column(pick(lang, "fase", "phase"), no_wrap=True, min_width=8)
    table.add_column(pick(lang, "contact", "contact"), no_wrap=True, justify="right", min_width=4)
    table.add_column(pick(lang, "score", "score"), no_wrap=True, min_width=5)
    # the code, day and distance always show; the words after them are cut where space is short
    table.add_column(pick(lang, "termijn", "deadline"), no_wrap=True, overflow="ellipsis", min_width=4, max_width=24)
    table.add_column(pick(lang, "te laat", "overdue"), justify="right", no_wrap=True, min_width=3)
    table.add_column(pick(lang, "fouten", "errors"), justify="right", no_wrap=True, min_width=3)
    table.add_column(pick(lang, "waarschuwingen", "warnings"), justify="right", no_wrap=True, min_width=3)
    for r in rows:
        if r.closed:
            phase = pick(lang, "gesloten", "closed")
        elif r.phase is None:
            phase = NONE
        else:
            in_phase = r.days_in_phase(today)
            phase = f"{r.phase} ({in_phase}d)" if in_phase is not None else str(r.phase)
        score = NONE if r.last_score is None else f"{r.last_score:>2} {sparkline(r.scores)}"
        family = r.family if r.family is not None else pick(lang, "(onleesbaar)", "(unreadable)")
        table.add_row(
            r.id, family, r.worker or NONE, phase, _ago(r.days_since_contact(today)), score,
            _deadline(r, today, lang), str(r.overdue or ""), str(r.errors or ""), str(r.warnings or ""),
            style=_style(r),
        )
    return table


def summary_text(s: Summary, lang: Lang) -> Spans:
    """The line under the board: cases per phase, overdue, alarms, errors."""
    phases = ", ".join(f"{pick(lang, 'fase', 'phase')} {p}: {n}" for p, n in s.per_phase.items())
    parts = [pick(lang, f"{s.cases} zaken", f"{s.cases} cases") + (f" ({phases})" if phases else "")]
    if s.closed:
        parts.append(pick(lang, f"{s.closed} gesloten", f"{s.closed} closed"))
    if s.unreadable:
        parts.append(pick(lang, f"{s.unreadable} onleesbaar", f"{s.unreadable} unreadable"))
    text = Spans(" · ".join(parts))
    text.append(" · ")
    text.append(
        pick(lang, f"te laat: {s.overdue_items} in {s.overdue_cases} zaken", f"overdue: {s.overdue_items} in {s.overdue_cases} cases"),
        style="yellow" if s.overdue_items else "",
    )
    text.append(" · ")
    text.append(pick(lang, f"alarm: {s.alarms}", f"alarms: {s.alarms}"), style="bold red" if s.alarms else "")
    text.append(" · ")
    text.append(pick(lang, f"met fouten: {s.with_errors}", f"with errors: {s.with_errors}"), style="red" if s.with_errors else "")
    return text
