"""`gga check` as a function: load every case of a target, apply the rules, gather diagnostics."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gga_cli.caseload import Target, load_settings
from gga_cli.diagnostics import Diagnostic, Severity, count
from gga_cli.i18n import Lang
from gga_cli.loader import load_case, load_single
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules import REGISTRY, Context, severity_of

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext


@dataclass
class Report:
    cases: int = 0
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return count(self.diagnostics, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.diagnostics, Severity.WARNING)


def judge(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The G rules over one loaded case. A case without its case.yaml or genogram is not judged."""
    if case.case is None or case.genogram is None:
        return []
    found: list[Diagnostic] = []
    for rule in REGISTRY.values():
        if rule.check is not None:
            found += rule.check(case, ctx)
    return found


def settle(diagnostics: list[Diagnostic], case: CaseFolder | None, ctx: Context) -> list[Diagnostic]:
    """Apply the organisation's severities and the case's waivers."""
    out: list[Diagnostic] = []
    for d in diagnostics:
        if case is not None and case.case is not None and case.case.waived(d.code, ctx.today):
            continue
        severity = severity_of(d.code, ctx.settings)
        if severity is None:
            continue
        if d.code not in ctx.settings.rules:
            # a rule may judge one finding more severe than its default (G119 once the
            # measure has ended); only the organisation's own setting overrides that
            severity = d.severity
        out.append(d if severity is d.severity else dataclasses.replace(d, severity=severity))
    return out


def context(settings: Settings, today: dt.date, lang: Lang | None) -> Context:
    return Context(today=today, settings=settings, lang=lang or settings.organisation.language)


def _judged(folder: Path, target: Target, ctx: Context) -> tuple[CaseFolder, list[Diagnostic]]:
    """One case folder loaded, judged and settled, its diagnostics limited to the files asked for."""
    case, diagnostics = load_case(folder, target.root, ctx.lang, ctx.today)
    diagnostics = settle(diagnostics + judge(case, ctx), case, ctx)
    only = target.only_files.get(folder)
    if only:
        wanted = {case.path_of(name) for name in only}
        diagnostics = [d for d in diagnostics if d.file in wanted]
    return case, diagnostics


def cases(target: Target, ctx: Context) -> Iterator[tuple[CaseFolder, list[Diagnostic]]]:
    """Each case of the target, loaded and judged, one at a time (its files are let go after)."""
    for folder in target.cases:
        yield _judged(folder, target, ctx)


# Checking many cases in worker processes --------------------------------------------
#
# Each case is loaded and judged on its own (the loader and the rules are pure), so a
# caseload splits over processes. A worker sends back only what `check` keeps of a case,
# its file count and diagnostics: pickling the loaded case itself (thousands of entry
# models) would cost about as much as loading it again.

CASES_A_WORKER = 10
"""A worker is started for every this many cases (up to `jobs`); fewer than twice this many
are checked in-process, so a one-case command never starts one. Measured on 2 cores, in
process after the validators were built: starting and stopping two forked workers costs
about 10 ms; 10 cases 0.048 s -> 0.040 s, 25 cases 0.115 s -> 0.073 s, 100 cases
0.48 s -> 0.27 s."""

_MAX_JOBS = 8
"""More workers than this gain little (reading files and sorting the report stay serial)
and each one holds its own copy of the models and rules."""

_worker: tuple[Target, Context] | None = None


def default_jobs() -> int:
    """The processors this process may run on, at most `_MAX_JOBS`."""
    try:
        available = len(os.sched_getaffinity(0))  # honours a container's or taskset's limit
    except AttributeError:  # not on every platform (macOS, Windows)
        available = os.cpu_count() or 1
    return max(1, min(available, _MAX_JOBS))


def _start_worker(target: Target, ctx: Context) -> None:
    global _worker
    _worker = (target, ctx)


def _count_and_judge(folder: Path) -> tuple[int, list[Diagnostic]]:
    """In a worker: one case's file count and diagnostics."""
    assert _worker is not None, "a worker is started with its target and context"
    case, diagnostics = _judged(folder, *_worker)
    return len(case.files), diagnostics


def _pool_context() -> BaseContext:
    """Fork where the platform has it safely (Linux): a forked worker starts with the models
    built and the rules registered, where a spawned one would import them all again."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _counted(target: Target, ctx: Context, jobs: int) -> Iterator[tuple[int, list[Diagnostic]]]:
    """Each case's file count and diagnostics, in the target's order; in `jobs` worker
    processes where there are enough cases to pay for them."""
    jobs = min(jobs, len(target.cases) // CASES_A_WORKER)
    if jobs < 2:
        for case, diagnostics in cases(target, ctx):
            yield len(case.files), diagnostics
        return
    # chunks of a few cases: one message a chunk, while cases of very different sizes
    # (30 to 200 contacts) still even out over the workers
    chunk = max(1, min(16, len(target.cases) // (jobs * 8)))
    from concurrent.futures import ProcessPoolExecutor  # here: a one-case command never pays its import

    with ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_start_worker, initargs=(target, ctx)) as pool:
        yield from pool.map(_count_and_judge, target.cases, chunksize=chunk)


def check(target: Target, today: dt.date, lang: Lang | None = None, jobs: int | None = None) -> Report:
    """Every file and rule over the target. `jobs` worker processes share many cases
    (None: one a processor, see `default_jobs`; 1: all in this process)."""
    settings, settings_diagnostics = load_settings(target.root, lang)
    ctx = context(settings, today, lang)
    report = Report()
    report.diagnostics += settle(settings_diagnostics, None, ctx)
    report.files += int(target.has_settings)
    for files, diagnostics in _counted(target, ctx, jobs or default_jobs()):
        report.cases += 1
        report.files += files
        report.diagnostics += diagnostics
    for single in target.singles:
        report.files += 1
        report.diagnostics += settle(load_single(single, target.root, ctx.lang), None, ctx)
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report
