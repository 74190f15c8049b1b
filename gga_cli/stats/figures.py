"""The figures of `gga stats` over a period, as plain data: pure functions over the cases'
facts (see `facts`). What each figure counts is defined in the module's functions, one a
figure, in the words of the stats specification.

The period runs from `start` to `end`, both inclusive. A case is judged up to the period's
end, today or its closing date, whichever is first (the rules' horizon). Medians and p90s
are nearest-rank: always a day count that occurred.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gga_cli.rules.registry import Context
from gga_cli.rules.timeline import add_years
from gga_cli.stats.definitions import alone_min_age
from gga_cli.stats.facts import CaseFacts

BY = ("team", "worker", "measure", "phase")
TIMELINESS = ("G101", "G102", "G103", "G107", "G108", "G109", "G117")
PHASE1_MONTHS = (30, 183)  # the booklet: phase 1 takes "een maand ... een half jaar"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def quantile(values: Iterable[int], q: float) -> int | None:
    """Nearest-rank quantile: the smallest value with at least q of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


class Scope:
    """The period, the day judged and the group's threshold: what every figure of one run shares."""

    def __init__(self, period: Period, ctx: Context, min_group: int) -> None:
        self.period = period
        self.ctx = ctx
        self.min_group = min_group

    def until(self, f: CaseFacts) -> dt.date:
        """The last day a case is judged on within the period (the rules' horizon, cut at the end)."""
        last = min(self.period.end, self.ctx.today)
        return min(last, f.closed) if f.closed is not None else last

    def touches(self, f: CaseFacts) -> bool:
        """Open on some day of the period."""
        return f.registered is not None and f.registered <= self.period.end and (f.closed is None or f.closed >= self.period.start)

    def few(self, n: int) -> bool:
        return n < self.min_group


def open_on(f: CaseFacts, day: dt.date) -> bool:
    """Registered on or before the day and not closed on or before it."""
    return f.registered is not None and f.registered <= day and (f.closed is None or f.closed > day)


def phase_on(f: CaseFacts, day: dt.date) -> int | None:
    """The phase in force on a day, as the timeline reads the history."""
    if not f.phases:
        return f.phase
    current = f.phases[0][0]
    for phase, start in f.phases:
        if start <= day:
            current = phase
    return current


def rate(scope: Scope, met: int, total: int, cases: int, days: list[int]) -> dict[str, Any]:
    """A figure in the contract's shape; its values null where it rests on too few."""
    if scope.few(total) or scope.few(cases):
        return {"met": None, "total": total, "share": None, "median_days": None, "p90_days": None, "cases": cases, "suppressed": True}
    return {"met": met, "total": total, "share": share(met, total), "median_days": quantile(days, 0.5),
            "p90_days": quantile(days, 0.9), "cases": cases}


# volume ---------------------------------------------------------------------------------


