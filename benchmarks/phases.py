"""Where a cold `gga check --jobs 1` spends its time: each stage of loading and judging a
caseload's cases, timed in one process, and each rule's share of the judging.

The stages are the loader's own functions, wrapped with a timer for this run only:
reading the bytes, decoding them, the line reader of scores and contacts (`flowlines`),
the block reader of the other files (`blocklines`), the event parser of what both
decline (`yamlread.parse`), schema validation, the checks
across files, the rules and the settling of severities. What is left of the total is the
loader's own work around them (paths, diagnostics). Starting Python and printing the
report are not in it: `run.py` measures the whole command.

    python benchmarks/phases.py benchmarks/out/caseload-300
    python benchmarks/phases.py benchmarks/out/caseload-1000 --rules 8
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gga_cli import blocklines, crosscheck, flowlines, judging, loader
from gga_cli.caseload import Caseload
from gga_cli.rules import REGISTRY

SPENT: defaultdict[str, float] = defaultdict(float)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("caseload", type=Path, help="a caseload (run.py keeps its generated ones in benchmarks/out/)")
    parser.add_argument("--today", default="2026-12-02", help="the day judged (default 2026-12-02, generate.py's)")
    parser.add_argument("--rules", type=int, default=0, metavar="N", help="also the N rules that took longest")
    args = parser.parse_args()
    found = Caseload.open([args.caseload], today=dt.date.fromisoformat(args.today))
    # as `Caseload.check` does: what is imported set aside, the young generation collected less often
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    loader.read_file = timed("read the bytes", loader.read_file)
    loader.decode = timed("decode", loader.decode)
    flowlines.read = timed("line reader (scores, contacts)", flowlines.read)
    blocklines.read = timed("block reader (other files)", blocklines.read)
    loader.parse = timed("event parser (files both decline)", loader.parse)
    loader.validate = timed("schema validation", loader.validate)
    crosscheck.check = timed("checks across files", crosscheck.check)
    judging.judge = timed("rules", judging.judge)
    judging.settle = timed("settle", judging.settle)
    start = time.perf_counter()
    for folder in found.folders:
        found.case(folder, deadlines=False)
    total = time.perf_counter() - start
    print(f"{len(found.folders)} cases in {total:.3f} s ({total / max(len(found.folders), 1) * 1000:.2f} ms a case)")
    for name, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
        print(f"  {name:<32} {seconds:7.3f} s  {seconds / total:4.0%}")
    rest = total - sum(SPENT.values())
    print(f"  {'the rest (paths, diagnostics)':<32} {rest:7.3f} s  {rest / total:4.0%}")
    if args.rules:
        by_rule(found, args.rules)


def by_rule(found: Caseload, shown: int) -> None:
    """Each rule's time over the cases loaded once more, the `shown` longest printed."""
    cases = [found.load(folder)[0] for folder in found.folders]
    spent: defaultdict[str, float] = defaultdict(float)
    for case in cases:
        if case.case is None or case.genogram is None:
            continue  # not judged (judging.judge)
        for rule in REGISTRY.values():
            if rule.check is not None:
                start = time.perf_counter()
                rule.check(case, found.ctx)
                spent[rule.code] += time.perf_counter() - start
    print(f"the rules alone: {sum(spent.values()):.3f} s")
    for code, seconds in sorted(spent.items(), key=lambda item: -item[1])[:shown]:
        check = REGISTRY[code].check
        print(f"  {code} {seconds:7.3f} s  {check.__module__}.{check.__name__}" if check is not None else code)


if __name__ == "__main__":
    main()
