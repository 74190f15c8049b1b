"""Schema validation of parsed data, with every error placed at its line and column.

An entry that breaks the schema is reported (F010) and left out, so the rules still judge
the rest of the file: after reporting, a bad optional value is dropped, then a list entry
that still fails, and only a file whose top level cannot stand is given up.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import SchemaValidator

from gga_cli.i18n import Lang, pick
from gga_cli.models.common import Model
from gga_cli.models.errors import describe
from gga_cli.yamlread import Parsed, Path, Problem, node_at

_ROUNDS = 6


def _in_data(data: Any, loc: tuple[Any, ...]) -> Path:
    """The error's location as a path in the data, leaving out pydantic's own markers."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif node is None and isinstance(part, str):
            path.append(part)  # a missing key: the path names it, the data has nothing
        # anything else is a marker of pydantic's (a union member, a validator)
    return tuple(path)


def _kept(dropped: dict[Path, set[int]], path: Path, length: int) -> list[int]:
    gone = dropped.get(path, set())
    return [i for i in range(length) if i not in gone]


def _clean(data: Any, path: Path, dropped: dict[Path, set[int]], removed: set[Path], forced: dict[Path, dict[str, Any]]) -> Any:
    """A copy of the data without the dropped entries and removed keys, with the forced values."""
    if isinstance(data, dict):
        items = {**data, **forced[path]} if path in forced else data
        return {
            k: _clean(v, path + (k,), dropped, removed, forced) for k, v in items.items() if path + (k,) not in removed
        }
    if isinstance(data, list):
        return [_clean(data[i], path + (i,), dropped, removed, forced) for i in _kept(dropped, path, len(data))]
    return data


PRIVATE = "private"


def _fails_closed(error: Any, path: Path) -> bool:
    """Whether the error is about an entry's `private` flag: a value that is not exactly true
    or false (`True`, `yes`), or the key written otherwise (`Private`). Such an entry is kept
    as private: an error must never publish what the worker meant to keep in the case."""
    if not path or not isinstance(path[-1], str):
        return False
    key = path[-1]
    if error["type"] == "extra_forbidden":
        return key != PRIVATE and key.strip().lower() == PRIVATE
    return key == PRIVATE and error["type"] != "missing"


def _original(path: Path, data: Any, dropped: dict[Path, set[int]]) -> Path:
    """Map a path in the cleaned data back to the original data."""
    out: list[str | int] = []
    node = data
    for part in path:
        if isinstance(part, int) and isinstance(node, list):
            kept = _kept(dropped, tuple(out), len(node))
            part = kept[part] if part < len(kept) else part
        out.append(part)
        node = node_at(node, (part,))
    return tuple(out)


def _holds_models(annotation: Any) -> bool:
    """Whether a field's type can hold a model, directly or in a list (Optional, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return True
    return any(_holds_models(arg) for arg in get_args(annotation))


@cache
def _nested(cls: type[Model]) -> tuple[tuple[str, str], ...]:
    """(attribute, key) of the fields of a model class that can hold models: the only ones
    `_place` must descend into. Computed once a class, since a file has thousands of entries."""
    return tuple((name, info.alias or name) for name, info in cls.model_fields.items() if _holds_models(info.annotation))


class Validator(Protocol):
    """What `validate` needs of a validator: a TypeAdapter, or pydantic-core's own."""

    def validate_python(self, value: Any, /) -> Any: ...


@cache
def _private_defaults(cls: type[Model]) -> dict[str, Any] | None:
    """The private attributes of a model class and their defaults, where every one is a plain
    value (no factory, nothing mutable to share): only then may `_place` make the store
    (a copy of this dict)."""
    defaults: dict[str, Any] = {}
    for name, attr in cls.__private_attributes__.items():
        if attr.default_factory is not None or not isinstance(attr.default, (type(None), bool, int, str)):
            return None
        defaults[name] = attr.default
    return defaults


@cache
def file_validator(cls: type[Model], entries: bool) -> Validator:
    """The validator of a file of one `cls` (case.yaml, the genogram, the plans), or of a
    list of `cls` entries (scores.yaml, contacts.yaml).

    After each model it builds, pydantic's post-init gives it its private `_line` and
    `_column` through a Python call (about 1.4 us a model, measured: a quarter of
    validating a contacts file) that `_place` then overwrites. This validator is built from
    the same core schema with that post-init left out for every model of ours whose private
    attributes are plain defaults, and `_place`, which walks every model of a file, fills in
    the whole private store itself.
    """
    adapter: TypeAdapter[Any] = TypeAdapter(list[cls] if entries else cls)  # type: ignore[valid-type]
    return SchemaValidator(_without_post_init(dict(adapter.core_schema)))


def _without_post_init(schema: Any) -> Any:
    """A copy of a core schema in which our models run no post-init (see `file_validator`)."""
    if isinstance(schema, dict):
        copy = {key: _without_post_init(value) for key, value in schema.items()}
        cls = copy.get("cls")
        if copy.get("type") == "model" and isinstance(cls, type) and issubclass(cls, Model) and _plain_post_init(cls):
            copy.pop("post_init", None)
        return copy
    if isinstance(schema, list):
        return [_without_post_init(item) for item in schema]
    return schema


