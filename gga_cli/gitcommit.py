"""Committing a recording to git (`--commit`): only the files it changed, a message without names.

The message holds the case id and the action ("2026-0042: score recorded"), never a name
or a note: commit messages are read far more widely than case files, for twenty years.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from gga_cli.errors import Refused, UsageError

# Fallbacks used only where git has no identity configured (a fresh machine, CI)
_FALLBACK = ("-c", "user.name=gga", "-c", "user.email=gga@localhost")


class GitError(UsageError):
    """git is missing, the case is in no repository, or the commit failed (about the commit asked for)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, about="commit")


class UnsureId(Refused):
    """The case's id cannot go in a commit message: case.yaml holds none, or not the folder's name."""

    def __init__(self, message: str) -> None:
        super().__init__(message, about="commit")


_CASE_ID = re.compile(r"\d{4}-\d{4}")


def case_id(folder: Path) -> str:
    """The id a commit message names: the `id:` of case.yaml, only where it is a case id and
    the folder bears that name. A folder named after a family must never reach a message."""
    from gga_cli.loader import read

    try:
        parsed, _ = read((folder / "case.yaml").read_bytes(), "en")
    except OSError as err:
        raise UnsureId(f": case.yaml cannot be read ({err.strerror or err}); nothing changed") from None
    data = parsed.data if parsed is not None else None
    value = data.get("id") if isinstance(data, dict) else None
    if not isinstance(value, str) or not _CASE_ID.fullmatch(value):
        raise UnsureId(": case.yaml holds no case id YYYY-NNNN to name the commit by; nothing changed (run `gga check`)")
    if value != folder.name:
        raise UnsureId(f": the case folder is not named after its id {value} in case.yaml; "
                       "nothing changed (rename the folder to the id, or record without committing)")
    return value


def _git() -> str:
    git = shutil.which("git")
    if git is None:
        raise GitError("needs git, and git is not installed")
    return git


def _run(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_git(), *args], cwd=cwd, capture_output=True, text=True)


def repository(folder: Path) -> Path:
    """The work tree holding `folder`; GitError where it is in none."""
    found = _run(["rev-parse", "--show-toplevel"], folder)
    if found.returncode != 0:
        raise GitError(f": {folder} is in no git repository (run `git init` in the caseload first)")
    return Path(found.stdout.strip())


def _identity(top: Path) -> list[str]:
    for key in ("user.name", "user.email"):
        if _run(["config", key], top).returncode != 0:
            return list(_FALLBACK)
    return []


def commit(paths: Sequence[Path], message: str, retries: int = 50) -> str:
    """Commit exactly `paths` (other staged changes stay staged, uncommitted); returns the commit id.

    Another git process (a colleague's gga on the next case) may hold the index for a
    moment: the commit is tried again while git reports its index.lock.
    """
    if not paths:
        raise GitError("nothing to commit")
    top = repository(paths[0].parent)
    names = [str(Path(p).resolve().relative_to(top.resolve())) for p in paths]
    for attempt in range(retries):
        added = _run(["add", "--", *names], top)
        done = added if added.returncode != 0 else _run([*_identity(top), "commit", "--quiet", "--only", "-m", message, "--", *names], top)
        if done.returncode == 0:
            return _run(["rev-parse", "--short", "HEAD"], top).stdout.strip()
        if "index.lock" not in done.stderr or attempt == retries - 1:
            reason = (done.stderr or done.stdout).strip().splitlines()
            raise GitError("git commit failed: " + (reason[-1] if reason else f"exit {done.returncode}"))
        time.sleep(0.1)
    raise GitError("git commit failed")  # pragma: no cover - the loop returns or raises
