"""Diagnostics: what `gga check` finds, as plain values."""

from __future__ import annotations

import enum
from dataclasses import dataclass


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
