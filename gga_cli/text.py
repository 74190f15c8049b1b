"""Free text a user types on the command line, checked before it goes into a case file."""

from __future__ import annotations

import re

from gga_cli.errors import Invalid

CONTROL_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""Control characters no case file holds: C0 but tab, newline and carriage return; DEL; C1."""

CONTROL = re.compile(f"[{CONTROL_CLASS}]")

INVISIBLE_CLASS = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
"""Characters that change how text reads without being seen: the zero-width space, direction
marks, bidi embeddings, overrides and isolates, the word joiner, a byte-order mark inside the
text. (The zero-width joiner and non-joiner, U+200D and U+200C, are left alone: an emoji
family and Persian script need them.) Each is written out, with no range: the same string is
a regular expression's class (`[...]`) and the characters `holds_invisible` looks for."""


def holds_any(text: str, chars: str) -> bool:
    """Whether the text holds one of the characters. Testing each with `in` is many times
    faster than a regular expression's class: a text of Latin-1 characters only (most case
    files) answers at once for any character above U+00FF, and one that is not searches
    its memory for one character at a time (measured: 60 ms -> 2 ms for the files of 300
    generated cases)."""
    return any(char in text for char in chars)


def holds_invisible(text: str) -> bool:
    """Whether the text holds a character of INVISIBLE_CLASS (then the class's pattern tells where)."""
    return not text.isascii() and holds_any(text, INVISIBLE_CLASS)


def checked(value: str | None, about: str) -> str | None:
    """Free text as given; Invalid (naming the argument `about`) where it holds what no file should."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Invalid(": the text is not UTF-8", about) from None
    if not value.strip():
        raise Invalid("is empty: leave it out, or say something", about)
    found = CONTROL.search(value)
    if found:
        raise Invalid(f": control character U+{ord(found.group(0)):04X} in the text", about)
    return value
