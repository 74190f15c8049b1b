"""A fast reader for the block files (case.yaml, genogram.yaml and the plans).

Those files are block mappings and lists written by hand or by gga: `key: value` lines,
`- ` items, a flow mapping or list on one line, and longer texts as `>-` or `|` blocks.
Building their tree from the YAML parser's events costs far more than their bytes
warrant, so such a file is read here line by line, for a strict subset of YAML whose
meaning is plain:

- blank lines and comment lines anywhere outside a block text; the root at column 1;
- indentation of spaces; a mapping's keys of letters, digits and `_`, each at the
  mapping's column; a list's `- ` items at the list's column, or at its key's column (a
  list under a key may stand at the key's own indentation);
- a value on its key's or item's line: plain (one line, not starting with an indicator,
  holding no `: ` or ` #`), double-quoted (escapes `\\"` and `\\\\` only), single-quoted,
  a flow mapping as in `flowlines`, a flow list of such scalars, or the header of a block
  text (`>`, `>-`, `|`, `|-`) whose lines all stand at one indentation, with no blank
  line between them and no space at their end;
- or, after a key or `-` alone on its line, a mapping or list on the lines below; after
  `- `, a mapping whose first key is on the item's line.

Anything else anywhere in the file (a tab, a carriage return, a repeated key, a key
without value, a directive or document marker, an anchor, alias or tag, an escape, a
plain text over several lines, a key such as `null`) makes `read` return None, and the
file goes through the full event parser in `yamlread`, which gives every hazard its
diagnostic. The result, data and positions, is exactly what the event parser gives for
the same text (a test compares the two on generated and on random texts).
"""

from __future__ import annotations

import re
from typing import Any

from gga_cli import flowlines
from gga_cli.text import holds_any
from gga_cli.yamlread import Parsed, Path, Places

_NULLS = frozenset({"~", "null", "Null", "NULL"})
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +|$)(.*)")  # a key, and the rest of its line
_TAIL = r"(?: +#.*)? *"
_DQ = re.compile(r'"([^"\\]*(?:\\["\\][^"\\]*)*)"' + _TAIL)
_SQ = re.compile(r"'([^']*(?:''[^']*)*)'" + _TAIL)
_EMPTY_LIST = re.compile(r"\[ *\]" + _TAIL)
_LIST_ITEM = re.compile(
    r" *(?:(?P<dq>\"[^\"\\]*(?:\\[\"\\][^\"\\]*)*\")|(?P<sq>'[^']*(?:''[^']*)*')|(?P<plain>" + flowlines.PLAIN + r"))"
    r" *(?P<end>[,\]])"
)
_TAIL_ONLY = re.compile(_TAIL)
_HEADERS = frozenset({">", ">-", "|", "|-"})
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")  # indicators: a plain text starts with none of them
_NOT_PLAIN = _NOT_FIRST - {" "}  # a value's first character where it is no plain text (a space is none: `_KEY` takes them)
_UNSAFE = "\t\r\ufeff\u2028\u2029\ufffe\uffff"  # breaks or marks the event parser sees otherwise
_MAX_DEPTH = 32  # no case file is this deep; the event parser judges one that is


class _Decline(Exception):
    """The text is not of the simple form: the event parser reads it."""


def read(text: str) -> Parsed | None:
    """The file's data and the place of every node, or None where the text is not of the
    simple form.

    The keys and values inside a flow mapping (a person of the genogram on one line) are
    placed only when one of them is asked for (a schema error to place): the file is then
    read again, placing them too (the block files of 300 generated cases: 1,128 M ->
    1,017 M instructions)."""
    if holds_any(text, _UNSAFE):
        return None
    lines = text.split("\n")
    reader = _Reader(lines, inside=False)
    try:
        data = reader.document()
    except _Decline:
        return None
    if not reader.deferred:
        return Parsed(data, values=reader.values, keys=reader.keys)

    def fill(values: Places, keys: Places) -> None:
        again = _Reader(lines, inside=True)
        again.document()  # the same text read the same way: it does not decline now
        values.update(again.values)
        keys.update(again.keys)

    return Parsed(data, values=reader.values, keys=reader.keys, fill=fill)


def _is_item(content: str) -> bool:
    return content.startswith("- ") or content == "-"


