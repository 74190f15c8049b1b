"""Hostile and unlucky case files, tried as an attacker would: each attack performed through
the real entry point, and the safe outcome asserted (a finding at its line, a refusal, never
a traceback, never a private entry in a report)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import casebuilder as cb
from gga_cli import console
from gga_cli.dates import add_days, add_years
from gga_cli.diagnostics import Diagnostic, Severity

Run = Callable[..., subprocess.CompletedProcess[str]]
TODAY = cb.TODAY[3].isoformat()  # 2026-04-22: the clean case in phase 3
CASE = "cases/2026-0042"
SETTINGS = '[organisation]\nname = "Test"\n\n[profiles.jeugdteam]\nsections = ["scores", "contacts", "considerations"]\n'


def caseload(tmp_path: Path, files: dict[str, str] | None = None, settings: str = SETTINGS) -> Path:
    """A caseload with the clean phase-3 case, its files replaced by `files`."""
    root = tmp_path / "caseload"
    folder = root / CASE
    folder.mkdir(parents=True)
    (root / "gga.toml").write_text(settings, encoding="utf-8")
    for name, text in {**cb.clean(3), **(files or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def findings(gga: Run, root: Path, *paths: str) -> list[tuple[str, str, str, int | None, str]]:
    """(code, severity, file, line, message) of every diagnostic of `gga check --format json`."""
    done = gga("check", *paths, "--format", "json", "--today", TODAY, cwd=root)
    assert "Traceback" not in done.stderr
    return [(d["code"], d["severity"], d["file"], d["line"], d["message"]) for d in json.loads(done.stdout)["diagnostics"]]


def tree(root: Path) -> dict[str, str]:
    """Every file under root (links and special files by what they are), hashed."""
    out = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[key] = "link:" + os.readlink(path)
        elif path.is_file():
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif not path.is_dir():
            out[key] = "special"
    return out


# 2: a mistyped `private:` keeps the entry private -------------------------------------

def test_a_mistyped_private_flag_keeps_the_entry_out_of_every_report(tmp_path: Path, gga: Run) -> None:
    files = cb.clean(3)
    root = caseload(tmp_path, {
        "scores.yaml": files["scores.yaml"]
        + '- {date: 2026-04-21, score: 7, note: "Openbaar woord"}\n'
        + '- {date: 2026-04-21, score: 7, note: "Geheim een", private: True}\n'
        + '- {date: 2026-04-21, score: 7, note: "Geheim twee", Private: true}\n',
        "contacts.yaml": files["contacts.yaml"] + '- {date: 2026-04-21, kind: phone, with: [els], note: "Geheim drie", private: yes}\n',
        "change-plan.yaml": cb.edit(files, "change-plan.yaml", "  - {date: 2026-01-28, text: ",
                                    '  - {date: 2026-01-28, text: "Geheim vier", PRIVATE: "true"}\n  - {date: 2026-01-28, text: ')["change-plan.yaml"],
    })
    assert findings(gga, root) == [
        ("F010", "error", f"{CASE}/change-plan.yaml", 16, "considerations[0]: onbekende sleutel 'PRIVATE'; de regel blijft vertrouwelijk (private: true)"),
        ("F010", "error", f"{CASE}/contacts.yaml", 13, "[12].private: 'yes' is niet true of false; de regel blijft vertrouwelijk (private: true)"),
        ("F010", "error", f"{CASE}/scores.yaml", 14, "[13].private: 'True' is niet true of false; de regel blijft vertrouwelijk (private: true)"),
        ("F010", "error", f"{CASE}/scores.yaml", 15, "[14]: onbekende sleutel 'Private'; de regel blijft vertrouwelijk (private: true)"),
    ]
    for recipient in ([], ["--to", "jeugdteam"]):
        report = gga("handover", "--draft", *recipient, "--case", CASE, "--today", TODAY, cwd=root)
        assert report.returncode == 0, report.stderr
        assert "Openbaar woord" in report.stdout
        assert "Geheim" not in report.stdout


def test_a_private_flag_written_right_stays_quiet(tmp_path: Path, gga: Run) -> None:
    files = cb.clean(3)
    root = caseload(tmp_path, {"scores.yaml": files["scores.yaml"] + '- {date: 2026-04-21, score: 7, note: "Geheim", private: true}\n'
                                              + '- {date: 2026-04-21, score: 7, note: "Openbaar", private: false}\n'})
    assert findings(gga, root) == []
    report = gga("handover", "--draft", "--case", CASE, "--today", TODAY, cwd=root)
    assert "Openbaar" in report.stdout and "Geheim" not in report.stdout


# 9: dates at the edges ------------------------------------------------------------------

EDGE_DATES = {
    "case.yaml": cb.clean(3)["case.yaml"].replace("registered: 2026-01-05", "registered: 9999-12-31")
    .replace("end: 2027-01-05", "end: 0001-01-01") + "closed: {date: 9990-01-01, reason: verhuisd}\n",
    "genogram.yaml": cb.clean(3)["genogram.yaml"].replace("born: 1983", "born: 0000"),
}


def test_dates_outside_the_span_are_schema_errors_at_their_line(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path, EDGE_DATES)
    assert [f for f in findings(gga, root) if f[0] == "F010"] == [
        ("F010", "error", f"{CASE}/case.yaml", 3, "registered: 9999-12-31 ligt buiten 1900..2199: een tikfout?"),
        ("F010", "error", f"{CASE}/case.yaml", 5, "measure.end: 0001-01-01 ligt buiten 1900..2199: een tikfout?"),
        ("F010", "error", f"{CASE}/case.yaml", 14, "closed.date: 9990-01-01 ligt buiten 1900..2199: een tikfout?"),
        ("F010", "error", f"{CASE}/genogram.yaml", 3, "people[1].born: 0000 ligt buiten 1850..2199: een tikfout?"),
    ]


def test_dates_at_the_edges_crash_no_command(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path, {**EDGE_DATES, "genogram.yaml": cb.clean(3)["genogram.yaml"].replace("born: 1983", "born: 1850")})
    for command in (["status"], ["agenda", "--days", "10000000"], ["show", "--case", CASE], ["genogram", "--case", CASE],
                    ["handover", "--draft", "--case", CASE], ["score", "5", "--case", CASE]):
        done = gga(*command, "--today", "2199-12-31", cwd=root)
        assert "Traceback" not in done.stderr, command
        assert done.returncode in (0, 1), (command, done.stderr)


def test_a_day_outside_the_span_is_wrong_use(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    for command in (["status", "--today", "9999-12-31"], ["agenda", "--today", "0001-01-01"], ["score", "5", "--date", "9999-12-31", "--case", CASE]):
        done = gga(*command, cwd=root)
        assert done.returncode == 2, command
        assert "is outside 1900..2199" in done.stderr
        assert "Traceback" not in done.stderr


def test_agenda_over_ten_million_days_lists_every_deadline(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    done = gga("agenda", "--days", "10000000", "--format", "json", "--today", TODAY, cwd=root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["days"] == 10000000
    assert {item["code"] for item in json.loads(done.stdout)["deadlines"]} >= {"G119"}


def test_huge_day_counts_in_settings_are_refused(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path, settings="[deadlines]\nsafety_assessment = 100000000\nretention_years = 9000\n")
    assert findings(gga, root) == [
        ("F010", "error", "gga.toml", 2, "deadlines.safety_assessment: 100000000 moet hoogstens 3650 zijn"),
        ("F010", "error", "gga.toml", 3, "deadlines.retention_years: 9000 moet hoogstens 100 zijn"),
    ]


def test_date_arithmetic_clamps_at_the_ends_of_the_calendar() -> None:
    assert add_days(dt.date(9999, 12, 30), 10_000_000) == dt.date.max
    assert add_days(dt.date(1, 1, 2), -10_000_000) == dt.date.min
    assert add_days(dt.date(2026, 4, 22), 14) == dt.date(2026, 5, 6)
    assert add_days(dt.date(2026, 4, 22), -22) == dt.date(2026, 3, 31)
    assert add_years(dt.date(9990, 1, 1), 20) == dt.date.max
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


def test_new_case_registered_in_the_year_one_is_refused_before_anything_is_written(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    before = tree(root)
    done = gga("new-case", "--family", "Familie Oud", "--registered", "0001-01-01", "--worker", "Peter Brood",
               "--measure", "voluntary", cwd=root)
    assert done.returncode == 2
    assert "'0001-01-01' is outside 1900..2199" in done.stderr
    assert tree(root) == before


# 11: control characters as escapes, invisible characters, forged lines -------------------

def test_control_characters_written_as_yaml_escapes_are_F001(tmp_path: Path, gga: Run) -> None:
    files = cb.clean(3)
    root = caseload(tmp_path, {
        "safety-plan.yaml": cb.edit(files, "safety-plan.yaml", "concerns: [Moeder drinkt om rustig te worden.]",
                                    'concerns: ["\\e[2J\\e]0;gehackt\\a"]')["safety-plan.yaml"],
        "scores.yaml": files["scores.yaml"] + '- {date: 2026-04-21, score: 7, note: "bel \\x07"}\n',
    })
    assert [f for f in findings(gga, root) if f[0].startswith("F")] == [
        ("F001", "error", f"{CASE}/safety-plan.yaml", 10, "stuurteken U+001B als escape"),
        ("F001", "error", f"{CASE}/scores.yaml", 13, "stuurteken U+0007 als escape"),
    ]
    for command in (["status"], ["show", "--case", CASE], ["handover", "--draft", "--case", CASE]):
        done = gga(*command, "--today", TODAY, cwd=root)
        assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr


def test_the_quick_test_for_invisible_characters_agrees_with_their_class() -> None:
    """`holds_invisible` looks for INVISIBLE_CLASS's characters one by one: for every
    character of the Basic Multilingual Plane, in an ASCII, a Latin-1 and a wider text, it
    answers as the class's pattern does."""
    import re

    from gga_cli.text import INVISIBLE_CLASS, holds_invisible

    pattern = re.compile(f"[{INVISIBLE_CLASS}]")
    for point in range(0x10000):
        char = chr(point)
        for text in (f"a{char}", f"\u00e9{char}", f"\u2019{char}"):
            assert holds_invisible(text) is bool(pattern.search(text)), f"U+{point:04X}"
    assert holds_invisible("Familie \u202eDOORB") and not holds_invisible("Familie Brood, oké")


