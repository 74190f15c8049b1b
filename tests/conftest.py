"""Shared fixtures: a caseload written inline into tmp_path, the real `gga` entry point,
and a guard that fails any test writing outside its tmp_path."""

from __future__ import annotations

import builtins
import io
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("gga", database=None, deadline=None)
settings.load_profile("gga")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
DEMO_TODAY = "2026-11-29"  # the day the demo caseload in examples/ is written for
GGA = Path(sys.executable).with_name("gga")


@pytest.fixture(autouse=True)
def _no_writes_outside_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test that writes a file outside its tmp_path (case files are precious)."""
    allowed = [tmp_path.resolve(), Path(os.devnull)]

    def check(target: object) -> None:
        if isinstance(target, int):
            return
        path = Path(os.fsdecode(target)).resolve()  # type: ignore[arg-type]
        if not any(path == a or a in path.parents for a in allowed):
            raise AssertionError(f"test wrote outside tmp_path: {path}")

    real_open = builtins.open
    real_os_open = os.open
    real_replace = os.replace
    real_rename = os.rename

    def guarded_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if any(flag in mode for flag in "wax+"):
            check(file)
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    def guarded_os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            check(path)
        return real_os_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    def guarded_replace(src: object, dst: object, *args: object, **kwargs: object) -> None:
        check(dst)
        real_replace(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    def guarded_rename(src: object, dst: object, *args: object, **kwargs: object) -> None:
        check(dst)
        real_rename(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(os, "replace", guarded_replace)
    monkeypatch.setattr(os, "rename", guarded_rename)
    monkeypatch.chdir(tmp_path)
    yield


def demo_copy(tmp_path: Path) -> Path:
    """A copy of the demo caseload: commands keep their caches in a caseload, never in the repository's."""
    import shutil

    root = tmp_path / "demo"
    if not root.exists():
        shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns(".gga"))
    return root


def write(root: Path, files: dict[str, str]) -> Path:
    """Write files (path relative to root -> text, dedented) and return root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def caseload(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """A caseload in tmp_path/caseload with gga.toml and the given files."""

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "caseload"
        files = {"gga.toml": '[organisation]\nname = "Test"\n', **files}
        return write(root, files)

    return make


@pytest.fixture
def gga(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed `gga` entry point; fixed width, no colour, so outputs compare whole."""

    def run(*args: str, cwd: Path | None = None, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", **(env or {})}
        environment.pop("FORCE_COLOR", None)
        return subprocess.run(
            [str(GGA), *args], cwd=cwd or tmp_path, input=input, capture_output=True, text=True,
            env=environment, timeout=120,
        )

    return run
