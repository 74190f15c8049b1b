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

from gga_cli.yamlread import Parsed

_NULLS = frozenset({"~", "null", "Null", "NULL"})
# A plain scalar: not starting with an indicator, holding no flow indicator, `:` or `#`
# (where YAML would read them by context), and ending in no space (YAML trims it).
_FIRST = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"
_PLAIN = _FIRST + r"(?:[^\t,\[\]{}#:]*[^\s,\[\]{}#:])?"
_ITEM = re.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_]*): +"
    # quoted scalars as "unrolled loops": a run of plain characters between escapes
    r"(?:(?P<dq>\"[^\"\\\t]*(?:\\[\"\\][^\"\\\t]*)*\")"
    r"|(?P<sq>'[^'\t]*(?:''[^'\t]*)*')"
    r"|(?P<seq>\[ *(?:" + _PLAIN + r"(?: *, *" + _PLAIN + r")*)? *\])"
    r"|(?P<plain>" + _PLAIN + r"))"
    r" *(?P<end>[,}])"
)
_SEQ_ITEM = re.compile(_PLAIN)
_SPACES = re.compile(r" *")
_TAIL = re.compile(r"(?: +#.*)? *")
_UNSAFE = re.compile("[\t\ufeff\u2028\u2029\ufffe\uffff]")  # breaks or marks the event parser sees otherwise


def read(text: str) -> Parsed | None:
    """The file's data and positions, or None where the text is not of the simple form."""
    if not text.startswith(("- {", "#", "\n", "\r")) or _UNSAFE.search(text):
        return None
    data: list[dict[str, Any]] = []
    parsed = Parsed(data)
    values, keys = parsed.values, parsed.keys
    for number, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith("- {"):
            return None
        index = len(data)
        entry: dict[str, Any] = {}
        if not data:
            values[()] = (number, 1)
        values[(index,)] = (number, 3)
        pos = _SPACES.match(line, 3).end()  # type: ignore[union-attr]
        while True:
            match = _ITEM.match(line, pos)
            if match is None:
                return None
            key = match.group("key")
            if key in entry or key in _NULLS:
                return None
            path = (index, key)
            keys[path] = (number, pos + 1)
            value: Any
            if (text_ := match.group("dq")) is not None:
                value, at = text_[1:-1].replace('\\"', '"').replace("\\\\", "\\"), match.start("dq")
            elif (text_ := match.group("sq")) is not None:
                value, at = text_[1:-1].replace("''", "'"), match.start("sq")
            elif (text_ := match.group("seq")) is not None:
                at = match.start("seq")
                value = []
                for i, item in enumerate(_SEQ_ITEM.finditer(line, at + 1, match.end("seq") - 1)):
                    word = item.group(0)
                    value.append(None if word in _NULLS else word)
                    values[path + (i,)] = (number, item.start() + 1)
            else:
                word = match.group("plain")
                value, at = (None if word in _NULLS else word), match.start("plain")
            entry[key] = value
            values[path] = (number, at + 1)
            if match.group("end") == "}":
                pos = match.end()
                break
            pos = _SPACES.match(line, match.end()).end()  # type: ignore[union-attr]
        if not _TAIL.fullmatch(line, pos):
            return None
        data.append(entry)
    if not data:
        return None
    return parsed
