"""Reading one YAML file safely: bytes in, plain data and positions out, never an exception.

PyYAML's constructors are not used at all. The text goes through the parser's event
stream, and the tree is built here from the events, so that:
- every scalar stays text (the schema converts it), as the C base loader would give;
- anchors, aliases, tags and directives are refused before any object exists (an alias
  bomb never expands, a `!!python/...` tag never runs);
- a repeated key is seen (PyYAML's loaders keep the last value without a word);
- the tree is built without recursion, so deep nesting cannot raise RecursionError;
- every node's line and column are kept, so a schema error points at its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from gga_cli.i18n import Lang, pick
from gga_cli.text import CONTROL_CLASS, INVISIBLE_CLASS

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64


def loader() -> type[Any]:
    """libyaml's parser, in every PyYAML wheel; the pure-Python one otherwise. PyYAML is
    imported here, when a file is parsed, not with this module: a case whose files the
    fast readers take (`flowlines`, `blocklines`) never needs it."""
    import yaml

    return getattr(yaml, "CBaseLoader", yaml.BaseLoader)


_CONTROL = re.compile(f"[{CONTROL_CLASS}]|\r(?!\n)")  # and a lone carriage return
_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?:[ \t]|\r?$)", re.MULTILINE)
_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
# The bytes of a suspect for _CONTROL in UTF-8: a C0 control but tab and newline, DEL, a
# carriage return, and 0xC2, the lead byte of U+0080-U+009F (and of other U+0080-U+00BF).
# Deleting every other byte of a file (bytes.translate) and finding nothing left is about
# seven times faster than searching the text with a regular expression (measured: 22 ms ->
# 3 ms for the 1,246 files of 200 generated cases).
_SUSPECT_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F, 0xC2])
_NOT_SUSPECT = bytes(b for b in range(256) if b not in _SUSPECT_BYTES)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

INVISIBLE = re.compile("[" + INVISIBLE_CLASS + "]")
"""Characters that change how text reads without being seen: zero-width ones, direction
marks, bidi embeddings, overrides and isolates, a byte-order mark inside the text (F006)."""
_KEY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem in one file, before it is tied to a case: code, place, message."""

    code: str
    line: int | None
    column: int | None
    message: str


Places = dict[Path, tuple[int, int]]


class Parsed:
    """A file's data with the place of every node: `values` maps a path to where its value
    starts, `keys` maps a path to where its key stands (1-based line and column).

    A reader may place only some nodes at once and leave the rest to `fill`, called with
    both maps the first time a place not among them, or a whole map, is asked for (every
    place it gave at once is as `fill` would give it): a file of thousands of valid
    entries never needs the place of each key and value inside them (see `flowlines` and
    `blocklines`). Such a reader may give the entries of a root list as `entry_lines`, the
    line each starts on at column 3 (`- {`), for `entry_places` to read instead of a place
    in `values` each.
    """

    __slots__ = ("data", "_values", "_keys", "_fill", "_entry_lines")

    def __init__(
        self, data: Any, values: Places | None = None, fill: Callable[[Places, Places], None] | None = None,
        keys: Places | None = None, entry_lines: list[int] | None = None,
    ) -> None:
        self.data = data
        self._values: Places = values if values is not None else {}
        self._keys: Places = keys if keys is not None else {}
        self._fill = fill
        self._entry_lines = entry_lines

    @property
    def values(self) -> Places:
        self._complete()
        return self._values

    @property
    def keys(self) -> Places:
        self._complete()
        return self._keys

    def _complete(self) -> None:
        if self._fill is not None:
            fill, self._fill = self._fill, None
            fill(self._values, self._keys)

    def place(self, path: Path) -> tuple[int, int] | None:
        """Where the thing at `path` stands: a scalar's value, a block's key, a list entry's start.

        Falls back to the nearest ancestor that has a place.
        """
        values, keys = self._values, self._keys
        if self._fill is not None and path not in values and path not in keys:
            self._complete()
        while True:
            if path and not isinstance(path[-1], int) and path in keys and isinstance(node_at(self.data, path), (dict, list)):
                return keys[path]
            if path in values:
                return values[path]
            if path and path in keys:
                return keys[path]
            if not path:
                return None
            path = path[:-1]

    def entry_places(self, path: Path, indices: Iterable[int]) -> list[tuple[int, int] | None]:
        """`place(path + (index,))` for each of a list's entries (`indices`, each an index
        of the list), at once: an entry found in `values` stands there (`place` would return
        it the same)."""
        if not path and self._entry_lines is not None:
            lines = self._entry_lines
            return [(lines[index], 3) for index in indices]
        values, place = self._values, self.place  # `place` fills in what is not there yet
        return [values.get(path + (index,)) or place(path + (index,)) for index in indices]


