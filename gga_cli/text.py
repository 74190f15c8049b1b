"""Free text a user types on the command line, checked before it goes into a case file."""

from __future__ import annotations

import re

from gga_cli.errors import Invalid

CONTROL_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""Control characters no case file holds: C0 but tab, newline and carriage return; DEL; C1."""

CONTROL = re.compile(f"[{CONTROL_CLASS}]")


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
