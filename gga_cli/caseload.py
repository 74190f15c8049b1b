"""The caseload, the thing users name: one object every command asks.

`Caseload` resolves once what every command needs (the root where gga.toml is, the
organisation's settings, the report language, the day judged on and so the rule context)
and hands out cases loaded and judged: one, all of them, or what a screen shows of them
(the board, the agenda), through the board's cache and the worker pool where they pay.

    caseload = Caseload.open([Path("examples")], today=dt.date(2026, 11, 29))
    report = caseload.check()
    for judged in caseload.cases():
        ...

The pure parts stay apart: the loader reads one case folder (`loader`), the rules judge
one loaded case (`judging`), the views turn results into what a person reads (`views`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from gga_cli.diagnostics import Diagnostic, Severity, count
from gga_cli.i18n import Lang
from gga_cli.locate import SETTINGS, Target, caseload_root, find_case, resolve

if TYPE_CHECKING:
    from gga_cli.agenda import AgendaItem
    from gga_cli.casecache import Served
    from gga_cli.judging import Judged
    from gga_cli.loader import Documents
    from gga_cli.board import Filter, Row
    from gga_cli.handover import Format, Product
    from gga_cli.models import CaseFolder
    from gga_cli.models.settings import Settings
    from gga_cli.rules import Context
    from gga_cli.transaction import Outcome, Planner

Start = Callable[[int], Callable[[], None]]  # told how many cases to load; returns "one more done"


@dataclass
class Report:
    """What `gga check` found: cases and files read, and every diagnostic in file order."""

    cases: int = 0
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return count(self.diagnostics, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.diagnostics, Severity.WARNING)


class Caseload:
    """A caseload (or the part of one a command was pointed at), its settings and the day judged on."""

    def __init__(self, target: Target, today: dt.date, lang: Lang | None = None) -> None:
        self.target = target
        self.root: Path = target.root
        self.today = today
        self.asked_lang = lang
        """The language asked for on the command line (None: gga.toml's language decides)."""
        self.sound_settings: str | None = None
        """The fingerprint of a gga.toml this command found sound (`orgsettings.settings_hold`)."""
        self.known_lang: Lang | None = None
        """The language gga.toml gives, where a cache made under the same gga.toml tells it."""

    # gga.toml is read on first use: a case served from its cache needs no settings model

    @cached_property
    def _settings(self) -> tuple[Settings, list[Diagnostic]]:
        from gga_cli.config import load_settings

        return load_settings(self.root, self.asked_lang)

    @property
    def settings(self) -> Settings:
        return self._settings[0]

    @cached_property
    def ctx(self) -> Context:
        from gga_cli.judging import context

        return context(self.settings, self.today, self.asked_lang)

    @property
    def lang(self) -> Lang:
        return self.asked_lang or self.known_lang or self.ctx.lang

    @cached_property
    def settings_problems(self) -> list[Diagnostic]:
        """What is wrong in gga.toml (the settings in force are the defaults where it is broken)."""
        from gga_cli.judging import settle

        return settle(self._settings[1], None, self.ctx)

    @classmethod
    def open(cls, paths: Sequence[Path] = (), *, today: dt.date, lang: Lang | None = None, cwd: Path | None = None) -> Caseload:
        """The caseload of path arguments (a caseload, case folders, files; none: the one you are in)."""
        return cls(resolve(list(paths), cwd), today, lang)

    @classmethod
    def of_case(cls, case: str | None, *, today: dt.date, lang: Lang | None = None, cwd: Path | None = None) -> tuple[Caseload, Path]:
        """The caseload of one case (`--case ID_OR_PATH`, or the case folder you are in), and its folder."""
        folder = find_case(case, cwd or Path.cwd())
        root = caseload_root(folder)
        target = Target(root=root.resolve(), has_settings=(root / SETTINGS).is_file(), cases=[folder])
        return cls(target, today, lang), folder

    @property
    def folders(self) -> list[Path]:
        """The case folders, in name order."""
        return self.target.cases

    @property
    def alarm_score(self) -> int:
        return self.settings.deadlines.alarm_score

    # Cases, loaded and judged ------------------------------------------------------

    def load(self, folder: Path, overrides: dict[str, bytes] | None = None,
             documents: Documents | None = None) -> tuple[CaseFolder, list[Diagnostic]]:
        """One case folder read and validated, with the file problems found (not judged);
        files whose bytes are in `documents` are not validated again (`loader.load_case`)."""
        from gga_cli.loader import load_case

        # the walk's listing serves the first load of a folder only: a later one (a
        # recording's case after its edit) lists the folder as it is then
        listing = self.target.listings.pop(str(folder), None)
        return load_case(folder, self.root, self.lang, self.today, overrides, documents, listing)

    def case(self, folder: Path | None = None, deadlines: bool = True) -> Judged:
        """One case loaded and judged (the first case of the caseload where no folder is named)."""
        from gga_cli.judging import judged

        folder = folder or self.folders[0]
        found, diagnostics = self.load(folder)
        result = judged(found, diagnostics, self.ctx, deadlines)
        only = self.target.only_files.get(folder)
        if only:
            wanted = {found.path_of(name) for name in only}
            result.diagnostics = [d for d in result.diagnostics if d.file in wanted]
        return result

    def cases(self, deadlines: bool = True) -> Iterator[Judged]:
        """Each case loaded and judged, one at a time (its files are let go after)."""
        for folder in self.folders:
            yield self.case(folder, deadlines)

    def _counted(self, folder: Path) -> tuple[int, list[Diagnostic]]:
        """What `check` keeps of a case: its file count and diagnostics (sent back by a worker)."""
        result = self.case(folder, deadlines=False)
        return len(result.case.files), result.diagnostics

    # What the commands ask -----------------------------------------------------------

    def check(self, jobs: int | None = None) -> Report:
        """Every file and rule over the caseload. `jobs` worker processes share many cases
        (None: one a processor, see `pool.default_jobs`; 1: all in this process)."""
        import gc

        from gga_cli import pool
        from gga_cli.judging import settle
        from gga_cli.loader import load_single

        # Loading makes many small objects and few cycles: the collector's default of a pass
        # every 700 allocations scanned the imported modules again and again (about 5 % of a
        # check). What is imported is set aside for good; the young generation is collected
        # less often. The worker processes inherit both.
        gc.freeze()
        gc.set_threshold(100_000, 50, 100)

        report = Report(files=int(self.target.has_settings), diagnostics=list(self.settings_problems))
        for files, diagnostics in pool.each(self.folders, self._counted, jobs or pool.default_jobs()):
            report.cases += 1
            report.files += files
            report.diagnostics += diagnostics
        for single in self.target.singles:
            report.files += 1
            report.diagnostics += settle(load_single(single, self.root, self.lang), None, self.ctx)
        report.diagnostics.sort(key=Diagnostic.sort_key)
        return report

    def rows(self, start: Start | None = None) -> list[Row]:
        """Every case as a board row: from the cache in `.gga/` where its folder is unchanged,
        loaded and judged otherwise. `start(n)` is told how many must be loaded."""
        from gga_cli.cache import rows

        return rows(self, start)

    def board(self, keep: Filter | None = None, start: Start | None = None) -> list[Row]:
        """The rows `gga status` shows, most urgent first."""
        from gga_cli.board import Filter, board

        return board(self.rows(start), self.today, keep or Filter())

    def agenda(self, days: int) -> list[AgendaItem]:
        """Every case's deadlines overdue now or due within `days` days, by date, then case and rule."""
        from gga_cli.agenda import items

        found: list[AgendaItem] = []
        for folder in self.folders:
            case, _ = self.load(folder)
            found += items(case, self.ctx, days)
        found.sort(key=lambda i: (i.due, i.case, i.code, i.what))
        return found

    def record(self, folder: Path, plan: Planner, force_reason: str | None = None) -> Outcome:
        """Make one recording in a case folder (see `transaction.apply`)."""
        from gga_cli.transaction import apply

        return apply(self, folder, plan, force_reason)

    def handover(self, folder: Path, fmt: Format, to: str | None, out: Path | None, draft: bool, cwd: Path) -> Product:
        """The handover report of a case: what to write and what to print (see `handover.produce`)."""
        from gga_cli.handover import produce

        case, diagnostics = self.load(folder)
        problems = [d for d in self.settings_problems + diagnostics if d.severity is Severity.ERROR]
        return produce(case, self.settings, self.ctx, problems, fmt, to, out, draft, cwd)

    def served(self, folder: Path, what: str, make: Callable[[], Served]) -> Served:
        """What a one-case command shows of a case (`what` names the view and everything it
        depends on besides the case, the day, the language and gga.toml): from the case's
        cache in `.gga/` while none of those changed, else made by `make` (and kept)."""
        from gga_cli.casecache import served

        return served(self, folder, what, make)

    def subset(self, folders: list[Path]) -> Caseload:
        """The same caseload, settings and day, with only these case folders."""
        other = dataclasses.replace(self.target, cases=folders, only_files={}, whole=False)
        copy = object.__new__(Caseload)
        copy.__dict__.update(self.__dict__)
        copy.target = other
        return copy
