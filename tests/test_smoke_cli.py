"""Every command answers --help with an example, through the real entry point."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable

COMMANDS_RE = re.compile(r"^│ (\S[\w-]+)\s", re.MULTILINE)


def test_every_command_has_help_with_an_example(gga: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    top = gga("--help")
    assert top.returncode == 0
    commands = COMMANDS_RE.findall(top.stdout.split("Commands")[1])
    assert "check" in commands
    for command in commands:
        result = gga(command, "--help")
        assert result.returncode == 0, command
        assert "Example: gga " + command in result.stdout.replace("\n", " "), command


def test_unknown_command_is_wrong_use(gga: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    result = gga("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
