"""Schema errors in words a case worker reads: pydantic's error types, in both languages."""

from __future__ import annotations

from typing import Any

from gga_cli.i18n import Lang, pick


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(error: Any, lang: Lang) -> str:
    """One pydantic error as a message: the field, then what is wrong with it."""
    kind: str = error["type"]
    loc: tuple[Any, ...] = tuple(error["loc"])
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    shown = value if isinstance(value, str) and len(value) <= 40 else None
    if isinstance(value, int) and not isinstance(value, bool):  # gga.toml has numbers of its own
        shown = str(value)
    where = _field(loc)
    if kind == "missing":
        return pick(lang, f"{where} ontbreekt", f"{where} is missing")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        parent = _field(loc[:-1])
        prefix = f"{parent}: " if parent else ""
        if " " in key.strip():  # a comma inside {...} ended the value before it
            return pick(
                lang,
                f"{prefix}onbekende sleutel '{key}': een komma binnen {{...}} beëindigt de waarde; "
                "zet de tekst tussen dubbele aanhalingstekens",
                f"{prefix}unknown key '{key}': a comma inside {{...}} ends the value; put the text in double quotes",
            )
        return pick(lang, f"{prefix}onbekende sleutel '{key}'", f"{prefix}unknown key '{key}'")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return pick(
            lang,
            f"{where}: '{shown}' is geen van {expected.replace(' or ', ' of ')}",
            f"{where}: '{shown}' is none of {expected}",
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        low_high = ctx.get("ge", ctx.get("le"))
        nl = "minstens" if kind == "greater_than_equal" else "hoogstens"
        en = "at least" if kind == "greater_than_equal" else "at most"
        return pick(lang, f"{where}: {shown} moet {nl} {low_high} zijn", f"{where}: {shown} must be {en} {low_high}")
    if kind == "string_pattern_mismatch":
        return pick(lang, f"{where}: '{shown}' heeft niet de vorm {ctx.get('pattern')}", f"{where}: '{shown}' does not match {ctx.get('pattern')}")
    if kind == "string_too_short" or (kind == "too_short" and value == ""):
        return pick(lang, f"{where} is leeg", f"{where} is empty")
    if kind in ("too_short", "too_long"):
        return pick(lang, f"{where}: verkeerd aantal items", f"{where}: wrong number of items")
    if kind in ("list_type",):
        return pick(lang, f"{where} moet een lijst zijn", f"{where} must be a list")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return pick(lang, f"{where} moet een mapping met sleutels zijn", f"{where} must be a mapping of keys")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return pick(lang, f"{where} moet een geheel getal zijn, zonder aanhalingstekens", f"{where} must be a whole number, without quotes")
    if kind in ("bool_type", "bool_parsing"):
        return pick(lang, f"{where} moet true of false zijn", f"{where} must be true or false")
    if kind in ("string_type",):
        if value is None or isinstance(value, (list, dict)):  # a case file's list, mapping or empty value
            return pick(lang, f"{where}: moet tekst zijn, geen lijst of mapping", f"{where}: must be text, not a list or mapping")
        return pick(lang, f"{where} moet tekst tussen aanhalingstekens zijn", f"{where} must be text in quotes")
    if kind == "gga":
        return pick(lang, f"{where}: {ctx['nl']}", f"{where}: {ctx['en']}")
    message = str(error.get("msg", kind)).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
