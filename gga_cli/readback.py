"""Values read back from JSON that gga wrote itself (its caches), each of the type written.

Anything else raises TypeError, and the caller makes the entry afresh: a cache file is
never trusted for more than its shape. Shared by the board's rows and the stats' facts.
"""

from __future__ import annotations

from typing import Any


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def maybe_text(value: Any) -> str | None:
    return None if value is None else text(value)


def whole(value: Any) -> int:
    """A whole number (a bool, which JSON keeps apart, is none)."""
    if type(value) is not int:
        raise TypeError(value)
    return value


def maybe_whole(value: Any) -> int | None:
    return None if value is None else whole(value)
