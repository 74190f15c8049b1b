"""Every command answers --help with an example, through the real entry point; and every command,
run through the installed `gga` script in a process of its own, does what it does in the tests'
process."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, EXAMPLES
from gga_cli.cli import app

Run = Callable[..., subprocess.CompletedProcess[str]]
COMMANDS_RE = re.compile(r"^│ (\S[\w-]+)\s", re.MULTILINE)
TODAY = ("--today", DEMO_TODAY)

# One run of each command in the demo caseload, and the exit status it ends with there.
EVERY_COMMAND = [
    (("agenda", "--days", "60", *TODAY), 0),
    (("check", *TODAY), 0),
    (("close", "--reason", "klaar", "--case", "2026-2412", *TODAY), 1),
    (("contact", "phone", "--with", "anne", "--note", "Belt terug.", "--case", "2026-2412", *TODAY), 0),
    (("genogram", "--case", "2025-2391", *TODAY), 0),
    (("handover", "--case", "2025-2391", *TODAY), 0),
    (("init", "nieuw", *TODAY), 0),
    (("new-case", "--family", "Familie Jansen", "--registered", "2026-11-20", "--worker", "Peter Brood", "--measure", "voluntary",
      *TODAY), 0),
    (("phase", "next", "--case", "2026-2412", *TODAY), 1),
    (("rules",), 0),
    (("schema", "--out", "schemas"), 0),
    (("score", "5", "--case", "2026-2412", *TODAY), 0),
    (("show", "--case", "2026-2412", *TODAY), 0),
    (("status", *TODAY), 0),
    (("stats", "--format", "json", *TODAY), 0),
    (("export", "--format", "csv", "-o", "bi", *TODAY), 0),  # the key comes from ENVIRONMENTS
    (("crypt", "setup"), 1),  # a plain caseload: refuses, writes nothing
    (("keys", "list"), 1),  # a plain caseload has no recipients
    (("log",), 1),  # the copy is in no git repository
    (("erase", "2026-2412", "--reason", "verzoek ouder, AVG art. 17", *TODAY), 0),
    (("retention", *TODAY), 0),
]

# What a smoke run needs in its environment besides the tests' fixed one.
ENVIRONMENTS = {
    "export": {"GGA_EXPORT_KEY": "a-key-for-the-smoke-run-of-enough-length"},
    "crypt": {"GGA_AGE_KEY_FILE": "no-such-key-file.txt"},
}


def test_every_command_has_help_with_an_example(gga: Run) -> None:
    top = gga("--help")
    assert top.returncode == 0
    commands = COMMANDS_RE.findall(top.stdout.split("Commands")[1])
    assert "check" in commands
    for command in commands:
        result = gga(command, "--help")
        assert result.returncode == 0, command
        assert "Example: gga " + command in result.stdout.replace("\n", " "), command


def test_unknown_command_is_wrong_use(gga: Run) -> None:
    result = gga("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_smoke_runs_name_every_command() -> None:
    # the commands and the command groups (`gga crypt ...`, `gga keys ...`)
    names = [str(command.name) for command in app.registered_commands] + [str(group.name) for group in app.registered_groups]
    assert sorted(args[0] for args, _ in EVERY_COMMAND) == sorted(names)


def files(root: Path) -> dict[str, bytes]:
    """Every file below root and what it holds; not the board's cache, which holds file times."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and ".gga" not in p.parts}


@pytest.mark.parametrize(("args", "status"), EVERY_COMMAND, ids=[args[0] for args, _ in EVERY_COMMAND])
def test_each_command_through_the_installed_script_does_what_it_does_in_process(
    gga: Run, gga_process: Run, tmp_path: Path, args: tuple[str, ...], status: int,
) -> None:
    here, there = tmp_path / "here" / "demo", tmp_path / "there" / "demo"
    for root in (here, there):
        shutil.copytree(EXAMPLES, root)
    env = ENVIRONMENTS.get(args[0])
    in_process = gga(*args, cwd=here, env=env)
    own_process = gga_process(*args, cwd=there, env=env)
    assert own_process.returncode == status, own_process.stderr
    said = [text.replace(str(here), str(there)) for text in (in_process.stdout, in_process.stderr)]  # new-case prints its folder
    assert (in_process.returncode, *said) == (own_process.returncode, own_process.stdout, own_process.stderr)
    assert files(here) == files(there)
