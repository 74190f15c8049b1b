"""What the figures need of one case, as plain dated data: small, free of notes and of the
family's names (the worker and team stay, to group by),
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
from itertools import accumulate
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from gga_cli import readback
from gga_cli.diagnostics import Severity

if TYPE_CHECKING:  # the models and rules are needed for fresh facts only, never for cached ones
    from gga_cli.judging import Judged
    from gga_cli.models import CaseFolder
    from gga_cli.rules.registry import Context

CLOSURE_RULES = ("G113", "G130", "G131")
NEVER = 0  # in a column of days: there is no such day (day numbers start at 1, 1 January of year 1)
OPEN = 0  # the last day of a stretch that has not ended

Days = tuple[int, ...]


def day_number(day: dt.date) -> int:
    """A day as its number (proleptic Gregorian ordinal): the facts count days in whole numbers,
    which cost nothing to read back from the cache."""
    return day.toordinal()


@dataclass(frozen=True)
class Child:
    born: int | None  # the birth day (1 January where only the year is known)
    of_age: int | None  # the day the child reaches `alone_min_age` (G107)
    alone: Days  # days the child was spoken alone, oldest first


@dataclass(frozen=True)
class CaseFacts:
    """One case as the figures count it, every day a day number. `registered` is None where
    case.yaml failed. The entries are columns of equal length, oldest first."""

    id: str
    errors: bool  # errors in the case's own files (F rules)
    registered: int | None = None
    closed: int | None = None
    team: str | None = None
    worker: str | None = None
    measure: str | None = None
    phase: int | None = None
    phases: tuple[tuple[int, int], ...] = ()  # (phase, start): the phase history
    previous: tuple[str, ...] = ()  # previous_cases
    due: dict[str, tuple[int, int | None]] = field(default_factory=dict)  # G101-G103: (deadline, deed)
    contact_days: Days = ()  # family contacts (G102, G108, G109)
    contact_lag: Days = ()  # days from the contact to the first score on or after it, or -1 for none (G109)
    # G108: the stretches without family contact past the days allowed, as pairs of first and
    # last day; the last pair, after the latest contact, is open: its last day is OPEN
    late: Days = ()
    score_days: Days = ()  # in the method's order
    score_values: Days = ()
    children: tuple[Child, ...] = ()
    alarm_days: Days = ()  # G117
    alarm_answered: Days = ()  # the later of the new assessment and the plan's review, or NEVER
    alarm_in_time: tuple[bool, ...] = ()  # both within their days
    goals: tuple[tuple[str, int | None], ...] = ()  # (status, due)
    closure: str | None = None  # closed cases: met, waived or missed (G113, G130, G131)
    overdue: int = 0  # open deadlines overdue on the day judged (the board's count)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON; a column of days as its first day and the steps from each day to the
        next (small numbers: the cache of 3,000 cases reads back in half the time)."""
        plain = asdict(self)
        for name in DAY_COLUMNS:
            plain[name] = _steps(plain[name])
        for child in plain["children"]:
            child["alone"] = _steps(child["alone"])
        return plain

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFacts:
        """Facts back from the cache; raises KeyError, TypeError or ValueError on anything off."""
        return cls(
            id=readback.maybe_text(data["id"]) or "",
            errors=bool(data["errors"]),
            registered=readback.maybe_whole(data["registered"]),
            closed=readback.maybe_whole(data["closed"]),
            team=readback.maybe_text(data["team"]),
            worker=readback.maybe_text(data["worker"]),
            measure=readback.maybe_text(data["measure"]),
            phase=readback.maybe_whole(data["phase"]),
            phases=tuple((readback.whole(p), readback.whole(d)) for p, d in data["phases"]),
            previous=tuple(readback.maybe_text(p) or "" for p in data["previous"]),
            due={str(k): (readback.whole(v[0]), readback.maybe_whole(v[1])) for k, v in data["due"].items()},
            contact_days=_days(data["contact_days"]),
            contact_lag=_column(data["contact_lag"]),
            late=_column(data["late"]),
            score_days=_days(data["score_days"]),
            score_values=_column(data["score_values"]),
            children=tuple(Child(readback.maybe_whole(c["born"]), readback.maybe_whole(c["of_age"]), _days(c["alone"])) for c in data["children"]),
            alarm_days=_days(data["alarm_days"]),
            alarm_answered=_column(data["alarm_answered"]),
            alarm_in_time=tuple(bool(b) for b in data["alarm_in_time"]),
            goals=tuple((readback.maybe_text(s) or "", readback.maybe_whole(d)) for s, d in data["goals"]),
            closure=readback.maybe_text(data["closure"]),
            overdue=readback.whole(data["overdue"]),
        )


def _column(values: Any) -> Days:
    column = tuple(values)
    if not all(type(v) is int for v in column):
        raise TypeError("a column of whole numbers")
    return column


DAY_COLUMNS = ("contact_days", "score_days", "alarm_days")


def _steps(days: Days) -> list[int]:
    return [b - a for a, b in zip((0, *days), days)]


