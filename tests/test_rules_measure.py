"""G119-G122: the measure's end, goals past their date, network meetings in phase 2, the phase history."""

from __future__ import annotations

import datetime as dt

import pytest

from casebuilder import TODAY, clean, edit, findings
from gga_cli.models.settings import Deadlines, Settings

D = dt.date
MEASURE = "measure: {kind: ots, start: 2026-01-05, end: 2027-01-05}"


def ending(end: str, extension: str = "", kind: str = "ots", phase: int | str = 2) -> dict[str, str]:
    extra = f", extension: {{{extension}}}" if extension else ""
    return edit(clean(phase), "case.yaml", MEASURE, f"measure: {{kind: {kind}, start: 2026-01-05, end: {end}{extra}}}")


def test_g119_quiet_until_56_days_before_the_end() -> None:
    assert findings(ending("2026-05-20"), TODAY[2]) == []  # decision due 25 March: today


def test_g119_a_warning_once_the_decision_is_overdue() -> None:
    assert findings(ending("2026-05-19"), TODAY[2]) == [
        ("G119", "warning", "case.yaml", 5,
         "geen besluit over verlenging van de OTS (eindigt 19 mei 2026): uiterlijk 24 maart 2026, 1 dag over tijd"),
    ]


def test_g119_an_error_once_the_end_has_passed_on_an_open_case() -> None:
    assert findings(ending("2026-03-20", kind="jr"), TODAY[2], "en") == [
        ("G119", "error", "case.yaml", 5, "the youth probation ended on 20 March 2026 with no decision on extending it (5 days ago)"),
        ("G112", "error", "change-plan.yaml", None, "youth probation in phase 2 without an LIJ assessment"),
    ]


def test_g119_the_organisations_setting_still_rules_the_error() -> None:
    settings = Settings(rules={"G119": "warning"})
    assert [f[:2] for f in findings(ending("2026-03-20"), TODAY[2], settings=settings)] == [("G119", "warning")]


def test_g119_a_decision_in_time_a_late_one_and_one_from_an_earlier_term() -> None:
    assert findings(ending("2026-05-15", "date: 2026-03-20, outcome: requested"), TODAY[2]) == []
    assert findings(ending("2026-05-15", "date: 2026-03-24, outcome: granted"), TODAY[2]) == [
        ("G119", "warning", "case.yaml", 5,
         "besluit over verlenging van de OTS 4 dagen te laat (uiterlijk 20 maart 2026, was 24 maart 2026)"),
    ]
    assert [f[:2] for f in findings(ending("2026-05-15", "date: 2025-05-14, outcome: granted"), TODAY[2])] == [("G119", "warning")]


def test_g119_not_for_a_voogdij_nor_a_closed_case() -> None:
    assert findings(ending("2026-03-20", kind="voogdij"), TODAY[2]) == []
    assert findings(ending("2026-04-21", phase="closed"), TODAY["closed"]) == []


def test_g120_an_active_goal_past_its_due_date() -> None:
    files = edit(clean(2), "change-plan.yaml", "due: 2026-09-01", "due: 2026-03-25")
    assert findings(files, TODAY[2]) == []
    files = edit(clean(2), "change-plan.yaml", "due: 2026-09-01", "due: 2026-03-24")
    assert findings(files, TODAY[2]) == [
        ("G120", "warning", "change-plan.yaml", 12, "doel g1 is nog actief, 1 dag over zijn streefdatum 24 maart 2026"),
    ]
    achieved = edit(files, "change-plan.yaml", "status: active", "status: achieved")
    assert findings(achieved, TODAY[2]) == []


def meetings(days: int) -> Settings:
    return Settings(deadlines=Deadlines(network_meeting=days))


def test_g121_counted_from_the_last_network_meeting_in_phase_2() -> None:
    assert findings(clean(2), TODAY[2], settings=meetings(51)) == []
    assert findings(clean(2), TODAY[2], settings=meetings(50)) == [
        ("G121", "warning", "contacts.yaml", 5, "geen netwerkbijeenkomst sinds 2 februari 2026: uiterlijk 24 maart 2026, 1 dag over tijd"),
    ]


