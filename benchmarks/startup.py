"""Measure how fast a one-case command starts and answers, against the floor of its CLI
library: an empty typer app with two commands of one option each (`floor`), and, as before,
Python importing gga's three libraries (`python -c "import typer, pydantic, yaml"`).

Each command runs N times as a fresh process, interleaved with the floor so that other
work on the machine weighs on both alike; the medians and their ratios to the floor are
printed. `gga score` writes, so scores.yaml is put back as it was after every run (outside
the timing). The case is unchanged between runs of the other commands, so `show`,
`handover` and `genogram` come from the case's cache in `.gga/` after their warm-up run.

    python benchmarks/startup.py               # 21 runs each, on a fresh demo caseload
    python benchmarks/startup.py --runs 51 --json benchmarks/out/startup.json
    PYTHONPATH=/tmp/old python benchmarks/startup.py --demo /tmp/demo   # another gga_cli tree
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
GGA = str(Path(PYTHON).with_name("gga"))
TODAY = "2026-11-29"
CASE = "2026-2412"  # a demo family with every file kind but the safeguarding plan
SCORED = "2026-1032"  # `gga score` writes into another family, so CASE stays unchanged between runs
FLOOR = """
import typer

app = typer.Typer()


@app.command()
def one(name: str = "x") -> None:
    pass


@app.command()
def two(count: int = 1) -> None:
    pass


app()
"""


CPU = "--cpu" in sys.argv  # CPU seconds (user + system) of the child instead of wall seconds


def wall(command: list[str], cwd: Path) -> float:
    """Wall seconds (with --cpu: CPU seconds) of one child process; its output is discarded,
    a failure stops the run. CPU time suffers less from others' work on a shared machine."""
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    stderr = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({os.waitstatus_to_exitcode(status)}):\n{stderr}")
    return usage.ru_utime + usage.ru_stime if CPU else seconds


def measure(root: Path, runs: int) -> dict[str, float]:
    """Median wall seconds of the baseline and each one-case command, over `runs` interleaved runs."""
    scores = root / "cases" / SCORED / "scores.yaml"
    pristine = scores.read_bytes()
    commands = {
        "floor": [PYTHON, "-c", FLOOR, "one", "--name", "y"],
        "imports": [PYTHON, "-c", "import typer, pydantic, yaml"],
        "show": [GGA, "show", "--case", CASE, "--today", TODAY],
        "score": [GGA, "score", "6", "--note", "Rustige week.", "--case", SCORED, "--date", TODAY, "--today", TODAY],
        "handover": [GGA, "handover", "--format", "md", "--draft", "--case", CASE, "--today", TODAY],
        "genogram": [GGA, "genogram", "--case", CASE, "--today", TODAY],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, command in commands.items():  # one warm-up run each: the page cache, .pyc files
        wall(command, root)
        scores.write_bytes(pristine)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(wall(command, root))
            scores.write_bytes(pristine)
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (default 21)")
    parser.add_argument("--json", type=Path, help="also write the medians and ratios here")
    parser.add_argument("--cpu", action="store_true", help="compare CPU seconds (user + system) instead of wall seconds")
    parser.add_argument("--demo", type=Path, help="a copy of this demo caseload instead of a new `gga init --demo`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gga-startup-") as tmp:
        root = Path(tmp) / "demo"
        if args.demo:
            shutil.copytree(args.demo, root)
        else:
            made = subprocess.run([GGA, "init", "--demo", str(root), "--today", TODAY], capture_output=True, text=True, check=False)
            if made.returncode != 0:
                raise SystemExit(f"gga init --demo failed ({made.returncode}):\n{made.stderr}")
        medians = measure(root, args.runs)
    floor = medians["floor"]
    ratios = {name: medians[name] / floor for name in medians if name != "floor"}
    print(f"median {'CPU' if args.cpu else 'wall'} time of {args.runs} runs; the floor (an empty two-command typer app) {floor * 1000:.0f} ms")
    for name, ratio in ratios.items():
        label = "import typer, pydantic, yaml" if name == "imports" else f"gga {name}"
        print(f"  {label:<30} {medians[name] * 1000:4.0f} ms  ratio to the floor {ratio:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"runs": args.runs, "seconds": medians, "ratio": ratios}, indent=2) + "\n")


if __name__ == "__main__":
    main()