class _Reader:
    """The lines of one file and where reading stands; the places found so far."""

    __slots__ = ("lines", "at", "values", "keys", "inside", "deferred")

    def __init__(self, lines: list[str], inside: bool) -> None:
        self.lines = lines
        self.at = 0  # the next line to read
        self.values: Places = {}
        self.keys: Places = {}
        self.inside = inside  # whether the keys and values inside flow mappings are placed
        self.deferred = False  # whether a flow mapping was read without placing them

    def next_content(self) -> tuple[int, int, str] | None:
        """The next line that holds a node, blank and comment lines passed over: its index,
        its indentation and what follows it; None at the end of the file."""
        lines = self.lines
        at = self.at
        while at < len(lines):
            line = lines[at]
            content = line.lstrip(" ")
            if content and content[0] != "#":
                self.at = at
                return at, len(line) - len(content), content
            at += 1
        self.at = at
        return None

    def document(self) -> Any:
        first = self.next_content()
        if first is None or first[1] != 0:
            raise _Decline
        data = self.block(*first, (), 0)
        if self.next_content() is not None:
            raise _Decline
        return data

    def block(self, index: int, indent: int, content: str, path: Path, depth: int) -> Any:
        """The mapping or list whose first line is line `index`."""
        if depth > _MAX_DEPTH:
            raise _Decline
        if _is_item(content):
            return self.sequence(index, indent, path, depth)
        return self.mapping(index, indent, content, path, depth)

    def mapping(self, index: int, indent: int, content: str, path: Path, depth: int) -> dict[str, Any]:
        """The mapping at column `indent` whose first key is `content`, on line `index`
        (where a list item holds it, `content` is what follows the `- `).

        A key's plain one-line value, and the step to the next line, are read here rather
        than in `inline` and `next_content`: most lines of a block file are such a key, and
        the calls cost more than the reading (the block files of 300 generated cases:
        1,164 M -> 1,114 M instructions)."""
        result: dict[str, Any] = {}
        keys, values, lines, match_key = self.keys, self.values, self.lines, _KEY.match
        values[path] = (index + 1, indent + 1)
        count = len(lines)
        while True:
            match = match_key(content)
            if match is None:
                raise _Decline
            key, rest = match.groups()
            if key in result or key in _NULLS:
                raise _Decline
            child = path + (key,)
            keys[child] = (index + 1, indent + 1)
            self.at = index + 1
            if not rest or rest[0] == "#":
                result[key] = self.below(indent, child, depth)
            elif rest[0] in _NOT_PLAIN or " #" in rest:
                result[key] = self.inline(rest, index, indent + match.start(2), indent, child, depth)
            else:  # a plain text to the end of the line (`inline` reads it the same)
                plain = rest.rstrip(" ")
                if ": " in plain or plain[-1] == ":":
                    raise _Decline
                values[child] = (index + 1, indent + match.start(2) + 1)
                result[key] = None if plain in _NULLS else plain
            # the next line that holds a node (`next_content`)
            at = self.at
            while at < count:
                line = lines[at]
                content = line.lstrip(" ")
                if content and content[0] != "#":
                    break
                at += 1
            else:
                self.at = at
                return result
            self.at = index = at
            column = len(line) - len(content)
            if column != indent:
                if column < indent:
                    return result
                raise _Decline

    def sequence(self, index: int, indent: int, path: Path, depth: int) -> list[Any]:
        """The list whose first `- ` is on line `index` at column `indent`. It ends at a line
        less indented, or at one of its own indentation that is no item (the next key of a
        mapping whose list stands at the key's column)."""
        result: list[Any] = []
        self.values[path] = (index + 1, indent + 1)
        line = self.lines[index]
        while True:
            rest = line[indent + 1:].lstrip(" ")
            if _is_item(rest):
                raise _Decline  # a list in a list
            column = len(line) - len(rest)
            child = path + (len(result),)
            self.at = index + 1
            if not rest or rest[0] == "#":
                result.append(self.below(indent, child, depth, indentless=False))
            elif _KEY.match(rest):
                result.append(self.mapping(index, column, rest, child, depth + 1))
            else:
                result.append(self.inline(rest, index, column, indent, child, depth))
            after = self.next_content()
            if after is None or after[1] < indent:
                return result
            if after[1] > indent:
                raise _Decline
            if not _is_item(after[2]):
                return result
            index = after[0]
            line = self.lines[index]

    def below(self, indent: int, path: Path, depth: int, indentless: bool = True) -> Any:
        """The value of a key or `-` alone on its line: a mapping or list on the lines
        below, more indented than the mapping or list holding it (a key's list may stand at
        the key's own column)."""
        after = self.next_content()
        if after is None:
            raise _Decline  # no value: the event parser places its null
        index, at, content = after
        if at > indent or (indentless and at == indent and _is_item(content)):
            return self.block(index, at, content, path, depth + 1)
        raise _Decline

    def inline(self, rest: str, index: int, column: int, parent: int, path: Path, depth: int) -> Any:
        """The value that starts at `column` of line `index`; `parent` is the column of the
        mapping or list that holds it."""
        self.values[path] = (index + 1, column + 1)
        first = rest[0]
        if first == '"':
            match = _DQ.fullmatch(rest)
            if match is None:
                raise _Decline
            value: Any = match.group(1)
            return value.replace('\\"', '"').replace("\\\\", "\\") if "\\" in value else value
        if first == "'":
            match = _SQ.fullmatch(rest)
            if match is None:
                raise _Decline
            return match.group(1).replace("''", "'")
        if first == "{":
            line = self.lines[index]
            found = flowlines.mapping(line, column + 1, index + 1, path, self.values, self.keys if self.inside else None)
            self.deferred = self.deferred or not self.inside
            if found is None or not _TAIL_ONLY.fullmatch(line, found[1]):
                raise _Decline
            return found[0]
        if first == "[":
            return self.flow_list(index, column, path)
        if first in ">|":
            return self.text_block(rest.rstrip(" "), index, parent)
        end = rest.find(" #")
        plain = (rest if end < 0 else rest[:end]).rstrip(" ")
        if not plain or plain[0] in _NOT_FIRST or ": " in plain or plain[-1] == ":":
            raise _Decline
        return None if plain in _NULLS else plain

    def flow_list(self, index: int, column: int, path: Path) -> list[Any]:
        line = self.lines[index]
        if _EMPTY_LIST.fullmatch(line, column):
            return []
        items: list[Any] = []
        pos = column + 1
        values = self.values
        while True:
            match = _LIST_ITEM.match(line, pos)
            if match is None:
                raise _Decline
            dq, sq, plain, end = match.groups()
            if dq is not None:
                value: Any = dq[1:-1]
                if "\\" in value:
                    value = value.replace('\\"', '"').replace("\\\\", "\\")
                start = match.start("dq")
            elif sq is not None:
                value, start = sq[1:-1].replace("''", "'"), match.start("sq")
            else:
                value, start = None if plain in _NULLS else plain, match.start("plain")
            values[path + (len(items),)] = (index + 1, start + 1)
            items.append(value)
            pos = match.end()
            if end == "]":
                break
        if not _TAIL_ONLY.fullmatch(line, pos):
            raise _Decline
        return items

    def text_block(self, header: str, index: int, parent: int) -> str:
        """A block text (`>`, `>-`, `|`, `|-`) whose lines follow line `index`, each at one
        indentation deeper than `parent`, with no blank line between them."""
        if header not in _HEADERS:
            raise _Decline  # an indentation indicator, keep (+), or a comment after it
        lines = self.lines
        at = index + 1
        body: list[str] = []
        indent = -1
        while at < len(lines):
            line = lines[at]
            content = line.lstrip(" ")
            if not content:
                if line:
                    raise _Decline  # a line of spaces: content or not, by its length
                if indent >= 0 and self._text_goes_on(at, indent):
                    raise _Decline  # a blank line inside the text
                break
            margin = len(line) - len(content)
            if indent < 0:
                if margin <= parent:
                    break
                indent = margin
            if margin < indent:
                break
            if margin > indent or content[-1] == " ":
                raise _Decline  # a more indented line keeps its breaks; a space at the end stays
            body.append(content)
            at += 1
        if not body:
            raise _Decline
        self.at = at
        text = ("\n" if header[0] == "|" else " ").join(body)
        # clipped, the text keeps its last line break: none where the file ends without one
        return text if header[-1] == "-" or at == len(lines) else text + "\n"

    def _text_goes_on(self, at: int, indent: int) -> bool:
        """Whether a line after the blank ones from `at` on still belongs to a block text
        indented by `indent` (a comment-like line too: inside the text, it is text)."""
        for line in self.lines[at:]:
            if line:
                return len(line) - len(line.lstrip(" ")) >= indent
        return False
