"""Measure gga against a naive baseline, in one run: `gga check`, `gga status` cold and warm,
`gga stats` cold and warm, and a one-case command, each as a fresh process, with its peak
memory. The warm boards take seven turns or more: the fastest is compared with the naive
parse (the fastest of its runs), the medians with each other; the rest the fastest of
`--runs`.

The baseline parses the same files with PyYAML's C loader alone, one file at a time, in
one process: `yaml.load(text, Loader=yaml.CSafeLoader)`. `gga check` is measured with its
default worker processes and with `--jobs 1` (one process, like the baseline). A one-case
command is compared with `python -c "import typer, pydantic, yaml"`. Ratios below 1 mean
gga is faster.

    python benchmarks/run.py --cases 1000 3000 --runs 3
    python benchmarks/run.py --cases 3000 --stats-only   # the naive parse and gga stats alone
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import TODAY, generate  # noqa: E402

PYTHON = sys.executable
GGA = str(Path(PYTHON).with_name("gga"))
NAIVE = """
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def timed(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one child process; its output is discarded."""
    env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def best(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float]:
    results = [timed(command, cwd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def caseload(workdir: Path, cases: int) -> Path:
    root = workdir / f"caseload-{cases}"
    marker = root / ".generated"
    if not marker.exists() or marker.read_text() != str(cases):
        shutil.rmtree(root, ignore_errors=True)
        generate(root, cases)
        marker.write_text(str(cases))
    return root


def measure(root: Path, cases: int, runs: int) -> dict[str, object]:
    """One caseload: the naive parse and `gga check` (its default workers, and one process)
    `runs` times each, interleaved, keeping the fastest; then `gga status` cold and warm."""
    today = TODAY.isoformat()
    files = sum(1 for _ in root.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
    read_bytes, _ = timed([PYTHON, "-c", "import pathlib,sys\nfor p in pathlib.Path(sys.argv[1]).rglob('*.yaml'): p.read_bytes()", str(root)])
    check_command = [GGA, "check", str(root), "--today", today, "--format", "json"]
    commands = {"naive": [PYTHON, "-c", NAIVE, str(root)], "check": check_command, "check_1": [*check_command, "--jobs", "1"]}
    wall: dict[str, float] = {name: float("inf") for name in commands}
    peak: dict[str, float] = {name: 0.0 for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            seconds, mib = timed(command)
            wall[name], peak[name] = min(wall[name], seconds), max(peak[name], mib)
    naive = wall["naive"]
    shutil.rmtree(root / ".gga", ignore_errors=True)
    cold, cold_mem = timed([GGA, "status", str(root), "--today", today, "--format", "json"])
    # warm: the board as JSON, as text on a pipe (every cell whole), and as text on a terminal
    # 160 columns wide (FORCE_COLOR makes stdout count as one), interleaved. A warm board
    # takes a third of a second: between two boards, the fastest of a few turns let one lucky
    # turn decide the ratio (1.39 once, where the medians of eleven turns gave 1.01)
    status = [GGA, "status", str(root), "--today", today]
    boards = {"json": (status + ["--format", "json"], None), "text_piped": (status, None),
              "text_terminal": (status, {"FORCE_COLOR": "1", "COLUMNS": "160"})}
    turns: dict[str, list[float]] = {name: [] for name in boards}
    warm_mem = 0.0
    timed(boards["json"][0])  # the cache written once after the cold board's language is known
    for _ in range(max(runs, 7)):
        for name, (command, env) in boards.items():
            seconds, mib = timed(command, env=env)
            turns[name].append(seconds)
            warm_mem = max(warm_mem, mib)
    # against the naive parse (the fastest of its runs) the fastest warm turn; between the
    # boards, the medians
    warm_of = {name: statistics.median(seconds) for name, seconds in turns.items()}
    warm = min(turns["json"])
    return {
        "cases": cases, "files": files, "megabytes": round(size / 1e6, 1),
        "seconds": {"read_bytes": read_bytes, "naive_csafeloader": naive, "check": wall["check"],
                    "check_one_process": wall["check_1"], "status_cold": cold, "status_warm": warm,
                    "status_warm_median": warm_of["json"], "status_warm_text_piped": warm_of["text_piped"],
                    "status_warm_text_terminal": warm_of["text_terminal"]},
        "ratio_to_naive": {"check": wall["check"] / naive, "check_one_process": wall["check_1"] / naive,
                           "status_cold": cold / naive, "status_warm": warm / naive,
                           "status_warm_text_terminal": min(turns["text_terminal"]) / naive},
        "text_board_to_json_board": {"piped": warm_of["text_piped"] / warm_of["json"], "terminal": warm_of["text_terminal"] / warm_of["json"]},
        "ms_per_case": {"naive_csafeloader": naive / cases * 1000, "check_one_process": wall["check_1"] / cases * 1000,
                        "status_warm": warm / cases * 1000},
        "peak_mib": {"naive_csafeloader": peak["naive"], "check": peak["check"], "check_one_process": peak["check_1"],
                     "status_cold": cold_mem, "status_warm": warm_mem},
    }


def stats(root: Path, runs: int) -> dict[str, object]:
    """`gga stats` over the caseload: cold (no facts cached) and warm (nothing changed), against
    the naive parse measured in the same run, each `runs` times, interleaved, the fastest kept."""
    today = TODAY.isoformat()
    command = [GGA, "stats", str(root), "--today", today, "--format", "json"]
    (root / ".gga" / "stats.json").unlink(missing_ok=True)
    cold, cold_mem = timed(command)
    naive = warm = float("inf")
    warm_mem = 0.0
    for _ in range(runs):
        naive = min(naive, timed([PYTHON, "-c", NAIVE, str(root)])[0])
        seconds, mib = best(command, 3)
        warm, warm_mem = min(warm, seconds), max(warm_mem, mib)
    return {"seconds": {"naive_csafeloader": naive, "stats_cold": cold, "stats_warm": warm},
            "ratio_to_naive": {"stats_cold": cold / naive, "stats_warm": warm / naive},
            "peak_mib": {"stats_cold": cold_mem, "stats_warm": warm_mem}}


def one_case(root: Path) -> dict[str, object]:
    case = sorted((root / "cases").iterdir())[0]
    imports, _ = best([PYTHON, "-c", "import typer, pydantic, yaml"], 7)
    show, show_mem = best([GGA, "show", "--case", str(case), "--today", TODAY.isoformat()], 7)
    return {"seconds": {"import_typer_pydantic_yaml": imports, "show": show}, "ratio": show / imports, "peak_mib": show_mem}


def machine() -> dict[str, object]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "system": platform.platform()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, nargs="+", default=[1000, 3000], help="caseload sizes to measure")
    parser.add_argument("--workdir", type=Path, default=HERE / "out", help="where the generated caseloads are kept")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--runs", type=int, default=1, help="runs of the naive parse and gga check, the fastest kept")
    parser.add_argument("--stats-only", action="store_true", help="measure only gga stats against the naive parse")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"machine": machine(), "caseloads": [], "stats": []}
    print(json.dumps(results["machine"]))
    if args.stats_only:
        for n in args.cases:
            r = stats(caseload(args.workdir, n), args.runs)
            results["stats"].append({"cases": n, **r})  # type: ignore[attr-defined]
            s, q = r["seconds"], r["ratio_to_naive"]
            print(f"{n:>6} cases: naive {s['naive_csafeloader']:.2f} s, gga stats cold {s['stats_cold']:.2f} s "  # type: ignore[index]
                  f"({q['stats_cold']:.2f}x), warm {s['stats_warm']:.2f} s ({q['stats_warm']:.3f}x)", flush=True)  # type: ignore[index]
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n")
        return
    print(f"{'cases':>6} {'files':>6} {'MB':>6} {'naive s':>8} {'check s':>8} {'ratio':>6} {'1 proc s':>8} {'ratio':>6} "
          f"{'cold s':>7} {'ratio':>6} {'warm s':>7} {'ratio':>6} {'text/json':>9} {'term/json':>9} {'term/naive':>10} "
          f"{'ms/case naive':>13} {'1 proc':>7} {'check MiB':>9} {'naive MiB':>9}")
    for n in args.cases:
        root = caseload(args.workdir, n)
        r = measure(root, n, args.runs)
        results["caseloads"].append(r)  # type: ignore[attr-defined]
        s, q, m = r["seconds"], r["ratio_to_naive"], r["peak_mib"]
        print(f"{n:>6} {r['files']:>6} {r['megabytes']:>6} {s['naive_csafeloader']:>8.2f} {s['check']:>8.2f} {q['check']:>6.2f} "  # type: ignore[index]
              f"{s['check_one_process']:>8.2f} {q['check_one_process']:>6.2f} "  # type: ignore[index]
              f"{s['status_cold']:>7.2f} {q['status_cold']:>6.2f} {s['status_warm']:>7.2f} {q['status_warm']:>6.3f} "  # type: ignore[index]
              f"{r['text_board_to_json_board']['piped']:>9.2f} {r['text_board_to_json_board']['terminal']:>9.2f} "  # type: ignore[index]
              f"{q['status_warm_text_terminal']:>10.3f} {r['ms_per_case']['naive_csafeloader']:>13.2f} "  # type: ignore[index]
              f"{r['ms_per_case']['check_one_process']:>7.2f} {m['check']:>9.0f} {m['naive_csafeloader']:>9.0f}", flush=True)  # type: ignore[index]
    single = one_case(caseload(args.workdir, args.cases[0]))
    results["one_case"] = single
    s = single["seconds"]
    print(f"one case: gga show {s['show']:.3f} s, import typer+pydantic+yaml {s['import_typer_pydantic_yaml']:.3f} s, "  # type: ignore[index]
          f"ratio {single['ratio']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
