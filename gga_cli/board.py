"""The board over a caseload as plain data: one row a case, their urgency, and a summary.

Pure: a loaded and judged case (its diagnostics and open deadlines) goes in, a `Row` comes
out. A row holds only what the board shows, so that it can be cached between runs
(`gga_cli.cache`) without keeping the case files' sensitive text.

Urgency, most urgent first (the order of `gga status`):
1. open cases before closed ones;
2. a safety alarm now: the latest score at or below the alarm score of gga.toml (3 by
   default), or an alarm (G117) whose safety plan review is still open, due or overdue;
3. errors found in the case's files or by the rules;
4. overdue deadlines;
5. the next deadline, soonest first (cases without one after those with one);
6. the longest time since the last contact with the family;
7. the case id.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gga_cli import readback
from gga_cli.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # the models are only needed for a fresh row, never for one from the cache
    from gga_cli.models import CaseFolder
    from gga_cli.rules.registry import Deadline

RECENT_SCORES = 8  # scores shown in the sparkline and in `scores` of the JSON
ALARM_RULE = "G117"


@dataclass(frozen=True, slots=True)
class Row:
    """One case on the board. Dates are None where the case's files do not tell them."""

    id: str
    folder: str
    family: str | None
    worker: str | None
    phase: int | None
    phase_since: dt.date | None
    last_contact: dt.date | None
    scores: tuple[int, ...]  # the most recent scores, oldest first
    next_deadline: tuple[str, dt.date] | None  # (rule code, due date)
    overdue: int
    errors: int
    warnings: int
    closed: bool
    alarm: bool
    next_what: str = ""  # the next deadline in words, in the report language ("ARIJ-veiligheidstaxatie")

    @property
    def last_score(self) -> int | None:
        return self.scores[-1] if self.scores else None

    def to_json(self) -> dict[str, Any]:
        """The shape of `gga status --format json` (cli.md), plus `overdue` and `alarm`."""
        return {
            "id": self.id,
            "family": self.family,
            "worker": self.worker,
            "phase": self.phase,
            "phase_since": _iso(self.phase_since),
            "last_contact": _iso(self.last_contact),
            "last_score": self.last_score,
            "scores": list(self.scores),
            "next_deadline": (
                {"code": self.next_deadline[0], "date": self.next_deadline[1].isoformat()} if self.next_deadline else None
            ),
            "errors": self.errors,
            "warnings": self.warnings,
            "closed": self.closed,
            "overdue": self.overdue,
            "alarm": self.alarm,
        }

    def to_cache(self) -> dict[str, Any]:
        return {**self.to_json(), "folder": self.folder, "next_what": self.next_what}

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Row:
        """A row back from the cache; raises KeyError, TypeError or ValueError on anything off."""
        deadline = data["next_deadline"]
        row = cls(
            id=readback.text(data["id"]),
            folder=readback.text(data["folder"]),
            family=readback.maybe_text(data["family"]),
            worker=readback.maybe_text(data["worker"]),
            phase=readback.maybe_whole(data["phase"]),
            phase_since=_date(data["phase_since"]),
            last_contact=_date(data["last_contact"]),
            scores=tuple(readback.whole(s) for s in data["scores"]),
            next_deadline=(readback.text(deadline["code"]), dt.date.fromisoformat(deadline["date"])) if deadline is not None else None,
            overdue=readback.whole(data["overdue"]),
            errors=readback.whole(data["errors"]),
            warnings=readback.whole(data["warnings"]),
            closed=bool(data["closed"]),
            alarm=bool(data["alarm"]),
            next_what=readback.text(data["next_what"]),
        )
        return row

    def days_in_phase(self, today: dt.date) -> int | None:
        return (today - self.phase_since).days if self.phase_since else None

    def days_since_contact(self, today: dt.date) -> int | None:
        return (today - self.last_contact).days if self.last_contact else None

    def urgency(self, today: dt.date) -> tuple[Any, ...]:
        """The sort key of the board: smaller is more urgent (see the module's docstring)."""
        since = self.days_since_contact(today)
        return (
            self.closed,
            not self.alarm,
            self.errors == 0,
            -self.overdue,
            self.next_deadline is None,
            self.next_deadline[1] if self.next_deadline else dt.date.max,
            -(since if since is not None else 10**6),  # never contacted: most in need
            self.id,
        )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(readback.text(value))