def node_at(data: Any, path: Path) -> Any:
    """The node at `path` in parsed data, or None where the path leads nowhere."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def decode(raw: bytes, lang: Lang) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being text gga can read.

    Merge conflict markers are told here only beside a suspect control character (so that
    both are told at once); otherwise the caller looks for them (`conflicts`) where the
    fast readers decline the text (`loader.read`): each refuses a marker line."""
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / MAX_BYTES:.1f} MiB"
        return None, [
            Problem("F005", None, None, pick(lang, f"bestand is {size}, groter dan 1 MiB", f"file is {size}, larger than 1 MiB"))
        ]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem("F001", 1, 1, pick(lang, "bestand is UTF-16; sla het op als UTF-8", "file is UTF-16; save it as UTF-8"))
        ]
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        byte = raw[err.start]
        return None, [
            Problem(
                "F001",
                line,
                column,
                pick(
                    lang,
                    f"geen UTF-8 (byte 0x{byte:02x}); sla het bestand op als UTF-8",
                    f"not UTF-8 (byte 0x{byte:02x}); save the file as UTF-8",
                ),
            )
        ]
    # the full pattern only where a cheap scan finds a suspect: most files have none
    suspect = raw.translate(None, _NOT_SUSPECT)
    problems = conflicts(text, lang) if suspect else []
    controls = _CONTROL.finditer(text) if suspect else ()
    for match in controls:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        code = f"U+{ord(match.group(0)):04X}"
        problems.append(
            Problem("F001", line, column, pick(lang, f"stuurteken {code} in de tekst", f"control character {code} in the text"))
        )
        break  # one is enough to refuse the file; the first tells where to look
    if problems:
        return None, problems
    return text, []