def test_bidi_and_zero_width_characters_are_a_warning_and_shown_by_code_point(tmp_path: Path, gga: Run) -> None:
    files = cb.clean(3)
    root = caseload(tmp_path, {
        "case.yaml": cb.edit(files, "case.yaml", "family: Familie Brood", "family: Familie \u202eDOORB")["case.yaml"],
        "genogram.yaml": cb.edit(files, "genogram.yaml", "name: Els,", 'name: "E\\u200bls",')["genogram.yaml"],
    })
    assert findings(gga, root) == [
        ("F006", "warning", f"{CASE}/case.yaml", 2, "onzichtbaar of richtingveranderend teken U+202E: de tekst leest anders dan hij is"),
        ("F006", "warning", f"{CASE}/genogram.yaml", 3, "onzichtbaar of richtingveranderend teken U+200B: de tekst leest anders dan hij is"),
    ]
    board = gga("status", "--today", TODAY, env={"COLUMNS": "200"}, cwd=root)
    assert "Familie [U+202E]DOORB" in board.stdout and "\u202e" not in board.stdout
    shown = gga("show", "--case", CASE, "--today", TODAY, cwd=root)
    assert "E[U+200B]ls" in shown.stdout and "\u200b" not in shown.stdout
    machine = gga("status", "--format", "json", "--today", TODAY, cwd=root)
    assert '"family": "Familie \\u202eDOORB"' in machine.stdout
    assert json.loads(machine.stdout)["cases"][0]["family"] == "Familie \u202eDOORB"