def test_g121_counted_from_the_phase_start_without_a_meeting() -> None:
    files = edit(clean(2), "contacts.yaml", "2026-02-02, kind: network_meeting", "2026-02-02, kind: home_visit")
    assert findings(files, TODAY[2], settings=meetings(50)) == [
        ("G121", "warning", "case.yaml", 10, "geen netwerkbijeenkomst sinds 2 februari 2026: uiterlijk 24 maart 2026, 1 dag over tijd"),
    ]


def test_g121_a_meeting_held_late_is_a_deadline_missed_in_the_past() -> None:
    files = edit(clean(2), "contacts.yaml", "2026-03-20, kind: office", "2026-03-20, kind: network_meeting")
    assert findings(files, TODAY[2], settings=meetings(40)) == [
        ("G121", "warning", "contacts.yaml", 8, "netwerkbijeenkomst 6 dagen te laat (uiterlijk 14 maart 2026, was 20 maart 2026)"),
    ]


def test_g121_a_stay_in_phase_2_that_ended_without_a_meeting_in_time() -> None:
    assert findings(clean(3), TODAY[3]) == []
    assert findings(clean(3), TODAY[3], settings=meetings(40)) == [
        ("G121", "warning", "contacts.yaml", 5,
         "geen netwerkbijeenkomst tussen 2 februari 2026 en het einde van fase 2 op 30 maart 2026 (uiterlijk 14 maart 2026)"),
    ]


def test_g121_phase_2_days_do_not_apply_in_phase_1() -> None:
    assert findings(clean(1), TODAY[1], settings=meetings(1)) == []


def phase1_without_meeting(day: dt.date) -> dict[str, str]:
    """Phase 1 until `day`: weekly contacts and scores, none of them a network meeting."""
    files = clean(1)
    contacts, scores, d = "", "", D(2026, 1, 7)
    while d <= day:
        contacts += f"- {{date: {d}, kind: home_visit, with: [els, sjors], alone: [sjors]}}\n"
        scores += f"- {{date: {d}, score: 6}}\n"
        d += dt.timedelta(days=7)
    return {**files, "contacts.yaml": contacts, "scores.yaml": scores}


def test_g121_phase_1_a_first_network_meeting_is_due_42_days_after_registration() -> None:
    files = phase1_without_meeting(D(2026, 2, 11))
    assert findings(files, D(2026, 2, 16)) == []
    assert findings(files, D(2026, 2, 17)) == [
        ("G121", "warning", "case.yaml", None, "nog geen netwerkbijeenkomst in fase 1: uiterlijk 16 februari 2026, 1 dag over tijd"),
    ]


def test_g121_phase_1_a_first_meeting_on_day_42_is_in_time_on_day_43_late() -> None:
    files = phase1_without_meeting(D(2026, 2, 18))
    on_time = {**files, "contacts.yaml": files["contacts.yaml"] + "- {date: 2026-02-16, kind: network_meeting, with: [oma, mike]}\n"}
    assert findings(on_time, D(2026, 2, 18)) == []
    late = {**files, "contacts.yaml": files["contacts.yaml"] + "- {date: 2026-02-17, kind: network_meeting, with: [oma, mike]}\n"}
    assert findings(late, D(2026, 2, 18), "en") == [
        ("G121", "warning", "contacts.yaml", 8, "first network meeting 1 day late (due 16 February 2026, was 17 February 2026)"),
    ]


def test_g121_phase_1_the_network_first_setting() -> None:
    files = phase1_without_meeting(D(2026, 2, 11))
    assert [f[0] for f in findings(files, D(2026, 2, 11), settings=Settings(deadlines=Deadlines(network_first=37)))] == []
    assert [f[0] for f in findings(files, D(2026, 2, 11), settings=Settings(deadlines=Deadlines(network_first=36)))] == ["G121"]


def test_g121_phase_3_the_safeguarding_plan_made_without_a_network_meeting_in_phase_3() -> None:
    files = edit(clean(3), "contacts.yaml", "2026-04-06, kind: network_meeting", "2026-04-06, kind: home_visit")
    assert findings(files, TODAY[3]) == [
        ("G121", "warning", "safeguarding-plan.yaml", None,
         "borgingsplan vastgesteld op 13 april 2026 zonder netwerkbijeenkomst sinds het begin van fase 3 op 30 maart 2026"),
    ]


