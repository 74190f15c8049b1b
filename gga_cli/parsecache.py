"""The parsed block files of a case, kept in `<caseload>/.gga/` by the hash of their bytes.

A recording validates the whole case, before and after its edit. The scores and contacts
go through the fast line reader (`flowlines`), but case.yaml, genogram.yaml and the plans
go through libyaml's event parser (`yamlread.parse`), and importing PyYAML alone costs a
recording about a sixth of its time over an empty typer app. Those files seldom change
between two recordings. So the tree and places the event parser built for each of them
are kept, keyed by a BLAKE2 hash of the file's bytes and gga's code, and used again for
the very same bytes without PyYAML.

Only a parse without any problem is kept. What comes back is only the parse: the schema
still validates it, and the rules still judge it. A cache entry is JSON (strings, lists,
mappings and null, as the event parser gives them; never code). It is read only when every
part of it is as written, and it is ignored otherwise. The same rules as for gga's other
caches hold (`cachedir`): only inside a caseload with its gga.toml, only where `.gga` is
gga's own plain directory, private to its owner, never in git.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from gga_cli import cachedir
from gga_cli.yamlread import Parsed, Places

FORMAT = 1


def file_name(relative: str) -> str:
    return cachedir.case_file("parsed", relative)


def _digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class Parses:
    """The kept parses of one case folder's block files, by file name."""

    def __init__(self, root: Path, relative: str) -> None:
        self.root = root
        self.name = file_name(relative)
        self.code = cachedir.code_version()
        stored = cachedir.read(root, self.name)
        usable = (
            isinstance(stored, dict) and stored.get("format") == FORMAT and stored.get("code") == self.code
            and stored.get("folder") == relative and isinstance(stored.get("files"), dict)
        )
        self.relative = relative
        self.files: dict[str, Any] = stored["files"] if usable else {}
        self.changed = False

    def get(self, name: str, raw: bytes) -> Parsed | None:
        """The parse kept for these bytes of file `name`, or None."""
        entry = self.files.get(name)
        if not isinstance(entry, dict) or entry.get("hash") != _digest(raw):
            return None
        data = entry.get("data")
        values, keys = _places(entry.get("values")), _places(entry.get("keys"))
        if values is None or keys is None or not _plain(data):
            return None
        return Parsed(data, values=values, keys=keys)

    def put(self, name: str, raw: bytes, parsed: Parsed) -> None:
        """Keep the parse of these bytes (made without a problem) of file `name`."""
        self.files[name] = {
            "hash": _digest(raw), "data": parsed.data,
            "values": [[list(path), line, column] for path, (line, column) in parsed.values.items()],
            "keys": [[list(path), line, column] for path, (line, column) in parsed.keys.items()],
        }
        self.changed = True

    def save(self) -> None:
        """Write what was added, where anything was; a cache that cannot be written is skipped."""
        if self.changed:
            cachedir.write(self.root, self.name, {"format": FORMAT, "code": self.code, "folder": self.relative, "files": self.files})
            self.changed = False


def _places(stored: Any) -> Places | None:
    """[[path, line, column], ...] back to places; None where any part is not as written."""
    if not isinstance(stored, list):
        return None
    places: Places = {}
    for item in stored:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], list)):
            return None
        path, line, column = item
        if not all(type(part) in (str, int) for part in path) or type(line) is not int or type(column) is not int:
            return None
        places[tuple(path)] = (line, column)
    return places


def _plain(data: Any) -> bool:
    """Whether the data is what the event parser makes: mappings of text keys, lists, text
    and null, and nothing else (no number, no boolean: every scalar stays text)."""
    stack = [data]
    while stack:
        node = stack.pop()
        if node is None or type(node) is str:
            continue
        if type(node) is list:
            stack.extend(node)
        elif type(node) is dict:
            if not all(type(key) is str for key in node):
                return False
            stack.extend(node.values())
        else:
            return False
    return True
