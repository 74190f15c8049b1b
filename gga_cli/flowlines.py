"""A fast reader for files of one flow mapping a line (scores.yaml, contacts.yaml).

Those files hold most of a caseload's bytes: hundreds of lines such as
`- {date: 2026-02-04, kind: home_visit, with: [els, sjors], note: "..."}`. Building their
tree from the YAML parser's events costs far more than the bytes warrant, so such a file
is read here line by line, for a strict subset of YAML whose meaning is plain:

- blank lines and comment lines; each other line `- {key: value, ...}` at column 1,
  optionally followed by a comment;
- keys of letters, digits and `_`; values plain (no `:`, `#`, quotes or flow indicators,
  not starting with an indicator), double-quoted (escapes `\\"` and `\\\\` only),
  single-quoted, or a flow list of such plain values.

Anything else anywhere in the file (a tab, a repeated key, a directive, an anchor, an
escape, a multi-line entry, a key such as `null`) makes `read` return None, and the file
goes through the full event parser in `yamlread`, which gives every hazard its diagnostic.
The result, data and positions, is exactly what the event parser gives for the same text
(a test compares the two).
"""

from __future__ import annotations

import re
from typing import Any

from gga_cli.text import holds_any
from gga_cli.yamlread import Parsed, Path, Places

_NULLS = frozenset({"~", "null", "Null", "NULL"})
# A plain scalar: not starting with an indicator, holding no flow indicator, `:` or `#`
# (where YAML would read them by context), and ending in no space (YAML trims it).
_FIRST = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"
PLAIN = _FIRST + r"(?:[^\t,\[\]{}#:]*[^\s,\[\]{}#:])?"
"""A plain scalar in a flow mapping or list (`blocklines` reads flow lists with it too)."""
_ITEM = re.compile(
    # the spaces before the key belong to the item: one match an item, not two
    r" *(?P<key>[A-Za-z_][A-Za-z0-9_]*): +"
    # quoted scalars as "unrolled loops": a run of plain characters between escapes
    r"(?:(?P<dq>\"[^\"\\\t]*(?:\\[\"\\][^\"\\\t]*)*\")"
    r"|(?P<sq>'[^'\t]*(?:''[^'\t]*)*')"
    r"|(?P<seq>\[ *(?:" + PLAIN + r"(?: *, *" + PLAIN + r")*)? *\])"
    r"|(?P<plain>" + PLAIN + r"))"
    r" *(?P<end>[,}])"
)
_SEQ_ITEM = re.compile(PLAIN)
_TAIL = re.compile(r"(?: +#.*)? *")
# A value as in _ITEM, with a group for each kind: a double-quoted text's inside, a
# single-quoted one's, a flow list's inside and a plain text. No tab reaches it (`read`).
# Where the file holds no backslash, a double-quoted text is any run up to the next quote,
# which the regular expression engine scans several times faster than a class of two.
_VALUE = r"""(?:{dq}|'([^']*(?:''[^']*)*)'|\[ *((?:{p}(?: *, *{p})*)?) *\]|({p}))"""
_DQ_ESCAPES = r'"([^"\\]*(?:\\["\\][^"\\]*)*)"'
_DQ_PLAIN = r'"([^"]*)"'
_SHAPES: dict[tuple[tuple[str, ...], bool], re.Pattern[str]] = {}
_UNSAFE = "\t\ufeff\u2028\u2029\ufffe\uffff"  # breaks or marks the event parser sees otherwise


def read(text: str) -> Parsed | None:
    """The file's data and positions, or None where the text is not of the simple form.

    Only the file's and each entry's place are known at once; the places of the keys and
    values inside the entries are found by reading the text again, the first time one is
    asked for (a schema error to place). Measured on the scores and contacts of 200
    generated cases: 0.23 s -> 0.16 s, as a file of valid entries never needs them.
    """
    if not text.startswith(("- {", "#", "\n", "\r")) or holds_any(text, _UNSAFE):
        return None

    def fill(values: Places, keys: Places) -> None:
        _entries(text, values, keys)

    values: Places = {}
    data = _entries(text, values, None)
    if not data:
        return None
    return Parsed(data, values=values, fill=fill, eager=1)


