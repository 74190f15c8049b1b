"""Changing two files of a case as one: both new texts, or neither, even if gga is killed.

One file is replaced atomically by `atomic.write_bytes`. A recording that changes two
(a contact with its score) writes a journal first: the new texts, with a digest of what
each file held before and will hold after, itself written atomically into the case folder
(`.gga-journal`, git-ignored). Only then are the files replaced, one by one, and the
journal removed. Killed before the journal is in place, nothing changed; killed after,
the next command that takes the case's lock finds the journal and finishes the job.

The journal never holds more than the new texts. A file that changed in between (neither
its old nor its new digest) stops the replay: the journal is kept, and gga says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import stat
from pathlib import Path

from gga_cli import atomic

JOURNAL = ".gga-journal"
FORMAT = 1
MAX_BYTES = 8 * 1024 * 1024  # two case files of at most 1 MiB each, escaped as JSON
# the only files a journal may name: a case's own, so a journal can never write elsewhere
NAMES = ("case.yaml", "genogram.yaml", "safety-plan.yaml", "change-plan.yaml", "safeguarding-plan.yaml",
         "scores.yaml", "contacts.yaml")


class JournalError(Exception):
    """An interrupted recording cannot be finished safely; the journal is left in place."""


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def write_together(folder: Path, texts: dict[str, str]) -> list[Path]:
    """Replace the files named in `texts` (case file names) all together, or leave them all.

    Call it only while holding the folder's lock. An error while replacing puts back what
    was replaced already; only a kill leaves the journal for the next command to finish.
    """
    if len(texts) == 1:
        [(name, text)] = texts.items()
        atomic.remove_leftovers(folder / name)
        atomic.write_text(folder / name, text)
        return [folder / name]
    before = {name: _current(folder / name) for name in texts}
    new = {name: text.encode("utf-8") for name, text in texts.items()}
    entries = {name: {"before": _digest(before[name]), "after": _digest(new[name]), "text": texts[name]} for name in texts}
    import json  # here, not at the top: a recording of one file (a score) never needs it

    journal = folder / JOURNAL
    atomic.remove_leftovers(journal)
    atomic.write_bytes(journal, json.dumps({"gga-journal": FORMAT, "files": entries}, ensure_ascii=False).encode("utf-8"))
    written: list[Path] = []
    try:
        for name, data in new.items():
            atomic.remove_leftovers(folder / name)
            atomic.write_bytes(folder / name, data)
            written.append(folder / name)
    except OSError:
        _put_back(folder, before, written)
        raise
    _remove(journal)
    return written


def _put_back(folder: Path, before: dict[str, bytes | None], written: list[Path]) -> None:
    """After a failed write: the replaced files get their old bytes, and the journal goes."""
    try:
        for path in written:
            old = before[path.name]
            if old is None:
                path.unlink()
            else:
                atomic.write_bytes(path, old)
    except OSError:
        return  # the journal stays: the next command finishes the recording instead
    _remove(folder / JOURNAL)


def _remove(journal: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        journal.unlink()
    atomic._fsync_dir(journal.parent)


def _read(journal: Path) -> dict[str, dict[str, str | None]]:
    """The journal's entries, checked: known file names, texts that match their digests."""
    where = f"{journal.parent.name}/{JOURNAL}"
    bad = JournalError(f"{where} is no journal gga wrote; look at it, and remove it to record again")
    info = journal.lstat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        raise bad
    import json

    try:
        data = json.loads(journal.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise bad from None
    files = data.get("files") if isinstance(data, dict) and data.get("gga-journal") == FORMAT else None
    if not isinstance(files, dict) or not files:
        raise bad
    for name, entry in files.items():
        if name not in NAMES or not isinstance(entry, dict):
            raise bad
        text, after, old = entry.get("text"), entry.get("after"), entry.get("before")
        if not isinstance(text, str) or not isinstance(after, str) or not (old is None or isinstance(old, str)):
            raise bad
        if _digest(text.encode("utf-8")) != after:
            raise bad
    return files


def recover(folder: Path) -> list[str]:
    """Finish a recording that was killed halfway; the names of the files it completed.

    Call it only while holding the folder's lock, before reading the case.
    """
    journal = folder / JOURNAL
    try:
        journal.lstat()
    except FileNotFoundError:
        return []
    try:
        return _replay(folder, journal)
    except OSError as err:
        raise JournalError(f"a recording in {folder.name} was interrupted and cannot be finished: {err.strerror or err}") from None


def _replay(folder: Path, journal: Path) -> list[str]:
    files = _read(journal)
    pending: dict[str, str] = {}
    for name, entry in files.items():
        now = _digest(_current(folder / name))
        if now == entry["after"]:
            continue
        if now != entry["before"]:
            raise JournalError(
                f"a recording in {folder.name} was interrupted, and {name} changed since; "
                f"its new text is in {folder.name}/{JOURNAL}: compare, then remove the journal to record again")
        text = entry["text"]
        assert isinstance(text, str)
        pending[name] = text
    for name, text in pending.items():
        atomic.remove_leftovers(folder / name)
        atomic.write_text(folder / name, text)
    _remove(journal)
    return sorted(pending)