def conflicts(text: str, lang: Lang) -> list[Problem]:
    """A problem for every merge conflict marker at the start of a line of the text."""
    if not any(marker in text for marker in _MARKERS):  # the pattern only where one may be
        return []
    problems: list[Problem] = []
    for match in _CONFLICT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        marker = match.group(0).strip()
        problems.append(
            Problem(
                "F004",
                line,
                1,
                pick(lang, f"merge-conflictmarkering {marker}: los het conflict op", f"merge conflict marker {marker}: resolve the conflict"),
            )
        )
    return problems


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Frame:
    __slots__ = ("container", "path", "key", "key_at")

    def __init__(self, container: dict[str, Any] | list[Any], path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # in a mapping: the key whose value comes next
        self.key_at: tuple[int, int] = (0, 0)


def parse(text: str, lang: Lang) -> tuple[Parsed | None, list[Problem]]:
    """Build the tree of one YAML document from its events.

    Returns None for the data where the text is no YAML at all; refused constructs are
    reported and left out, so that the rest of the file is still checked.
    """
    problems: list[Problem] = []
    parsed = Parsed(None)
    values, keys = parsed.values, parsed.keys
    stack: list[_Frame] = []
    documents = 0
    skip = 0  # > 0 while inside a subtree that is passed over
    skip_next = False  # the next node, whole, is passed over (the value of a refused key)

    def refuse(code: str, at: tuple[int, int], nl: str, en: str) -> None:
        problems.append(Problem(code, at[0], at[1], pick(lang, nl, en)))

    def place(value: Any, at: tuple[int, int]) -> Path | None:
        """Put a node into its parent; returns its path, or None where it was a key or refused."""
        nonlocal skip_next
        if not stack:
            parsed.data = value
            values[()] = at
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            path = top.path + (len(top.container),)
            top.container.append(value)
        elif top.key is None:  # this node is a key
            if not isinstance(value, str):
                refuse("F010", at, "een sleutel moet tekst zijn", "a key must be text")
                skip_next = True
            elif value in top.container:
                refuse("F002", at, f"sleutel '{value}' staat er twee keer", f"key '{value}' is repeated")
                skip_next = True
            else:
                top.key, top.key_at = value, at
            return None
        else:
            path = top.path + (top.key,)
            top.container[top.key] = value
            keys[path] = top.key_at
            top.key = None
        values[path] = at
        return path

    import yaml

    try:
        events: Iterator[Any] = yaml.parse(text, Loader=loader())
        for event in events:
            kind = type(event)
            opens = kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent
            if opens or kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                if skip:
                    skip += opens
                    continue
                if skip_next:
                    skip_next, skip = False, int(opens)
                    continue
                at = _mark(event.start_mark)
                if kind is yaml.AliasEvent:
                    refuse("F003", at, f"alias *{event.anchor} is niet toegestaan", f"alias *{event.anchor} is not allowed")
                    if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
                        skip_next = True  # an alias as a key: its value goes too
                    else:
                        place(None, at)
                    continue
                if event.anchor is not None:
                    refuse("F003", at, f"anker &{event.anchor} is niet toegestaan", f"anchor &{event.anchor} is not allowed")
                if event.tag is not None:
                    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                    refuse("F003", at, f"tag {tag} is niet toegestaan", f"tag {tag} is not allowed")
                if not opens:
                    if event.style == '"' and "\\" in text[event.start_mark.index:event.end_mark.index]:
                        # escapes make characters the raw scan of `decode` never saw
                        is_key = bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].key is None
                        hazard = _escaped(event.value, text[event.start_mark.index:event.end_mark.index], is_key, at, lang)
                        if hazard is not None and hazard.code == "F001":
                            problems.append(hazard)
                            return None, problems
                        if hazard is not None:
                            problems.append(hazard)
                    # a plain null, ~ or nothing is no value; quoted, it is the text itself
                    plain_null = not event.style and event.value in _NULLS
                    place(None if plain_null else event.value, at)
                    continue
                if len(stack) >= MAX_DEPTH:  # no case file is this deep: stop before the parser's own limit
                    refuse("F001", at, f"dieper genest dan {MAX_DEPTH} niveaus", f"nested deeper than {MAX_DEPTH} levels")
                    return None, problems
                container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
                path = place(container, at)
                if path is None:  # a mapping or list as a key: refused, passed over
                    skip = 1
                else:
                    stack.append(_Frame(container, path))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                if skip:
                    skip -= 1
                else:
                    stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                at = _mark(event.start_mark)
                if event.version is not None or event.tags:
                    refuse("F003", at, "%-directieven zijn niet toegestaan", "% directives are not allowed")
                if documents > 1:
                    refuse("F001", at, "meer dan één YAML-document in het bestand", "more than one YAML document in the file")
                    break
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        at = _mark(mark) if mark is not None else (1, 1)
        reason = err.problem or err.context or "invalid YAML"
        refuse("F001", at, f"geen geldige YAML: {reason}", f"not valid YAML: {reason}")
        return None, problems
    except yaml.YAMLError as err:  # reader errors carry no mark of the usual kind
        refuse("F001", (1, 1), f"geen geldige YAML: {err}", f"not valid YAML: {err}")
        return None, problems
    return parsed, problems


def _escaped(value: str, raw: str, is_key: bool, at: tuple[int, int], lang: Lang) -> Problem | None:
    """A control character (F001) or an invisible one (F006) that a double-quoted scalar
    holds through an escape (`"\\e[2J"`, `"\\u202e"`); a key may hold no newline or tab either."""
    control = (_KEY_CONTROL if is_key else _CONTROL).search(value)
    if control is not None:
        code = f"U+{ord(control.group(0)):04X}"
        where = pick(lang, "in een sleutel", "in a key") if is_key else pick(lang, "als escape", "as an escape")
        return Problem("F001", at[0], at[1], pick(lang, f"stuurteken {code} {where}", f"control character {code} {where}"))
    hidden = INVISIBLE.search(value)
    if hidden is not None and not INVISIBLE.search(raw):
        return invisible(hidden.group(0), at, lang)
    return None


def invisible(char: str, at: tuple[int, int], lang: Lang) -> Problem:
    code = f"U+{ord(char):04X}"
    return Problem("F006", at[0], at[1], pick(
        lang, f"onzichtbaar of richtingveranderend teken {code}: de tekst leest anders dan hij is",
        f"invisible or direction-changing character {code}: the text reads other than it is"))


def invisibles(text: str, lang: Lang) -> list[Problem]:
    """The first invisible character of each line that holds one (F006, a warning)."""
    found: list[Problem] = []
    last_line = 0
    for match in INVISIBLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line == last_line:
            continue
        last_line = line
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append(invisible(match.group(0), (line, column), lang))
    return found
