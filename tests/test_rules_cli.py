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
                    "summary_nl": "een mapping herhaalt een sleutel", "booklet": "", "settings": []}


def test_rules_text_shows_code_severity_and_summary(gga: Run) -> None:
    result = gga("rules", "--lang", "en")
    assert result.returncode == 0
    assert any(line.split()[:2] == ["F004", "error"] and "git merge-conflict marker" in line
               for line in result.stdout.splitlines())


def test_the_project_publishes_a_pre_commit_hook() -> None:
    import yaml

    from conftest import REPO

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "gga-check" and hooks[0]["entry"] == "gga check"
