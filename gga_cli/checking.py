"""`gga check` as a function: load every case of a target, apply the rules, gather diagnostics."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from gga_cli.caseload import Target, load_settings
from gga_cli.diagnostics import Diagnostic, Severity, count
from gga_cli.i18n import Lang
from gga_cli.loader import load_case, load_single
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules import REGISTRY, Context, severity_of


@dataclass
class Report:
    cases: int = 0
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return count(self.diagnostics, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.diagnostics, Severity.WARNING)


def judge(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The G rules over one loaded case. A case without its case.yaml or genogram is not judged."""
    if case.case is None or case.genogram is None:
        return []
    found: list[Diagnostic] = []
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


def context(settings: Settings, today: dt.date, lang: Lang | None) -> Context:
    return Context(today=today, settings=settings, lang=lang or settings.organisation.language)


def cases(target: Target, ctx: Context) -> Iterator[tuple[CaseFolder, list[Diagnostic]]]:
    """Each case of the target, loaded and judged, one at a time (its files are let go after)."""
    for folder in target.cases:
        case, diagnostics = load_case(folder, target.root, ctx.lang, ctx.today)
        diagnostics = settle(diagnostics + judge(case, ctx), case, ctx)
        only = target.only_files.get(folder)
        if only:
            wanted = {case.path_of(name) for name in only}
            diagnostics = [d for d in diagnostics if d.file in wanted]
        yield case, diagnostics


def check(target: Target, today: dt.date, lang: Lang | None = None) -> Report:
    settings, settings_diagnostics = load_settings(target.root, lang)
    ctx = context(settings, today, lang)
    report = Report()
    report.diagnostics += settle(settings_diagnostics, None, ctx)
    report.files += int(target.has_settings)
    for case, diagnostics in cases(target, ctx):
        report.cases += 1
        report.files += len(case.files)
        report.diagnostics += diagnostics
    for single in target.singles:
        report.files += 1
        report.diagnostics += settle(load_single(single, target.root, ctx.lang), None, ctx)
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report
