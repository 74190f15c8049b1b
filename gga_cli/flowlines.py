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
_WORD = r"[0-9A-Za-z_][0-9A-Za-z_\-]*+"  # a plain text (`PLAIN`) of one word
# A value in a shape's pattern (see `_Shape`), by its kind, in one group (`_`, named after
# its key in the shape). No tab reaches it (`read`). Where the file holds no backslash, a
# double-quoted text is any run up to the next quote, which the regular expression engine
# scans several times faster than a class of two.
_KIND_PATTERNS = {
    "dq": r'"(?P<_>[^"\\]*(?:\\["\\][^"\\]*)*)"',
    "dq-plain": r'"(?P<_>[^"]*)"',
    "sq": r"'(?P<_>[^']*(?:''[^']*)*)'",
    "seq": r"\[ *(?P<_>(?:" + PLAIN + r"(?: *, *" + PLAIN + r")*)?) *\]",
    # a plain null (`~`, `null`) is no match: the line is read item by item, which gives None
    "plain": r"(?!(?:~|null|Null|NULL) *[,}])(?P<_>" + PLAIN + ")",
    # the same for a plain text of letters, digits, `_` and `-` (a date, a number, an id, a
    # kind): such a pattern, where the first line of a shape had one, is matched in two
    # thirds of the steps (the scores and contacts of 100 generated cases: 200 M -> 150 M
    # instructions in the regular expression engine)
    "word": r"(?!(?:null|Null|NULL)(?![0-9A-Za-z_\-]))(?P<_>" + _WORD + ")",
    "seq-word": r"\[ *+(?P<_>(?:" + _WORD + r"(?: *+, *+" + _WORD + r")*+)?) *+\]",
}
_WORD_ONLY = re.compile(_WORD)
_SHAPES: dict[tuple[tuple[tuple[str, str], ...], bool], _Shape] = {}
_UNSAFE = "\t\ufeff\u2028\u2029\ufffe\uffff"  # breaks or marks the event parser sees otherwise


def read(text: str) -> Parsed | None:
    """The file's data and positions, or None where the text is not of the simple form.

    Only the file's and each entry's place are known at once (each entry's as the line it
    starts on: `Parsed.entry_lines`); the places of the keys and values inside the entries
    are found by reading the text again, the first time one is asked for (a schema error
    to place). Measured on the scores and contacts of 200 generated cases: 0.23 s ->
    0.16 s, as a file of valid entries never needs them.
    """
    if not text.startswith(("- {", "#", "\n", "\r")) or holds_any(text, _UNSAFE):
        return None

    def fill(values: Places, keys: Places) -> None:
        _entries(text, values, keys)

    starts: list[int] = []
    data = _entries(text, {}, None, starts)
    if not data:
        return None
    return Parsed(data, values={(): (starts[0], 1)}, fill=fill, entry_lines=starts)


class _Shape:
    """The line of an entry with these keys in this order, each value of one kind (plain,
    one word, double- or single-quoted, a flow list, one of words): one regular expression
    matches the whole line, a group for each value, instead of one match for each item.

    Each value is an atomic group and the spaces around it possessive (Python 3.11): a
    value matches its longest way or not at all, which is the only way that can go on to
    match the line, so the engine, when a line is not of the shape, does not try every
    shorter split of every value before it says so. Reading the scores and contacts of
    100 generated cases: 792 M -> 639 M instructions."""

    __slots__ = ("fullmatch", "escaped", "single", "lists", "words", "plain")

    def __init__(self, items: tuple[tuple[str, str], ...], escapes: bool) -> None:
        kinds = ["dq-plain" if kind == "dq" and not escapes else kind for _, kind in items]
        # each value's group is named after its key (a key is a name: letters, digits and
        # `_`, unique in the line), so the match's `groupdict` is the entry, made in one call
        body = ",".join(
            f" *+{name}: ++(?>{_KIND_PATTERNS[kind].replace('(?P<_>', f'(?P<{name}>')}) *+" for (name, _), kind in zip(items, kinds)
        )
        self.fullmatch = re.compile(r"- \{" + body + r"\}(?: +#.*)? *").fullmatch
        names = [name for name, _ in items]
        self.escaped = tuple(name for name, kind in zip(names, kinds) if kind == "dq")
        self.single = tuple(name for name, kind in items if kind == "sq")
        self.lists = tuple(name for name, kind in items if kind == "seq")
        self.words = tuple(name for name, kind in items if kind == "seq-word")
        self.plain = not (self.escaped or self.single or self.lists or self.words)  # the groups are the values

    def entry(self, match: re.Match[str]) -> dict[str, Any]:
        entry: dict[str, Any] = match.groupdict()
        if self.plain:
            return entry
        for name in self.escaped:
            if "\\" in entry[name]:
                entry[name] = entry[name].replace('\\"', '"').replace("\\\\", "\\")
        for name in self.single:
            entry[name] = entry[name].replace("''", "'")
        # a list's plain texts, each without a comma or a space at its ends, between `, `:
        # the pattern matched them, so a split finds the same ones (a regular expression
        # call costs more than the list); words hold no space at all
        for name in self.words:
            inside = entry[name]
            items = inside.replace(" ", "").split(",") if inside else []
            entry[name] = items if _NULLS.isdisjoint(items) else [None if item in _NULLS else item for item in items]
        for name in self.lists:
            inside = entry[name]
            items = [item.strip(" ") for item in inside.split(",")] if inside else []
            entry[name] = items if _NULLS.isdisjoint(items) else [None if item in _NULLS else item for item in items]
        return entry


