"""The one error type of gga: what the user should read, and the exit code it ends with.

Every failure a user can cause, in the library or in a library underneath it, is raised
as a `GgaError` (or one of the kinds below); the CLI turns it into one line on stderr and
its exit code in one place (`gga_cli.cli.common.handles_errors`). cli.md's codes:
0 done, 1 errors found or refused (nothing changed), 2 wrong use; and 3, which cli.md
leaves free, where `--commit` failed after the files were changed.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FOUND = 1  # errors found in the data, or the command refused and changed nothing
EXIT_USAGE = 2  # wrong use: unknown flag, bad value, path or case not found
EXIT_NOT_COMMITTED = 3  # --commit: the files WERE changed, the git commit failed


class GgaError(Exception):
    """An expected failure: its message is for the user, `exit_code` for the shell.

    `about` names the argument the message is about (`date`, `case`, `note`): the command
    line shows it as its flag (`--date 2026-11-26 ligt na vandaag`), another front end as
    its own field, so the library never spells a flag.
    """

    exit_code = EXIT_FOUND

    def __init__(self, message: str, about: str | None = None) -> None:
        super().__init__(message)
        self.about = about

    def said(self, name: str | None = None) -> str:
        """The message, led by the name of the argument it is about (`name`, else `about`):
        `--date 2026-11-26 ligt na vandaag`, `--note: control character U+0007`."""
        message = str(self)
        name = name or self.about
        if name is None:
            return message
        return f"{name}{message}" if message.startswith(":") else f"{name} {message}"


class Refused(GgaError):
    """The command will not do it now (rules for the step fail, case closed, lock busy):
    exit 1, nothing changed."""

    exit_code = EXIT_FOUND


class UsageError(GgaError):
    """The user asked for something that cannot be (a bad value, a file that is not there): exit 2."""

    exit_code = EXIT_USAGE


class NotFound(UsageError):
    """A path, case or caseload the user named does not exist: wrong use, exit 2."""


class Invalid(UsageError):
    """The input would make the case wrong (score 11, an unknown id): wrong use, exit 2, nothing written."""


class Refusals(Refused):
    """A refusal with several reasons, each on its own line."""

    def __init__(self, reasons: list[str], about: str | None = None) -> None:
        super().__init__("\n".join(reasons), about)
        self.reasons = reasons


class NotCommitted(GgaError):
    """`--commit`: the recording was written, the git commit failed (a hook said no): exit 3,
    since 1 promises that nothing changed."""

    exit_code = EXIT_NOT_COMMITTED
