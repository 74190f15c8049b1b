"""JSON Schemas (draft-07) of every file kind, for editors and external validators.

Draft-07 because yaml-language-server, behind VS Code's YAML extension, reads no later
draft. Pydantic writes 2020-12 style references; they are moved to `definitions`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from gga_cli.models import FILE_KINDS, schema_name
from gga_cli.models.settings import Settings

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _draft07(schema: dict[str, Any], title: str, description: str) -> dict[str, Any]:
    definitions = schema.pop("$defs", None)
    out: dict[str, Any] = {"$schema": DRAFT_07, "title": title, "description": description}
    out.update(schema)
    out["title"] = title
    if definitions:
        out["definitions"] = definitions
    return out


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every file of a case folder and for gga.toml."""
    ref = "#/definitions/{model}"
    out: dict[str, dict[str, Any]] = {}
    for name, kind in FILE_KINDS.items():
        adapter: TypeAdapter[Any] = TypeAdapter(list[kind.model]) if kind.entries else TypeAdapter(kind.model)  # type: ignore[name-defined]
        schema = adapter.json_schema(ref_template=ref, by_alias=True)
        description = f"gga case file {name}" + (": one flow mapping a line, newest last" if kind.entries else "")
        out[schema_name(name)] = _draft07(schema, name, description)
    settings = Settings.model_json_schema(ref_template=ref, by_alias=True)
    out["gga.schema.json"] = _draft07(settings, "gga.toml", "settings of a gga caseload")
    return out


def render(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


SCHEMA_DIR = "schemas"


def modeline(root: Path, folder: Path, file_name: str) -> str:
    """The first line of a case file that points yaml-language-server (VS Code's YAML
    extension) at the caseload's schema for it: `# yaml-language-server: $schema=...`."""
    target = root / SCHEMA_DIR / (file_name.removesuffix(".yaml") + ".schema.json")
    return "# yaml-language-server: $schema=" + Path(os.path.relpath(target, folder)).as_posix()
