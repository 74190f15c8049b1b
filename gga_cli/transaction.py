"""Recording the work in a case: edit, validate the whole case, write atomically, under a lock.

Every recording command goes through `apply`: with the case folder's lock held it reads
the files, makes its edit as pure text functions (`edits`), loads the whole case with the
new text in place of the old (`loader.load_case(overrides=...)`), and writes only when the
edit brings no new problem. Problems that were there before (a broken genogram, an old
score with a typo) do not block recording a score: a worker right after a visit must be
able to record it, and the old problems are `gga check`'s to report. What the edit itself
would add (score 11, an unknown id, a date after today) refuses it, and nothing is written.

The findings of the G rules before and after are compared, so that the command can say
what the recording changed ("G109 opgelost").
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from gga_cli import atomic
from gga_cli.crypt.guard import plain
from gga_cli.diagnostics import Diagnostic, Severity, listing
from gga_cli.edits import EditError
from gga_cli.errors import Invalid, Refused
from gga_cli.i18n import Lang, pick
from gga_cli.judging import deadlines, judge, settle
from gga_cli.models import CaseFolder
from gga_cli.rules import Context, Deadline

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload
    from gga_cli.loader import Documents

LOCK_TIMEOUT_ENV = "GGA_LOCK_TIMEOUT"
MAX_LOCK_TIMEOUT = 600.0  # ten minutes: longer is no wait a worker means, and inf or nan would never end
_UNREADABLE = ("F001", "F003", "F004", "F005", "F007")  # no YAML, forbidden constructs, conflict markers, too large, no regular file


class Gate(Refused):
    """The rules for the step fail on the case as it would be: nothing changed. `failing`
    names them; the caller may offer to go ahead with a waiver."""

    def __init__(self, message: str, failing: list[Diagnostic], lang: Lang) -> None:
        super().__init__(message)
        self.failing = failing
        self.lang = lang


@dataclass
class Edit:
    """What a recording makes of the files: new texts by file name, and what it recorded, in words."""

    texts: dict[str, str] = field(default_factory=dict)
    recorded: list[str] = field(default_factory=list)
    gate: tuple[str, ...] = ()  # rules that must not fail after the edit (a phase step, closing)


@dataclass
class Files:
    """The current texts of a case folder, read under the lock (None: the file does not exist)."""

    folder: Path
    root: Path
    lang: Lang = "nl"
    unreadable: dict[str, list[Diagnostic]] = field(default_factory=dict)  # files gga cannot parse, and why
    documents: Documents = field(default_factory=dict)  # what the loads of this recording validated, by file

    def text(self, name: str) -> str | None:
        if name in self.unreadable:
            lines = "\n".join(listing(self.unreadable[name]))
            raise Refused(pick(self.lang, f"{name}: gga schrijft niet in een bestand dat het niet kan lezen; los eerst dit op:\n{lines}",
                               f"{name}: gga does not write into a file it cannot read; fix this first:\n{lines}"))
        path = self.folder / name
        try:
            raw = plain(path.read_bytes(), path)
        except FileNotFoundError:
            return None
        except OSError as err:
            raise Refused(f"{name}: cannot read it: {err.strerror}") from None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(f"{name} is not UTF-8: run `gga check` and fix it first") from None

    def modeline(self, name: str) -> str | None:
        """The schema modeline a new file starts with, pointing at the caseload's schemas/."""
        if not (self.root / "gga.toml").is_file():
            return None
        from gga_cli.jsonschema import modeline

        return modeline(self.root, self.folder, name)


Planner = Callable[[CaseFolder, Files, Context], Edit]


@dataclass
class Outcome:
    """What a recording did: the files written, what it recorded, and how the findings changed."""

    case: str
    folder: Path
    lang: Lang
    written: list[Path]
    recorded: list[str]
    resolved: list[Diagnostic]
    new: list[Diagnostic]
    coming: list[Deadline]  # deadlines this recording set or moved
    met: list[Deadline] = field(default_factory=list)  # deadlines this recording met
    waived: list[Diagnostic] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)  # files of an interrupted recording, completed first


def lock_timeout() -> float:
    """Seconds to wait for another gga process's lock on a case (GGA_LOCK_TIMEOUT, default 10)."""
    value = os.environ.get(LOCK_TIMEOUT_ENV)
    if not value:
        return atomic.LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        raise Invalid(f"{LOCK_TIMEOUT_ENV}={value} is no number of seconds") from None
    if not 0 <= seconds <= MAX_LOCK_TIMEOUT:  # also nan, which compares false with anything
        raise Invalid(f"{LOCK_TIMEOUT_ENV}={value}: give a number of seconds from 0 to {MAX_LOCK_TIMEOUT:g}")
    return seconds


def _key(d: Diagnostic) -> tuple[str, str | None, str]:
    """A finding without its line: an edit above it moves it without changing it."""
    return (d.code, d.file, d.message)


def _minus(after: list[Diagnostic], before: list[Diagnostic]) -> list[Diagnostic]:
    """The findings of `after` not in `before`, counting repeats."""
    left = Counter(_key(d) for d in before)
    out: list[Diagnostic] = []
    for d in after:
        if left[_key(d)] > 0:
            left[_key(d)] -= 1
        else:
            out.append(d)
    return out


def waiver_entry(code: str, reason: str) -> str:
    from gga_cli.edits import flow_mapping, quoted

    return flow_mapping([("rule", code), ("reason", quoted(reason))])


