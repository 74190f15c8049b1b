"""The schemas of every file in a case folder, and the loaded case they make up.

The modules of the file models do without `from __future__ import annotations`: their
field types are then objects when the class is made, where pydantic would otherwise make a
ForwardRef of every field's text and compile it (about 1 % of a recording's instructions).
An annotation that names its own class is written in quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from pydantic import BaseModel

from gga_cli.models.case import Case
from gga_cli.models.change_plan import ChangePlan
from gga_cli.models.entries import Contact, Score
from gga_cli.models.genogram import Genogram
from gga_cli.models.safeguarding_plan import SafeguardingPlan
from gga_cli.models.safety_plan import SafetyPlan


class FileKind(NamedTuple):
    """One file of a case folder: its name, its model, and whether it is a list of entries."""

    name: str
    model: type[BaseModel]
    entries: bool
    required: bool


FILE_KINDS: dict[str, FileKind] = {
    k.name: k
    for k in (
        FileKind("case.yaml", Case, False, True),
        FileKind("genogram.yaml", Genogram, False, True),
        FileKind("safety-plan.yaml", SafetyPlan, False, False),
        FileKind("change-plan.yaml", ChangePlan, False, False),
        FileKind("safeguarding-plan.yaml", SafeguardingPlan, False, False),
        FileKind("scores.yaml", Score, True, False),
        FileKind("contacts.yaml", Contact, True, False),
    )
}


def schema_name(file_name: str) -> str:
    """case.yaml -> case.schema.json: the JSON Schema an editor maps to the file."""
    return file_name.removesuffix(".yaml") + ".schema.json"


@dataclass
class CaseFolder:
    """One family's case as loaded: every file that validated, and where each file is.

    A file that is missing, or so broken that nothing of it validated, is None (or an
    empty list of entries); its problems are in the loader's diagnostics. `files` maps
    each file name present in the folder to its path relative to the caseload root.
    """

    id: str
    folder: str
    files: dict[str, str] = field(default_factory=dict)
    case: Case | None = None
    genogram: Genogram | None = None
    safety_plan: SafetyPlan | None = None
    change_plan: ChangePlan | None = None
    safeguarding_plan: SafeguardingPlan | None = None
    scores: list[Score] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)

    def path_of(self, file_name: str) -> str:
        """The file's path relative to the caseload root, whether or not it exists."""
        return self.files.get(file_name) or f"{self.folder}/{file_name}".lstrip("/")


__all__ = [
    "FILE_KINDS",
    "CaseFolder",
    "Case",
    "ChangePlan",
    "Contact",
    "FileKind",
    "Genogram",
    "SafeguardingPlan",
    "SafetyPlan",
    "Score",
    "schema_name",
]
