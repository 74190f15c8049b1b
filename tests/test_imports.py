"""Commands pay only for what they use: heavy libraries are imported where they are used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("jinja2", "typst")


def imported(*args: str, cwd: Path) -> set[str]:
    """The top-level modules `gga ARGS` imports, from python -X importtime."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "gga_cli", *args],
        capture_output=True, text=True, cwd=cwd, timeout=60, env={"PATH": "", "NO_COLOR": "1", "COLUMNS": "100"},
    )
    assert "Traceback" not in result.stderr
    return {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [("--help",), ("status", "--help"), ("show", "--help")])
def test_help_loads_neither_jinja2_nor_typst(args: tuple[str, ...], tmp_path: Path) -> None:
    modules = imported(*args, cwd=tmp_path)
    assert "typer" in modules  # the measurement itself works
    assert not modules & set(HEAVY)


def test_show_and_status_load_neither_jinja2_nor_typst(tmp_path: Path) -> None:
    from test_show import FAMILY
    from test_status import TODAY

    from conftest import write

    root = write(tmp_path / "caseload", {"gga.toml": "", **FAMILY})
    for args in (("show", "--case", "2026-0001"), ("status",)):
        modules = imported(*args, "--today", TODAY, cwd=root)
        assert "gga_cli" in modules and "pydantic" in modules, args
        assert not modules & set(HEAVY), args


def test_json_output_errors_and_notes_load_no_rich(tmp_path: Path) -> None:
    from test_show import FAMILY
    from test_status import TODAY

    from conftest import write

    root = write(tmp_path / "caseload", {"gga.toml": "", **FAMILY})
    for args in (("status", "--format", "json"), ("check", "--format", "json"), ("agenda", "--format", "json"),
                 ("genogram", "--case", "2026-0001", "-o", str(tmp_path / "g.svg")), ("show", "--case", "nobody")):
        modules = imported(*args, "--today", TODAY, cwd=root)
        assert "gga_cli" in modules and "pydantic" in modules, args
        assert "rich" not in modules, args


def test_a_markdown_handover_loads_no_typst(tmp_path: Path) -> None:
    from conftest import DEMO_TODAY, demo_copy

    modules = imported("handover", "--draft", "--case", str(demo_copy(tmp_path) / "cases" / "2025-2391"), "--today", DEMO_TODAY,
                       "-o", str(tmp_path / "report.md"), cwd=tmp_path)
    assert "jinja2" in modules and not modules & {"typst", "rich"}