def _load(caseload: Caseload, files: Files, texts: dict[str, str]) -> tuple[CaseFolder, list[Diagnostic]]:
    """The case with the new texts in place of the old; a file of the same bytes as in an
    earlier load of this recording is not validated again (the case after a score differs
    from the one before in scores.yaml only)."""
    overrides = {name: text.encode("utf-8") for name, text in texts.items()}
    case, diagnostics = caseload.load(files.folder, overrides, files.documents)
    return case, settle(diagnostics, case, caseload.ctx)


def _refuse_new_problems(before: list[Diagnostic], after: list[Diagnostic], lang: Lang) -> None:
    new = [d for d in _minus(after, before) if d.severity is Severity.ERROR]
    if new:
        # the lines of the new text are no help: the file on disk never held it
        lines = "\n".join(listing(new, "file"))
        raise Invalid(pick(lang, f"niets vastgelegd; de invoer klopt niet:\n{lines}", f"nothing recorded; the input is not right:\n{lines}"))


def _write(files: Files, texts: dict[str, str], lang: Lang) -> list[Path]:
    """Every new text in place, or none: two files go through a journal (`journal`)."""
    from gga_cli.journal import write_together

    try:
        return write_together(files.folder, texts)
    except OSError as err:
        names = ", ".join(texts)
        unchanged = pick(lang, f"{names} is niet veranderd", f"{names} is unchanged") if len(texts) == 1 else \
            pick(lang, f"{names} zijn niet veranderd", f"{names} are unchanged")
        raise Refused(pick(lang, f"kan {names} niet schrijven: {err.strerror or err}; {unchanged}",
                           f"cannot write {names}: {err.strerror or err}; {unchanged}")) from None


def _finish_interrupted(folder: Path) -> list[str]:
    """A recording killed halfway is completed first (its journal), or nothing happens now."""
    from gga_cli.journal import JournalError, recover

    try:
        return recover(folder)
    except JournalError as err:
        raise Refused(str(err)) from None


def apply(caseload: Caseload, folder: Path, plan: Planner, force_reason: str | None = None) -> Outcome:
    """Make one recording in a case folder: the core every recording command shares.

    Where the edit names a gate, its rules are judged on the case as it would be after the
    edit (with the organisation's severities and the case's waivers); a failing rule
    refuses the edit, or with `force_reason` is recorded as a waiver with that reason.
    """
    ctx = caseload.ctx
    files = Files(folder, caseload.root, ctx.lang)
    timeout = lock_timeout()
    try:
        with atomic.locked(folder, timeout):
            finished = _finish_interrupted(folder)
            before_case, before_load = _load(caseload, files, {})
            for d in before_load:
                if d.code in _UNREADABLE and d.file is not None:
                    files.unreadable.setdefault(Path(d.file).name, []).append(d)
            try:
                edit = plan(before_case, files, ctx)
            except EditError as err:
                raise Refused(pick(ctx.lang, f"kan het bestand niet veilig bewerken: {err}", f"cannot edit the file safely: {err}")) from None
            after_case, after_load = _load(caseload, files, edit.texts)
            _refuse_new_problems(before_load, after_load, ctx.lang)
            waived: list[Diagnostic] = []
            after_rules = settle(judge(after_case, ctx), after_case, ctx)
            failing = [d for d in after_rules if d.code in edit.gate]
            if failing and force_reason is None:
                lines = "\n".join(listing(failing, "none"))
                raise Gate(pick(ctx.lang, f"niets veranderd; eerst moet dit in orde zijn:\n{lines}",
                                f"nothing changed; first this must be in order:\n{lines}"), failing, ctx.lang)
            if failing and force_reason is not None:
                try:
                    edit.texts["case.yaml"] = _waive(files, edit, failing, force_reason, ctx.lang)
                except EditError as err:
                    raise Refused(pick(ctx.lang, f"kan case.yaml niet veilig bewerken: {err}", f"cannot edit case.yaml safely: {err}")) from None
                after_case, after_load = _load(caseload, files, edit.texts)
                _refuse_new_problems(before_load, after_load, ctx.lang)
                after_rules = settle(judge(after_case, ctx), after_case, ctx)
                waived = failing
            before = before_load + settle(judge(before_case, ctx), before_case, ctx)
            after = after_load + after_rules
            written = _write(files, edit.texts, ctx.lang)
    except atomic.LockTimeout:
        raise Refused(pick(ctx.lang,
                           f"een ander gga-proces bewerkt zaak {folder.name} al langer dan {timeout:g} s; niets vastgelegd: probeer het opnieuw",
                           f"another gga process has been changing case {folder.name} for over {timeout:g} s; nothing recorded: try again")) from None
    old, now = deadlines(before_case, ctx), deadlines(after_case, ctx)
    added = [d for d in now if d not in old]
    # a deadline gone while its rule set no new one was met by this recording (a moved one was not)
    met = [d for d in old if d not in now and all(n.code != d.code for n in added)]
    return Outcome(
        case=before_case.id, folder=folder, lang=ctx.lang, written=written, recorded=edit.recorded,
        resolved=_minus(before, after), new=_minus(after, before), coming=added, met=met, waived=waived,
        finished=finished,
    )


def _waive(files: Files, edit: Edit, failing: list[Diagnostic], reason: str, lang: Lang) -> str:
    """case.yaml with a waiver for each failing rule of the gate, with the reason given."""
    from gga_cli.edits import append_item

    text = edit.texts.get("case.yaml") or files.text("case.yaml") or ""
    for code in dict.fromkeys(d.code for d in failing):
        text = append_item(text, "waivers", waiver_entry(code, reason))
        edit.recorded.append(pick(lang, f"uitzondering op {code}: {reason}", f"waiver of {code}: {reason}"))
    return text