def _days(steps: Any) -> Days:
    return tuple(accumulate(_column(steps)))


def _opt(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def case_facts(judged: Judged, ctx: Context) -> CaseFacts:
    """The facts of one loaded and judged case (see the module's docstring)."""
    from gga_cli.rules import REGISTRY
    from gga_cli.rules.acute import _established, _first_assessment  # the rules' own deeds
    from gga_cli.rules.alarms import _first_from, _updates, alarm_days
    from gga_cli.rules.common import add_years, birth_day, history, horizon, in_order, living_children
    from gga_cli.stats.definitions import alarm_answer_days, alone_min_age, contact_gap, family_contacts

    case, diagnostics = judged.case, judged.diagnostics

    errors = any(d.severity is Severity.ERROR and d.code.startswith("F") for d in diagnostics)
    facts = case.case
    if facts is None:
        return CaseFacts(id=case.id, errors=errors)
    until = horizon(facts, ctx)
    deadlines = ctx.settings.deadlines
    due: dict[str, tuple[int, int | None]] = {}
    contacts = family_contacts(case, until)
    first_visit = next((c.date for c in contacts if c.kind == "home_visit"), None)
    for code, days, found in (
        ("G101", deadlines.safety_assessment, _first_assessment(case, until)),
        ("G102", deadlines.home_visit, (first_visit, None) if first_visit is not None else None),
        ("G103", deadlines.safety_plan, _established(case, until)),
    ):
        due[code] = (day_number(facts.registered + dt.timedelta(days=days)), day_number(found[0]) if found is not None else None)
    # G117 as revision 2 reads it: a new assessment and the plan's review, each in its days
    raised = alarm_days(case, ctx, until) if case.genogram is not None else []
    assessments = sorted(a.date for a in in_order(case.safety_plan.assessments, until)) if case.safety_plan else []
    updates = _updates(case, until)
    within_assessment, within_review = alarm_answer_days(ctx)
    answered: list[int] = []
    in_time: list[bool] = []
    for day in raised:
        assessed, reviewed = _first_from(day, assessments), _first_from(day, updates)
        both = assessed is not None and reviewed is not None
        answered.append(day_number(max(assessed, reviewed)) if assessed is not None and reviewed is not None else NEVER)
        in_time.append(both and (assessed - day).days <= within_assessment and (reviewed - day).days <= within_review)  # type: ignore[operator]
    scores = in_order(case.scores, until)
    score_days = [s.date for s in scores]
    lag: list[int] = []
    for contact in contacts:
        at = bisect_left(score_days, contact.date)
        lag.append((score_days[at] - contact.date).days if at < len(score_days) else -1)
    late: list[int] = []
    for i, contact in enumerate(contacts):
        late_from = day_number(contact.date) + contact_gap(case, ctx, contact.date, raised) + 1
        if i + 1 == len(contacts):
            late += [late_from, OPEN]
        elif day_number(contacts[i + 1].date) > late_from:
            late += [late_from, day_number(contacts[i + 1].date) - 1]
    ordered = in_order(case.contacts, until)
    age = alone_min_age(ctx)
    children = []
    for child in living_children(case):
        born = birth_day(child)
        children.append(Child(_opt(born), _opt(add_years(born, age)) if born is not None else None,
                              tuple(day_number(c.date) for c in ordered if child.id in c.alone)))
    goals = tuple((g.status, _opt(g.due)) for g in case.change_plan.goals) if case.change_plan is not None else ()
    return CaseFacts(
        id=facts.id,
        errors=errors,
        registered=day_number(facts.registered),
        closed=day_number(facts.closed.date) if facts.closed is not None else None,
        team=facts.team,
        worker=facts.worker,
        measure=facts.measure.kind,
        phase=facts.phase,
        phases=tuple((e.phase, day_number(e.start)) for e in history(facts)),
        previous=tuple(facts.previous_cases),
        due=due,
        contact_days=tuple(day_number(c.date) for c in contacts),
        contact_lag=tuple(lag),
        late=tuple(late),
        score_days=tuple(day_number(d) for d in score_days),
        score_values=tuple(s.score for s in scores),
        children=tuple(children),
        alarm_days=tuple(day_number(d) for d in raised),
        alarm_answered=tuple(answered),
        alarm_in_time=tuple(in_time),
        goals=goals,
        closure=_closure(case, ctx, REGISTRY) if facts.closed is not None and case.genogram is not None else None,
        overdue=0 if facts.closed is not None else sum(1 for d in judged.deadlines if d.due < ctx.today),
    )


def _closure(case: CaseFolder, ctx: Context, registry: Any) -> str:
    """met: the closure was a 100% clean handover; waived: what it lacked is waived; else missed."""
    assert case.case is not None
    failing = [code for code in CLOSURE_RULES if registry[code].check(case, ctx)]
    if not failing:
        return "met"
    return "waived" if all(case.case.waived(code, ctx.today) for code in failing) else "missed"
