"""How drawing a genogram grows with the family: a parent chain of N generations, in file
order and reversed (children listed before their parents), one couple with N children, and
those children with a bond to the next and households of three.

Each shape is measured in this process, fastest of `--runs`, in CPU seconds of this process
(other work on a shared machine weighs less on them than on wall time): the layout alone, the whole
SVG (`gga_cli.genogram.drawing`), and as a baseline in the same run, pydantic validating
the same people (`Genogram.model_validate`, linear in N). The ratio drawing / validation
stays flat while drawing grows linearly; `per N` is each drawing time divided by N,
relative to the smallest N, so a quadratic step would show as a growing column.

    python benchmarks/genogram.py                       # 100, 300, 1,000, 3,000
    python benchmarks/genogram.py --sizes 100 1000 6000 --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from gga_cli.genogram import drawing
from gga_cli.genogram.layout import layout
from gga_cli.models.genogram import Genogram

TODAY = dt.date(2026, 11, 29)


def chain(n: int, reverse: bool = False) -> dict[str, Any]:
    people = [{"id": f"p{i}", "name": f"Persoon {i}", "sex": "f" if i % 2 else "m", "born": 1000 + i // 4,
               **({"parents": [f"p{i - 1}"]} if i else {})} for i in range(n)]
    return {"people": people[::-1] if reverse else people}


def brood(n: int) -> dict[str, Any]:
    parents = [{"id": "els", "name": "Els", "sex": "f", "born": 1980}, {"id": "ron", "name": "Ron", "sex": "m", "born": 1979}]
    return {"people": parents + [{"id": f"k{i}", "name": f"Kind {i}", "sex": "m", "born": 2000 + i % 20, "parents": ["els", "ron"]}
                                 for i in range(n)]}


def bonded(n: int) -> dict[str, Any]:
    family = brood(n)
    family["bonds"] = [{"between": [f"k{i}", f"k{i + 1}"], "kind": "conflict" if i % 2 else "close"} for i in range(n - 1)]
    family["households"] = [{"name": f"Huis {i}", "members": [f"k{j}" for j in range(i, min(i + 3, n))]} for i in range(0, n, 3)]
    return family


SHAPES: dict[str, Callable[[int], dict[str, Any]]] = {
    "chain": chain,
    "chain, reversed": lambda n: chain(n, reverse=True),
    "one couple, N children": brood,
    "N children, bonds, households": bonded,
}


def fastest(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| shape | N | validate (baseline) | layout | drawing | drawing / validate | drawing per N, x smallest |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, shape in SHAPES.items():
        first: float | None = None
        for n in args.sizes:
            data = shape(n)
            genogram = Genogram.model_validate(data)
            base = fastest(args.runs, lambda: Genogram.model_validate(data))
            lay = fastest(args.runs, lambda: layout(genogram))
            draw = fastest(args.runs, lambda: drawing(genogram, TODAY, "nl", "Genogram"))
            per = draw / n
            first = first or per
            print(f"| {name} | {n:,} | {base:.3f} s | {lay:.3f} s | {draw:.3f} s | {draw / base:.1f} | {per / first:.2f} |", flush=True)


if __name__ == "__main__":
    main()
