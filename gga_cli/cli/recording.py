"""What the four recording commands share: their options, errors turned into exit codes,
`--commit`, and the feedback after a write (what was recorded, how the findings changed)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gga_cli import console
from gga_cli.cli.common import EXIT_NOT_COMMITTED, Refused, UsageError

if TYPE_CHECKING:
    from gga_cli.record import Outcome

CommitOpt = Annotated[
    bool, typer.Option("--commit", help="Commit the changed files to git; the message holds the case id and action only.")
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Do it although the rules for the step fail: records a waiver for each, with --force-reason.")
]
ForceReasonOpt = Annotated[
    str | None, typer.Option("--force-reason", metavar="TEXT", help="Why the failing rules do not apply (stored in each waiver).")
]


@contextlib.contextmanager
def recording() -> Iterator[None]:
    """The core's refusals as the CLI's: bad input exit 2, a refusal exit 1."""
    from gga_cli.gitcommit import GitError
    from gga_cli.record import Invalid, Refusal

    try:
        yield
    except Invalid as err:
        raise UsageError(str(err)) from None
    except Refusal as err:
        raise Refused(str(err)) from None
    except GitError as err:
        raise UsageError(str(err)) from None


def ids(value: str | None, option: str) -> list[str] | None:
    """Comma-separated ids; an option given that names nobody is wrong use."""
    if value is None:
        return None
    found = [part.strip() for part in value.split(",") if part.strip()]
    if not found:
        raise UsageError(f"{option} '{value}' names nobody: give ids separated by commas, e.g. {option} els,sjors")
    return found


def force_reason(force: bool, reason: str | None) -> str | None:
    """The waiver reason where --force is given; each flag needs the other."""
    if force and not (reason and reason.strip()):
        raise UsageError("--force needs --force-reason TEXT: why the failing rules do not apply to this case")
    if reason is not None and not force:
        raise UsageError("--force-reason goes with --force")
    return reason if force else None


def check_git(commit: bool, folder: Path) -> None:
    """With --commit, the case must be in a git repository and its folder named after the id
    in case.yaml (the only name a message may hold): checked before anything is written."""
    if commit:
        from gga_cli.gitcommit import UnsureId, case_id, repository

        with recording():
            repository(folder)
        try:
            case_id(folder)
        except UnsureId as err:
            raise Refused(str(err)) from None


def finish(outcome: Outcome, commit: bool, action: str) -> int:
    """Print what was recorded and how the findings changed; commit where asked.

    A commit that fails after the files were written (a pre-commit hook said no) is exit 3:
    not 1, which promises that nothing changed.
    """
    show(outcome)
    if commit:
        from gga_cli.gitcommit import GitError, UnsureId, case_id
        from gga_cli.gitcommit import commit as git_commit

        changed = ", ".join(path.name for path in outcome.written)
        try:
            message = f"{case_id(outcome.folder)}: {action}"
            ref = git_commit(outcome.written, message)
        except (GitError, UnsureId) as err:
            console.error(f"the recording WAS written to {changed}, but NOT committed ({err}): commit it yourself, or undo it with git")
            return EXIT_NOT_COMMITTED
        console.note(f"git commit {ref}: {message}")
    return 0


def feedback(outcome: Outcome) -> list[str]:
    """The lines shown after a recording, in the report language."""
    from gga_cli.casefind import caseload_root
    from gga_cli.i18n import long_date, pick
    from gga_cli.loader import relative

    lang = outcome.lang
    root = caseload_root(outcome.folder)
    where = ", ".join(relative(path, root) for path in outcome.written)
    lines = []
    if outcome.finished:
        done = ", ".join(outcome.finished)
        lines.append(pick(lang, f"Eerst afgemaakt: een onderbroken vastlegging in {done}.",
                          f"Finished first: an interrupted recording in {done}."))
    lines.append(pick(lang, f"Vastgelegd in {where}:", f"Recorded in {where}:"))
    lines += [f"  {said}" for said in outcome.recorded]
    for d in outcome.resolved:
        lines.append(pick(lang, f"{d.code} opgelost: {d.message}", f"{d.code} resolved: {d.message}"))
    for d in outcome.new:
        severity = pick(lang, "fout" if d.severity.value == "error" else "waarschuwing", d.severity.value)
        lines.append(pick(lang, f"nieuw ({severity}) {d.code}: {d.message}", f"new ({severity}) {d.code}: {d.message}"))
    for deadline in outcome.met:
        lines.append(pick(lang, f"{deadline.code} gedaan: {deadline.what}", f"{deadline.code} done: {deadline.what}"))
    for deadline in outcome.coming:
        lines.append(pick(lang, f"{deadline.code}: {deadline.what}, uiterlijk {long_date(deadline.due, lang)}",
                          f"{deadline.code}: {deadline.what}, due {long_date(deadline.due, lang)}"))
    return lines


def show(outcome: Outcome) -> None:
    for text in feedback(outcome):
        console.line(text)
