"""Diagnostics: what `gga check` finds, as plain values."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

Where = Literal["column", "line", "file", "none"]
"""How much of a finding's place a line shows: `file:line:column: severity` (what editors
jump to), `file:line:`, `file:`, or none (a rule that blocks a step, named by its code)."""


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding at one place: a file problem (F code) or a rule of the method (G code).

    `file` is relative to the caseload root, with forward slashes; `line` and `column` are
    1-based, or None where no place in a file fits (a missing file, a missing part).
    """

    code: str
    severity: Severity
    case: str | None
    file: str | None
    line: int | None
    column: int | None
    message: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.code)

    def text(self, where: Where = "column") -> str:
        """The finding as one line: `file:line:column: severity code message` (see `Where`).
        A newline in the message is shown as `\\n`, so no message can forge a second line."""
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")
        if where == "none":
            return f"{self.code} {message}"
        parts = [self.file or "gga.toml"]
        if where != "file" and self.line is not None:
            parts.append(str(self.line))
            if where == "column" and self.column is not None:
                parts.append(str(self.column))
        place = ":".join(parts)
        if where == "column":
            return f"{place}: {self.severity.value} {self.code} {message}"
        return f"{place}: {self.code} {message}"

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "case": self.case,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def count(diagnostics: list[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity is severity)


def listing(diagnostics: list[Diagnostic], where: Where = "line") -> list[str]:
    """Findings as indented lines under a message that names why a command stopped."""
    return [f"  {d.text(where)}" for d in diagnostics]
