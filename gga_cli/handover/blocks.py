"""The report as plain data: sections of blocks that both templates render the same way.

A block is a dict with a `type` and only strings, lists and dicts inside, so it passes
to Jinja as is and to typst as JSON (read there with `json(bytes(...))`: user text never
becomes typst markup). Types: `fields` (label/value rows), `list`, `table`, `text`,
`subheading`, `image` (an SVG drawn by gga), `none` (the part is empty).
"""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]


def fields(rows: list[tuple[str, str | None]]) -> Block:
    return {"type": "fields", "rows": [[k, v] for k, v in rows if v]}


def items(values: list[str]) -> Block:
    return {"type": "list", "entries": values}


def table(header: list[str], rows: list[list[str]]) -> Block:
    return {"type": "table", "header": header, "rows": rows}


def text(value: str) -> Block:
    return {"type": "text", "text": value}


def subheading(value: str) -> Block:
    return {"type": "subheading", "text": value}


def image(name: str, svg: str, alt: str) -> Block:
    return {"type": "image", "name": name, "svg": svg, "alt": alt}


def nothing(value: str) -> Block:
    return {"type": "none", "text": value}


def listed(title: str, values: list[str], empty: str) -> list[Block]:
    """A sub-heading with its list, or a note that the list is empty."""
    return [subheading(title), items(values) if values else nothing(empty)]
