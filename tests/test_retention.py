"""`gga retention`: closed cases with their retention dates, due now or within N days."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from casebuilder import clean

Run = Callable[..., subprocess.CompletedProcess[str]]


def two_cases(caseload: Callable[[dict[str, str]], Path]) -> Path:
    """2026-0042 closed on 2026-04-20 after an OTS (Sjors born 2014-05-02); 2026-0043 open."""
    files = {f"cases/2026-0042/{name}": text for name, text in clean("closed").items()}
    files.update({f"cases/2026-0043/{name}": text.replace("2026-0042", "2026-0043") for name, text in clean(1).items()})
    return caseload(files)


def test_retention_lists_each_closed_case_with_its_review_and_latest_day(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = two_cases(caseload)
    result = gga("retention", "--today", "2026-11-29", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "zaak      afgesloten beoordelen        uiterlijk bewaren tot\n"
        "2026-0042 20-04-2026 20-04-2046 +7082d 02-05-2062\n"
    )


def test_retention_as_json(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = two_cases(caseload)
    result = gga("retention", "--format", "json", "--today", "2046-04-21", cwd=root)
    assert json.loads(result.stdout) == {"today": "2046-04-21", "days": None, "cases": [
        {"case": "2026-0042", "folder": "cases/2026-0042", "closed": "2026-04-20", "review": "2046-04-20",
         "latest": "2062-05-02", "days": -1, "due": True},
    ]}


def test_retention_days_takes_a_review_exactly_n_days_ahead(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = two_cases(caseload)
    within = gga("retention", "--days", "30", "--format", "json", "--today", "2046-03-21", cwd=root)
    assert [c["case"] for c in json.loads(within.stdout)["cases"]] == ["2026-0042"]
    outside = gga("retention", "--days", "29", "--today", "2046-03-21", cwd=root)
    assert (outside.returncode, outside.stdout, outside.stderr) == (0, "", "geen afgesloten zaken in deze periode\n")


def test_retention_with_a_review_days_ago_in_english(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = two_cases(caseload)
    result = gga("retention", "--days", "0", "--lang", "en", "--today", "2046-04-20", cwd=root)
    assert result.stdout == (
        "case      closed     review        keep at most until\n"
        "2026-0042 2026-04-20 2046-04-20 0d 2062-05-02\n"
    )


def test_retention_with_a_negative_days_is_wrong_use(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = two_cases(caseload)
    result = gga("retention", "--days", "-1", cwd=root)
    assert result.returncode == 2
