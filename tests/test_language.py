"""Every command speaks the language of the caseload's gga.toml, as --lang would make it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, EXAMPLES

Run = Callable[..., subprocess.CompletedProcess[str]]

CASE = "2025-2391"  # closed, complete: every report and recording can be asked of it
OPEN_CASE = "2026-2412"

COMMANDS = [
    ("check",),
    ("check", "--format", "json"),
    ("status",),
    ("agenda", "--days", "60"),
    ("show", "--case", OPEN_CASE),
    ("rules",),
    ("genogram", "--case", CASE),
    ("handover", "--case", CASE),
    ("handover", "--case", OPEN_CASE),
    ("score", "5", "--case", OPEN_CASE, "--note", "rustig"),
    ("contact", "phone", "--with", "anne", "--case", OPEN_CASE),
    ("phase", "7", "--case", OPEN_CASE),
    ("close", "--reason", "klaar", "--case", OPEN_CASE),
]


def _caseload(tmp_path: Path, name: str, language: str) -> Path:
    root = tmp_path / name
    shutil.copytree(EXAMPLES, root)
    settings = root / "gga.toml"
    settings.write_text(settings.read_text().replace('language = "nl"', f'language = "{language}"'))
    return root


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_gga_toml_language_speaks_as_the_lang_flag(gga: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    by_settings = gga(*args, "--today", DEMO_TODAY, cwd=_caseload(tmp_path, "en", "en"))
    by_flag = gga(*args, "--today", DEMO_TODAY, "--lang", "en", cwd=_caseload(tmp_path, "nl", "nl"))
    assert "Traceback" not in by_settings.stderr
    assert (by_settings.returncode, by_settings.stdout.replace("/en/", "/nl/"), by_settings.stderr.replace("/en/", "/nl/")) == (
        by_flag.returncode, by_flag.stdout, by_flag.stderr)
