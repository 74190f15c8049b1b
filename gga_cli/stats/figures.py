"""The figures of `gga stats` over a period, as plain data: pure functions over the cases'
facts (see `facts`). What each figure counts is defined in the module's functions, one a
figure, in the words of the stats specification.

The period runs from `start` to `end`, both inclusive. A case is judged up to the period's
end, today or its closing date, whichever is first (the rules' horizon). Medians and p90s
are nearest-rank: always a day count that occurred. Days are day numbers (see `facts`), so
the many comparisons over thousands of cases are of whole numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gga_cli.stats.facts import NEVER, OPEN, CaseFacts

if TYPE_CHECKING:
    from gga_cli.rules.registry import Context

BY = ("team", "worker", "measure", "phase")
TIMELINESS = ("G101", "G102", "G103", "G107", "G108", "G109", "G117")
PHASE1_MONTHS = (30, 183)  # the booklet: phase 1 takes "een maand ... een half jaar"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date


def quantile(values: Iterable[int], q: float) -> int | None:
    """Nearest-rank quantile: the smallest value with at least q of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def add_years(day: int, years: int) -> int:
    """The same day `years` later, as the rules count it (29 February becomes 28 February)."""
    from gga_cli.rules.common import add_years as rules_add_years

    return rules_add_years(dt.date.fromordinal(day), years).toordinal()


def one_year_before(day: dt.date) -> dt.date:
    """The default start of a period ending on `day`: the same day a year before."""
    return dt.date.fromordinal(add_years(day.toordinal(), -1))