def test_g121_phase_3_a_meeting_on_the_day_the_plan_is_agreed_counts() -> None:
    files = edit(clean(3), "contacts.yaml", "2026-04-06, kind: network_meeting", "2026-04-06, kind: home_visit")
    files = edit(files, "contacts.yaml", "2026-04-13, kind: office", "2026-04-13, kind: network_meeting")
    assert findings(files, TODAY[3]) == []
    # a meeting the day after the plan was agreed is too late for it
    files = edit(files, "safeguarding-plan.yaml", "established: 2026-04-13", "established: 2026-04-12")
    assert [f[:3] for f in findings(files, TODAY[3])] == [("G121", "warning", "safeguarding-plan.yaml")]


def test_g121_phase_3_a_plan_not_yet_established_is_left_to_g114() -> None:
    files = edit(clean(3), "contacts.yaml", "2026-04-06, kind: network_meeting", "2026-04-06, kind: home_visit")
    files = edit(files, "safeguarding-plan.yaml", "established: 2026-04-13\n", "")
    assert [f[0] for f in findings(files, D(2026, 4, 22))] == []


# G123 ---------------------------------------------------------------------------------

def test_g123_phase_3_while_goals_are_still_planned_or_active() -> None:
    files = edit(clean(3), "change-plan.yaml", "status: achieved}\n  - {id: g2", "status: active}\n  - {id: g2")
    files = edit(files, "change-plan.yaml", "agressieregulatie}, status: achieved", "agressieregulatie}, status: planned")
    assert findings(files, TODAY[3]) == [
        ("G123", "warning", "change-plan.yaml", 13, "de zaak is in fase 3 terwijl doel g1 nog actief is"),
        ("G123", "warning", "change-plan.yaml", 14, "de zaak is in fase 3 terwijl doel g2 nog gepland is"),
    ]


def test_g123_quiet_when_every_goal_is_achieved_or_stopped_and_in_phase_2() -> None:
    files = edit(clean(3), "change-plan.yaml", "agressieregulatie}, status: achieved", "agressieregulatie}, status: stopped")
    assert findings(files, TODAY[3]) == []
    assert findings(clean(2), TODAY[2]) == []  # goals run in phase 2


def test_g123_not_for_a_closed_case() -> None:
    files = edit(clean("closed"), "change-plan.yaml", "agressieregulatie}, status: achieved", "agressieregulatie}, status: planned")
    assert findings(files, TODAY["closed"]) == []


PHASES = "phase: 2\nphases:\n  - {phase: 1, start: 2026-01-05}\n  - {phase: 2, start: 2026-02-02}\n"


@pytest.mark.parametrize(
    ("phases", "expected"),
    [
        ("phase: 2\nphases:\n  - {phase: 2, start: 2026-01-05}\n",
         [(9, "de fasegeschiedenis begint bij fase 2, niet bij fase 1")]),
        ("phase: 3\nphases:\n  - {phase: 1, start: 2026-01-05}\n  - {phase: 3, start: 2026-02-02}\n",
         [(10, "van fase 1 naar fase 3 slaat een fase over")]),
        ("phase: 2\nphases:\n  - {phase: 1, start: 2026-02-02}\n  - {phase: 2, start: 2026-01-20}\n",
         [(10, "fase 2 begint op 20 januari 2026, voor de vorige fase (2 februari 2026)")]),
        ("phase: 2\nphases:\n  - {phase: 1, start: 2026-01-05}\n",
         [(9, "de laatste fase in de geschiedenis is 1, de huidige fase is 2")]),
        ("phase: 2\n", [(None, "de zaak is in fase 2 maar heeft geen fasegeschiedenis (phases)")]),
    ],
)
def test_g122_the_phase_history(phases: str, expected: list[tuple[int | None, str]]) -> None:
    files = edit(clean(2), "case.yaml", PHASES, phases)
    assert [f[3:] for f in findings(files, TODAY[2]) if f[0] == "G122"] == expected


def test_g122_a_case_in_phase_1_without_a_history_is_fine() -> None:
    files = edit(clean(1), "case.yaml", "phases:\n  - {phase: 1, start: 2026-01-05}\n", "")
    assert findings(files, TODAY[1]) == []


def test_g122_stepping_back_from_3_to_2_is_allowed() -> None:
    files = edit(clean(3), "case.yaml", "phase: 3\n", "phase: 2\n")
    files = edit(files, "case.yaml", "  - {phase: 3, start: 2026-03-30}\n", "  - {phase: 3, start: 2026-03-30}\n  - {phase: 2, start: 2026-04-13}\n")
    assert findings(files, TODAY[3]) == []