def _shape(items: tuple[tuple[str, str], ...], escapes: bool) -> _Shape:
    shape = _SHAPES.get((items, escapes))
    if shape is None:
        if len(_SHAPES) >= 256:  # a file of many shapes: the usual few are made again
            _SHAPES.clear()
        shape = _SHAPES[(items, escapes)] = _Shape(items, escapes)
    return shape


def _entries(text: str, values: Places, keys: Places | None, starts: list[int] | None = None) -> list[dict[str, Any]] | None:
    """The entries of the text, each placed in `values` (with `starts`, the line each
    starts on is added to it instead, and `values` is left as it is); with `keys`, every
    key and value inside them is placed too. None where the text is not of the simple form.

    Without `keys`, a line is first matched whole against the shapes of the lines before it
    (`_Shape`); a line of a new shape is read item by item, and its shape kept. Reading the
    scores and contacts of 100 generated cases: 1,022 M -> 813 M instructions.
    """
    data: list[dict[str, Any]] = []
    lines_of = starts if starts is not None else []  # the line each entry starts on
    escapes = "\\" in text
    shapes: list[_Shape] = []
    lines = text.split("\n")
    if "\r" in text:
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    for number, line in enumerate(lines, 1):
        if keys is None:  # a shape's pattern starts with the entry's `- {`
            for shape in shapes:
                match = shape.fullmatch(line)
                if match is not None:
                    lines_of.append(number)
                    data.append(match.groupdict() if shape.plain else shape.entry(match))
                    break
            else:
                match = None
            if match is not None:
                continue
        if not line.startswith("- {"):
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            return None
        index = len(data)
        lines_of.append(number)
        kinds: list[str] | None = [] if keys is None else None
        found = mapping(line, 3, number, (index,), values, keys, kinds)
        if found is None:
            return None
        entry, pos = found
        if not _TAIL.fullmatch(line, pos):
            return None
        data.append(entry)
        if kinds is not None:
            shape = _shape(tuple(zip(entry, kinds)), escapes)
            if shape not in shapes:  # a line of a known shape that holds a null
                shapes.insert(0, shape)
    if data and starts is None:
        for index, number in enumerate(lines_of):
            values[(index,)] = (number, 3)
        values[()] = (lines_of[0], 1)
    return data


def mapping(
    line: str, pos: int, number: int, path: Path, values: Places, keys: Places | None, kinds: list[str] | None = None,
) -> tuple[dict[str, Any], int] | None:
    """The flow mapping whose first item starts at `pos` of line `number` (just after its
    `{`): its data and where it ends (just after its `}`), or None where it is not of the
    simple form. With `keys`, each key and value in it is placed, under the mapping's `path`;
    with `kinds`, the kind of each value is added to it (`_Shape`)."""
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
        if keys is not None or kinds is not None:
            group = "dq" if dq is not None else "plain" if plain is not None else "sq" if sq is not None else "seq"
            if kinds is not None:
                if group == "plain" and value is not None and _WORD_ONLY.fullmatch(value):
                    kinds.append("word")
                elif group == "seq" and all(item is not None and _WORD_ONLY.fullmatch(item) for item in value):
                    kinds.append("seq-word")
                else:
                    kinds.append(group)
            if keys is not None:
                keys[path + (key,)] = (number, match.start("key") + 1)
                values[path + (key,)] = (number, match.start(group) + 1)
        pos = match.end()
        if end == "}":
            return entry, pos
