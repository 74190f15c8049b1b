"""The team leader's board (`gga status --by worker|team`): per worker or team the open
cases, overdue deadlines, open alarms and cases without family contact for longer than
the rhythm allows, most urgent first. Pure: the cases' facts go in, rows come out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from gga_cli.i18n import Lang, pick
from gga_cli.stats.facts import NEVER, CaseFacts

Per = Literal["worker", "team"]


@dataclass(frozen=True)
class Load:
    name: str  # the worker or team; empty where the case names none
    open_cases: int
    overdue: int  # open deadlines past their day, as the board counts them
    alarms: int  # open cases with an alarm not answered yet
    out_of_touch: int  # open cases whose family contact is overdue (G108, or G102 before the first)

    def urgency(self) -> tuple[int, int, int, int, str]:
        return (-self.alarms, -self.overdue, -self.out_of_touch, -self.open_cases, self.name)

    def to_json(self, per: Per) -> dict[str, Any]:
        return {per: self.name or None, "open_cases": self.open_cases, "overdue": self.overdue,
                "open_alarms": self.alarms, "without_contact": self.out_of_touch}


def out_of_touch(f: CaseFacts, today: dt.date, home_visit: int) -> bool:
    """Longer without family contact than the rhythm allows after the last one; before the
    first, longer than the first home visit may take."""
    day = today.toordinal()
    if not f.contact_days:
        return f.registered is not None and day > f.registered + home_visit
    return day >= f.late[-2]  # the open stretch after the latest contact has begun


def open_alarm(f: CaseFacts) -> bool:
    return any(answered == NEVER for answered in f.alarm_answered)


def workload(everyone: list[CaseFacts], per: Per, today: dt.date, home_visit: int) -> list[Load]:
    """One row a worker (or team) with open cases, most urgent first."""
    groups: dict[str, list[CaseFacts]] = {}
    for f in everyone:
        if f.registered is not None and f.closed is None:
            groups.setdefault((f.worker if per == "worker" else f.team) or "", []).append(f)
    rows = [
        Load(name, len(cases), sum(f.overdue for f in cases), sum(open_alarm(f) for f in cases),
             sum(out_of_touch(f, today, home_visit) for f in cases))
        for name, cases in groups.items()
    ]
    return sorted(rows, key=Load.urgency)


def workload_json(rows: list[Load], per: Per) -> dict[str, Any]:
    """`gga status --by worker|team --format json`: {"workers": [...]} or {"teams": [...]}."""
    return {per + "s": [r.to_json(per) for r in rows]}


def workload_text(rows: list[Load], per: Per, lang: Lang) -> str:
    head = [pick(lang, "jeugdbeschermer" if per == "worker" else "team", per),
            pick(lang, "open zaken", "open cases"), pick(lang, "over tijd", "overdue"),
            pick(lang, "open alarm", "open alarm"), pick(lang, "zonder contact", "no contact")]
    body = [[r.name or pick(lang, "(geen naam)" if per == "worker" else "(geen team)", "(none)"),
             str(r.open_cases), str(r.overdue), str(r.alarms), str(r.out_of_touch)] for r in rows]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line)).rstrip()
             for line in [head, *body]]
    return "\n".join(lines) + "\n"