def _shape(keys: tuple[str, ...], escapes: bool) -> re.Pattern[str]:
    """The whole line of an entry with these keys in this order, each value in four groups
    (see _VALUE): one match a line instead of one an item."""
    pattern = _SHAPES.get((keys, escapes))
    if pattern is None:
        if len(_SHAPES) >= 256:  # a file of many shapes: the usual few are made again
            _SHAPES.clear()
        value = _VALUE.format(dq=_DQ_ESCAPES if escapes else _DQ_PLAIN, p=PLAIN)
        items = ",".join(f" *{key}: +{value} *" for key in keys)
        pattern = _SHAPES[(keys, escapes)] = re.compile(r"- \{" + items + r"\}(?: +#.*)? *")
    return pattern


def _entries(text: str, values: Places, keys: Places | None) -> list[dict[str, Any]] | None:
    """The entries of the text, each placed in `values`; with `keys`, every key and value
    inside them is placed too. None where the text is not of the simple form.

    Without `keys`, a line is first matched whole against the shapes (keys in their order)
    of the lines before it; a line of a new shape is read item by item, and its shape kept.
    The scores and contacts of 300 generated cases: 290 ms -> 233 ms (most of it the
    regular expressions scanning the notes: a file without a backslash is matched with a
    plain run up to the closing quote).
    """
    data: list[dict[str, Any]] = []
    escapes = "\\" in text
    shapes: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.startswith("- {"):
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            return None
        index = len(data)
        if not data:
            values[()] = (number, 1)
        values[(index,)] = (number, 3)
        if keys is None:
            for pattern, names in shapes:
                match = pattern.fullmatch(line)
                if match is not None:
                    data.append(_entry(names, match.groups()))
                    break
            else:
                match = None
            if match is not None:
                continue
        found = mapping(line, 3, number, (index,), values, keys)
        if found is None:
            return None
        entry, pos = found
        if not _TAIL.fullmatch(line, pos):
            return None
        data.append(entry)
        if keys is None:
            shapes.insert(0, (_shape(tuple(entry), escapes), tuple(entry)))
    return data


def _entry(names: tuple[str, ...], groups: tuple[str | None, ...]) -> dict[str, Any]:
    """An entry from the groups of its line's shape: four for each key (see _VALUE)."""
    entry: dict[str, Any] = {}
    at = 0
    for name in names:
        dq, sq, seq, plain = groups[at:at + 4]
        at += 4
        value: Any
        if dq is not None:
            value = dq.replace('\\"', '"').replace("\\\\", "\\") if "\\" in dq else dq
        elif plain is not None:
            value = None if plain in _NULLS else plain
        elif sq is not None:
            value = sq.replace("''", "'")
        else:
            value = [None if item in _NULLS else item for item in _SEQ_ITEM.findall(seq)]  # type: ignore[arg-type]
        entry[name] = value
    return entry


def mapping(line: str, pos: int, number: int, path: Path, values: Places, keys: Places | None) -> tuple[dict[str, Any], int] | None:
    """The flow mapping whose first item starts at `pos` of line `number` (just after its
    `{`): its data and where it ends (just after its `}`), or None where it is not of the
    simple form. With `keys`, each key and value in it is placed, under the mapping's `path`."""
    entry: dict[str, Any] = {}
    match_item = _ITEM.match
    while True:
        match = match_item(line, pos)
        if match is None:
            return None
        # one call for every group: most of this loop's time is spent per item
        key, dq, sq, seq, plain, end = match.groups()
        if key in entry or key in _NULLS:
            return None
        value: Any
        if dq is not None:
            value = dq[1:-1]
            if "\\" in value:
                value = value.replace('\\"', '"').replace("\\\\", "\\")
        elif plain is not None:
            value = None if plain in _NULLS else plain
        elif sq is not None:
            value = sq[1:-1].replace("''", "'")
        else:
            start = match.start("seq") + 1
            items = list(_SEQ_ITEM.finditer(line, start, start + len(seq) - 2))
            value = [None if item.group(0) in _NULLS else item.group(0) for item in items]
            if keys is not None:
                for i, item in enumerate(items):
                    values[path + (key, i)] = (number, item.start() + 1)
        entry[key] = value
        if keys is not None:
            keys[path + (key,)] = (number, match.start("key") + 1)
            group = "dq" if dq is not None else "plain" if plain is not None else "sq" if sq is not None else "seq"
            values[path + (key,)] = (number, match.start(group) + 1)
        pos = match.end()
        if end == "}":
            return entry, pos
