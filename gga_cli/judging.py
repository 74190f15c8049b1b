"""The pure runner of the method's rules: a loaded case in, its findings and open deadlines out.

No disk, no clock: the caseload (`gga_cli.caseload`) loads the case and hands it here with
the rule context (the day judged on, the settings, the language).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from gga_cli.diagnostics import Diagnostic
from gga_cli.i18n import Lang
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules import REGISTRY, Context, Deadline, severity_of
from gga_cli.rules.common import sharing


def context(settings: Settings, today: dt.date, lang: Lang | None) -> Context:
    """The rule context: `lang` where given, else the organisation's report language."""
    return Context(today=today, settings=settings, lang=lang or settings.organisation.language)


def judge(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The G rules over one loaded case. A case without its case.yaml or genogram is not judged."""
    if case.case is None or case.genogram is None:
        return []
    found: list[Diagnostic] = []
    with sharing(case):
        for rule in REGISTRY.values():
            if rule.check is not None:
                found += rule.check(case, ctx)
    return found


def settle(diagnostics: list[Diagnostic], case: CaseFolder | None, ctx: Context) -> list[Diagnostic]:
    """Apply the organisation's severities and the case's waivers."""
    out: list[Diagnostic] = []
    for d in diagnostics:
        if case is not None and case.case is not None and case.case.waived(d.code, ctx.today):
            continue
        severity = severity_of(d.code, ctx.settings)
        if severity is None:
            continue
        if d.code not in ctx.settings.rules:
            # a rule may judge one finding more severe than its default (G119 once the
            # measure has ended); only the organisation's own setting overrides that
            severity = d.severity
        out.append(d if severity is d.severity else dataclasses.replace(d, severity=severity))
    return out


def deadlines(case: CaseFolder, ctx: Context) -> list[Deadline]:
    """The case's deadlines not met yet, overdue ones included, soonest first.

    Rules the organisation switched off, or the case waives on `ctx.today`, have none.
    A case without its case.yaml or genogram is not judged, so it has none either.
    """
    facts = case.case
    if facts is None or case.genogram is None:
        return []
    with sharing(case):
        found = [
            d
            for r in REGISTRY.values()
            if r.deadlines is not None and severity_of(r.code, ctx.settings) is not None and not facts.waived(r.code, ctx.today)
            for d in r.deadlines(case, ctx)
        ]
    return sorted(found, key=lambda d: (d.due, d.code))


@dataclass
class Judged:
    """One case as loaded and judged: its findings (file problems and rules, settled) and
    the deadlines it has not met yet."""

    case: CaseFolder
    diagnostics: list[Diagnostic] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)


def judged(case: CaseFolder, load_diagnostics: list[Diagnostic], ctx: Context, with_deadlines: bool = True) -> Judged:
    """A loaded case with its load diagnostics, judged and settled; its open deadlines too,
    unless the caller needs only the findings (`gga check`)."""
    found = settle(load_diagnostics + judge(case, ctx), case, ctx)
    return Judged(case, found, deadlines(case, ctx) if with_deadlines else [])
