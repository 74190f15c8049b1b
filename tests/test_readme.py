"""The README's two opening commands are the ones that work: CI runs the test command as written."""

from __future__ import annotations

import re

from conftest import REPO


def _commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_install_and_run_then_install_and_test() -> None:
    install_and_run, install_and_test = _commands()[:2]
    assert "pip install ." in install_and_run and "gga " in install_and_run
    assert "pip install '.[test]'" in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readmes_test_command() -> None:
    install_and_test = _commands()[1]
    test_part = install_and_test.split("&& ", 1)[1]  # after making the venv, which .ci/run does itself
    assert test_part in (REPO / ".ci" / "run").read_text(encoding="utf-8")
