"""`gga check` over many cases in worker processes reports exactly what one process reports."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from casebuilder import TODAY, clean, edit

from gga_cli.caseload import Caseload
from gga_cli.pool import CASES_A_WORKER

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]
DAY = TODAY[3]


def _variant(number: int) -> dict[str, str]:
    """A case in one of the phases, some with a finding, a schema error or a broken file."""
    phase = (1, 2, 3, "closed")[number % 4]
    files = clean(phase)
    if number % 3 == 0:
        files = edit(files, "contacts.yaml", "2026-01-14, kind: office", "2026-01-14, kind: visit")  # F010, and a G108 gap
    if number % 5 == 0:
        files["scores.yaml"] += "- {date: 2026-01-07, score: 6, score: 7}\n"  # F002, from the event parser
    if number % 7 == 0:
        del files["safety-plan.yaml"]
    return files


def _many(caseload: Make, count: int) -> Path:
    return caseload({f"cases/2026-{n:04d}/{name}": text for n in range(count) for name, text in _variant(n).items()})


def test_many_cases_in_workers_give_the_report_of_one_process(caseload: Make) -> None:
    root = _many(caseload, CASES_A_WORKER * 5 + 3)
    alone = Caseload.open([root], today=DAY, lang="en").check(jobs=1)
    shared = Caseload.open([root], today=DAY, lang="en").check(jobs=2)
    assert (shared.cases, shared.files, shared.diagnostics) == (alone.cases, alone.files, alone.diagnostics)
    assert alone.cases == CASES_A_WORKER * 5 + 3
    assert {d.code for d in alone.diagnostics} >= {"F002", "F010", "G108"}


def test_files_named_among_many_cases_are_reported_alone_in_workers(caseload: Make) -> None:
    root = _many(caseload, CASES_A_WORKER * 5)
    named = [root / f"cases/2026-{n:04d}/contacts.yaml" for n in range(CASES_A_WORKER * 5)]
    alone = Caseload.open(named, today=DAY, lang="nl").check(jobs=1)
    shared = Caseload.open(named, today=DAY, lang="nl").check(jobs=2)
    assert shared.diagnostics == alone.diagnostics
    assert {d.file.rsplit("/", 1)[-1] for d in shared.diagnostics if d.file} == {"contacts.yaml"}


def test_jobs_option_changes_nothing_in_the_output(gga: Run, caseload: Make) -> None:
    root = _many(caseload, CASES_A_WORKER * 5)
    today = DAY.isoformat()
    one = gga("check", str(root), "--today", today, "--format", "json", "--jobs", "1")
    two = gga("check", str(root), "--today", today, "--format", "json", "--jobs", "2")
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert json.loads(one.stdout)["summary"]["cases"] == CASES_A_WORKER * 5


def test_jobs_below_one_is_wrong_use(gga: Run, caseload: Make) -> None:
    root = _many(caseload, 1)
    result = gga("check", str(root), "--jobs", "0")
    assert result.returncode == 2
    assert "--jobs" in result.stderr

