"""The agenda: every deadline of the method not met yet, overdue now or coming, over a caseload.

`items(case, ctx, days)` is one case's deadlines overdue now or due within `days` days,
as lines of the agenda; `Caseload.agenda` gathers them over a caseload, soonest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gga_cli.judging import deadlines
from gga_cli.models import CaseFolder
from gga_cli.rules import Context, severity_of

DEFAULT_DAYS = 14


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda: what is due in which case, and when."""

    due: dt.date
    code: str
    case: str
    folder: str  # relative to the caseload root
    family: str
    worker: str
    what: str
    severity: str  # the rule's severity in force: error or warning
    days: int  # from today to the due date; negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days < 0

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.due.isoformat(),
            "days": self.days,
            "overdue": self.overdue,
            "code": self.code,
            "severity": self.severity,
            "case": self.case,
            "folder": self.folder,
            "family": self.family,
            "worker": self.worker,
            "what": self.what,
        }


def items(case: CaseFolder, ctx: Context, days: int) -> list[AgendaItem]:
    """The case's deadlines overdue now or due within `days` days of `ctx.today`."""
    if case.case is None:
        return []
    last = ctx.today + dt.timedelta(days=days)
    out: list[AgendaItem] = []
    for d in deadlines(case, ctx):
        if d.due > last:
            continue
        severity = severity_of(d.code, ctx.settings)
        assert severity is not None
        out.append(AgendaItem(
            due=d.due, code=d.code, case=case.id, folder=case.folder, family=case.case.family,
            worker=case.case.worker, what=d.what, severity=severity.value, days=(d.due - ctx.today).days,
        ))
    return out
