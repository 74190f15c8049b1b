"""`gga rules` lists the registry through the real entry point."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from gga_cli.rules import REGISTRY

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_rules_json_lists_every_registered_rule(gga: Run) -> None:
    result = gga("rules", "--format", "json")
    assert result.returncode == 0
    listed = json.loads(result.stdout)
    assert [r["code"] for r in listed] == list(REGISTRY)
    f002 = next(r for r in listed if r["code"] == "F002")
    assert f002 == {"code": "F002", "severity": "error", "summary": "a mapping repeats a key",
                    "summary_nl": "een mapping herhaalt een sleutel", "booklet": "", "settings": [], "numbers": []}
    g102 = next(r for r in listed if r["code"] == "G102")
    assert g102["numbers"] == [{"setting": "home_visit", "default": 7, "source": "booklet",
                                "booklet": "uiterlijk binnen een week na aanmelding op huisbezoek"}]
    g107 = next(r for r in listed if r["code"] == "G107")
    assert [(n["setting"], n["default"], n["source"]) for n in g107["numbers"]] == [("child_alone", 42, "default"), ("alone_min_age", 4, "default")]


def test_rules_text_shows_code_severity_and_summary(gga: Run) -> None:
    result = gga("rules", "--lang", "en")
    assert result.returncode == 0
    assert any(line.split()[:2] == ["F004", "error"] and "git merge-conflict marker" in line
               for line in result.stdout.splitlines())


def test_rules_text_says_whose_each_number_is(gga: Run) -> None:
    result = gga("rules", env={"COLUMNS": "400"})
    assert result.returncode == 0
    g102 = next(line for line in result.stdout.splitlines() if line.startswith("G102 "))
    assert "home_visit 7 (boekje)" in g102
    g107 = next(line for line in result.stdout.splitlines() if line.startswith("G107 "))
    assert "child_alone 42 (standaard gga); alone_min_age 4 (standaard gga)" in g107


def test_the_project_publishes_a_pre_commit_hook() -> None:
    import yaml

    from conftest import REPO

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "gga-check" and hooks[0]["entry"] == "gga check"
