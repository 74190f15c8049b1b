"""`gga status` through the real entry point: the JSON contract, filters, urgency, plain output."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from casebuilder import case_yaml as built_case
from casebuilder import genogram_yaml
from conftest import golden

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]
TODAY = "2026-11-29"


def case_yaml(case_id: str, family: str, worker: str, phase: int = 1, closed: str = "") -> str:
    """A case registered on 2026-09-01 that reached each next phase on the first of a month."""
    phases = [(p, f"2026-{p + 8:02d}-01") for p in range(1, phase + 1)]
    return built_case(phases, registered="2026-09-01", measure=("2026-09-01", "2027-09-01"), local_team="{name: Jeugdteam Escamp}",
                      id=case_id, family=family, worker=worker) + closed


GENOGRAM = genogram_yaml("els")

CASELOAD = {
    "cases/2026-0001/case.yaml": case_yaml("2026-0001", "Familie Brood", "Peter Brood", phase=2),
    "cases/2026-0001/genogram.yaml": GENOGRAM,
    "cases/2026-0001/scores.yaml": (
        "- {date: 2026-09-02, score: 4}\n- {date: 2026-10-01, score: 5}\n"
        "- {date: 2026-11-01, score: 4, by: els}\n- {date: 2026-11-20, score: 7}\n"
    ),
    "cases/2026-0001/contacts.yaml": (
        "- {date: 2026-11-20, kind: home_visit, with: [els]}\n- {date: 2026-11-27, kind: case_consultation}\n"
    ),
    "cases/2026-0002/case.yaml": case_yaml("2026-0002", "Familie Smit", "Ilse Kok"),
    "cases/2026-0002/genogram.yaml": GENOGRAM,
    "cases/2026-0002/scores.yaml": "- {date: 2026-11-28, score: 2}\n",
    "cases/2026-0003/case.yaml": "id: 2026-0003\nfamily: [kapot\n",
    "cases/2026-0003/genogram.yaml": GENOGRAM,
}


def per_case_counts(gga: Run, root: Path) -> dict[str, tuple[int, int]]:
    """(errors, warnings) per case as `gga check` finds them: the board must agree."""
    report = json.loads(gga("check", str(root), "--format", "json", "--today", TODAY).stdout)
    counts: dict[str, tuple[int, int]] = {}
    for d in report["diagnostics"]:
        errors, warnings = counts.get(d["case"], (0, 0))
        counts[d["case"]] = (errors + (d["severity"] == "error"), warnings + (d["severity"] == "warning"))
    return counts


def test_status_json_has_the_contract_shape(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    result = gga("status", str(root), "--format", "json", "--today", TODAY)
    assert result.returncode == 1, result.stderr  # case 2026-0003 has errors
    board = json.loads(result.stdout)
    assert list(board) == ["cases"]
    keys = ["id", "family", "worker", "phase", "phase_since", "last_contact", "last_score", "scores",
            "next_deadline", "errors", "warnings", "closed", "overdue", "alarm"]
    assert all(list(row) == keys for row in board["cases"])
    by_id = {row["id"]: row for row in board["cases"]}
    counts = per_case_counts(gga, root)
    for case_id, row in by_id.items():
        assert (row["errors"], row["warnings"]) == counts.get(case_id, (0, 0)), case_id
        deadline = row["next_deadline"]
        assert deadline is None or (list(deadline) == ["code", "date"] and deadline["date"][:2] == "20")
    facts = {case_id: {k: v for k, v in row.items() if k not in ("errors", "warnings", "next_deadline", "overdue")}
             for case_id, row in by_id.items()}
    assert facts == {
        "2026-0001": {
            "id": "2026-0001", "family": "Familie Brood", "worker": "Peter Brood", "phase": 2,
            "phase_since": "2026-10-01", "last_contact": "2026-11-20", "last_score": 7, "scores": [4, 5, 4, 7],
            "closed": False, "alarm": False,
        },
        "2026-0002": {
            "id": "2026-0002", "family": "Familie Smit", "worker": "Ilse Kok", "phase": 1,
            "phase_since": "2026-09-01", "last_contact": None, "last_score": 2, "scores": [2],
            "closed": False, "alarm": True,
        },
        # case.yaml is no YAML: the row still stands, named after its folder, its errors counted
        "2026-0003": {
            "id": "2026-0003", "family": None, "worker": None, "phase": None,
            "phase_since": None, "last_contact": None, "last_score": None, "scores": [],
            "closed": False, "alarm": False,
        },
    }
    assert by_id["2026-0003"]["errors"] == 1


def test_status_puts_alarms_and_errors_first(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    rows = json.loads(gga("status", str(root), "--format", "json", "--today", TODAY).stdout)["cases"]
    assert [row["id"] for row in rows] == ["2026-0002", "2026-0001", "2026-0003"]  # the only alarm (a 2 yesterday), then errors


def test_the_text_board_matches_its_golden_file(gga: Run, caseload: Make) -> None:
    """The board a worker reads, whole: columns, urgency order, sparklines, summary line."""
    root = caseload(CASELOAD)
    for lang in ("nl", "en"):
        result = gga("status", "--today", TODAY, "--lang", lang, cwd=root)
        assert result.returncode == 1, result.stderr  # case 2026-0003 has errors
        assert result.stdout == golden(f"status-board-{lang}.txt", result.stdout)


def test_status_filters_by_worker_and_phase(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    by_worker = json.loads(gga("status", str(root), "--format", "json", "--today", TODAY, "--worker", "peter").stdout)
    assert [row["id"] for row in by_worker["cases"]] == ["2026-0001"]
    by_phase = json.loads(gga("status", str(root), "--format", "json", "--today", TODAY, "--phase", "1").stdout)
    assert [row["id"] for row in by_phase["cases"]] == ["2026-0002"]


def test_status_overdue_keeps_only_cases_with_overdue_deadlines(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    every = json.loads(gga("status", str(root), "--format", "json", "--today", TODAY).stdout)["cases"]
    overdue = json.loads(gga("status", str(root), "--format", "json", "--today", TODAY, "--overdue").stdout)["cases"]
    assert overdue == [row for row in every if row["overdue"] > 0]
    assert [(row["id"], row["overdue"]) for row in overdue] == [("2026-0002", 4), ("2026-0001", 2)]


def test_status_text_board_and_summary(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    # wide enough for every column at its full width: the headers are words, not abbreviations
    result = gga("status", "--today", TODAY, "--lang", "en", cwd=root, env={"COLUMNS": "160"})
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["case", "family", "worker", "phase", "contact", "score", "deadline", "overdue", "errors", "warnings"]
    assert lines[1].startswith("2026-0002 Familie Smit")
    assert " 2 ▂" in lines[1]
    assert any(line.startswith("2026-0003 (unreadable)") for line in lines)
    brood = next(line for line in lines if line.startswith("2026-0001"))
    assert "2 (59d)" in brood and " 9d " in brood and " 7 ▃▄▃▆" in brood
    assert lines[-1].startswith("3 cases (phase 1: 1, phase 2: 1) · 1 unreadable · ")
    board = json.loads(gga("status", str(root), "--format", "json", "--today", TODAY).stdout)["cases"]
    overdue = f"overdue: {sum(r['overdue'] for r in board)} in {sum(1 for r in board if r['overdue'])} cases"
    with_errors = sum(1 for r in board if r["errors"])
    assert lines[-1].endswith(f"{overdue} · alarms: 1 · with errors: {with_errors}")


def test_status_piped_without_no_color_prints_no_escape_codes(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    # wide enough for every column: below that the table squeezes the names
    for env in ({"NO_COLOR": "", "TERM": "xterm-256color"}, {"TERM": "dumb"}):
        result = gga("status", str(root), "--today", TODAY, env={**env, "COLUMNS": "140"})
        assert "\x1b" not in result.stdout + result.stderr, env
        assert "Familie Smit" in result.stdout


def test_status_of_a_path_that_does_not_exist_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    result = gga("status", str(tmp_path / "nowhere"), "--today", TODAY)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert gga("status", str(tmp_path), "--phase", "4").returncode == 2


def test_status_in_the_demo_caseload(gga: Run, tmp_path: Path) -> None:
    from conftest import DEMO_TODAY, EXAMPLES

    demo = tmp_path / "demo"
    shutil.copytree(EXAMPLES, demo)  # the board writes its cache into the caseload
    result = gga("status", str(demo), "--format", "json", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    assert len(board["cases"]) == len(list(EXAMPLES.glob("cases/*/case.yaml")))


def test_the_dutch_board_says_in_words_what_is_due_beside_the_code(gga: Run, tmp_path: Path) -> None:
    from conftest import DEMO_TODAY, EXAMPLES

    demo = tmp_path / "demo"
    shutil.copytree(EXAMPLES, demo)
    result = gga("status", str(demo), "--today", DEMO_TODAY, env={"COLUMNS": "160"})
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["zaak", "gezin", "jeugdbeschermer", "fase", "contact", "score", "termijn", "te", "laat",
                                "fouten", "waarschuwingen"]
    deadline = re.compile(r"G\d{3} \d\d-\d\d [+-]\d+d \S+(?: \S+)*?(?=  |$)")
    due = {line.split()[0]: found[0] for line in lines[1:-1] if (found := deadline.findall(line))}
    assert due == {
        "2026-0534": "G120 15-11 -14d doel g2",  # late: the code and -14d say so, the words say which goal
        "2026-2412": "G109 20-11 -9d veiligheidsscore",
        "2026-2457": "G101 30-11 +1d ARIJ-veiligheidstaxatie",
        "2025-2391": "G108 03-12 +4d gezinscontact",
        "2026-1032": "G108 04-12 +5d gezinscontact",
    }
