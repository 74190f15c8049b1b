"""Edits of case files as pure functions: the old text in, the new text out.

An edit changes only what it must: it appends one line, replaces one value, or adds one
block, and leaves every other byte alone (comments, blank lines, quotes, key order, the
line ends of the file). Places in the text are found from the parser's marks; nothing is
ever re-dumped.

Values are written the way a careful user would: dates, numbers and ids plain, free text
always in double quotes with every character that YAML could read differently escaped,
so a note with quotes, colons, `#`, commas, newlines or emoji reads back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gga_cli import flowlines, yamlread


class EditError(Exception):
    """The text is not shaped so that the edit can be made safely (the file is left as it is)."""


# --- writing values ------------------------------------------------------------------

_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0", "\x07": "\\a",
    "\b": "\\b", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\e", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
}


def _printable(code: int) -> bool:
    """YAML's printable set, without the byte-order mark (which readers may drop)."""
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`, on one line."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _printable(code):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:  # pragma: no cover - every code point above U+FFFF is printable
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
# words YAML 1.1 tools read as null or booleans: quoted, so editors see text as gga does
_SPECIAL = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def token(text: str) -> str:
    """A date, number, id or kind: plain where that is safe, else double-quoted.

    A value that is no id (`Els`, `a}b`) is quoted, so the text stays well-formed YAML and
    the schema, not the parser, says what is wrong with it.
    """
    if _TOKEN.fullmatch(text) and text.lower() not in _SPECIAL:
        return text
    return quoted(text)


def flow_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(token(item) for item in items) + "]"


def flow_mapping(pairs: Sequence[tuple[str, str]]) -> str:
    """`{key: value, ...}` from keys and values already written as YAML."""
    return "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"


# --- finding places in the text ------------------------------------------------------


@dataclass
class Node:
    """A node of a YAML document and where it stands: `start` and `end` are offsets in the text."""

    kind: str  # "scalar", "map" or "seq"
    start: int
    end: int
    flow: bool = False
    value: str = ""
    style: str | None = None  # a scalar's quote style: None (plain), "'", '"', "|", ">"
    items: list[Node] = field(default_factory=list)
    pairs: list[tuple[Node, Node]] = field(default_factory=list)

    @property
    def null(self) -> bool:
        return self.kind == "scalar" and self.style is None and self.value in ("", "~", "null", "Null", "NULL")

    def last_offset(self) -> int:
        """Where the node's own text ends (a block collection's end mark lies at the next token)."""
        if self.kind == "scalar" or self.flow:
            return self.end
        children = self.items or [n for pair in self.pairs for n in pair]
        return max((child.last_offset() for child in children), default=self.start)

    def get(self, key: str) -> tuple[Node, Node] | None:
        for pair in self.pairs:
            if pair[0].value == key:
                return pair
        return None


@dataclass
class Document:
    root: Node | None
    end_marker: int | None  # where an explicit `...` stands


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, as both parsers count them

def parse(text: str, loader: type[Any] | None = None) -> Document:
    """The document's nodes with their places; EditError where the text is no YAML.

    Offsets come from each mark's line and column (characters, as both parsers count
    them; both leave a byte-order mark out of the first line's columns).
    """
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]
    bom = 1 if text.startswith("\ufeff") else 0

    def _offset(mark: Any) -> int:
        if mark.line >= len(starts):  # libyaml ends a text without a last line end on a line after it
            return len(text)
        return int(starts[mark.line] + mark.column + (bom if mark.line == 0 else 0))

    import yaml  # here, not with the module: appending to a file of one entry a line needs no parse

    stack: list[Node] = []
    pending: list[Node | None] = []  # per open mapping: the key waiting for its value
    root: Node | None = None
    end_marker: int | None = None
    try:
        # libyaml's parser by default, some twenty times faster on a long scores.yaml
        for event in yaml.parse(text, Loader=loader or yamlread.loader()):
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                start, end = _offset(event.start_mark), _offset(event.end_mark)
                if isinstance(event, yaml.ScalarEvent):
                    node = Node("scalar", start, end, value=event.value, style=event.style or None)
                else:
                    kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                    node = Node(kind, start, end, flow=bool(event.flow_style))
                if not stack:
                    root = node
                elif stack[-1].kind == "seq":
                    stack[-1].items.append(node)
                elif pending[-1] is None:
                    pending[-1] = node
                else:
                    key = pending[-1]
                    stack[-1].pairs.append((key, node))
                    pending[-1] = None
                if node.kind != "scalar":
                    stack.append(node)
                    pending.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop().end = _offset(event.end_mark)
                pending.pop()
            elif isinstance(event, yaml.DocumentEndEvent) and event.explicit:
                end_marker = _offset(event.start_mark)
            elif isinstance(event, yaml.AliasEvent):
                raise EditError("the file uses an alias (*name); gga does not edit it")
    except yaml.YAMLError as err:
        raise EditError(f"the file is no valid YAML: {err}") from None
    return Document(root, end_marker)


# --- the text around a place -----------------------------------------------------------


def newline_of(text: str) -> str:
    """The file's line end: the style of its first line break, LF for a file without one."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _ended(text: str) -> str:
    """The text with a line end after its last line (a file may lack one)."""
    if text and not text.endswith("\n"):
        return text + newline_of(text)
    return text


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _column(text: str, offset: int) -> int:
    start = _line_start(text, offset)
    return offset - start - (1 if start == 0 and text.startswith("\ufeff") else 0)


def _next_line(text: str, offset: int) -> int:
    """The start of the line after the one holding `offset` (the end of the text if none)."""
    if offset > 0 and text[offset - 1] == "\n":
        return offset
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


def _after_comments(text: str, offset: int, deeper_than: int) -> int:
    """Skip the comment lines indented deeper than an entry's dash: they belong to that entry."""
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end + 1
        line = text[offset:end]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= deeper_than:
            break
        offset = end
    return offset


def _colon_after(text: str, key: Node) -> int:
    """The offset just after the `:` that ends a mapping key."""
    colon = text.find(":", key.end)
    if colon < 0:  # pragma: no cover - a parsed key is always followed by its colon
        raise EditError("a key without its colon")
    return colon + 1


def _top_mapping(text: str, what: str) -> tuple[Document, Node]:
    document = parse(text)
    if document.root is None or document.root.kind != "map" or document.root.flow:
        raise EditError(f"{what} is no block mapping of keys")
    return document, document.root


def _insert(text: str, offset: int, lines: str) -> str:
    if offset >= len(text):
        return _ended(text) + lines
    return text[:offset] + lines + text[offset:]


def _append_key(text: str, document: Document, root: Node, lines: list[str]) -> str:
    """New top-level lines at the end of the mapping (before a `...` marker if there is one)."""
    nl = newline_of(text)
    indent = " " * _column(text, root.start)
    block = "".join(indent + line + nl for line in lines)
    if document.end_marker is not None:
        return _insert(text, _line_start(text, document.end_marker), block)
    return _ended(text) + block


# --- the edits ---------------------------------------------------------------------


def append_entry(text: str | None, entry: str, modeline: str | None = None) -> str:
    """scores.yaml or contacts.yaml with one more entry line `- {...}` at its end.

    A file that does not exist yet (None) starts with the schema modeline, LF line ends.
    """
    if text is None or text == "":
        head = f"{modeline}\n" if modeline else ""
        return f"{head}- {entry}\n"
    nl = newline_of(text)
    if flowlines.read(text) is not None:
        # entries of one flow mapping a line from the first column, blank lines and comments,
        # nothing else (no `---`, no `...`): the new line goes at the end, as below, without
        # the parse (a recording then needs no PyYAML for scores.yaml or contacts.yaml)
        return _ended(text) + f"- {entry}{nl}"
    document = parse(text)
    root = document.root
    if root is None:  # only comments so far
        return _ended(text) + f"- {entry}{nl}"
    if root.kind != "seq":
        raise EditError("the file is no list of entries (- {...})")
    if root.flow:
        if not root.items:  # `[]`: the first entry replaces it
            return text[: root.start] + f"- {entry}" + text[root.end :]
        return text[: root.end - 1] + f", {entry}" + text[root.end - 1 :]
    line = " " * _column(text, root.start) + f"- {entry}{nl}"
    if document.end_marker is not None:
        return _insert(text, _line_start(text, document.end_marker), line)
    return _ended(text) + line


def set_value(text: str, key: str, value: str) -> str:
    """A top-level key's scalar value replaced (quote style kept), or the key added at the end."""
    document, root = _top_mapping(text, "the file")
    pair = root.get(key)
    if pair is None:
        return _append_key(text, document, root, [f"{key}: {value}"])
    key_node, node = pair
    if node.kind != "scalar" or node.style in ("|", ">"):
        raise EditError(f"{key} holds no single value")
    if node.style in ("'", '"') and _TOKEN.fullmatch(value):
        value = f"{node.style}{value}{node.style}"
    if node.start == node.end:  # `key:` with nothing after it
        return text[: _colon_after(text, key_node)] + " " + value + text[node.end :]
    return text[: node.start] + value + text[node.end :]


def append_item(text: str, key: str, entry: str) -> str:
    """One more `- {...}` line in the list under a top-level key (made where absent or empty)."""
    document, root = _top_mapping(text, "the file")
    nl = newline_of(text)
    pair = root.get(key)
    if pair is None:
        return _append_key(text, document, root, [f"{key}:", f"  - {entry}"])
    key_node, node = pair
    indent = " " * (_column(text, key_node.start) + 2)
    if node.null or (node.kind == "seq" and node.flow and not node.items):
        # `key:`, `key: null` or `key: []` becomes a block list with the one entry
        return text[: _colon_after(text, key_node)] + nl + f"{indent}- {entry}" + text[node.end :]
    if node.kind != "seq":
        raise EditError(f"{key} is no list")
    if node.flow:
        return text[: node.end - 1] + f", {entry}" + text[node.end - 1 :]
    dash = _column(text, node.start)
    at = _after_comments(text, _next_line(text, node.items[-1].last_offset()), dash)
    return _insert(text, at, " " * dash + f"- {entry}{nl}")


def set_block(text: str, key: str, lines: list[str]) -> str:
    """A top-level key given a block mapping of `lines`, where it is absent or null.

    Raises EditError where the key already holds something: nothing is overwritten.
    """
    document, root = _top_mapping(text, "the file")
    nl = newline_of(text)
    pair = root.get(key)
    if pair is None:
        return _append_key(text, document, root, [f"{key}:", *(f"  {line}" for line in lines)])
    key_node, node = pair
    if not node.null:
        raise EditError(f"{key} holds a value already")
    indent = " " * (_column(text, key_node.start) + 2)
    block = "".join(nl + indent + line for line in lines)
    return text[: _colon_after(text, key_node)] + block + text[node.end :]
