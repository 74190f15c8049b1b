"""The retention list: every closed case with the day to review keeping it and the latest
day it may be kept, from the retention rule (`rules/retention.py`), for `gga retention`.

gga never deletes by itself: the list says what is due, a person decides, and an erasure
goes through `gga erase`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gga_cli.caseload import Target
from gga_cli.i18n import Lang
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules.retention import retention_of


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


def loaded(target: Target, today: dt.date, lang: Lang | None) -> tuple[Iterator[CaseFolder], Settings, Lang]:
    """The target's cases, loaded one by one, with the settings and language in force: the
    one place this module meets the loading of cases."""
    from gga_cli.caseload import load_settings
    from gga_cli.checking import context
    from gga_cli.loader import load_case

    settings, _ = load_settings(target.root, lang)
    ctx = context(settings, today, lang)
    return (load_case(folder, target.root, ctx.lang, today)[0] for folder in target.cases), settings, ctx.lang


def retention(target: Target, today: dt.date, days: int | None, lang: Lang | None = None) -> tuple[list[Kept], Lang]:
    """Every closed case with its retention dates, soonest review first; with `days`, only
    those due for review (or at their latest day) now or within that many days."""
    cases, settings, language = loaded(target, today, lang)
    found: list[Kept] = []
    for case in cases:
        kept = retention_of(case, settings)
        if kept is None or case.case is None or case.case.closed is None:
            continue
        item = Kept(case.id, case.folder, case.case.closed.date, kept.review, kept.latest, (kept.review - today).days)
        if days is not None:
            horizon = today + dt.timedelta(days=days)
            if kept.review > horizon and (kept.latest is None or kept.latest > horizon):
                continue
        found.append(item)
    found.sort(key=lambda k: (k.review, k.case))
    return found, language