def _plain_post_init(cls: type[Model]) -> bool:
    """Whether pydantic's post-init of the class does nothing but set the private defaults:
    no post-init of the class's own, and every default a plain value."""
    return getattr(cls.model_post_init, "__name__", "") == "init_private_attributes" and _private_defaults(cls) is not None


def _placed(obj: Model, at: tuple[int, int] | None) -> None:
    """Tell a validated model where it stands, straight into pydantic's store of private
    attributes: a plain assignment goes through BaseModel.__setattr__, which costs more
    than the rest of the walk."""
    private = obj.__pydantic_private__
    if private is None:  # validated without post-init (see `file_validator`): no store yet
        private = dict(_private_defaults(type(obj)) or {})
        object.__setattr__(obj, "__pydantic_private__", private)
    if at is not None:
        private["_line"], private["_column"] = at


def _place(obj: Any, data: Any, path: Path, parsed: Parsed, dropped: dict[Path, set[int]]) -> None:
    """Tell each validated model where it stands in the file."""
    if isinstance(obj, Model):
        _placed(obj, parsed.place(path))
        for name, key in _nested(type(obj)):
            value = getattr(obj, name)
            if isinstance(value, (Model, list)):
                _place(value, node_at(data, (key,)), path + (key,), parsed, dropped)
    elif isinstance(obj, list) and isinstance(data, list):
        kept = _kept(dropped, path, len(data)) if dropped else range(len(data))
        # A model holding no other (an entry of a scores or contacts file, thousands a file)
        # is placed here, without the walk's call for each; once one of a class has been,
        # the others of that class get their store in a line. Placing the entries of 300
        # generated cases' scores and contacts, best of five: 82 ms -> 47 ms.
        flat: type[Model] | None = None
        store: dict[str, Any] = {}
        setattr_ = object.__setattr__
        for item, index, at in zip(obj, kept, parsed.entry_places(path, kept)):
            if type(item) is flat and at is not None and item.__pydantic_private__ is None:
                setattr_(item, "__pydantic_private__", {**store, "_line": at[0], "_column": at[1]})
            elif isinstance(item, Model):
                if _nested(type(item)):
                    _place(item, data[index], path + (index,), parsed, dropped)
                    continue
                _placed(item, at)
                defaults = _private_defaults(type(item))
                if defaults is not None:
                    flat, store = type(item), defaults


def validate(
    target: type[BaseModel] | Validator, parsed: Parsed, lang: Lang
) -> tuple[Any, list[Problem]]:
    """Validate the parsed data against a model (or a validator of a list of entries).

    Returns the validated value, or None where nothing of the file could stand, and a
    problem for every schema error, placed where it occurs.
    """
    adapter: Validator = TypeAdapter(target) if isinstance(target, type) else target
    data = parsed.data
    problems: list[Problem] = []
    dropped: dict[Path, set[int]] = {}
    removed: set[Path] = set()
    forced: dict[Path, dict[str, Any]] = {}
    for round_ in range(_ROUNDS):
        cleaned = _clean(data, (), dropped, removed, forced) if (dropped or removed or forced) else data
        try:
            value = adapter.validate_python(cleaned)
        except ValidationError as err:
            errors = err.errors(include_url=False)
        else:
            _place(value, data, (), parsed, dropped)
            return value, problems
        give_up = False
        # all paths first, in the original data: the drops below shift the cleaned indices
        located = [(e, _original(_in_data(cleaned, tuple(e["loc"])), data, dropped)) for e in errors]
        for error, path in located:
            if round_ == 0:
                # a missing value is shown at the key that should hold it
                if error["type"] == "extra_forbidden":
                    at = parsed.keys.get(path) or parsed.place(path)
                else:
                    at = parsed.place(path[:-1] if error["type"] == "missing" else path)
                line, column = at or (None, None)
                message = describe({**error, "loc": path}, lang)
                if _fails_closed(error, path):
                    message += pick(lang, "; de regel blijft vertrouwelijk (private: true)", "; the entry is kept private (private: true)")
                problems.append(Problem("F010", line, column, message))
            if _fails_closed(error, path):
                forced.setdefault(path[:-1], {})[PRIVATE] = True
                if error["type"] == "extra_forbidden":
                    removed.add(path)
                continue
            # leave out what failed: a key where it may go, else the list entry around it
            if error["type"] != "missing" and path and isinstance(path[-1], str) and path not in removed:
                removed.add(path)
                continue
            if error["type"] != "missing" and path and isinstance(path[-1], int):
                dropped.setdefault(path[:-1], set()).add(path[-1])
                continue
            ints = [i for i, part in enumerate(path) if isinstance(part, int)]
            if not ints:
                give_up = True
                continue
            last = ints[-1]
            dropped.setdefault(path[:last], set()).add(int(path[last]))
        if give_up:
            return None, problems
    return None, problems
