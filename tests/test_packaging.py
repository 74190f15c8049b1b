"""A non-editable install carries every module and the data gga needs at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO

_IGNORE = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "tests", "benchmarks", ".gga")


def test_the_wheel_holds_every_package_templates_schemas_and_the_demo(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=_IGNORE)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = (tmp_path / "dist").glob("gga-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.parent.relative_to(REPO).as_posix() for p in (REPO / "gga_cli").rglob("__init__.py")}
    for package in packages:
        assert f"{package}/__init__.py" in names, f"{package} is not in the wheel: add it to pyproject.toml"
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "gga_cli").rglob("*.py")}
    assert modules <= names
    for folder, target in (("templates", "gga_cli/templates"), ("schemas", "gga_cli/schemas"), ("examples", "gga_cli/examples")):
        shipped = {p.relative_to(REPO / folder).as_posix() for p in (REPO / folder).rglob("*") if p.is_file()}
        assert {f"{target}/{name}" for name in shipped} <= names, folder
    assert any(name.endswith("entry_points.txt") for name in names)
