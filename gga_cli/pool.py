"""Judging many cases in worker processes.

Each case is loaded and judged on its own (the loader and the rules are pure), so a
caseload splits over processes. A worker sends back only what the caller keeps of a case
(for `gga check`, its file count and diagnostics): pickling the loaded case itself
(thousands of entry models) would cost about as much as loading it again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

T = TypeVar("T")

CASES_A_WORKER = 10
"""A worker is started for every this many cases (up to `jobs`); fewer than twice this many
are judged in-process, so a one-case command never starts one. Measured on 2 cores, in
process after the validators were built: starting and stopping two forked workers costs
about 10 ms; 10 cases 0.048 s -> 0.040 s, 25 cases 0.115 s -> 0.073 s, 100 cases
0.48 s -> 0.27 s."""

_MAX_JOBS = 8
"""More workers than this gain little (reading files and sorting the report stay serial)
and each one holds its own copy of the models and rules."""


def default_jobs() -> int:
    """The processors this process may run on, at most `_MAX_JOBS`."""
    try:
        available = len(os.sched_getaffinity(0))  # honours a container's or taskset's limit
    except AttributeError:  # not on every platform (macOS, Windows)
        available = os.cpu_count() or 1
    return max(1, min(available, _MAX_JOBS))


class _Work(Generic[T]):
    """The function a worker applies to each case folder, set when the worker starts."""

    task: Callable[[Path], T] | None = None


_work: _Work[object] = _Work()


def _start_worker(task: Callable[[Path], object]) -> None:
    _work.task = task


def _run(folder: Path) -> object:
    assert _work.task is not None, "a worker is started with its task"
    return _work.task(folder)


def _pool_context() -> BaseContext:
    """Fork where the platform has it safely (Linux): a forked worker starts with the models
    built and the rules registered, where a spawned one would import them all again."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def each(folders: Sequence[Path], task: Callable[[Path], T], jobs: int) -> Iterator[T]:
    """`task` applied to each folder, in their order; in `jobs` worker processes where there
    are enough cases to pay for them (`task` must be picklable where no fork is had)."""
    jobs = min(jobs, len(folders) // CASES_A_WORKER)
    if jobs < 2:
        for folder in folders:
            yield task(folder)
        return
    # chunks of a few cases: one message a chunk, while cases of very different sizes
    # (30 to 200 contacts) still even out over the workers
    chunk = max(1, min(16, len(folders) // (jobs * 8)))
    from concurrent.futures import ProcessPoolExecutor  # here: a one-case command never pays its import

    with ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_start_worker, initargs=(task,)) as pool:
        yield from pool.map(_run, folders, chunksize=chunk)  # type: ignore[misc]
