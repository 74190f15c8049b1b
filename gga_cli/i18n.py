"""The two report languages: Dutch (the default) and English."""

from __future__ import annotations

import datetime as dt
from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

_MONTHS_NL = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def pick(lang: Lang, nl: str, en: str) -> str:
    """The text in the report language."""
    return nl if lang == "nl" else en


def long_date(day: dt.date, lang: Lang) -> str:
    """A date the way each language writes it in prose: 6 december 2026 / 6 December 2026."""
    months = _MONTHS_NL if lang == "nl" else _MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def short_date(day: dt.date, lang: Lang) -> str:
    """A compact date for tables: 06-12-2026 in Dutch, 2026-12-06 in English."""
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def days(n: int, lang: Lang) -> str:
    if lang == "nl":
        return f"{n} dag" if n == 1 else f"{n} dagen"
    return f"{n} day" if n == 1 else f"{n} days"
