"""Pure builders of `gga check`'s text: a finding a line, and the summary under them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gga_cli.i18n import Lang, pick

if TYPE_CHECKING:
    from gga_cli.caseload import Report


def summary(report: Report, lang: Lang) -> str:
    """`5 zaken, 31 bestanden: 1 fout, 4 waarschuwingen`, in the report language."""
    def n(count: int, nl_one: str, nl_many: str, en_one: str, en_many: str) -> str:
        return f"{count} " + pick(lang, nl_one if count == 1 else nl_many, en_one if count == 1 else en_many)

    return (f"{n(report.cases, 'zaak', 'zaken', 'case', 'cases')}, {n(report.files, 'bestand', 'bestanden', 'file', 'files')}: "
            f"{n(report.errors, 'fout', 'fouten', 'error', 'errors')}, "
            f"{n(report.warnings, 'waarschuwing', 'waarschuwingen', 'warning', 'warnings')}")