class Scope:
    """The period, the day judged and the group's threshold: what every figure of one run shares."""

    def __init__(self, period: Period, ctx: Context, min_group: int) -> None:
        self.period = period
        self.ctx = ctx
        self.min_group = min_group
        self.start, self.end = period.start.toordinal(), period.end.toordinal()
        self.last = min(self.end, ctx.today.toordinal())  # the last day judged on

    def holds(self, day: int | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def until(self, f: CaseFacts) -> int:
        """The last day a case is judged on within the period (the rules' horizon, cut at the end)."""
        return min(self.last, f.closed) if f.closed is not None else self.last

    def touches(self, f: CaseFacts) -> bool:
        """Open on some day of the period."""
        return f.registered is not None and f.registered <= self.end and (f.closed is None or f.closed >= self.start)

    def few(self, n: int) -> bool:
        return n < self.min_group


def open_on(f: CaseFacts, day: int) -> bool:
    """Registered on or before the day and not closed on or before it."""
    return f.registered is not None and f.registered <= day and (f.closed is None or f.closed > day)


def phase_on(f: CaseFacts, day: int) -> int | None:
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
    at_end = [f for f in cases if open_on(f, scope.end)]
    return {
        "open_at_start": sum(open_on(f, scope.start) for f in cases),
        "open_at_end": len(at_end),
        "started": sum(scope.holds(f.registered) for f in cases),
        "closed": sum(scope.holds(f.closed) for f in cases),
        "by_measure": dict(sorted(Counter(f.measure or "" for f in cases).items())),
        "by_phase": {str(k): v for k, v in sorted(Counter(phase_on(f, scope.end) or 0 for f in at_end).items())},
    }


# timeliness -----------------------------------------------------------------------------


def first_deadline(scope: Scope, cases: list[CaseFacts], code: str) -> dict[str, Any]:
    """G101, G102, G103 over the cases registered in the period: counted once the deadline
    has passed by the day judged or the deed was done; met when done on or before it."""
    met = total = 0
    days: list[int] = []
    for f in cases:
        if not scope.holds(f.registered) or code not in f.due:
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
            days.append(done - f.registered)
    return rate(scope, met, total, total, days)


def child_alone(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G107: children of the cases open in the period, of `alone_min_age` or older on the day
    judged; met when spoken alone within the rule's days before it (counted from registration,
    or a later birth, where never). `median_days`: days since the last time alone."""
    limit = scope.ctx.settings.deadlines.child_alone
    met = total = 0
    days: list[int] = []
    counted = 0
    for f in cases:
        if not scope.touches(f) or not f.children:
            continue
        assert f.registered is not None
        until = scope.until(f)
        before = total
        for child in f.children:
            if child.of_age is not None and child.of_age > until:
                continue
            spoken = bisect_right(child.alone, until)
            anchor = child.alone[spoken - 1] if spoken else max(f.registered, child.born) if child.born else f.registered
            total += 1
            met += until - anchor <= limit
            days.append(until - anchor)
        counted += total > before
    return rate(scope, met, total, counted, days)


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
        first, last = max(scope.start, f.registered), scope.until(f)
        if last < first:
            continue
        counted += 1
        overdue = 0
        late = f.late
        for i in range(0, len(late), 2):
            ends = last if late[i + 1] == OPEN else min(late[i + 1], last)
            overdue += max(0, ends - max(late[i], first) + 1)
        total += last - first + 1
        met += last - first + 1 - overdue
        days = f.contact_days
        low, high = max(1, bisect_left(days, scope.start)), bisect_right(days, last)
        gaps += [b - a for a, b in zip(days[low - 1:high - 1], days[low:high])]
    return rate(scope, met, total, counted, gaps)


def score_after_contact(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G109: family contacts dated in the period; met with a score the same day or the next.
    `median_days`: from the contact to the first score on or after it."""
    after = scope.ctx.settings.deadlines.score_after_contact
    met = total = 0
    days: list[int] = []
    counted = 0
    for f in cases:
        contacts = f.contact_days
        low, high = bisect_left(contacts, scope.start), bisect_right(contacts, scope.until(f))
        if high <= low:
            continue
        counted += 1
        total += high - low
        scored = [lag for lag in f.contact_lag[low:high] if lag >= 0]
        met += sum(lag <= after for lag in scored)
        days += scored
    return rate(scope, met, total, counted, days)


def alarms_answered(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """G117: alarms raised in the period; met when answered in full in time (a new
    assessment and the plan's review, each within its days). `median_days`: from the alarm
    to the later of the two."""
    met = total = 0
    days: list[int] = []
    counted = 0
    for f in cases:
        raised = f.alarm_days
        low, high = bisect_left(raised, scope.start), bisect_right(raised, scope.until(f))
        if high <= low:
            continue
        counted += 1
        total += high - low
        met += sum(f.alarm_in_time[low:high])
        days += [answered - day for day, answered in zip(raised[low:high], f.alarm_answered[low:high]) if answered != NEVER]
    return rate(scope, met, total, counted, days)


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
            if end is not None and scope.holds(end) and phase in stretches:
                stretches[phase].append(end - start)
        stepped += any(later[0] < earlier[0] for earlier, later in zip(entries, entries[1:]))
        for status, due in f.goals:
            goals["total"] += 1
            if status in ("achieved", "stopped"):
                goals[status] += 1
            elif status == "active" and due is not None and due < until:
                goals["overdue"] += 1
    phase_days = {str(k): spread(scope, v) for k, v in stretches.items()}
    low, high = PHASE1_MONTHS
    first = stretches[1]
    phase_days["1"]["within_one_to_six_months"] = None if scope.few(len(first)) else sum(low <= d <= high for d in first)
    durations = [f.closed - f.registered for f in cases if f.registered is not None and f.closed is not None and scope.holds(f.closed)]
    few = scope.few(touching)
    return {
        "phase_days": phase_days,
        "duration_closed": spread(scope, durations),
        "stepped_back": {"cases": touching, "count": None if few else stepped, "share": None if few else share(stepped, touching)},
        "goals": {"cases": touching, "total": goals["total"], **{k: None if few else goals[k] for k in ("achieved", "stopped", "overdue")}},
    }


# safety ---------------------------------------------------------------------------------


def safety(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """First against last score of each case open in the period (two scores at least); at the
    period's end, the open cases with an alarm not answered yet and with a last score at or
    below the alarm score."""
    end = scope.last
    change: Counter[str] = Counter()
    for f in cases:
        if not scope.touches(f):
            continue
        n = bisect_right(f.score_days, scope.until(f))
        if n >= 2:
            first, last = f.score_values[0], f.score_values[n - 1]
            change["improved" if last > first else "worse" if last < first else "same"] += 1
    scored = sum(change.values())
    at_end = [f for f in cases if open_on(f, scope.end)]
    alarm = sum(any(day <= end and (answered == NEVER or answered > end) for day, answered in zip(f.alarm_days, f.alarm_answered))
                for f in at_end)
    alarm_score = scope.ctx.settings.deadlines.alarm_score
    low = 0
    for f in at_end:
        n = bisect_right(f.score_days, end)
        low += n > 0 and f.score_values[n - 1] <= alarm_score
    few_change, few_end = scope.few(scored), scope.few(len(at_end))
    return {
        "score_change": {"cases": scored, **{k: None if few_change else change[k] for k in ("improved", "same", "worse")}},
        "open_alarms": {"cases": len(at_end), "with_open_alarm": None if few_end else alarm},
        "low_last_score": {"cases": len(at_end), "at_or_below": alarm_score, "count": None if few_end else low},
    }


# closure and returns ----------------------------------------------------------------------


def closure(scope: Scope, cases: list[CaseFacts]) -> dict[str, Any]:
    """Cases closed in the period: the closure a 100% clean handover (G113, G130 and G131 met),
    or what it lacked waived."""
    closed = [f for f in cases if scope.holds(f.closed) and f.closure is not None]
    met, waived = sum(f.closure == "met" for f in closed), sum(f.closure == "waived" for f in closed)
    if scope.few(len(closed)):
        return {"closed": len(closed), "met": None, "share": None, "waived": None, "waived_share": None}
    return {"closed": len(closed), "met": met, "share": share(met, len(closed)), "waived": waived, "waived_share": share(waived, len(closed))}


def returns(scope: Scope, cases: list[CaseFacts], everyone: list[CaseFacts]) -> dict[str, Any]:
    """Cases closed in the period whose family came back: named in another case's
    previous_cases, registered after the closing date, within 12 (24) months of it."""
    later: dict[str, list[int]] = {}
    for f in everyone:
        if f.registered is not None:
            for earlier in f.previous:
                later.setdefault(earlier, []).append(f.registered)
    closed = [f for f in cases if scope.holds(f.closed)]
    within: dict[int, int] = {1: 0, 2: 0}
    days: list[int] = []
    for f in closed:
        assert f.closed is not None
        back = [d for d in later.get(f.id, []) if d > f.closed]
        if not back:
            continue
        first = min(back)
        for years in within:
            within[years] += first <= add_years(f.closed, years)
        if first <= add_years(f.closed, 2):
            days.append(first - f.closed)
    if scope.few(len(closed)):
        return {"closed": len(closed), "returned_12m": None, "share_12m": None, "returned_24m": None, "share_24m": None, "median_days": None}
    return {
        "closed": len(closed),
        "returned_12m": within[1], "share_12m": share(within[1], len(closed)),
        "returned_24m": within[2], "share_24m": share(within[2], len(closed)),
        "median_days": None if scope.few(len(days)) else quantile(days, 0.5),
    }


# the whole ------------------------------------------------------------------------------


def key_of(f: CaseFacts, by: str, period: Period) -> str | int:
    if by == "phase":
        return phase_on(f, period.end.toordinal()) or 0
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