def test_a_key_holding_a_newline_cannot_forge_a_diagnostic_line(tmp_path: Path, gga: Run) -> None:
    forged = f"{CASE}/case.yaml:1:1: error G999 vervalst"
    root = caseload(tmp_path, {"case.yaml": cb.clean(3)["case.yaml"] + f'"x\\n{forged}": 1\n'})
    done = gga("check", "--today", TODAY, cwd=root)
    assert done.stdout == f"{CASE}/case.yaml:14:1: error F001 stuurteken U+000A in een sleutel\n"


def test_text_diagnostics_are_one_line_whatever_their_message_holds() -> None:
    d = Diagnostic("F010", Severity.ERROR, "2026-0042", "cases/2026-0042/case.yaml", 3, 1, "sleutel 'a\nb:1:1: error G999 x'\x1b[2J")
    assert console.visible(d.text()) == "cases/2026-0042/case.yaml:3:1: error F010 sleutel 'a\\nb:1:1: error G999 x'[U+001B][2J"
    assert console.visible("regel\n\tinspringing \u2066x\u2069") == "regel\n\tinspringing [U+2066]x[U+2069]"


# 12: files that are not regular files ------------------------------------------------------

def test_files_that_are_not_regular_files_are_each_a_finding_at_that_file(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    folder = root / CASE
    (folder / "scores.yaml").unlink()
    (folder / "scores.yaml").symlink_to("/dev/zero")
    (folder / "contacts.yaml").unlink()
    os.mkfifo(folder / "contacts.yaml")
    (folder / "safeguarding-plan.yaml").unlink()
    (folder / "safeguarding-plan.yaml").symlink_to("safeguarding-plan.yaml")
    (folder / "change-plan.yaml").unlink()
    (folder / "change-plan.yaml").symlink_to("weg.yaml")
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    (folder / "safety-plan.yaml").unlink()
    (folder / "safety-plan.yaml").symlink_to(big)
    assert [f for f in findings(gga, root) if f[0].startswith("F")] == [
        ("F007", "error", f"{CASE}/change-plan.yaml", None, "is een link naar iets dat niet bestaat (weg.yaml), geen gewoon bestand; gga leest het niet"),
        ("F007", "error", f"{CASE}/contacts.yaml", None, "is een FIFO (named pipe), geen gewoon bestand; gga leest het niet"),
        ("F007", "error", f"{CASE}/safeguarding-plan.yaml", None, "is een link die naar zichzelf leidt, geen gewoon bestand; gga leest het niet"),
        ("F005", "error", f"{CASE}/safety-plan.yaml", None, "bestand is 2.0 MiB, groter dan 1 MiB"),
        ("F007", "error", f"{CASE}/scores.yaml", None, "is een apparaat (character device), geen gewoon bestand; gga leest het niet"),
    ]
    recorded = gga("score", "5", "--case", CASE, "--today", TODAY, cwd=root)
    assert recorded.returncode == 1
    assert "scores.yaml: gga schrijft niet in een bestand dat het niet kan lezen" in recorded.stderr
    contact = gga("contact", "phone", "--with", "els", "--case", CASE, "--today", TODAY, cwd=root)
    assert contact.returncode == 1 and "contacts.yaml" in contact.stderr
    assert (folder / "scores.yaml").is_symlink() and (folder / "contacts.yaml").is_fifo()


def test_a_gga_toml_that_is_a_fifo_is_an_error_not_a_hang(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    (root / "gga.toml").unlink()
    os.mkfifo(root / "gga.toml")
    done = gga("check", str(root), "--today", TODAY)
    assert done.returncode == 1
    assert "gga.toml: error F007 gga.toml is een FIFO (named pipe), geen gewoon bestand; gga leest het niet" in done.stdout


# 16: settings -----------------------------------------------------------------------------

def test_a_broken_gga_toml_stops_every_command_that_judges_cases(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path, settings="[deadlines]\nsafety_assessment = true\n")
    before = tree(root)
    for command in (["status"], ["agenda"], ["show", "--case", CASE], ["score", "5", "--case", CASE],
                    ["contact", "phone", "--with", "els", "--case", CASE], ["phase", "3", "--case", CASE],
                    ["close", "--reason", "verhuisd", "--case", CASE], ["handover", "--draft", "--case", CASE],
                    ["genogram", "--case", CASE]):
        done = gga(*command, "--today", TODAY, cwd=root)
        assert done.returncode == 1, command
        assert done.stderr == (
            f"gga: {root / 'gga.toml'} klopt niet; niets gedaan:\n"
            "  gga.toml:2:1: F010 deadlines.safety_assessment moet een geheel getal zijn, zonder aanhalingstekens\n"
        ), command
        assert done.stdout == ""
    assert tree(root) == before


def test_settings_of_the_wrong_type_are_refused_not_converted(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path, settings='[deadlines]\nhome_visit = 7.5\nalarm_score = "3"\n[profiles.team]\nsections = ["scores"]\nnames = 1\n')
    assert findings(gga, root) == [
        ("F010", "error", "gga.toml", None, "profiles.team.names moet true of false zijn"),
        ("F010", "error", "gga.toml", 2, "deadlines.home_visit moet een geheel getal zijn, zonder aanhalingstekens"),
        ("F010", "error", "gga.toml", 3, "deadlines.alarm_score moet een geheel getal zijn, zonder aanhalingstekens"),
    ]


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "601", "tien"])
def test_a_lock_timeout_that_is_no_sane_number_of_seconds_is_refused(tmp_path: Path, gga: Run, value: str) -> None:
    root = caseload(tmp_path)
    before = tree(root)
    done = gga("score", "5", "--case", CASE, "--today", TODAY, env={"GGA_LOCK_TIMEOUT": value}, cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith(f"gga: GGA_LOCK_TIMEOUT={value}")
    assert tree(root) == before


# 17: family trees that cannot be ----------------------------------------------------------

def test_family_tree_contradictions_are_findings_at_their_line_without_strict(tmp_path: Path, gga: Run) -> None:
    genogram = """\
people:
  - {id: sjors, name: Sjors, sex: m, born: 2014-05-02, parents: [ron, els], child: true, index: true, trusted_person: mike}
  - {id: els, name: Els, sex: f, born: 1983, parents: [ron]}
  - {id: ron, name: Ron, sex: m, born: 1983, parents: [els]}
  - {id: kees, name: Kees, sex: m, parents: [kees]}
couples:
  - {partners: [els, els], status: married}
  - {partners: [els, ron], status: divorced, from: 2010, to: 2009-05-01}
bonds:
  - {between: [ron, ron], kind: conflict}
households:
  - {name: Bij moeder, members: [els, sjors, els]}
network:
  - {id: mike, name: Mike, kind: informal}
  - {id: oma, name: Oma Ria, kind: informal}
"""
    root = caseload(tmp_path, {"genogram.yaml": genogram})
    assert findings(gga, root) == [
        ("F020", "error", f"{CASE}/genogram.yaml", 3, "een kring van ouders: els → ron → els; niemand is zijn eigen voorouder"),
        ("F020", "error", f"{CASE}/genogram.yaml", 5, "kees staat bij de eigen ouders"),
        ("F020", "error", f"{CASE}/genogram.yaml", 7, "een paar van één persoon: els"),
        ("F021", "error", f"{CASE}/genogram.yaml", 8, "het paar els en ron eindigt (2009-05-01) voor het begon (2010)"),
        ("F020", "error", f"{CASE}/genogram.yaml", 10, "een relatie van ron met zichzelf"),
        ("F020", "error", f"{CASE}/genogram.yaml", 12, "huishouden Bij moeder noemt els twee keer"),
    ]
    for command in (["status"], ["genogram", "--case", CASE], ["handover", "--draft", "--case", CASE]):
        done = gga(*command, "--today", TODAY, cwd=root)
        assert "Traceback" not in done.stderr and done.returncode in (0, 1), command


def test_a_family_tree_that_can_be_stays_quiet(tmp_path: Path, gga: Run) -> None:
    genogram = cb.clean(3)["genogram.yaml"] + """\
couples:
  - {partners: [els, ron], status: divorced, from: 2010, to: 2010-03-01}
households:
  - {name: Bij moeder, members: [els, sjors]}
  - {name: Bij vader, members: [ron, sjors]}
"""
    root = caseload(tmp_path, {"genogram.yaml": genogram})
    assert findings(gga, root) == []


# 18: linked case folders ------------------------------------------------------------------

def test_a_case_folder_linked_from_outside_is_a_finding_in_check_and_status(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    elsewhere = tmp_path / "elders" / "2026-0043"
    elsewhere.mkdir(parents=True)
    for name, text in cb.clean(3).items():
        (elsewhere / name).write_text(text.replace("2026-0042", "2026-0043"), encoding="utf-8")
    (root / "cases" / "2026-0043").symlink_to(elsewhere)
    assert findings(gga, root) == [
        ("F007", "error", "cases/2026-0043", None,
         f"de zaakmap is een link naar {elsewhere}, buiten de caseload; gga leest er niets door"),
    ]
    board = gga("status", "--format", "json", "--today", TODAY, cwd=root)
    assert [(c["id"], c["errors"]) for c in json.loads(board.stdout)["cases"]] == [("2026-0043", 1), ("2026-0042", 0)]
    shown = gga("show", "--case", "2026-0043", "--today", TODAY, cwd=root)
    assert shown.returncode == 2
    assert "outside the caseload" in shown.stderr


def test_a_case_folder_linked_inside_the_caseload_is_followed_once(tmp_path: Path, gga: Run) -> None:
    root = caseload(tmp_path)
    real = root / "archief" / "2026-0042"
    real.parent.mkdir()
    (root / CASE).rename(real)
    (root / CASE).symlink_to(real)
    (root / "archief" / "lus").symlink_to(root / "archief")
    board = gga("status", "--format", "json", "--today", TODAY, cwd=root / "cases")
    assert [c["id"] for c in json.loads(board.stdout)["cases"]] == ["2026-0042"]
    checked = gga("check", "cases", "--today", TODAY, cwd=root)
    assert checked.returncode == 0, checked.stdout
    assert checked.stderr == "1 zaak, 8 bestanden: 0 fouten, 0 waarschuwingen\n"
