"""The board's rows as plain data: next deadline, overdue, alarm, urgency, sparkline."""

from __future__ import annotations

import datetime as dt

from gga_cli.board import Row, board, row, summary
from gga_cli.views.board import sparkline
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import Case, CaseFolder, Contact, Score
from gga_cli.rules.registry import Deadline

TODAY = dt.date(2026, 11, 29)


def folder(closed: bool = False, scores: tuple[int, ...] = (5,)) -> CaseFolder:
    facts = {
        "id": "2026-0042", "family": "Familie Brood", "registered": "2026-09-01", "worker": "Peter Brood",
        "measure": {"kind": "voluntary", "start": "2026-09-01"}, "phase": "2",
        "phases": [{"phase": "1", "start": "2026-09-01"}, {"phase": "2", "start": "2026-10-15"}],
    }
    if closed:
        facts["closed"] = {"date": "2026-11-20", "reason": "blijvend veilig"}
    return CaseFolder(
        id="2026-0042", folder="cases/2026-0042", case=Case.model_validate(facts),
        scores=[Score.model_validate({"date": f"2026-11-{i + 1:02d}", "score": str(s)}) for i, s in enumerate(scores)],
        contacts=[Contact.model_validate({"date": "2026-11-10", "kind": "phone"}),
                  Contact.model_validate({"date": "2026-11-12", "kind": "case_consultation"})],
    )


def deadline(code: str, due: str) -> Deadline:
    return Deadline(code, "2026-0042", dt.date.fromisoformat(due), "")


def warning(code: str) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, "2026-0042", "cases/2026-0042/case.yaml", None, None, "")


def test_the_next_deadline_is_the_earliest_open_one_and_late_ones_are_counted() -> None:
    r = row(folder(), [warning("G108")], [deadline("G121", "2026-12-20"), deadline("G108", "2026-11-20"),
                                          deadline("G107", "2026-11-25")], TODAY, alarm_score=3)
    assert (r.next_deadline, r.overdue, r.errors, r.warnings) == (("G108", dt.date(2026, 11, 20)), 2, 0, 1)
    assert (r.phase, r.phase_since, r.last_contact) == (2, dt.date(2026, 10, 15), dt.date(2026, 11, 10))


def test_a_closed_case_has_no_deadlines_and_no_alarm() -> None:
    r = row(folder(closed=True, scores=(2,)), [], [deadline("G108", "2026-11-20")], TODAY, alarm_score=3)
    assert (r.closed, r.next_deadline, r.overdue, r.alarm) == (True, None, 0, False)


def test_an_alarm_is_a_low_latest_score_or_an_alarm_not_answered_yet() -> None:
    assert row(folder(scores=(8, 3)), [], [], TODAY, alarm_score=3).alarm
    assert not row(folder(scores=(3, 8)), [], [], TODAY, alarm_score=3).alarm
    assert row(folder(scores=(8,)), [], [deadline("G117", "2026-12-01")], TODAY, alarm_score=3).alarm
    answered_late = Diagnostic("G117", Severity.ERROR, "2026-0042", None, None, None, "")
    assert not row(folder(scores=(8,)), [answered_late], [], TODAY, alarm_score=3).alarm


def test_only_the_recent_scores_are_kept() -> None:
    r = row(folder(scores=tuple(range(1, 11))), [], [], TODAY, alarm_score=3)
    assert r.scores == (3, 4, 5, 6, 7, 8, 9, 10) and r.last_score == 10


def plain(case_id: str, **changes: object) -> Row:
    base = Row(case_id, f"cases/{case_id}", "F", "W", 2, None, dt.date(2026, 11, 20), (), None, 0, 0, 0, False, False)
    return Row(**{**{f: getattr(base, f) for f in Row.__slots__}, **changes})  # type: ignore[arg-type]


def test_urgency_orders_alarm_errors_overdue_deadline_contact_then_closed() -> None:
    rows = [
        plain("closed", closed=True, errors=5),
        plain("quiet"),
        plain("long-silent", last_contact=dt.date(2026, 9, 1)),
        plain("soon", next_deadline=("G108", dt.date(2026, 12, 1))),
        plain("later", next_deadline=("G108", dt.date(2026, 12, 20))),
        plain("overdue", overdue=1, next_deadline=("G108", dt.date(2026, 11, 1))),
        plain("errors", errors=1),
        plain("alarm", alarm=True),
    ]
    assert [r.id for r in board(rows, TODAY)] == [
        "alarm", "errors", "overdue", "soon", "later", "long-silent", "quiet", "closed"]


def test_summary_counts_phases_overdue_alarms_and_errors() -> None:
    rows = [plain("a", overdue=2), plain("b", phase=1, alarm=True, errors=1), plain("c", closed=True), plain("d", phase=None)]
    s = summary(rows)
    assert (s.cases, s.per_phase, s.closed, s.unreadable, s.overdue_cases, s.overdue_items, s.alarms, s.with_errors) == (
        4, {1: 1, 2: 1}, 1, 1, 1, 2, 1, 1)


def test_a_row_survives_the_cache_unchanged() -> None:
    r = plain("2026-0042", scores=(3, 4), next_deadline=("G108", dt.date(2026, 12, 1)), phase_since=dt.date(2026, 1, 2))
    assert Row.from_cache(r.to_cache()) == r


def test_sparkline_is_on_a_fixed_scale() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == "▁▂▃▃▄▅▆▆▇█"
    assert sparkline([]) == ""
