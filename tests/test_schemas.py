"""The JSON Schemas in schemas/ are current, and an external validator accepts every demo file."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from check_jsonschema import main as check_jsonschema
from click.testing import CliRunner, Result

from conftest import EXAMPLES, REPO

Run = Callable[..., subprocess.CompletedProcess[str]]
DEMO_FILES = sorted(EXAMPLES.glob("cases/*/*.yaml"))


def validate(schema: Path, *files: Path) -> Result:
    """check-jsonschema's own command, run in this process (as its `check-jsonschema` script runs it)."""
    return CliRunner().invoke(check_jsonschema, ["--schemafile", str(schema), *map(str, files)], prog_name="check-jsonschema",
                             catch_exceptions=False)


def test_schemas_are_current(gga: Run) -> None:
    result = gga("schema", "--check", "--out", str(REPO / "schemas"))
    assert result.returncode == 0, result.stderr


def test_schema_check_fails_on_a_stale_schema(gga: Run, tmp_path: Path) -> None:
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    (tmp_path / "schemas" / "case.schema.json").write_text("{}\n", encoding="utf-8")
    result = gga("schema", "--check", "--out", str(tmp_path / "schemas"))
    assert result.returncode == 1
    assert "case.schema.json ontbreekt of is verouderd" in result.stderr


def test_schemas_are_draft_07() -> None:
    import json

    for path in (REPO / "schemas").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("file", DEMO_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_demo_file_passes_an_external_validator(file: Path) -> None:
    schema = REPO / "schemas" / file.name.replace(".yaml", ".schema.json")
    result = validate(schema, file)
    assert result.exit_code == 0, result.output


def test_the_external_validator_rejects_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "scores.yaml"
    broken.write_text("- {date: 2026-02-04, score: 11, mood: good}\n", encoding="utf-8")
    result = validate(REPO / "schemas" / "scores.schema.json", broken)
    assert result.exit_code == 1
    assert "11 is greater than the maximum of 10" in result.stdout
    assert "'mood' was unexpected" in result.stdout
