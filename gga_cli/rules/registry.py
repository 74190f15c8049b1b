"""What a rule is: its code, default severity, summary and source, and its check.

F rules are applied by the loader, which knows the files; G rules are pure checks,
`check(case, ctx) -> list[Diagnostic]`. Each rule module gathers its own in a `RuleSet`
(`RULES = RuleSet()`, then `@RULES.rule(...)` on each check); `gga_cli.rules` lists the
modules, in code order, and fills `REGISTRY` from them in that one place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
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
    """Something due on a day: a rule's deadline that has not been met yet.

    `what` says it in full (the agenda, `gga show`); `label` in a few words, for the board's
    narrow column ("huisbezoek", "doel g2"), where `what` is long. Both hold only what is
    true before and after the day: a label never reads as done when it is overdue.
    """

    code: str
    case: str
    due: dt.date
    what: str
    label: str = ""

    @property
    def short(self) -> str:
        """What is due in a few words: the label, else the whole of `what`."""
        return self.label or self.what


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
"""Every rule by code, in report order: filled once, by `gga_cli.rules`, from its list."""


class RuleSet:
    """The rules of one module, in the order they are defined."""

    def __init__(self, *rules: Rule) -> None:
        self.rules: dict[str, Rule] = {}
        for one in rules:
            self.add(one)

    def add(self, rule: Rule) -> Rule:
        if rule.code in self.rules:
            raise ValueError(f"rule {rule.code} defined twice")
        self.rules[rule.code] = rule
        return rule

    def rule(
        self,
        code: str,
        severity: Severity,
        summary: str,
        summary_nl: str,
        booklet: str = "",
        settings: tuple[str, ...] = (),
    ) -> Callable[[Check], Check]:
        """A G rule: its code, default severity, summary, the booklet's words, and the check below."""

        def decorate(check: Check) -> Check:
            self.add(Rule(code, severity, summary, summary_nl, booklet, settings, check))
            return check

        return decorate

    def deadlines_of(self, code: str) -> Callable[[DeadlineFinder], DeadlineFinder]:
        """Attach a finder of coming deadlines to a rule of this set."""

        def decorate(finder: DeadlineFinder) -> DeadlineFinder:
            self.rules[code] = dataclasses.replace(self.rules[code], deadlines=finder)
            return finder

        return decorate

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())


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
