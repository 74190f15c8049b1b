"""The retention list: every closed case with the day to review keeping it and the latest
day it may be kept, from the retention rule (`rules/retention.py`), for `gga retention`.

gga never deletes by itself: the list says what is due, a person decides, and an erasure
goes through `gga erase`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gga_cli.dates import add_days
from gga_cli.rules.retention import retention_of

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload


@dataclass(frozen=True)
class Kept:
    """One closed case on the retention list."""

    case: str
    folder: str
    closed: dt.date
    review: dt.date
    latest: dt.date | None  # after an OTS or voogdij, where every child's birth is known
    days: int  # from today to the review date; negative once it has passed

    @property
    def due(self) -> bool:
        return self.days <= 0

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case, "folder": self.folder, "closed": self.closed.isoformat(),
            "review": self.review.isoformat(), "latest": self.latest.isoformat() if self.latest else None,
            "days": self.days, "due": self.due,
        }


def retention(caseload: Caseload, days: int | None) -> list[Kept]:
    """Every closed case with its retention dates, soonest review first; with `days`, only
    those due for review (or at their latest day) now or within that many days."""
    today = caseload.today
    found: list[Kept] = []
    for folder in caseload.folders:
        case, _ = caseload.load(folder)
        kept = retention_of(case, caseload.settings)
        if kept is None or case.case is None or case.case.closed is None:
            continue
        if days is not None:
            horizon = add_days(today, days)
            if kept.review > horizon and (kept.latest is None or kept.latest > horizon):
                continue
        found.append(Kept(case.id, case.folder, case.case.closed.date, kept.review, kept.latest, (kept.review - today).days))
    found.sort(key=lambda k: (k.review, k.case))
    return found
