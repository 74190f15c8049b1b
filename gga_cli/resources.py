"""Folders of data shipped with gga: report templates, JSON Schemas, the demo caseload.

In an installed wheel they sit inside the package (gga_cli/templates, ...); in a source
checkout, and so in an editable install, at the repository root where people edit them.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` (templates, schemas, examples) as shipped with this gga."""
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"gga is installed without its {name}/ folder")
