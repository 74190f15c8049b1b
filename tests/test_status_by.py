"""`gga status --by worker|team`: the team leader's board, counted again from the YAML."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from tests.conftest import DEMO_TODAY, EXAMPLES
from tests.stats_count import read, workload
from tests.test_stats import _generated

Gga = Callable[..., CompletedProcess[str]]
TODAY = dt.date.fromisoformat(DEMO_TODAY)


def demo(tmp_path: Path) -> Path:
    """A copy of the demo: the board's and the figures' caches are written into the caseload."""
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)
    return root


def test_status_by_worker_on_the_demo(gga: Gga, tmp_path: Path) -> None:
    result = gga("status", str(demo(tmp_path)), "--by", "worker", "--today", DEMO_TODAY)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "jeugdbeschermer        open zaken  over tijd  open alarm  zonder contact\n"
        "Annelies van der Meer           4          2           0               0\n"
        "Peter Brood                     1          0           0               0\n"
    )


def test_status_by_team_in_english(gga: Gga, tmp_path: Path) -> None:
    result = gga("status", str(demo(tmp_path)), "--by", "team", "--today", DEMO_TODAY, "--lang", "en")
    assert result.stdout == (
        "team                open cases  overdue  open alarm  no contact\n"
        "Team Den Haag Zuid           4        2           0           0\n"
        "Team Delft                   1        0           0           0\n"
    )


def _check(gga: Gga, root: Path, per: str) -> None:
    result = gga("status", str(root), "--by", per, "--format", "json", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)[per + "s"]
    board = json.loads(gga("status", str(root), "--format", "json", "--today", DEMO_TODAY).stdout)["cases"]
    cases = {c["case"]["id"]: c["case"] for c in read(root)}
    expected = workload(read(root), TODAY, per)
    assert {r[per] or "" for r in rows} == set(expected)
    for row in rows:
        name = row[per] or ""
        overdue = sum(b["overdue"] for b in board if not b["closed"] and (cases[b["id"]].get(per) or "") == name)
        assert {k: row[k] for k in ("open_cases", "open_alarms", "without_contact")} == expected[name], name
        assert row["overdue"] == overdue, name
    urgency = [(-r["open_alarms"], -r["overdue"], -r["without_contact"], -r["open_cases"], r[per] or "") for r in rows]
    assert urgency == sorted(urgency)


def test_status_by_worker_on_a_generated_caseload_matches_an_independent_count(gga: Gga, tmp_path: Path) -> None:
    root = _generated(tmp_path, 30)
    _check(gga, root, "worker")
    _check(gga, root, "team")


def test_status_without_by_is_unchanged(gga: Gga, tmp_path: Path) -> None:
    plain = gga("status", str(demo(tmp_path)), "--today", DEMO_TODAY)
    assert plain.returncode == 0
    assert "jeugdbeschermer        open zaken" not in plain.stdout
    assert plain.stdout.startswith("zaak ")


def test_status_by_something_else_is_wrong_use(gga: Gga) -> None:
    result = gga("status", str(EXAMPLES), "--by", "phase")
    assert result.returncode == 2
