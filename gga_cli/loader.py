"""Loading a case folder: every file read, validated and cross-checked, never an exception.

`load_case` returns the case as far as it could be understood, with a diagnostic for
every problem found on the way (F001-F030), each at its file, line and column.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any


from gga_cli import blocklines, crosscheck, flowlines
from gga_cli.crypt.guard import plain
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.locate import Listing
from gga_cli.models import FILE_KINDS, CaseFolder, FileKind

from gga_cli.regularfile import Unreadable, read_regular
from gga_cli.validate import Validator, file_validator, validate
from gga_cli.text import holds_invisible
from gga_cli.yamlread import MAX_BYTES, Parsed, Problem, conflicts, decode, invisibles, parse


@cache
def _adapter(kind: FileKind) -> Validator:
    return file_validator(kind.model, kind.entries)


def attribute(file_name: str) -> str:
    """case.yaml -> case, safety-plan.yaml -> safety_plan: the CaseFolder attribute of a file."""
    return file_name.removesuffix(".yaml").replace("-", "_")


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_WARNINGS = frozenset({"F006"})  # invisible characters: the file is read, the text is suspect


def _diagnostics(problems: list[Problem], case: str | None, file: str) -> list[Diagnostic]:
    return [
        Diagnostic(p.code, Severity.WARNING if p.code in _WARNINGS else Severity.ERROR, case, file, p.line, p.column, p.message)
        for p in problems
    ]


def read(raw: bytes, lang: Lang) -> tuple[Parsed | None, list[Problem]]:
    """Bytes to parsed data: decoding, raw-line checks, then the parse.

    Files of one simple flow mapping a line (scores, contacts) are read by the fast line
    reader in `flowlines`, simple block files (case.yaml, the genogram and the plans) by
    the one in `blocklines`; each declines anything it does not fully understand, and the
    rest, and every hazard, goes through the event-level parse.
    """
    # merge conflict markers are looked for only where both fast readers decline the text:
    # each refuses a line at the left margin that is no entry, key or comment, and a marker
    # line is none of them (searching every file for the four markers cost about 2 % of a
    # cold check over 1,000 generated cases)
    text, problems = decode(raw, lang)
    if text is None:
        return None, problems
    hidden = invisibles(text, lang) if holds_invisible(text) else []
    fast = flowlines.read(text)
    if fast is None:
        fast = blocklines.read(text)
    if fast is not None:
        return fast, hidden
    problems = conflicts(text, lang)
    if problems:
        return None, problems
    parsed, problems = parse(text, lang)
    return parsed, hidden + problems


def read_file(path: Path, lang: Lang, listed_regular: bool = False) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or why it could not be read (a folder, a FIFO, a device, a link
    that loops or leads nowhere, no permission, too large).

    Raises Encrypted where the file is an age file git left encrypted (no key): a command
    refuses whole rather than judge ciphertext.
    """
    try:
        return plain(read_regular(path, MAX_BYTES, lang, listed_regular), path), []
    except Unreadable as err:
        return None, [Problem(err.code, None, None, err.message)]


def load_document(raw: bytes, kind: FileKind, lang: Lang) -> tuple[Any, list[Problem]]:
    """One file's bytes to its validated model (or list of entries), with its problems."""
    parsed, problems = read(raw, lang)
    if parsed is None:
        return None, problems
    data = parsed.data
    if data is None:
        data = [] if kind.entries else {}
        parsed.data = data
    if kind.entries and not isinstance(data, list):
        problems.append(Problem("F010", 1, 1, pick(lang, "het bestand moet een lijst van regels zijn (- {...})", "the file must be a list of entries (- {...})")))
        return None, problems
    if not kind.entries and not isinstance(data, dict):
        problems.append(Problem("F010", 1, 1, pick(lang, "het bestand moet een mapping van sleutels zijn (sleutel: waarde)", "the file must be a mapping of keys (key: value)")))
        return None, problems
    value, schema_problems = validate(_adapter(kind), parsed, lang)
    return value, problems + schema_problems


Documents = dict[str, tuple[bytes, Any, tuple[Problem, ...]]]
"""Files validated before, by name: the bytes read, the validated value and the file's problems."""


