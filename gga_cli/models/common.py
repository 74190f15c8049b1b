"""Value types shared by every file kind.

The loader hands the schema text only (every YAML scalar is read as a string), so each
type converts from text itself, strictly: `no` stays the word "no", `0612345678` keeps
its zero, `1:30` is no number. Each type also says how it looks in the JSON Schema that
editors read, where YAML 1.2 gives numbers and booleans their own types.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema
from pydantic_core import PydanticCustomError

from gga_cli.dates import EARLIEST, EARLIEST_BIRTH, LATEST, in_span

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")
_INT = re.compile(r"[0-9]{1,6}")
_ID = r"^[a-z][a-z0-9_-]*$"
_CASE_ID = r"^[0-9]{4}-[0-9]{4}$"


def fail(nl: str, en: str) -> PydanticCustomError:
    """A schema error in both report languages (see models.errors)."""
    return PydanticCustomError("gga", "{en}", {"nl": nl, "en": en})


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _in_span(day: dt.date, earliest: dt.date, shown: str) -> dt.date:
    if not in_span(day, earliest):
        raise fail(f"{shown} ligt buiten {earliest.year}..{LATEST.year}: een tikfout?",
                   f"{shown} is outside {earliest.year}..{LATEST.year}: a typo?")
    return day


def _parse_date(value: Any, earliest: dt.date) -> Any:
    if isinstance(value, dt.date):
        return _in_span(value, earliest, value.isoformat())
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise fail(f"'{_shown(value)}' is geen datum JJJJ-MM-DD", f"'{_shown(value)}' is no date YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{value} bestaat niet", f"{value} does not exist") from None
    return _in_span(day, earliest, value)


_DAYS: dict[str, dt.date] = {}
"""Dates read before, by their text: a caseload's entries share a few thousand days, and
a day found here is neither matched, parsed nor checked again (about a quarter of the time
of validating the scores and contacts of 300 generated cases). Only dates that passed
every check are kept."""


def _to_date(value: Any) -> Any:
    if type(value) is str:
        day = _DAYS.get(value)
        if day is not None:
            return day
        day = _parse_date(value, EARLIEST)
        if len(_DAYS) >= 20_000:
            _DAYS.clear()
        _DAYS[value] = day
        return day
    return _parse_date(value, EARLIEST)


def _to_year_or_date(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and _YEAR.fullmatch(value):
        _in_span(dt.date(max(int(value), 1), 12, 31), EARLIEST_BIRTH, value)
        return int(value)
    if isinstance(value, dt.date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return _parse_date(value, EARLIEST_BIRTH)
    raise fail(f"'{_shown(value)}' is geen jaar JJJJ of datum JJJJ-MM-DD", f"'{_shown(value)}' is no year YYYY or date YYYY-MM-DD")


_SMALL_INTS = {str(n): n for n in range(100)}
"""The whole numbers a case file holds by the thousand (scores, phases), by their text:
found without the pattern and `int`."""


def _to_int(value: Any) -> Any:
    if type(value) is str:
        known = _SMALL_INTS.get(value)
        if known is not None:
            return known
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str) or not _INT.fullmatch(value):
        raise fail(f"'{_shown(value)}' is geen geheel getal", f"'{_shown(value)}' is no whole number")
    return int(value)


def _to_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise fail(f"'{_shown(value)}' is niet true of false", f"'{_shown(value)}' is not true or false")


Date = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
"""A calendar date, written YYYY-MM-DD."""

YearOrDate = Annotated[
    int | dt.date,
    BeforeValidator(_to_year_or_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": EARLIEST_BIRTH.year, "maximum": LATEST.year},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}-\d{2})?$"},
            ]
        }
    ),
]
"""A year alone (YYYY) or a full date: a birth date may be known only by its year."""


def earliest_day(value: int | dt.date | None) -> dt.date | None:
    """A date; a year alone (a birth year, a couple's year) counts from 1 January, the
    earliest day it allows."""
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date(value, 1, 1)


# The constraints (Field) stand before the converter (BeforeValidator): pydantic then checks
# them in its own str or int validator, which the converter's output goes through. After the
# converter, pydantic cannot put them in a str or int schema and checks them in Python calls,
# one a value: about 77,000 calls for 300 generated cases. Text needs no converter at all:
# the loader gives every scalar as text, and pydantic's strict str refuses anything else (a
# list, a mapping, nothing) itself, with no Python call a value (`errors.describe` words it).

Flag = Annotated[bool, BeforeValidator(_to_bool), WithJsonSchema({"type": "boolean"})]

Text = Annotated[
    str,
    Field(min_length=1, strict=True),
    WithJsonSchema({"type": ["string", "number", "boolean"]}),
]
"""Free text. YAML 1.2 editors may see `12` or `true` as other types; gga reads them as text."""

Id = Annotated[
    str,
    Field(pattern=_ID, strict=True),
    WithJsonSchema({"type": "string", "pattern": _ID}),
]
"""An id of a person, network member, bottom line, agreement or goal: lower-case."""

CaseId = Annotated[
    str,
    Field(pattern=_CASE_ID, strict=True),
    WithJsonSchema({"type": "string", "pattern": _CASE_ID}),
]


def _whole(low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high}


Phase = Annotated[int, Field(ge=1, le=3), BeforeValidator(_to_int), WithJsonSchema(_whole(1, 3))]
"""A phase of the method: 1, 2 or 3."""

ScoreValue = Annotated[int, Field(ge=1, le=10), BeforeValidator(_to_int), WithJsonSchema(_whole(1, 10))]
"""A safety score: a whole number from 1 (unsafe) to 10 (safe)."""


class Model(BaseModel):
    """Base of every file model: exactly the documented keys, nothing else.

    `_line` and `_column` hold where the entry stands in its file. They are private, so
    no YAML key can set them; the loader fills them in after validation.
    """

    # defer_build: a class's validator is compiled when first used, not at import; the
    # loader's adapter for a file compiles the whole tree of its file once, so the 40-odd
    # nested classes are never each compiled on their own (about 20 ms of every start)
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    _line: int | None = PrivateAttr(default=None)
    _column: int | None = PrivateAttr(default=None)

    # read from pydantic's store of private attributes: `self._line` goes through
    # BaseModel.__getattr__, a Python call, for every finding placed at an entry
    @property
    def line(self) -> int | None:
        private = self.__pydantic_private__
        return private.get("_line") if private is not None else None

    @property
    def column(self) -> int | None:
        private = self.__pydantic_private__
        return private.get("_column") if private is not None else None


# pydantic's BaseModel.__getattr__ reads private attributes and extra keys as attributes.
# A class with a __getattr__ of its own makes CPython look up every attribute of its
# instances through a slow hook, and keeps the interpreter from specialising the access:
# every `contact.date` a rule reads paid for it. gga's models (these and the settings')
# allow no extra keys and read their private attributes from pydantic's store (`line`,
# `column`), so the hook is taken off BaseModel in gga's process; an unknown attribute
# still raises AttributeError (tests/test_models.py). A cold check over 100 generated
# cases: 3,053 M -> 2,904 M instructions.
if "__getattr__" in vars(BaseModel):
    delattr(BaseModel, "__getattr__")  # mypy knows no __getattr__ (pydantic hides it from type checkers)


def empty() -> list[Any]:
    """A new empty list: the default factory of a list field. pydantic reads the signature
    of a field's default factory each time it builds a schema, and that of `list`, a
    builtin, is parsed from its text by the tokenizer: 27 list fields in a case, about
    6 ms of building the validators of its files, a fifth, in every command that loads one."""
    return []


def described(dutch: str, english: str, **kwargs: Any) -> Any:
    """A field with its Dutch term and meaning, shown by editors on hover."""
    return Field(description=f"{dutch}: {english}" if dutch else english, **kwargs)
