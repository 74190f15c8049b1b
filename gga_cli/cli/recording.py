"""What the four recording commands share: their options, `--commit`, and the feedback after
a write (what was recorded, how the findings changed)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gga_cli import console
from gga_cli.errors import Refused, UsageError

if TYPE_CHECKING:
    from gga_cli.transaction import Outcome

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
def gated() -> Iterator[None]:
    """A step the rules refuse is offered with --force, the way to go ahead with a waiver."""
    from gga_cli.i18n import pick
    from gga_cli.transaction import Gate

    try:
        yield
    except Gate as err:
        lang = err.lang
        raise Refused(str(err) + "\n" + pick(
            lang, "(of --force --force-reason TEKST om het toch te doen, met een uitzondering in case.yaml)",
            "(or --force --force-reason TEXT to do it anyway, recording a waiver in case.yaml)")) from None


def ids(value: str | None, option: str) -> list[str] | None:
    """Comma-separated ids; an option given that names nobody is wrong use."""
    if value is None:
        return None
    found = [part.strip() for part in value.split(",") if part.strip()]
    if not found:
        raise UsageError(f"{option} '{value}' names nobody: give ids separated by commas, e.g. {option} els,sjors")
    return found


def text(value: str | None, option: str) -> str | None:
    """Free text from the command line, as given; wrong use where it holds what no file should."""
    from gga_cli.text import checked

    return checked(value, option.removeprefix("--").replace("-", "_"))


def force_reason(force: bool, reason: str | None) -> str | None:
    """The waiver reason where --force is given; each flag needs the other."""
    if force and not (reason and reason.strip()):
        raise UsageError("--force needs --force-reason TEXT: why the failing rules do not apply to this case")
    if reason is not None and not force:
        raise UsageError("--force-reason goes with --force")
    return text(reason, "--force-reason") if force else None


def check_git(commit: bool, folder: Path) -> None:
    """With --commit, the case must be in a git repository and its folder named after the id
    in case.yaml (the only name a message may hold): checked before anything is written."""
    if commit:
        from gga_cli.gitcommit import case_id, repository

        repository(folder)
        case_id(folder)


def finish(outcome: Outcome, commit: bool, action: str) -> int:
    """Print what was recorded and how the findings changed; commit where asked.

    A commit that fails after the files were written (a pre-commit hook said no) is exit 3:
    not 1, which promises that nothing changed.
    """
    from gga_cli.views.recording import feedback

    for line in feedback(outcome):
        console.line(line)
    if commit:
        from gga_cli.errors import NotCommitted
        from gga_cli.gitcommit import GitError, UnsureId, case_id
        from gga_cli.gitcommit import commit as git_commit

        changed = ", ".join(path.name for path in outcome.written)
        try:
            message = f"{case_id(outcome.folder)}: {action}"
            ref = git_commit(outcome.written, message)
        except (GitError, UnsureId) as err:
            raise NotCommitted(f"the recording WAS written to {changed}, but NOT committed ({str(err).lstrip(': ')}): "
                               "commit it yourself, or undo it with git") from None
        console.note(f"git commit {ref}: {message}")
    return 0
