"""Shared fixtures: a caseload written inline into tmp_path, the real `gga` entry point (run in
the test process, or as the installed script in a process of its own), golden files, and a
guard that fails any test writing outside its tmp_path."""

from __future__ import annotations

import builtins
import io
import os
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# pytest rewrites the modules of its plugins (hypothesis among them) as a test first imports
# them, and keeps the result as a .pyc beside them; inside a test the guard below would stop
# that write. No bytecode is written from here on, whatever PYTHONDONTWRITEBYTECODE says.
sys.dont_write_bytecode = True

settings.register_profile("gga", database=None, deadline=None)
settings.load_profile("gga")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
DEMO_TODAY = "2026-11-29"  # the day the demo caseload in examples/ is written for
GGA = Path(sys.executable).with_name("gga")
GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("GGA_REGEN_GOLDEN") == "1"
_OPEN = os.open  # taken before the guard on writes is installed: only golden files are written with it


def regenerate(golden: Path, text: str) -> None:
    """Write a golden file, past the guard that keeps tests inside tmp_path."""
    fd = _OPEN(golden, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def golden(name: str, actual: str) -> str:
    """What tests/golden/NAME holds. With GGA_REGEN_GOLDEN=1 it is first written from `actual`:
    after a deliberate change, then read the diff (and look at the renders) before committing."""
    path = GOLDEN / name
    if REGEN:
        regenerate(path, actual)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _matplotlib_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """matplotlib writes its font list to a cache on its first import in a fresh home: that
    happens here, in a folder of the test session's own, before any test's guard is set up
    (processes the tests start find it through MPLCONFIGDIR)."""
    os.environ["MPLCONFIGDIR"] = str(tmp_path_factory.mktemp("matplotlib"))
    try:
        import matplotlib.font_manager  # noqa: F401
    except ImportError:  # the stats charts' extra is not installed: their tests say so
        pass


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


Run = Callable[..., subprocess.CompletedProcess[str]]

# What every run of gga in a test sees: a fixed width and no colour, so outputs compare whole.
ENVIRONMENT = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


def _as_text(data: bytes) -> str:
    """Output as `subprocess.run(..., text=True)` hands it over: decoded, every line ending a plain newline."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _exit_status(code: object, stderr: io.TextIOWrapper) -> int:
    """The status a process ends with when `SystemExit(code)` leaves its main function."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    stderr.write(f"{code}\n")
    return 1


def run_in_process(args: tuple[str, ...], cwd: Path, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the `gga` entry point (`gga_cli.cli.main`) in this process as the installed script runs
    it: its own argv, environment, working folder and standard streams (stdin empty unless
    `input` is given), the consoles built afresh, and the exit status a process would have."""
    from gga_cli import console
    from gga_cli.cli import main

    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**ENVIRONMENT, **(env or {})}.items():
            patch.setenv(name, value)
        patch.delenv("FORCE_COLOR", raising=False)
        patch.chdir(cwd)
        patch.setattr(sys, "argv", [str(GGA), *args])
        patch.setattr(sys, "stdin", stdin)
        patch.setattr(sys, "stdout", stdout)
        patch.setattr(sys, "stderr", stderr)
        patch.setattr(sys, "excepthook", sys.excepthook)  # typer sets its own: restored after the run
        patch.setattr(sys.modules["__main__"], "__package__", None, raising=False)  # a script, not `python -m`
        console.stdout.cache_clear()
        console.stderr.cache_clear()
        try:
            main()
            status = 0
        except SystemExit as exit_:
            status = _exit_status(exit_.code, stderr)
        except Exception:  # what escapes main in a process: Python prints the traceback, the status is 1
            stderr.write(traceback.format_exc())
            status = 1
        finally:
            console.stdout.cache_clear()
            console.stderr.cache_clear()
            stdout.flush()
            stderr.flush()
    return subprocess.CompletedProcess(
        [str(GGA), *args], status, _as_text(stdout.buffer.getvalue()), _as_text(stderr.buffer.getvalue()),  # type: ignore[attr-defined]
    )


def run_process(args: tuple[str, ...], cwd: Path, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `gga` script in a process of its own."""
    environment = {**os.environ, **ENVIRONMENT, **(env or {})}
    environment.pop("FORCE_COLOR", None)
    return subprocess.run([str(GGA), *args], cwd=cwd, input=input, capture_output=True, text=True, env=environment, timeout=120)


@pytest.fixture
def gga(tmp_path: Path) -> Run:
    """Run the real entry point, in this process (see `run_in_process`); fixed width, no colour,
    so outputs compare whole."""

    def run(*args: str, cwd: Path | None = None, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return run_in_process(args, cwd or tmp_path, input, env)

    return run


@pytest.fixture
def gga_process(tmp_path: Path) -> Run:
    """Run the installed `gga` script in a process of its own, as `gga` runs it in this one: for
    what needs a process boundary (signals, parallel runs) and one smoke test a command."""

    def run(*args: str, cwd: Path | None = None, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return run_process(args, cwd or tmp_path, input, env)

    return run
