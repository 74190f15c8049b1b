"""Reading a file gga was pointed at, only where it is a regular file of a sane size.

A case folder comes from someone's git clone: a file in it may be a link to `/dev/zero`
(reading it never ends), a FIFO (opening it waits for a writer that never comes), a link
to itself, or a link to nothing. The file is looked at before it is read (`stat`; where
the folder's listing showed a regular file, no link, the listing is that look), opened
without waiting (`O_NONBLOCK`), looked at again on the open descriptor (it may have been
swapped in between), and read no further than the limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from gga_cli.i18n import Lang, pick


class Unreadable(Exception):
    """The file cannot be read as a case file: `code` (F005 too large, F007 not a regular
    file, F001 no access) and a message in the report language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _kind(mode: int, lang: Lang) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, nl, en in (
        (stat.S_ISDIR, "een map", "a folder"),
        (stat.S_ISFIFO, "een FIFO (named pipe)", "a FIFO (named pipe)"),
        (stat.S_ISCHR, "een apparaat (character device)", "a device (character device)"),
        (stat.S_ISBLK, "een apparaat (block device)", "a device (block device)"),
        (stat.S_ISSOCK, "een socket", "a socket"),
    ):
        if test(mode):
            return pick(lang, nl, en)
    return None if stat.S_ISREG(mode) else pick(lang, "geen gewoon bestand", "no regular file")


def _not_regular(what: str, lang: Lang) -> Unreadable:
    return Unreadable("F007", pick(lang, f"is {what}, geen gewoon bestand; gga leest het niet",
                                   f"is {what}, not a regular file; gga does not read it"))


def too_large(size: int, limit: int, lang: Lang) -> Unreadable:
    shown = f"{size / (1024 * 1024):.1f} MiB"
    most = f"{limit / (1024 * 1024):g} MiB"
    return Unreadable("F005", pick(lang, f"bestand is {shown}, groter dan {most}", f"file is {shown}, larger than {most}"))


def read_regular(path: Path, limit: int, lang: Lang, listed_regular: bool = False) -> bytes:
    """The bytes of a regular file no larger than `limit`; Unreadable otherwise.

    `listed_regular`: the folder's listing (`os.scandir`, which learns each entry's type
    from the same system call) showed a regular file, no link, at `path`; it is then not
    looked at before it is opened, only on the open descriptor, as every file is (a cold
    check over 1,000 generated cases opens 6,000 files)."""
    if not listed_regular:
        try:
            before = os.stat(path)
        except OSError as err:
            if err.errno == errno.ELOOP:
                raise _not_regular(pick(lang, "een link die naar zichzelf leidt", "a link that leads to itself"), lang) from None
            if err.errno == errno.ENOENT and os.path.islink(path):
                raise _not_regular(pick(lang, f"een link naar iets dat niet bestaat ({os.readlink(path)})",
                                        f"a link to something that does not exist ({os.readlink(path)})"), lang) from None
            raise _no_access(err, lang) from None
        what = _kind(before.st_mode, lang)
        if what is not None:
            raise _not_regular(what, lang)
        if before.st_size > limit:
            raise too_large(before.st_size, limit, lang)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise _no_access(err, lang) from None
    try:
        now = os.fstat(fd)
        what = _kind(now.st_mode, lang)
        if what is not None:
            raise _not_regular(what, lang)
        if now.st_size > limit:
            raise too_large(now.st_size, limit, lang)
        chunks: list[bytes] = []
        size = 0
        # the size it has now and one byte more (to see that it grew) in the first read: a
        # read of the whole limit would make a buffer of a mebibyte for every small file
        want = min(now.st_size + 1, limit + 1)
        while size <= limit:
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < want and size == now.st_size:
                break  # a regular file reads short only at its end: no read more to learn it
            want = min(64 * 1024, limit + 1 - size)
    except OSError as err:
        raise _no_access(err, lang) from None
    finally:
        os.close(fd)
    if size > limit:  # it grew after it was looked at
        raise too_large(size, limit, lang)
    return b"".join(chunks)


def _no_access(err: OSError, lang: Lang) -> Unreadable:
    reason = err.strerror or type(err).__name__
    return Unreadable("F001", pick(lang, f"kan het bestand niet lezen: {reason}", f"cannot read the file: {reason}"))
