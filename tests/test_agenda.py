"""`gga agenda` and the open deadlines of a case (the board's "next deadline")."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from casebuilder import FOLDER, ROOT, TODAY, clean, edit, without
from conftest import DEMO_TODAY, EXAMPLES
from gga_cli.judging import context, deadlines
from gga_cli.loader import load_case
from gga_cli.models.settings import Settings

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]
D = dt.date


def due(files: dict[str, str], today: dt.date, settings: Settings | None = None) -> list[tuple[str, dt.date, str]]:
    case, _ = load_case(FOLDER, ROOT, "nl", today, {k: v.encode() for k, v in files.items()})
    return [(d.code, d.due, d.what) for d in deadlines(case, context(settings or Settings(), today, "nl"))]


def test_a_case_registered_today_has_its_first_week_ahead() -> None:
    files = {"case.yaml": clean(1)["case.yaml"], "genogram.yaml": clean(1)["genogram.yaml"]}
    assert due(files, D(2026, 1, 5)) == [
        ("G101", D(2026, 1, 10), "ARIJ-veiligheidstaxatie"),
        ("G103", D(2026, 1, 10), "veiligheidsplan vaststellen"),
        ("G102", D(2026, 1, 12), "eerste huisbezoek"),
        ("G107", D(2026, 2, 16), "Sjors alleen spreken"),
        ("G121", D(2026, 2, 16), "eerste netwerkbijeenkomst"),
        ("G119", D(2026, 11, 10), "besluit over verlenging van de OTS (eindigt 5 januari 2027)"),
    ]


def test_overdue_deadlines_stay_listed_and_met_ones_go() -> None:
    files = edit(clean(1), "scores.yaml", "- {date: 2026-01-20, score: 6}\n", "")
    assert due(files, D(2026, 1, 23)) == [
        ("G109", D(2026, 1, 21), "veiligheidsscore na het telefoongesprek van 20 januari 2026"),
        ("G108", D(2026, 1, 27), "contact met het gezin"),
        ("G121", D(2026, 2, 16), "eerste netwerkbijeenkomst"),
        ("G107", D(2026, 2, 18), "Sjors alleen spreken"),
        ("G119", D(2026, 11, 10), "besluit over verlenging van de OTS (eindigt 5 januari 2027)"),
    ]


def test_rules_switched_off_or_waived_have_no_deadlines() -> None:
    files = edit(clean(1), "case.yaml", "phases:", "waivers:\n  - {rule: G107, reason: Sjors is net verhuisd}\nphases:")
    assert [d[0] for d in due(files, TODAY[1], Settings(rules={"G119": "off"}))] == ["G108", "G121"]
    assert [d[0] for d in due(files, TODAY[1], Settings(rules={"G119": "off", "G121": "off"}))] == ["G108"]


def test_phase_3_and_a_closed_case() -> None:
    assert [d[:2] for d in due(without(clean(3), "safeguarding-plan.yaml"), TODAY[3])] == [
        ("G108", D(2026, 4, 27)), ("G114", D(2026, 4, 27)), ("G107", D(2026, 5, 11)), ("G119", D(2026, 11, 10)),
    ]
    assert due(clean("closed"), TODAY["closed"]) == [("G140", D(2046, 4, 20), "bewaartermijn beoordelen")]


def test_after_an_alarm_in_phase_2_the_next_contact_and_both_answers_are_due() -> None:
    files = edit(clean(2), "scores.yaml", "- {date: 2026-03-20, score: 6}", "- {date: 2026-03-20, score: 3}")
    assert [d for d in due(files, D(2026, 3, 20)) if d[0] in ("G108", "G117")] == [
        ("G117", D(2026, 3, 21), "ARIJ-veiligheidstaxatie na score 3 op 20 maart 2026 (3 lager dan de vorige, 6)"),
        ("G117", D(2026, 3, 25), "veiligheidsplan herzien na score 3 op 20 maart 2026 (3 lager dan de vorige, 6)"),
        ("G108", D(2026, 3, 27), "contact met het gezin"),
    ]


def test_agenda_of_the_demo_caseload_json(gga: Run) -> None:
    result = gga("agenda", str(EXAMPLES), "--today", DEMO_TODAY, "--format", "json", "--days", "3", "--lang", "en")
    assert result.returncode == 0, result.stderr
    agenda = json.loads(result.stdout)
    assert (agenda["today"], agenda["days"]) == (DEMO_TODAY, 3)
    assert [(i["date"], i["case"], i["code"], i["days"], i["overdue"]) for i in agenda["deadlines"]] == [
        ("2026-11-15", "2026-0534", "G120", -14, True),
        ("2026-11-20", "2026-2412", "G109", -9, True),
        ("2026-11-30", "2026-2457", "G101", 1, False),
        ("2026-11-30", "2026-2457", "G103", 1, False),
    ]
    assert agenda["deadlines"][2] == {
        "date": "2026-11-30", "days": 1, "overdue": False, "code": "G101", "severity": "warning", "case": "2026-2457",
        "folder": "cases/2026-2457", "family": "Familie El Amrani", "worker": "Annelies van der Meer", "what": "ARIJ safety assessment",
    }


def test_agenda_text_is_a_table_soonest_first(gga: Run, caseload: Make) -> None:
    files = {f"cases/2026-0042/{name}": text for name, text in clean(1).items()}
    root = caseload(files)
    result = gga("agenda", "--today", "2026-01-21", "--days", "7", cwd=root)
    assert result.returncode == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "datum          zaak      jeugdbeschermer regel wat",
        "27-01-2026 +6d 2026-0042 Peter Brood     G108  contact met het gezin",
    ]


def test_agenda_on_a_pipe_keeps_every_cell_whole_and_a_deadline_a_line(gga: Run) -> None:
    result = gga("agenda", str(EXAMPLES), "--today", DEMO_TODAY, "--days", "3", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert len(lines) == 1 + 4  # the header and the four deadlines of the JSON test above
    assert lines[2].split() == ["2026-11-20", "-9d", "2026-2412", "Annelies", "van", "der", "Meer", "G109",
                                "safety", "score", "after", "the", "school", "meeting", "of", "19", "November", "2026"]
    assert "…" not in result.stdout


def test_agenda_with_nothing_due_says_so(gga: Run, caseload: Make) -> None:
    root = caseload({f"cases/2026-0042/{name}": text for name, text in clean(1).items()})
    result = gga("agenda", str(root), "--today", "2026-01-21", "--days", "0", "--lang", "en")
    assert (result.returncode, result.stdout) == (0, "")
    assert "nothing due in this period" in result.stderr


def test_agenda_wrong_use(gga: Run, caseload: Make) -> None:
    root = caseload({})
    assert gga("agenda", str(root), "--days", "-1").returncode == 2
    assert gga("agenda", str(root / "nowhere")).returncode == 2


def goal_deadline(today: dt.date) -> tuple[str, str]:
    files = edit(clean(2), "change-plan.yaml", "due: 2026-09-01", "due: 2026-03-24")
    case, _ = load_case(FOLDER, ROOT, "nl", today, {k: v.encode() for k, v in files.items()})
    found = [d for d in deadlines(case, context(Settings(), today, "nl")) if d.code == "G120"]
    assert len(found) == 1
    return found[0].what, found[0].short


def test_a_goal_deadline_never_reads_as_reached_and_says_when_its_date_has_passed() -> None:
    assert goal_deadline(D(2026, 3, 24)) == ("doel g1: streefdatum", "doel g1")
    assert goal_deadline(D(2026, 3, 25)) == ("doel g1: streefdatum verstreken", "doel g1")


def test_the_board_names_a_deadline_by_its_label_else_by_its_whole_text() -> None:
    files = {"case.yaml": clean(1)["case.yaml"], "genogram.yaml": clean(1)["genogram.yaml"]}
    case, _ = load_case(FOLDER, ROOT, "nl", D(2026, 1, 5), {k: v.encode() for k, v in files.items()})
    assert [(d.code, d.short) for d in deadlines(case, context(Settings(), D(2026, 1, 5), "nl"))][:3] == [
        ("G101", "ARIJ-veiligheidstaxatie"), ("G103", "veiligheidsplan vaststellen"), ("G102", "huisbezoek"),
    ]
