"""`gga check` through the real entry point: formats, exit codes, paths."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path


Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]

CASE = """\
id: 2026-0042
family: Familie Brood
registered: 2026-11-25
worker: Peter Brood
measure: {kind: ots, start: 2026-11-25, end: 2027-11-25}
local_team: {name: Jeugdteam Escamp}
phase: 1
phases:
  - {phase: 1, start: 2026-11-25}
"""
GENOGRAM = "people:\n  - {id: els, name: Els, sex: f, born: 1983}\n  - {id: sjors, name: Sjors, sex: m, born: 2014-05-02, parents: [els], child: true, index: true, trusted_person: els}\n"


def test_check_json_has_the_contract_shape(gga: Run, caseload: Make) -> None:
    root = caseload({
        "cases/2026-0042/case.yaml": CASE,
        "cases/2026-0042/genogram.yaml": GENOGRAM,
        "cases/2026-0042/scores.yaml": "- {date: 2026-11-26, score: 11}\n",
    })
    result = gga("check", str(root), "--format", "json", "--today", "2026-11-26", "--lang", "en")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert errors == [{
        "code": "F010", "severity": "error", "case": "2026-0042", "file": "cases/2026-0042/scores.yaml",
        "line": 1, "column": 29, "message": "[0].score: 11 must be at most 10",
    }]
    assert report["summary"]["cases"] == 1
    assert report["summary"]["files"] == 4  # gga.toml and the three case files
    assert report["summary"]["errors"] == 1
    assert set(report["summary"]) == {"cases", "files", "errors", "warnings"}


def test_check_text_lines_are_file_line_column_severity_code_message(gga: Run, caseload: Make) -> None:
    root = caseload({"cases/2026-0042/case.yaml": CASE + "phase: 2\n", "cases/2026-0042/genogram.yaml": GENOGRAM})
    result = gga("check", "--today", "2026-11-26", "--lang", "en", cwd=root / "cases")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "cases/2026-0042/case.yaml:10:1: error F002 key 'phase' is repeated"


def test_check_github_format_emits_workflow_commands(gga: Run, caseload: Make) -> None:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM + "x: 1\n"})
    result = gga("check", str(root), "--format", "github", "--today", "2026-11-26", "--lang", "en")
    assert result.returncode == 1
    assert "::error file=cases/2026-0042/genogram.yaml,line=4,col=1,title=F010::unknown key 'x'" in result.stdout.splitlines()


def test_one_bad_file_does_not_hide_the_others(gga: Run, caseload: Make) -> None:
    root = caseload({
        "cases/2026-0042/case.yaml": CASE,
        "cases/2026-0042/genogram.yaml": "people: [\n",
        "cases/2026-0043/case.yaml": CASE.replace("2026-0042", "2026-0043") + "bogus: 1\n",
    })
    result = gga("check", str(root), "--format", "json", "--today", "2026-11-26")
    found = {(d["file"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert {
        ("cases/2026-0042/genogram.yaml", "F001"),
        ("cases/2026-0043/case.yaml", "F010"),
        ("cases/2026-0043/genogram.yaml", "F030"),
    } <= found


def test_a_single_file_argument_reports_only_that_file(gga: Run, caseload: Make) -> None:
    root = caseload({
        "cases/2026-0042/case.yaml": CASE + "bogus: 1\n",
        "cases/2026-0042/genogram.yaml": GENOGRAM,
        "cases/2026-0042/scores.yaml": "- {date: 2026-11-26, score: 0}\n",
    })
    result = gga("check", str(root / "cases/2026-0042/scores.yaml"), "--format", "json", "--today", "2026-11-26")
    files = {d["file"] for d in json.loads(result.stdout)["diagnostics"]}
    assert files == {"cases/2026-0042/scores.yaml"}


def test_a_case_folder_is_found_by_walking_up(gga: Run, caseload: Make) -> None:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM})
    (root / "cases/2026-0042/notes").mkdir()
    result = gga("check", "--format", "json", "--today", "2026-11-26", cwd=root / "cases/2026-0042/notes")
    assert json.loads(result.stdout)["summary"]["cases"] == 1


def test_a_missing_path_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    result = gga("check", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_caseload_here_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    result = gga("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "gga.toml" in result.stderr


def test_a_bad_today_is_wrong_use(gga: Run, caseload: Make) -> None:
    root = caseload({})
    result = gga("check", str(root), "--today", "2026-02-30")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unknown_settings_are_errors_with_their_line(gga: Run, caseload: Make) -> None:
    root = caseload({"gga.toml": '[organisation]\nname = "Test"\n\n[deadlines]\nhome_visti = 7\n'})
    result = gga("check", str(root), "--format", "json", "--lang", "en")
    assert result.returncode == 1
    assert json.loads(result.stdout)["diagnostics"] == [{
        "code": "F010", "severity": "error", "case": None, "file": "gga.toml", "line": 5, "column": 1,
        "message": "deadlines: unknown key 'home_visti'",
    }]


def test_broken_toml_is_f001_with_its_line(gga: Run, caseload: Make) -> None:
    root = caseload({"gga.toml": '[organisation]\nname = "Test\n'})
    result = gga("check", str(root), "--format", "json", "--lang", "en")
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert [(d["code"], d["file"], d["line"]) for d in diagnostics] == [("F001", "gga.toml", 2)]


def test_strict_turns_warnings_into_failure(gga: Run, caseload: Make) -> None:
    root = caseload({
        "gga.toml": '[rules]\nF010 = "warning"\n',
        "cases/2026-0042/case.yaml": CASE + "bogus: 1\n",
        "cases/2026-0042/genogram.yaml": GENOGRAM,
    })
    lenient = gga("check", str(root), "--format", "json", "--today", "2026-11-26")
    report = json.loads(lenient.stdout)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 1)
    assert lenient.returncode == 0
    assert gga("check", str(root), "--strict", "--today", "2026-11-26").returncode == 1


def test_python_m_gga_cli_is_the_same_command(tmp_path: Path) -> None:
    import sys

    result = subprocess.run([sys.executable, "-m", "gga_cli", "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("gga ")
