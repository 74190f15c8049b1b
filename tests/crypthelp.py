"""Shared by the encrypted-caseload tests: age keys, git without the machine's config, an
encrypted caseload holding the Brood family's case, and every object of a repository."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pyrage import x25519

from casebuilder import clean

Run = Callable[..., subprocess.CompletedProcess[str]]

# git with no configuration of the machine it runs on
GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GGA_AGE_PASSPHRASE": ""}
CASE = "cases/2026-0042"


@dataclass(frozen=True)
class Key:
    file: Path
    public: str
    identity: x25519.Identity

    def env(self) -> dict[str, str]:
        return {**GIT_ENV, "GGA_AGE_KEY_FILE": str(self.file)}


def make_key(folder: Path, name: str) -> Key:
    identity = x25519.Identity.generate()
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.txt"
    file.write_text(f"# public key: {identity.to_public()}\n{identity}\n")
    return Key(file, str(identity.to_public()), identity)


def no_key(tmp_path: Path) -> dict[str, str]:
    return {**GIT_ENV, "GGA_AGE_KEY_FILE": str(tmp_path / "no-such-key.txt")}


def git(root: Path, *args: str, env: dict[str, str] | None = None, input: bytes | None = None) -> bytes:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=root,
                            capture_output=True, input=input, env={**os.environ, **(env or GIT_ENV)})
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def encrypted_caseload(gga: Run, root: Path, workers: list[Key], escrow: Key, phase: int = 1) -> Path:
    """`gga init --encrypt` in `root`, the Brood family's case added and committed on main."""
    args = ["init", str(root), "--encrypt", "--escrow", escrow.public]
    for worker in workers:
        args += ["--recipient", worker.public]
    made = gga(*args, env=workers[0].env())
    assert made.returncode == 0, made.stderr
    git(root, "checkout", "-q", "-b", "main", env=workers[0].env())
    for name, text in clean(phase).items():
        (root / CASE).mkdir(parents=True, exist_ok=True)
        (root / CASE / name).write_text(text)
    git(root, "add", ".", env=workers[0].env())
    git(root, "commit", "-q", "-m", "caseload", env=workers[0].env())
    return root


def objects(root: Path) -> Iterator[bytes]:
    """The content of every object in the repository's object store, loose and packed."""
    listing = git(root, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)").decode().split()
    out = git(root, "cat-file", "--batch", input="".join(o + "\n" for o in listing).encode())
    at = 0
    for _ in listing:
        end = out.index(b"\n", at)
        size = int(out[at:end].split()[2])
        yield out[end + 1:end + 1 + size]
        at = end + 2 + size


def tree_state(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root but .git: its bytes and modification time."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.relative_to(root).parts[:1]
    }
