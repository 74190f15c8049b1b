"""Measure an encrypted caseload against the same caseload in plain text, in one run.

Two repositories hold the same N generated cases, one committed plain (gga's usual
.gitattributes), one encrypted (`.gga-recipients`, gga's filter, merge driver and diff). For
each run, both get a fresh clone without a checkout (untimed), then are timed, interleaved:
- `git checkout main`: writing every file of the working tree, through gga's filter (one
  process decrypting every case file) for the encrypted one;
- the first `git status --porcelain` after it (it must print nothing): git looks again at
  every file written in the same second as its index ("racily clean"), which runs the
  clean filter on those;
- `gga check` on the working tree (plain in both).
The fastest of each over the runs is kept; the ratios encrypted/plain are printed.

    python benchmarks/crypt.py --cases 1000 --runs 3 --json benchmarks/out/crypt.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import TODAY, generate  # noqa: E402

PYTHON = sys.executable
GGA = str(Path(PYTHON).with_name("gga"))
GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Benchmark",
           "GIT_AUTHOR_EMAIL": "b@localhost", "GIT_COMMITTER_NAME": "Benchmark", "GIT_COMMITTER_EMAIL": "b@localhost"}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env})
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1) or (done.returncode == 1 and args[0] == "git"):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return seconds, done.stdout


def key(workdir: Path) -> tuple[Path, str]:
    from pyrage import x25519

    identity = x25519.Identity.generate()
    path = workdir / "key.txt"
    path.write_text(f"{identity}\n")
    escrow = x25519.Identity.generate()
    return path, f"# worker\n{identity.to_public()}\n# escrow\n{escrow.to_public()}\n"


def repository(root: Path, cases: int, recipients: str | None, env: dict[str, str]) -> None:
    """The generated caseload committed on main, plain or (with recipients) encrypted."""
    if (root / ".git").is_dir():
        return
    from gga_cli.scaffold import GITATTRIBUTES

    generate(root, cases)
    run(["git", "init", "-q", "-b", "main"], root, env)
    attributes = GITATTRIBUTES
    if recipients is not None:
        from gga_cli.crypt.gitsetup import ATTRIBUTES, configure

        (root / ".gga-recipients").write_text(recipients)
        attributes += "\n" + ATTRIBUTES
        configure(root)
    (root / ".gitattributes").write_text(attributes)
    run(["git", "add", "."], root, env)
    run(["git", "commit", "-q", "-m", "caseload"], root, env)


def fresh_clone(source: Path, target: Path, encrypted: bool, env: dict[str, str]) -> None:
    if target.exists():
        shutil.rmtree(target)
    run(["git", "clone", "-q", "--no-checkout", str(source), str(target)], source.parent, env)
    if encrypted:
        from gga_cli.crypt.gitsetup import configure

        configure(target)


def measure(workdir: Path, cases: int, runs: int) -> dict[str, object]:
    workdir.mkdir(parents=True, exist_ok=True)
    key_file, recipients = key(workdir)
    env = {**GIT_ENV, "GGA_AGE_KEY_FILE": str(key_file)}
    plain, sealed = workdir / f"plain-{cases}", workdir / f"encrypted-{cases}"
    for folder in (plain, sealed):
        if folder.exists():
            shutil.rmtree(folder)
    setup = time.perf_counter()
    repository(plain, cases, None, env)
    plain_commit = time.perf_counter() - setup
    setup = time.perf_counter()
    repository(sealed, cases, recipients, env)
    sealed_commit = time.perf_counter() - setup
    best: dict[str, list[float]] = {}
    files = int(run(["git", "ls-files", "-z"], plain, env)[1].count("\0"))
    for _ in range(runs):
        for name, source in (("plain", plain), ("encrypted", sealed)):
            clone = workdir / f"clone-{name}"
            fresh_clone(source, clone, name == "encrypted", env)
            checkout, _ = run(["git", "checkout", "-q", "main"], clone, env)
            status, out = run(["git", "status", "--porcelain"], clone, env)
            if out:
                raise SystemExit(f"git status after the checkout of {name} is not empty:\n{out[:500]}")
            again, out = run(["git", "status", "--porcelain"], clone, env)
            check, _ = run([GGA, "check", "--today", TODAY.isoformat(), "--format", "json"], clone, env)
            for what, seconds in (("checkout", checkout), ("status", status), ("status_again", again), ("check", check)):
                best.setdefault(f"{name}_{what}", []).append(seconds)
    seconds = {k: min(v) for k, v in best.items()}
    ratios = {what: seconds[f"encrypted_{what}"] / seconds[f"plain_{what}"] for what in ("checkout", "status", "status_again", "check")}
    return {"cases": cases, "files": files, "runs": runs, "seconds": seconds, "ratios": ratios,
            "setup_commit_seconds": {"plain": plain_commit, "encrypted": sealed_commit}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=HERE / "out" / "crypt")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    result = measure(args.workdir, args.cases, args.runs)
    s, r = result["seconds"], result["ratios"]
    assert isinstance(s, dict) and isinstance(r, dict)
    print(f"{result['cases']} cases, {result['files']} files, best of {result['runs']}")
    for what in ("checkout", "status", "status_again", "check"):
        print(f"  {what:<13} plain {s[f'plain_{what}']:.2f} s  encrypted {s[f'encrypted_{what}']:.2f} s  ratio {r[what]:.2f}")
    print(f"  first commit  plain {result['setup_commit_seconds']['plain']:.1f} s  "  # type: ignore[index]
          f"encrypted {result['setup_commit_seconds']['encrypted']:.1f} s (with generating the cases)")  # type: ignore[index]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