def row(
    case: CaseFolder, diagnostics: list[Diagnostic], deadlines: list[Deadline], today: dt.date, alarm_score: int
) -> Row:
    """The board's row of one loaded and judged case; a case whose case.yaml failed still gets one."""
    from gga_cli.rules.common import family_ids, is_family_contact

    facts = case.case
    family = family_ids(case)
    contacts = [c.date for c in case.contacts if is_family_contact(c, family)]
    # scores in date order, file order breaking ties (the method's order)
    ordered = sorted(case.scores, key=lambda s: s.date)
    recent = tuple(s.score for s in ordered[-RECENT_SCORES:])
    open_deadlines = [] if facts is not None and facts.closed is not None else sorted(deadlines, key=lambda d: d.due)
    phase_since = None
    if facts is not None and facts.phases and facts.phases[-1].phase == facts.phase:
        phase_since = facts.phases[-1].start
    # an alarm of now: the latest score, or one not answered yet (a G117 deadline still open);
    # one answered late is history, counted among the errors
    alarm = any(d.code == ALARM_RULE for d in open_deadlines) or bool(recent and recent[-1] <= alarm_score)
    return Row(
        id=facts.id if facts is not None else case.id,
        folder=case.folder,
        family=facts.family if facts is not None else None,
        worker=facts.worker if facts is not None else None,
        phase=facts.phase if facts is not None else None,
        phase_since=phase_since,
        last_contact=max(contacts) if contacts else None,
        scores=recent,
        next_deadline=(open_deadlines[0].code, open_deadlines[0].due) if open_deadlines else None,
        overdue=sum(1 for d in open_deadlines if d.due < today),
        errors=sum(1 for d in diagnostics if d.severity is Severity.ERROR),
        warnings=sum(1 for d in diagnostics if d.severity is Severity.WARNING),
        closed=facts is not None and facts.closed is not None,
        alarm=alarm and not (facts is not None and facts.closed is not None),
        next_what=open_deadlines[0].short if open_deadlines else "",
    )


@dataclass(frozen=True)
class Filter:
    """Which rows `gga status` shows: a worker (case-insensitive, part of the name), a phase, overdue only."""

    worker: str | None = None
    phase: int | None = None
    overdue: bool = False

    def keeps(self, r: Row) -> bool:
        if self.worker is not None and (r.worker is None or self.worker.casefold() not in r.worker.casefold()):
            return False
        if self.phase is not None and r.phase != self.phase:
            return False
        return not (self.overdue and r.overdue == 0)


def board(rows: Iterable[Row], today: dt.date, keep: Filter = Filter()) -> list[Row]:
    """The rows to show, most urgent first."""
    return sorted((r for r in rows if keep.keeps(r)), key=lambda r: r.urgency(today))


@dataclass(frozen=True)
class Summary:
    cases: int
    per_phase: dict[int, int]  # open cases per phase
    closed: int
    unreadable: int  # cases whose case.yaml could not be read
    overdue_cases: int
    overdue_items: int
    alarms: int
    with_errors: int


def summary(rows: list[Row]) -> Summary:
    """Counts over the shown rows: cases per phase, overdue, alarms, errors."""
    open_rows = [r for r in rows if not r.closed]
    phases = Counter(r.phase for r in open_rows if r.phase is not None)
    return Summary(
        cases=len(rows),
        per_phase={p: phases[p] for p in sorted(phases)},
        closed=len(rows) - len(open_rows),
        unreadable=sum(1 for r in open_rows if r.phase is None),
        overdue_cases=sum(1 for r in rows if r.overdue),
        overdue_items=sum(r.overdue for r in rows),
        alarms=sum(1 for r in rows if r.alarm),
        with_errors=sum(1 for r in rows if r.errors),
    )
