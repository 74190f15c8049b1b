"""What the figures need of one case, as plain dated data: small, free of names and notes,
and the same whatever period is asked, so it can be cached between runs as JSON.

`case_facts(case, diagnostics, ctx)` is pure: a loaded and judged case goes in, its facts
come out. The dates are the rules' own: the first assessment, home visit and established
plan as G101-G103 find them, the alarms as G117 raises them, the phase history as the
timeline reads it. Entries after the day a case is judged up to (today, or its closing
date) are left out, as the rules leave them out.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from typing import Any

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.rules.registry import Context
from gga_cli.stats.definitions import alarm_answer_days, contact_gap, family_contacts

CLOSURE_RULES = ("G113", "G130", "G131")


@dataclass(frozen=True)
class Alarm:
    day: dt.date
    answered: dt.date | None  # the later of the new assessment and the plan's review, once both are there
    in_time: bool  # both within their days (G117)


@dataclass(frozen=True)
class FamilyContact:
    day: dt.date
    gap: int  # the most days to the next family contact (G108)
    scored: dt.date | None  # the first score on or after the contact's day (G109)


@dataclass(frozen=True)
class Child:
    born: dt.date | None
    alone: tuple[dt.date, ...]  # days the child was spoken alone, oldest first


@dataclass(frozen=True)
class CaseFacts:
    """One case as the figures count it. `registered` is None where case.yaml failed."""

    id: str
    errors: bool  # errors in the case's own files (F rules)
    registered: dt.date | None = None
    closed: dt.date | None = None
    team: str | None = None
    worker: str | None = None
    measure: str | None = None
    phase: int | None = None
    phases: tuple[tuple[int, dt.date], ...] = ()  # the phase history, oldest first
    previous: tuple[str, ...] = ()  # previous_cases
    due: dict[str, tuple[dt.date, dt.date | None]] = field(default_factory=dict)  # G101-G103: (deadline, deed)
    contacts: tuple[FamilyContact, ...] = ()
    scores: tuple[tuple[dt.date, int], ...] = ()  # in the method's order
    children: tuple[Child, ...] = ()
    alarms: tuple[Alarm, ...] = ()
    goals: tuple[tuple[str, dt.date | None], ...] = ()  # (status, due)
    closure: str | None = None  # closed cases: met, waived or missed (G113, G130, G131)
    overdue: int = 0  # open deadlines overdue on the day judged (the board's count)

    def to_json(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(asdict(self))
        return plain

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFacts:
        """Facts back from the cache; raises KeyError, TypeError or ValueError on anything off."""
        return cls(
            id=str(data["id"]),
            errors=bool(data["errors"]),
            registered=_day(data["registered"]),
            closed=_day(data["closed"]),
            team=_text(data["team"]),
            worker=_text(data["worker"]),
            measure=_text(data["measure"]),
            phase=None if data["phase"] is None else int(data["phase"]),
            phases=tuple((int(p), _must(d)) for p, d in data["phases"]),
            previous=tuple(str(p) for p in data["previous"]),
            due={str(k): (_must(v[0]), _day(v[1])) for k, v in data["due"].items()},
            contacts=tuple(FamilyContact(_must(c["day"]), int(c["gap"]), _day(c["scored"])) for c in data["contacts"]),
            scores=tuple((_must(d), int(s)) for d, s in data["scores"]),
            children=tuple(Child(_day(c["born"]), tuple(_must(d) for d in c["alone"])) for c in data["children"]),
            alarms=tuple(Alarm(_must(a["day"]), _day(a["answered"]), bool(a["in_time"])) for a in data["alarms"]),
            goals=tuple((str(s), _day(d)) for s, d in data["goals"]),
            closure=_text(data["closure"]),
            overdue=int(data["overdue"]),
        )


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _day(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _must(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(value)
    return value


def case_facts(case: CaseFolder, diagnostics: list[Diagnostic], ctx: Context) -> CaseFacts:
    """The facts of one loaded and judged case (see the module's docstring)."""
    from gga_cli.rules import REGISTRY
    from gga_cli.rules.acute import _established, _first_assessment, _first_home_visit  # the rules' own deeds
    from gga_cli.rules.alarms import _updates, alarms
    from gga_cli.rules.timeline import birth_day, history, horizon, in_order, living_children

    errors = any(d.severity is Severity.ERROR and d.code.startswith("F") for d in diagnostics)
    facts = case.case
    if facts is None:
        return CaseFacts(id=case.id, errors=errors)
    until = horizon(facts, ctx)
    deadlines = ctx.settings.deadlines
    due: dict[str, tuple[dt.date, dt.date | None]] = {}
    first_visit = next((c.date for c in family_contacts(case, until) if c.kind == "home_visit"), None)
    for code, days, found in (
        ("G101", deadlines.safety_assessment, _first_assessment(case, until)),
        ("G102", deadlines.home_visit, (first_visit, None) if first_visit is not None else None),
        ("G103", deadlines.safety_plan, _established(case, until)),
    ):
        due[code] = (facts.registered + dt.timedelta(days=days), found[0] if found is not None else None)
    # G117 as revision 2 reads it: a new assessment and the plan's review, each in its days
    raised = alarms(case, ctx, until) if case.genogram is not None else []
    assessments = sorted(a.date for a in in_order(case.safety_plan.assessments, until)) if case.safety_plan else []
    updates = _updates(case, until)
    within_assessment, within_review = alarm_answer_days(ctx)
    found_alarms: list[Alarm] = []
    for alarm in raised:
        assessed = next((d for d in assessments if d >= alarm.day), None)
        reviewed = next((d for d in updates if d >= alarm.day), None)
        answered = max(assessed, reviewed) if assessed is not None and reviewed is not None else None
        in_time = (
            answered is not None and assessed is not None and reviewed is not None
            and (assessed - alarm.day).days <= within_assessment and (reviewed - alarm.day).days <= within_review
        )
        found_alarms.append(Alarm(alarm.day, answered, in_time))
    alarm_days = [a.day for a in found_alarms]
    scores = in_order(case.scores, until)
    score_days = [s.date for s in scores]
    contacts = []
    for contact in family_contacts(case, until):
        at = bisect_left(score_days, contact.date)
        scored = score_days[at] if at < len(score_days) else None
        contacts.append(FamilyContact(contact.date, contact_gap(case, ctx, contact.date, alarm_days), scored))
    children = []
    ordered = in_order(case.contacts, until)
    for child in living_children(case):
        children.append(Child(birth_day(child), tuple(c.date for c in ordered if child.id in c.alone)))
    goals = tuple((g.status, g.due) for g in case.change_plan.goals) if case.change_plan is not None else ()
    return CaseFacts(
        id=facts.id,
        errors=errors,
        registered=facts.registered,
        closed=facts.closed.date if facts.closed is not None else None,
        team=facts.team,
        worker=facts.worker,
        measure=facts.measure.kind,
        phase=facts.phase,
        phases=tuple((e.phase, e.start) for e in history(facts)),
        previous=tuple(facts.previous_cases),
        due=due,
        contacts=tuple(contacts),
        scores=tuple((s.date, s.score) for s in scores),
        children=tuple(children),
        alarms=tuple(found_alarms),
        goals=goals,
        closure=_closure(case, ctx, REGISTRY) if facts.closed is not None and case.genogram is not None else None,
        overdue=_overdue(case, ctx),
    )


def _closure(case: CaseFolder, ctx: Context, registry: Any) -> str:
    """met: the closure was a 100% clean handover; waived: what it lacked is waived; else missed."""
    assert case.case is not None
    failing = [code for code in CLOSURE_RULES if registry[code].check(case, ctx)]
    if not failing:
        return "met"
    return "waived" if all(case.case.waived(code, ctx.today) for code in failing) else "missed"


def _overdue(case: CaseFolder, ctx: Context) -> int:
    """The open deadlines overdue on the day judged, counted as the board counts them."""
    from gga_cli.agenda import deadlines

    if case.case is None or case.case.closed is not None:
        return 0
    return sum(1 for d in deadlines(case, ctx) if d.due < ctx.today)
