"""`gga show` through the real entry point: one case in detail."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from test_status import GENOGRAM, TODAY, case_yaml

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]

FAMILY = {
    "cases/2026-0001/case.yaml": case_yaml("2026-0001", "Familie Brood", "Peter Brood", phase=2),
    "cases/2026-0001/genogram.yaml": GENOGRAM + (
        "  - {id: sjors, name: Sjors, sex: m, born: 2014-05-02, child: true, index: true, trusted_person: oma}\n"
        "  - {id: mila, name: Mila, sex: f, born: 2019, child: true}\n"
        "network:\n  - {id: oma, name: Oma Ria, kind: informal}\n"
    ),
    "cases/2026-0001/scores.yaml": "- {date: 2026-11-20, score: 3, note: Ruzie bij de overdracht.}\n- {date: 2026-11-27, score: 8, by: els}\n",
    "cases/2026-0001/contacts.yaml": '- {date: 2026-11-20, kind: home_visit, with: [els, sjors], alone: [sjors], note: "Sjors vertelt, alleen."}\n',
    "cases/2026-0001/change-plan.yaml": (
        "goals:\n"
        "  - {id: g1, goal: Moeder laat Sjors alleen naar school gaan., status: active, due: 2026-11-01}\n"
        "  - {id: g2, goal: Klaar., status: achieved}\n"
    ),
}


def sections(output: str) -> dict[str, list[str]]:
    """The output split at its headings (a line after an empty one), the header under ''."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if i and not lines[i - 1].strip() and line.strip():
            current = line.strip()
            found[current] = []
        elif line.strip():
            found[current].append(line.rstrip())
    return found


def test_show_tells_the_family_measure_phase_children_chart_timeline_and_goals(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    result = gga("show", "--case", "2026-0001", "--today", TODAY, "--lang", "en", cwd=root)
    assert result.returncode == 0, result.stderr
    part = sections(result.stdout)
    assert part[""] == [
        "2026-0001 · Familie Brood",
        "worker: Peter Brood",
        "measure: family supervision order (OTS) from 2026-09-01 to 2027-09-01 (276 days left)",
        "local team: Jeugdteam Escamp",
        "phase 2: support and direct, since 2026-10-01 (59 days)",
        "phases: 1 (2026-09-01) → 2 (2026-10-01)",
    ]
    assert part["Children"] == [
        "child   born       trusted person",
        "Sjors * 2014-05-02 Oma Ria",
        "Mila    2019       none",
    ]
    assert part["Safety scores"] == [  # a 3 by the worker, then an 8 by Els
        "10 ┤",
        "   ┤ █",
        " 5 ┤ █",
        "   ┤▄█",
        " 1 ┤██",
        "    2026-11-20 2026-11-27",
    ]
    assert part["Timeline"][0].split() == ["date", "kind", "who", "note"]
    assert part["Timeline"][1].split()[:5] == ["2026-11-20", "home", "visit", "Els,", "Sjors;"]
    assert "alone: Sjors" in part["Timeline"][1] and part["Timeline"][1].endswith("Sjors vertelt, alleen.")
    assert part["Timeline"][2].split() == ["2026-11-20", "score", "3", "worker", "Ruzie", "bij", "de", "overdracht."]
    assert part["Timeline"][3].split() == ["2026-11-27", "score", "8", "Els"]
    assert part["Open goals"] == [
        "id goal                                       status due",
        "g1 Moeder laat Sjors alleen naar school gaan. active 2026-11-01",
    ]
    assert "Open deadlines" in part and "Findings" in part


def test_show_finds_the_case_by_folder_path_or_the_folder_you_are_in(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    by_id = gga("show", "--case", "2026-0001", "--today", TODAY, cwd=root).stdout
    assert by_id.startswith("2026-0001 · Familie Brood\n")
    assert gga("show", "--case", "cases/2026-0001", "--today", TODAY, cwd=root).stdout == by_id
    assert gga("show", "--today", TODAY, cwd=root / "cases" / "2026-0001").stdout == by_id


def test_show_of_a_case_that_is_not_there_is_wrong_use(gga: Run, caseload: Make, tmp_path: Path) -> None:
    root = caseload(FAMILY)
    for args, cwd in ((("--case", "2026-9999"), root), ((), tmp_path)):
        result = gga("show", *args, "--today", TODAY, cwd=cwd)
        assert result.returncode == 2
        assert result.stderr.startswith("gga: ") and "Traceback" not in result.stderr


def test_show_of_a_case_whose_case_yaml_is_broken_shows_the_findings(gga: Run, caseload: Make) -> None:
    root = caseload({**FAMILY, "cases/2026-0001/case.yaml": "id: 2026-0001\nfamily: [kapot\n"})
    result = gga("show", "--case", "cases/2026-0001", "--today", TODAY, "--lang", "en", cwd=root)
    assert result.returncode == 0, result.stderr
    part = sections(result.stdout)
    assert part[""] == ["2026-0001  case.yaml cannot be read: see the findings"]
    assert any(line.startswith("F001 case.yaml:3") for line in part["Findings"])
    assert part["Children"][1] == "Sjors * 2014-05-02 Oma Ria"
