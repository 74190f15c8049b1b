"""The registry of rules: every F and G code, its default severity, summary and source.

F rules are applied by the loader, which knows the files; G rules are pure checks,
`check(case, ctx) -> list[Diagnostic]`, registered here with the `rule` decorator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model
from gga_cli.models.settings import Settings


@dataclass(frozen=True)
class Context:
    """What a check may know besides the case: the day it judges on, and the settings."""

    today: dt.date
    settings: Settings
    lang: Lang


Check = Callable[[CaseFolder, Context], list[Diagnostic]]


@dataclass(frozen=True)
class Deadline:
    """Something due on a day: a rule's deadline that has not been met yet."""

    code: str
    case: str
    due: dt.date
    what: str


DeadlineFinder = Callable[[CaseFolder, Context], list[Deadline]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str  # what it checks, in English
    summary_nl: str  # the same in Dutch
    booklet: str = ""  # the booklet's words the rule rests on
    settings: tuple[str, ...] = ()  # the [deadlines] settings it reads
    check: Check | None = None
    deadlines: DeadlineFinder | None = None


REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in REGISTRY:
        raise ValueError(f"rule {rule.code} registered twice")
    REGISTRY[rule.code] = rule
    return rule


def rule(
    code: str,
    severity: Severity,
    summary: str,
    summary_nl: str,
    booklet: str = "",
    settings: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register a G rule's check function under its code."""

    def decorate(check: Check) -> Check:
        register(Rule(code, severity, summary, summary_nl, booklet, settings, check))
        return check

    return decorate


def deadlines_of(code: str) -> Callable[[DeadlineFinder], DeadlineFinder]:
    """Attach a finder of coming deadlines to an already registered rule."""

    def decorate(finder: DeadlineFinder) -> DeadlineFinder:
        old = REGISTRY[code]
        REGISTRY[code] = Rule(
            old.code, old.severity, old.summary, old.summary_nl, old.booklet, old.settings, old.check, finder
        )
        return finder

    return decorate


def finding(
    code: str,
    case: CaseFolder,
    file_name: str,
    at: Model | None,
    message: str,
) -> Diagnostic:
    """A diagnostic of rule `code` at an entry of a case file, or at the file where `at` is None."""
    return Diagnostic(
        code=code,
        severity=REGISTRY[code].severity,
        case=case.id,
        file=case.path_of(file_name),
        line=at.line if at is not None else None,
        column=at.column if at is not None else None,
        message=message,
    )


def severity_of(code: str, settings: Settings) -> Severity | None:
    """The severity in force for a rule: the organisation's setting, else the default. None: off."""
    configured = settings.rules.get(code)
    if configured == "off":
        return None
    if configured is not None:
        return Severity(configured)
    return REGISTRY[code].severity
