"""The file models as the rest of gga reads them: fields, places, and nothing else."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from gga_cli.loader import load_document
from gga_cli.models import FILE_KINDS
from gga_cli.models.entries import Contact, Score
from gga_cli.models.settings import Settings


def test_models_are_read_without_pydantics_attribute_hook() -> None:
    # taken off in models.common: every attribute of a model was looked up through it
    assert "__getattr__" not in vars(BaseModel)
    assert not any("__getattr__" in vars(cls) for cls in Score.__mro__)


def test_an_unknown_or_private_attribute_is_an_attribute_error() -> None:
    score = Score.model_validate({"date": "2026-02-04", "score": "3"})
    with pytest.raises(AttributeError, match="'Score' object has no attribute 'nope'"):
        score.nope  # type: ignore[attr-defined]  # noqa: B018
    # the place is read through `line` and `column`, never as the private attribute itself
    assert getattr(score, "_line", "absent") == "absent"
    assert (score.line, score.column) == (None, None)


def test_an_entry_knows_its_place_and_its_fields() -> None:
    raw = b"- {date: 2026-02-04, kind: phone}\n\n- {date: 2026-02-05, kind: home_visit, with: [els]}\n"
    contacts, problems = load_document(raw, FILE_KINDS["contacts.yaml"], "en")
    assert problems == []
    assert [(c.line, c.column) for c in contacts] == [(1, 3), (3, 3)]
    assert [c.kind for c in contacts] == ["phone", "home_visit"] and contacts[1].with_ == ["els"]
    assert contacts[0].model_dump() == Contact.model_validate({"date": "2026-02-04", "kind": "phone"}).model_dump()


def test_settings_are_read_as_attributes() -> None:
    settings = Settings()
    assert settings.deadlines.contact_gap_phase2 == 28
    with pytest.raises(AttributeError):
        settings.deadlines.nope  # type: ignore[attr-defined]  # noqa: B018
