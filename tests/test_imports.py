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


def test_a_recording_in_a_case_of_usual_files_loads_no_yaml_parser(tmp_path: Path) -> None:
    """The fast readers take every file of the usual shapes (`flowlines`, `blocklines`):
    PyYAML is imported only where a file needs the event parser."""
    from test_show import FAMILY
    from test_status import TODAY

    from conftest import write

    root = write(tmp_path / "caseload", {"gga.toml": "", **FAMILY})
    modules = imported("score", "7", "--case", "2026-0001", "--date", "2026-11-20", "--today", TODAY, cwd=root)
    assert "gga_cli" in modules and "yaml" not in modules
    assert "2026-11-20" in (root / "cases" / "2026-0001" / "scores.yaml").read_text(encoding="utf-8")
    # a file the fast readers decline (a value over two lines) is parsed by PyYAML
    case_yaml = root / "cases" / "2026-0001" / "case.yaml"
    case_yaml.write_text(case_yaml.read_text(encoding="utf-8").replace("family: ", "family:\n  "), encoding="utf-8")
    assert "yaml" in imported("show", "--case", "2026-0001", "--today", TODAY, cwd=root)


def test_a_markdown_handover_loads_no_typst(tmp_path: Path) -> None:
    from conftest import DEMO_TODAY, demo_copy

    modules = imported("handover", "--draft", "--case", str(demo_copy(tmp_path) / "cases" / "2025-2391"), "--today", DEMO_TODAY,
                       "-o", str(tmp_path / "report.md"), cwd=tmp_path)
    assert "jinja2" in modules and not modules & {"typst", "rich"}


def test_no_pydantic_plugin_installed_beside_gga_is_loaded_or_sees_a_validation(tmp_path: Path) -> None:
    """A pydantic plugin (an entry point of the group "pydantic") is handed what every
    validation is given: a case, a note typed on the command line. gga loads none."""
    from test_show import FAMILY
    from test_status import TODAY

    from conftest import write

    site = tmp_path / "site"
    (site / "spy-0.1.dist-info").mkdir(parents=True)
    (site / "spy-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: spy\nVersion: 0.1\n", encoding="utf-8")
    (site / "spy-0.1.dist-info" / "entry_points.txt").write_text("[pydantic]\nspy = spyplugin:plugin\n", encoding="utf-8")
    (site / "spyplugin.py").write_text(
        "import os\n"
        "open(os.environ['SPY_MARK'], 'a').write('loaded ')\n"
        "class Spy:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        open(os.environ['SPY_MARK'], 'a').write('validator ')\n"
        "        return None, None, None\n"
        "plugin = Spy()\n", encoding="utf-8")
    mark = tmp_path / "mark"
    env = {"PATH": "", "PYTHONPATH": str(site), "SPY_MARK": str(mark), "PYDANTIC_DISABLE_PLUGINS": ""}
    # the plugin works: a program of pydantic alone loads it and shows it a validator
    subprocess.run([sys.executable, "-c", "from pydantic import TypeAdapter; TypeAdapter(int).validate_python(1)"],
                   env=env, check=True, timeout=60)
    assert mark.read_text(encoding="utf-8").split() == ["loaded", "validator"]
    mark.unlink()
    root = write(tmp_path / "caseload", {"gga.toml": "", **FAMILY})
    for args in (("check",), ("score", "7", "--note", "Rustige week.", "--case", "2026-0001", "--date", TODAY), ("show", "--case", "2026-0001")):
        result = subprocess.run([sys.executable, "-m", "gga_cli", *args, "--today", TODAY], cwd=root, env=env,
                                capture_output=True, text=True, timeout=60)
        assert "Traceback" not in result.stderr, args
    assert "Rustige week." in (root / "cases" / "2026-0001" / "scores.yaml").read_text(encoding="utf-8")
    assert not mark.exists()
