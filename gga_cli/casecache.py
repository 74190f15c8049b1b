"""What one-case commands show of a case, kept in `<caseload>/.gga/` while the case is unchanged.

`gga show` on a case nobody touched since it was last shown builds no model and parses no
YAML: it prints what it printed then. One file a case (`case-<hash of its folder>.json`)
holds the case's folder signature (`cachedir.signature`: every file's size, mtime, ctime
and inode, and the bytes of one just changed), the key of everything else a view depends on
(the day, the language asked for, gga.toml's bytes, gga's own code: `cache.context_key`),
and the views made under them, each named by what it depends on besides (the command, its
options, the terminal's width and colours). Any change to any of these and the view is made
afresh; so it is never stale.

A view is JSON (text, or files as text), never code: a cache file from a clone runs nothing,
and one that cannot be read is made again. The signature is taken before the view is made,
so a file changed while it is made leaves a view that the next run will not trust. The same
rules as the board's cache hold: only inside a caseload with its gga.toml, only where
`.gga` is gga's own plain directory, private to its owner, never in git.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gga_cli import cachedir
from gga_cli.cache import _relative, context_key

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload



@dataclass
class Served:
    """What a one-case command puts out: text for stdout, files to write (path: UTF-8 text),
    remarks for stderr."""

    stdout: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"stdout": self.stdout, "files": self.files, "notes": self.notes}

    @classmethod
    def from_json(cls, data: Any) -> Served | None:
        """The view back from the cache; None where anything in it is not as written."""
        if not isinstance(data, dict):
            return None
        stdout, files, notes = data.get("stdout"), data.get("files"), data.get("notes")
        if not (stdout is None or isinstance(stdout, str)) or not isinstance(files, dict) or not isinstance(notes, list):
            return None
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()) or not all(isinstance(n, str) for n in notes):
            return None
        return cls(stdout, files, notes)


def file_name(relative: str) -> str:
    return cachedir.case_file("case", relative)


def served(caseload: Caseload, folder: Path, what: str, make: Callable[[], Served]) -> Served:
    """The view `what` of the case in `folder`: from its cache where nothing it depends on
    changed, else made by `make` and kept for the next time."""
    root = caseload.root
    if not caseload.target.has_settings:
        return make()
    relative = _relative(folder, root)
    name = file_name(relative)
    key = context_key(root, caseload.today.isoformat(), caseload.asked_lang or "")
    stored = cachedir.read(root, name)
    entry = stored if _usable(stored, key, relative) else None
    now = time.time_ns()
    sig = cachedir.signature(folder, now, cachedir.hashed(entry["signature"]) if entry else frozenset())
    if entry is not None and sig is not None and entry["signature"] == sig:
        view = Served.from_json(entry["views"].get(what))
        if view is not None:
            if cachedir.settled(sig, now) != sig:  # verified well after its last change: the stat will do from now on
                cachedir.write(root, name, {**entry, "signature": cachedir.settled(sig, now)})
            return view
    else:
        entry = None
    view = make()
    if sig is not None:
        views = {**entry["views"], what: view.to_json()} if entry is not None else {what: view.to_json()}
        cachedir.write(root, name, {"key": key, "folder": relative, "signature": sig, "views": views})
        from gga_cli.orgsettings import remember

        remember(caseload)
    return view


def _usable(stored: Any, key: str, relative: str) -> bool:
    return (
        isinstance(stored, dict) and stored.get("key") == key and stored.get("folder") == relative
        and isinstance(stored.get("signature"), list) and isinstance(stored.get("views"), dict)
    )
