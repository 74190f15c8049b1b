"""The agenda: every deadline of the method not met yet, overdue now or coming, over a caseload.

`deadlines(case, ctx)` is one case's open deadlines (the status board's "next deadline"
comes from it); `agenda(target, today, days, lang)` gathers those overdue now or due
within `days` days across every case of a target, soonest first, for `gga agenda`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gga_cli.caseload import Target
from gga_cli.dates import add_days
from gga_cli.i18n import Lang
from gga_cli.models import CaseFolder
from gga_cli.rules import REGISTRY, Context, Deadline, severity_of

DEFAULT_DAYS = 14


def deadlines(case: CaseFolder, ctx: Context) -> list[Deadline]:
    """The case's deadlines not met yet, overdue ones included, soonest first.

    Rules the organisation switched off, or the case waives on `ctx.today`, have none.
    A case without its case.yaml or genogram is not judged, so it has none either.
    """
    facts = case.case
    if facts is None or case.genogram is None:
        return []
    found = [
        d
        for r in REGISTRY.values()
        if r.deadlines is not None and severity_of(r.code, ctx.settings) is not None and not facts.waived(r.code, ctx.today)
        for d in r.deadlines(case, ctx)
    ]
    return sorted(found, key=lambda d: (d.due, d.code))


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
    last = add_days(ctx.today, days)
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


def agenda(target: Target, today: dt.date, days: int = DEFAULT_DAYS, lang: Lang | None = None) -> tuple[list[AgendaItem], Lang]:
    """Every case's deadlines overdue now or due within `days` days, by date, then case and rule.

    Returns the items and the report language in force (`lang`, else gga.toml's).
    """
    from gga_cli.checking import context
    from gga_cli.loader import load_case
    from gga_cli.orgsettings import settings as load_settings

    settings = load_settings(target.root, lang)
    ctx = context(settings, today, lang)
    found: list[AgendaItem] = []
    for folder in target.cases:
        case, _ = load_case(folder, target.root, ctx.lang, today)
        found += items(case, ctx, days)
    found.sort(key=lambda i: (i.due, i.case, i.code, i.what))
    return found, ctx.lang