@cache
def _real(root: Path) -> Path:
    return root.resolve()


def _names(folder: Path) -> frozenset[str] | None:
    """The names in a case folder; None where it cannot be listed (a folder one may enter
    but not read: its files are then looked for one by one)."""
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return None


def load_case(
    folder: Path, root: Path, lang: Lang, today: dt.date, overrides: Mapping[str, bytes] | None = None,
    documents: Documents | None = None, listing: Listing | None = None,
) -> tuple[CaseFolder, list[Diagnostic]]:
    """Load one case folder: each of its files, then the checks across files.

    `overrides` maps a file name to bytes read in place of the file on disk (present or
    not): a recording command validates the whole case with its edit before writing it.
    `documents` holds those validated before (this load adds what it validates): a file
    read again with the very same bytes, in the same language, is not parsed and validated
    again, as the case after a recording's edit differs from the one before in the edited
    files only. Every file is still read, and the checks across files run on the whole case.

    `listing` is the folder as the caseload's walk found it a moment before (`locate`):
    where it really is and what it holds, so that it is not resolved and listed again.
    """
    overrides = overrides or {}
    # where the folder really is, once (`relative` and `outside` each resolved it; the root
    # once a process): a case inside the caseload, or a link that leads out of it
    real, real_root = listing.real if listing is not None else folder.resolve(), _real(root)
    inside = real.is_relative_to(real_root)
    rel = real.relative_to(real_root).as_posix() if inside else folder.as_posix()
    case = CaseFolder(id=folder.name, folder="" if rel == "." else rel)
    diagnostics: list[Diagnostic] = []
    if not inside:
        return case, [Diagnostic("F007", Severity.ERROR, case.id, os.path.relpath(folder, root).replace(os.sep, "/"), None, None, pick(
            lang, f"de zaakmap is een link naar {real}, buiten de caseload; gga leest er niets door",
            f"the case folder is a link to {real}, outside the caseload; gga reads nothing through it"))]
    # one listing of the folder for every file kind and the unknown ones
    names = listing.names if listing is not None else _names(folder)
    regular = listing.regular if listing is not None else frozenset()
    for name, kind in FILE_KINDS.items():
        file = case.path_of(name)
        # a link to nowhere is there, and broken (it is listed; lexists sees it too)
        if name not in overrides and not (name in names if names is not None else os.path.lexists(folder / name)):
            if kind.required:
                diagnostics.append(
                    Diagnostic("F030", Severity.ERROR, case.id, file, None, None,
                               pick(lang, f"de zaakmap mist {name}", f"the case folder lacks {name}"))
                )
            continue
        case.files[name] = file
        raw, problems = (overrides[name], []) if name in overrides else read_file(folder / name, lang, name in regular)
        value = None
        if raw is not None:
            before = documents.get(name) if documents is not None else None
            if before is not None and before[0] == raw:
                value, more = before[1], list(before[2])
            else:
                value, more = load_document(raw, kind, lang)
                if documents is not None:
                    documents[name] = (raw, value, tuple(more))
            problems += more
        diagnostics += _diagnostics(problems, case.id, file)
        if value is not None:
            setattr(case, attribute(name), value)
    unknown = (name for name in names or () if name not in FILE_KINDS and os.path.splitext(name)[1] in (".yaml", ".yml"))
    for extra in sorted(folder / name for name in unknown):
        known = ", ".join(FILE_KINDS)
        diagnostics.append(
            Diagnostic("F010", Severity.ERROR, case.id, relative(extra, root), None, None,
                       pick(lang, f"onbekend bestand in de zaakmap; gga leest alleen {known}",
                            f"unknown file in the case folder; gga reads only {known}"))
        )
    diagnostics += crosscheck.check(case, lang, today)
    return case, diagnostics


def load_single(path: Path, root: Path, lang: Lang) -> list[Diagnostic]:
    """Check one YAML file outside any case folder, by its name where gga knows it."""
    file = relative(path, root)
    raw, problems = read_file(path, lang)
    if raw is not None:
        kind = FILE_KINDS.get(path.name)
        if kind is not None:
            problems += load_document(raw, kind, lang)[1]
        else:
            problems += read(raw, lang)[1]
    return _diagnostics(problems, None, file)