def volume(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    p = scope.period
    at_end = [f for f in cases if open_on(f, p.end)]
    return {
        "open_at_start": sum(open_on(f, p.start) for f in cases),
        "open_at_end": len(at_end),
        "started": sum(p.holds(f.registered) for f in cases),
        "closed": sum(p.holds(f.closed) for f in cases),
        "by_measure": dict(sorted(Counter(f.measure or "" for f in cases).items())),
        "by_phase": {str(k): v for k, v in sorted(Counter(phase_on(f, p.end) or 0 for f in at_end).items())},
    }


# timeliness -----------------------------------------------------------------------------


def first_deadline(scope: Scope, cases: list[CaseFacts], code: str) -> dict[str, Any]:
    """G101, G102, G103 over the cases registered in the period: counted once the deadline
    has passed by the day judged or the deed was done; met when done on or before it."""
    met = total = 0
    days: list[int] = []
    for f in cases:
        if not scope.period.holds(f.registered) or code not in f.due:
            continue
        assert f.registered is not None
        until = scope.until(f)
        due, done = f.due[code]
        done = done if done is not None and done <= until else None
        if done is None and until <= due:
            continue  # still ahead and not met: neither met nor missed
        total += 1
        if done is not None:
            met += done <= due
            days.append((done - f.registered).days)
    return rate(scope, met, total, total, days)


def child_alone(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G107: children of the cases open in the period, of `alone_min_age` or older on the day
    judged; met when spoken alone within the rule's days before it (counted from registration,
    or a later birth, where never). `median_days`: days since the last time alone."""
    limit, age = scope.ctx.settings.deadlines.child_alone, alone_min_age(scope.ctx)
    met = total = 0
    days: list[int] = []
    counted: set[str] = set()
    for f in cases:
        if not scope.touches(f):
            continue
        assert f.registered is not None
        until = scope.until(f)
        for child in f.children:
            if child.born is not None and add_years(child.born, age) > until:
                continue
            spoken = [d for d in child.alone if d <= until]
            anchor = spoken[-1] if spoken else max(f.registered, child.born) if child.born else f.registered
            total += 1
            counted.add(f.id)
            met += (until - anchor).days <= limit
            days.append((until - anchor).days)
    return rate(scope, met, total, len(counted), days)


def contact_rhythm(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G108: open-case days in the period, met where not inside an overdue gap (past the
    days allowed after a family contact, before the next). Before the first family contact
    G102 speaks instead. `median_days`: gaps between family contacts ending in the period."""
    met = total = 0
    gaps: list[int] = []
    counted = 0
    for f in cases:
        if not scope.touches(f):
            continue
        assert f.registered is not None
        first, last = max(scope.period.start, f.registered), scope.until(f)
        if last < first:
            continue
        counted += 1
        open_days = (last - first).days + 1
        overdue = 0
        contacts = [c for c in f.contacts if c.day <= last]
        for i, contact in enumerate(contacts):
            late_from = contact.day + dt.timedelta(days=contact.gap + 1)
            late_to = contacts[i + 1].day - dt.timedelta(days=1) if i + 1 < len(contacts) else last
            overdue += max(0, (min(late_to, last) - max(late_from, first)).days + 1)
            if i and scope.period.holds(contact.day):
                gaps.append((contact.day - contacts[i - 1].day).days)
        total += open_days
        met += open_days - overdue
    return rate(scope, met, total, counted, gaps)


def score_after_contact(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G109: family contacts dated in the period; met with a score the same day or the next.
    `median_days`: from the contact to the first score on or after it."""
    after = scope.ctx.settings.deadlines.score_after_contact
    met = total = 0
    days: list[int] = []
    counted: set[str] = set()
    for f in cases:
        until = scope.until(f)
        for c in f.contacts:
            if scope.period.start <= c.day <= until:
                total += 1
                counted.add(f.id)
                met += c.scored is not None and (c.scored - c.day).days <= after
                if c.scored is not None:
                    days.append((c.scored - c.day).days)
    return rate(scope, met, total, len(counted), days)


def alarms_answered(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G117: alarms raised in the period; met when answered in full in time (a new
    assessment and the plan's review, each within its days). `median_days`: from the alarm
    to the later of the two."""
    met = total = 0
    days: list[int] = []
    counted: set[str] = set()
    for f in cases:
        until = scope.until(f)
        for a in f.alarms:
            if scope.period.start <= a.day <= until:
                total += 1
                counted.add(f.id)
                met += a.in_time
                if a.answered is not None:
                    days.append((a.answered - a.day).days)
    return rate(scope, met, total, len(counted), days)


def timeliness(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    figures: dict[str, Callable[[Scope, list[CaseFacts]], dict[str, Any]]] = {
        "G107": child_alone, "G108": contact_rhythm, "G109": score_after_contact, "G117": alarms_answered,
    }
    return {code: figures[code](scope, cases) if code in figures else first_deadline(scope, cases, code) for code in TIMELINESS}


# course ---------------------------------------------------------------------------------


def spread(scope: Scope, days: list[int]) -> dict[str, Any]:
    if scope.few(len(days)):
        return {"cases": len(days), "median_days": None, "p90_days": None, "suppressed": True}
    return {"cases": len(days), "median_days": quantile(days, 0.5), "p90_days": quantile(days, 0.9)}


def course(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """Days in each phase (stretches ended in the period), the duration of cases closed in the
    period, the cases that stepped back a phase, and the goals of the cases open in it."""
    p = scope.period
    stretches: dict[int, list[int]] = {1: [], 2: [], 3: []}
    stepped = touching = 0
    goals: Counter[str] = Counter()
    for f in cases:
        if not scope.touches(f):
            continue
        touching += 1
        until = scope.until(f)
        entries = [e for e in f.phases if e[1] <= until]
        for i, (phase, start) in enumerate(entries):
            end = entries[i + 1][1] if i + 1 < len(entries) else f.closed
            if end is not None and p.holds(end) and phase in stretches:
                stretches[phase].append((end - start).days)
        stepped += any(later[0] < earlier[0] for earlier, later in zip(entries, entries[1:]))
        for status, due in f.goals:
            goals["total"] += 1
            goals[status] += status in ("achieved", "stopped")
            goals["overdue"] += status == "active" and due is not None and due < until
    phase_days = {str(k): spread(scope, v) for k, v in stretches.items()}
    low, high = PHASE1_MONTHS
    first = stretches[1]
    phase_days["1"]["within_one_to_six_months"] = None if scope.few(len(first)) else sum(low <= d <= high for d in first)
    durations = [(f.closed - f.registered).days for f in cases if f.registered is not None and f.closed is not None and p.holds(f.closed)]
    few = scope.few(touching)
    return {
        "phase_days": phase_days,
        "duration_closed": spread(scope, durations),
        "stepped_back": {"cases": touching, "count": None if few else stepped, "share": None if few else share(stepped, touching)},
        "goals": {"total": goals["total"], **{k: None if few else goals[k] for k in ("achieved", "stopped", "overdue")}},
    }


# safety ---------------------------------------------------------------------------------


def safety(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """First against last score of each case open in the period (two scores at least); at the
    period's end, the open cases with an alarm not answered yet and with a last score at or
    below the alarm score."""
    end = min(scope.period.end, scope.ctx.today)
    change: Counter[str] = Counter()
    for f in cases:
        if not scope.touches(f):
            continue
        scores = [s for d, s in f.scores if d <= scope.until(f)]
        if len(scores) >= 2:
            change["improved" if scores[-1] > scores[0] else "worse" if scores[-1] < scores[0] else "same"] += 1
    scored = sum(change.values())
    at_end = [f for f in cases if open_on(f, scope.period.end)]
    alarm = sum(any(a.day <= end and (a.answered is None or a.answered > end) for a in f.alarms) for f in at_end)
    last = [[s for d, s in f.scores if d <= end] for f in at_end]
    low = sum(bool(s) and s[-1] <= scope.ctx.settings.deadlines.alarm_score for s in last)
    few_change, few_end = scope.few(scored), scope.few(len(at_end))
    return {
        "score_change": {"cases": scored, **{k: None if few_change else change[k] for k in ("improved", "same", "worse")}},
        "open_alarms": {"cases": len(at_end), "with_open_alarm": None if few_end else alarm},
        "low_last_score": {"cases": len(at_end), "at_or_below": scope.ctx.settings.deadlines.alarm_score, "count": None if few_end else low},
    }


# closure and returns ----------------------------------------------------------------------


def closure(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """Cases closed in the period: the closure a 100% clean handover (G113, G130 and G131 met),
    or what it lacked waived."""
    closed = [f for f in cases if scope.period.holds(f.closed) and f.closure is not None]
    met, waived = sum(f.closure == "met" for f in closed), sum(f.closure == "waived" for f in closed)
    if scope.few(len(closed)):
        return {"closed": len(closed), "met": None, "share": None, "waived": None, "waived_share": None}
    return {"closed": len(closed), "met": met, "share": share(met, len(closed)), "waived": waived, "waived_share": share(waived, len(closed))}


def returns(scope: Scope, cases: list[CaseFacts], everyone: list[CaseFacts]) -> dict[str, Any]:
    """Cases closed in the period whose family came back: named in another case's
    previous_cases, registered after the closing date, within 12 (24) months of it."""
    later: dict[str, list[dt.date]] = {}
    for f in everyone:
        if f.registered is not None:
            for earlier in f.previous:
                later.setdefault(earlier, []).append(f.registered)
    closed = [f for f in cases if scope.period.holds(f.closed)]
    within: dict[int, int] = {12: 0, 24: 0}
    days: list[int] = []
    for f in closed:
        assert f.closed is not None
        back = [d for d in later.get(f.id, []) if d > f.closed]
        if not back:
            continue
        first = min(back)
        for months in within:
            within[months] += first <= add_years(f.closed, months // 12)
        if first <= add_years(f.closed, 2):
            days.append((first - f.closed).days)
    if scope.few(len(closed)):
        return {"closed": len(closed), "returned_12m": None, "share_12m": None, "returned_24m": None, "share_24m": None, "median_days": None}
    return {
        "closed": len(closed),
        "returned_12m": within[12], "share_12m": share(within[12], len(closed)),
        "returned_24m": within[24], "share_24m": share(within[24], len(closed)),
        "median_days": None if scope.few(len(days)) else quantile(days, 0.5),
    }


# the whole ------------------------------------------------------------------------------


def key_of(f: CaseFacts, by: str, period: Period) -> str | int:
    if by == "phase":
        return phase_on(f, period.end) or 0
    value = {"team": f.team, "worker": f.worker, "measure": f.measure}[by]
    return value or ""


def group(scope: Scope, key: str | int | None, cases: list[CaseFacts], everyone: list[CaseFacts]) -> dict[str, Any]:
    head: dict[str, Any] = {"key": key, "cases": len(cases)}
    if scope.few(len(cases)):
        return {**head, "suppressed": True}
    return {
        **head,
        "with_errors": sum(f.errors for f in cases),
        "volume": volume(scope, cases),
        "timeliness": timeliness(scope, cases),
        "course": course(scope, cases),
        "safety": safety(scope, cases),
        "closure": closure(scope, cases),
        "returns": returns(scope, cases, everyone),
    }


def stats(everyone: list[CaseFacts], ctx: Context, period: Period, by: str | None, min_group: int) -> dict[str, Any]:
    """Every figure over the cases open in the period, whole or grouped by `by` (one of `BY`;
    the JSON contract)."""
    scope = Scope(period, ctx, min_group)
    counted = [f for f in everyone if scope.touches(f)]
    groups: dict[str | int | None, list[CaseFacts]] = {}
    for f in counted:
        groups.setdefault(key_of(f, by, period) if by else None, []).append(f)
    if not by:
        groups = {None: counted}
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "min_group": min_group,
        "unreadable": sum(f.registered is None for f in everyone),
        "groups": [group(scope, k, v, everyone) for k, v in sorted(groups.items(), key=lambda kv: str(kv[0]))],
    }


def months(everyone: list[CaseFacts], ctx: Context, period: Period, min_group: int) -> list[tuple[str, dict[str, Any]]]:
    """Timeliness a calendar month of the period (its first and last month cut to the period)."""
    out: list[tuple[str, dict[str, Any]]] = []
    first = period.start.replace(day=1)
    while first <= period.end:
        following = (first + dt.timedelta(days=32)).replace(day=1)
        month = Period(max(first, period.start), min(following - dt.timedelta(days=1), period.end))
        scope = Scope(month, ctx, min_group)
        cases = [f for f in everyone if scope.touches(f)]
        out.append((first.isoformat()[:7], timeliness(scope, cases) if not scope.few(len(cases)) else
                    {code: {"share": None} for code in TIMELINESS}))
        first = following
    return out
