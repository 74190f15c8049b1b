"""Finding the one case a recording command works on: `--case ID_OR_PATH`, or the folder you are in."""

from __future__ import annotations

import re
from pathlib import Path

from gga_cli.caseload import CASE_FILE, SETTINGS, NotFound, find_cases, find_upwards, outside

_CASE_ID = re.compile(r"\d{4}-\d{4}")


def find_case(case: str | None, cwd: Path | None = None) -> Path:
    """The case folder: `case` as a folder (or its case.yaml), else as an id in the caseload
    whose gga.toml is at or above `cwd`; without `case`, the folder holding case.yaml at or
    above `cwd`. NotFound (wrong use, exit 2) where there is none."""
    cwd = cwd or Path.cwd()
    if case is None:
        folder = find_upwards(cwd, CASE_FILE)
        if folder is None:
            raise NotFound(f"no {CASE_FILE} at or above {cwd}: go to a case folder or pass --case ID_OR_PATH")
        return folder
    path = Path(case)
    path = path if path.is_absolute() else cwd / path
    if path.is_dir() and (path / CASE_FILE).is_file():
        return path.resolve()
    if path.name == CASE_FILE and path.is_file():
        return path.parent.resolve()
    if not _CASE_ID.fullmatch(case):
        raise NotFound(f"--case {case}: no case folder (a folder holding {CASE_FILE}) and no case id YYYY-NNNN")
    root = find_upwards(cwd, SETTINGS)
    if root is None:
        raise NotFound(f"--case {case}: no caseload ({SETTINGS}) at or above {cwd} to look the id up in")
    found = [folder for folder in find_cases(root) if folder.name == case]
    if not found:
        raise NotFound(f"--case {case}: no case with that id in the caseload at {root}")
    if len(found) > 1:
        places = ", ".join(str(folder.relative_to(root)) for folder in found)
        raise NotFound(f"--case {case}: more than one folder has that id ({places}); pass the folder instead")
    elsewhere = outside(found[0], root)
    if elsewhere is not None:
        raise NotFound(f"--case {case}: the case folder is a link to {elsewhere}, outside the caseload at {root}; gga does not follow it")
    return found[0].resolve()


def caseload_root(folder: Path) -> Path:
    """The caseload a case belongs to: where gga.toml is, else the folder above the case."""
    return find_upwards(folder, SETTINGS) or folder.resolve().parent
